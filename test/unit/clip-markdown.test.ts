import { describe, expect, it } from 'vitest';
import { clipsFileName, clipsMarkdown } from '../../utils/clip-markdown';
import type { ClipView } from '../../utils/views';
import { LUO, passage, SEMINAR } from '../fixtures/views/term-detail';

const CLIPS: ClipView[] = [
  {
    id: 4,
    passageId: 'g7-action-plan-2016:a1.border-security.b2',
    savedAt: '2026-03-14T09:00:00.000Z',
    citation: passage({
      id: 'g7-action-plan-2016:a1.border-security.b2',
      text: 'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.',
      locator: 'Action 1 › Border Security › bullet 2',
    }),
  },
  {
    id: 2,
    passageId: 'seminar-2020:s01.p13',
    savedAt: '2026-03-14T09:01:00.000Z',
    citation: passage({
      id: 'seminar-2020:s01.p13',
      text: 'The so-called “East Turkistan” issue [is] about countering terrorism and separatism.',
      kind: 'position',
      locator: 'Speech 1 (Luo Zhaohui), para. 13',
      document: SEMINAR,
      actor: LUO,
    }),
  },
  {
    id: 7,
    passageId: 'retired-document:p9',
    savedAt: '2025-11-03T10:00:00.000Z',
    citation: null,
  },
];

describe('clipsMarkdown', () => {
  it('writes each clip in order with its quotation and full citation', () => {
    expect(clipsMarkdown(CLIPS, '2026-03-14')).toBe(
      `# Clips from Pledgemark

3 clips, exported on 2026-03-14.

## 1. G7 Action Plan 2016, Action 1 › Border Security › bullet 2

> Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.
>
> — *G7 Action Plan on Countering Terrorism and Violent Extremism*; G7 leaders (Ise-Shima Summit); May 2016, Ise-Shima, Japan; Action 1 › Border Security › bullet 2.

Commitment · G7 · May 2016

## 2. Virtual Seminar 2020 Proceedings, Speech 1 (Luo Zhaohui), para. 13

> The so-called “East Turkistan” issue \\[is\\] about countering terrorism and separatism.
>
> — Luo Zhaohui, Vice Minister, Ministry of Foreign Affairs, China; *International Virtual Seminar 2020 on Joint Response to Terrorism under the New Circumstances*; Ministry of Foreign Affairs of the PRC and China Institute of International Studies (CIIS); December 22, 2020; Speech 1 (Luo Zhaohui), para. 13.

Position · Luo Zhaohui, Vice Minister, Ministry of Foreign Affairs, China · December 22, 2020

## 3. Passage retired-document:p9

This passage is no longer in Pledgemark’s corpus, and its citation was not kept.
`,
    );
  });

  it('says so when there is nothing to export', () => {
    expect(clipsMarkdown([], '2026-03-14')).toBe(
      '# Clips from Pledgemark\n\n0 clips, exported on 2026-03-14.\n',
    );
  });

  it('names the file after the day', () => {
    expect(clipsFileName('2026-03-14')).toBe('pledgemark-clips-2026-03-14.md');
  });
});
