import { describe, expect, it } from 'vitest';
import { citationMarkdown, citationText } from '../../utils/citation';
import {
  countsLine,
  excerpt,
  groupByActor,
  groupByDocument,
  positionsSourceNote,
  strongestQuote,
} from '../../utils/term-card-model';
import { FATF_DETAIL, GUL, passage, SEMINAR } from '../fixtures/views/term-detail';

describe('citations', () => {
  const speech = passage({
    id: 's07.p2',
    text: 'Pakistan works with the *FATF*.',
    kind: 'position',
    locator: 'Speech 7 (Imtiaz Gul), para. 2',
    document: SEMINAR,
    actor: GUL,
  });

  it('give the quotation, speaker, document, issuer, date and locator as plain text', () => {
    expect(citationText(FATF_DETAIL.commitments[1]!)).toBe(
      '“The CTWG will seek to engage other APEC sub-fora to comply with the Financial Action Task Force Recommendations.” — ' +
        'Counter-Terrorism Working Group Proposed Workplan for 2017; APEC Counter-Terrorism Working Group (CTWG) Chair; ' +
        '28 February 2017, Nha Trang, Viet Nam; 2017/SOM1/SCE-COW/002; Secure Finance › bullet 2.',
    );
    expect(citationText(speech)).toBe(
      '“Pakistan works with the *FATF*.” — Imtiaz Gul, Executive Director, Center for Research and Security Studies, Pakistan; ' +
        'International Virtual Seminar 2020 on Joint Response to Terrorism under the New Circumstances; ' +
        'Ministry of Foreign Affairs of the PRC and China Institute of International Studies (CIIS); December 22, 2020; ' +
        'Speech 7 (Imtiaz Gul), para. 2.',
    );
  });

  it('give a Markdown block quote with the title in italics and markup escaped', () => {
    expect(citationMarkdown(speech)).toBe(
      '> Pakistan works with the \\*FATF\\*.\n>\n> — Imtiaz Gul, Executive Director, Center for Research and Security Studies, Pakistan; ' +
        '*International Virtual Seminar 2020 on Joint Response to Terrorism under the New Circumstances*; ' +
        'Ministry of Foreign Affairs of the PRC and China Institute of International Studies (CIIS); December 22, 2020; ' +
        'Speech 7 (Imtiaz Gul), para. 2.',
    );
  });
});

describe('the card model', () => {
  it('groups commitments by document in date order and positions by actor, most first', () => {
    expect(
      groupByDocument(FATF_DETAIL.commitments).map((group) => [
        group.document.id,
        group.passages.length,
      ]),
    ).toEqual([
      ['g7-action-plan-2016', 1],
      ['apec-workplan-2017', 1],
    ]);
    expect(
      groupByActor(FATF_DETAIL.positions).map((group) => [group.actor.id, group.passages.length]),
    ).toEqual([
      ['imtiaz-gul', 2],
      ['luo-zhaohui', 1],
    ]);
  });

  it('counts commitments, documents, positions and actors', () => {
    expect(countsLine(FATF_DETAIL)).toBe('2 commitments in 2 documents, 3 positions by 2 actors');
    expect(
      countsLine({
        ...FATF_DETAIL,
        commitments: FATF_DETAIL.commitments.slice(0, 1),
        positions: [],
      }),
    ).toBe('1 commitment in 1 document, no positions');
  });

  it('emphasises mentions and trims long text around the first one, at word boundaries', () => {
    const text = 'alpha beta gamma FATF delta epsilon zeta eta theta iota kappa';
    const whole = excerpt(text, [{ start: 17, end: 21 }]);
    expect(whole).toEqual({
      segments: [
        { text: 'alpha beta gamma ', emphasis: false },
        { text: 'FATF', emphasis: true },
        { text: ' delta epsilon zeta eta theta iota kappa', emphasis: false },
      ],
      trimmedStart: false,
      trimmedEnd: false,
    });
    const trimmed = excerpt(text, [{ start: 17, end: 21 }], 30);
    expect(trimmed.trimmedStart).toBe(true);
    expect(trimmed.trimmedEnd).toBe(true);
    const shown = trimmed.segments.map((segment) => segment.text).join('');
    expect(shown.length).toBeLessThanOrEqual(30);
    expect(shown).toContain('FATF');
    // Cut at word boundaries: whole words only, nothing dangling.
    const at = text.indexOf(shown);
    expect(text[at - 1]).toBe(' ');
    expect(shown).not.toMatch(/^\s|\s$/);
  });

  it('reads zero counts as English', () => {
    expect(countsLine({ ...FATF_DETAIL, commitments: [] })).toBe(
      'No commitments, 3 positions by 2 actors',
    );
    expect(countsLine({ ...FATF_DETAIL, positions: FATF_DETAIL.positions.slice(0, 1) })).toBe(
      '2 commitments in 2 documents, 1 position by 1 actor',
    );
  });

  it('leads with the commitment that names the term most, then a position', () => {
    const fatf = (passage: { text: string }) => (passage.text.match(/FATF/g) ?? []).length;
    expect(strongestQuote(FATF_DETAIL, fatf)?.id).toBe('g7:b4');
    expect(strongestQuote({ ...FATF_DETAIL, commitments: [] }, fatf)?.id).toBe('s07.p9');
    expect(strongestQuote({ ...FATF_DETAIL, commitments: [], positions: [] }, fatf)).toBeNull();
  });

  it('says when every position comes from one event or one issuer, and only then', () => {
    expect(positionsSourceNote(FATF_DETAIL)).toMatch(
      /^All 3 positions come from one seminar, hosted by .+, December 22, 2020\.$/,
    );
    const elsewhere = {
      ...FATF_DETAIL.positions[0]!,
      id: 'g7:x',
      document: FATF_DETAIL.commitments[0]!.document,
    };
    expect(
      positionsSourceNote({ ...FATF_DETAIL, positions: [...FATF_DETAIL.positions, elsewhere] }),
    ).toBeNull();
    expect(
      positionsSourceNote({ ...FATF_DETAIL, positions: FATF_DETAIL.positions.slice(0, 1) }),
    ).toBeNull();
  });
});
