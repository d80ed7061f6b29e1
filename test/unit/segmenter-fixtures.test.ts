import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../utils/corpus-types';
import { passageText, segmentText, type SegmentedDocument } from '../../utils/segmenter';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'segmenter');

function segmentFixture(file: string, issuingBody: string): SegmentedDocument {
  return segmentText(readFileSync(join(FIXTURES, file), 'utf8'), { issuingBody });
}

/** Locator, kind and section path of every passage, in order. */
function outline(document: SegmentedDocument): [string, RecordKind, string[]][] {
  return document.passages.map((passage) => [passage.locator, passage.kind, passage.sectionPath]);
}

function passage(document: SegmentedDocument, locator: string) {
  const found = document.passages.find((candidate) => candidate.locator === locator);
  if (!found) throw new Error(`no passage "${locator}"`);
  return found;
}

function expectTraceable(document: SegmentedDocument): void {
  const locators = document.passages.map((candidate) => candidate.locator);
  expect(new Set(locators).size).toBe(locators.length);
  for (const candidate of document.passages) {
    const [start, end] = candidate.range;
    expect(passageText(document.text.slice(start, end), candidate.format)).toBe(candidate.text);
    expect(candidate.text).not.toMatch(/^\s|\s$|\s{2,}/);
  }
}

const PREAMBLE = ['Preambular paragraphs'];
const OPERATIVE = ['Operative paragraphs'];

describe('a Security Council resolution', () => {
  const resolution = segmentFixture('security-council-resolution.txt', 'Security Council');

  it('has a header, a chapeau, preambular and operative paragraphs with subparagraphs', () => {
    expect(outline(resolution)).toEqual([
      ['Title', 'context', []],
      ['Meeting', 'context', []],
      ['Chapeau', 'context', []],
      ['Preambular para. 1', 'position', PREAMBLE],
      ['Preambular para. 2', 'position', PREAMBLE],
      ['Preambular para. 3', 'position', PREAMBLE],
      ['Preambular para. 4', 'position', PREAMBLE],
      ['Preambular para. 5', 'position', PREAMBLE],
      ['Preambular para. 6', 'position', PREAMBLE],
      ['Preambular para. 7', 'position', PREAMBLE],
      ['Operative para. 1', 'commitment', OPERATIVE],
      ['Operative para. 2', 'commitment', OPERATIVE],
      ['Operative para. 2 (a)', 'commitment', OPERATIVE],
      ['Operative para. 2 (b)', 'commitment', OPERATIVE],
      ['Operative para. 2 (b) (i)', 'commitment', OPERATIVE],
      ['Operative para. 2 (b) (ii)', 'commitment', OPERATIVE],
      ['Operative para. 2 (c)', 'commitment', OPERATIVE],
      ['Operative para. 3', 'commitment', OPERATIVE],
      ['Operative para. 4', 'commitment', OPERATIVE],
      ['Operative para. 5', 'commitment', OPERATIVE],
      ['Operative para. 6', 'commitment', OPERATIVE],
    ]);
    expectTraceable(resolution);
  });

  it('cuts paragraph numbers off the text and keeps whole paragraphs', () => {
    expect(passage(resolution, 'Operative para. 6').text).toBe(
      'Decides to remain seized of the matter.',
    );
    expect(passage(resolution, 'Operative para. 2 (b) (i)').text).toBe(
      'Respect the right to privacy;',
    );
    expect(passage(resolution, 'Preambular para. 7').text).toBe(
      'Acting under Chapter VII of the Charter of the United Nations,',
    );
    expect(passage(resolution, 'Meeting').text).toBe(
      'Adopted by the Security Council at its 9876th meeting, on 7 March 2031',
    );
  });

  it('gives every passage to the issuing body', () => {
    for (const { actor } of resolution.passages) {
      expect(actor).toEqual({ name: 'Security Council', kind: 'body' });
    }
  });
});

describe('a ministerial statement', () => {
  const statement = segmentFixture('ministerial-statement.txt', 'Northern Littoral Partnership');

  it('reads "We note" as a position and "We commit to", "We will", "We shall" as commitments', () => {
    expect(outline(statement)).toEqual([
      ['Cover page, line 1', 'context', ['Cover page']],
      ['Cover page, line 2', 'context', ['Cover page']],
      ['Chapeau', 'context', []],
      ['Para. 1', 'position', []],
      ['Para. 2', 'position', []],
      ['Para. 3', 'position', []],
      ['Para. 4', 'commitment', []],
      ['Para. 5', 'commitment', []],
      ['Para. 6', 'position', []],
      ['Para. 7', 'commitment', []],
      ['Annex I', 'context', []],
      ['Annex I › bullet 1', 'commitment', ['Annex I: Priority Actions']],
      ['Annex I › bullet 2', 'commitment', ['Annex I: Priority Actions']],
      ['Annex I › bullet 3', 'position', ['Annex I: Priority Actions']],
    ]);
    expectTraceable(statement);
    expect(passage(statement, 'Para. 4').text).toBe(
      "We commit to sharing information on foreign terrorist fighters through the Partnership's secure network.",
    );
    expect(passage(statement, 'Chapeau').text).toMatch(/^We, the Ministers .* cooperation:$/);
  });
});

describe('a national action plan', () => {
  const plan = segmentFixture('national-action-plan.txt', 'Ministry of Public Safety');
  const actions = ['3. Actions'];

  it('nests numbered sections, names items after their heading and reads the table', () => {
    expect(outline(plan)).toEqual([
      ['Cover page, line 1', 'context', ['Cover page']],
      ['Cover page, line 2', 'context', ['Cover page']],
      ['Cover page, line 3', 'context', ['Cover page']],
      ['Cover page, line 4', 'context', ['Cover page']],
      ['Section 1', 'context', []],
      ['Section 1, para. 1', 'commitment', ['1. Introduction']],
      ['Section 1, para. 2', 'position', ['1. Introduction']],
      ['Section 2', 'context', []],
      ['Objective 1', 'commitment', ['2. Objectives']],
      ['Objective 2', 'commitment', ['2. Objectives']],
      ['Objective 3', 'commitment', ['2. Objectives']],
      ['Section 3', 'context', []],
      ['Section 3.1', 'context', actions],
      ['Section 3.1, para. 1', 'commitment', [...actions, '3.1 Prevention in communities']],
      ['Section 3.1 › measure 1', 'commitment', [...actions, '3.1 Prevention in communities']],
      ['Section 3.1 › measure 2', 'commitment', [...actions, '3.1 Prevention in communities']],
      ['Section 3.1 › measure 3', 'commitment', [...actions, '3.1 Prevention in communities']],
      ['Section 3.2', 'context', actions],
      ['Section 3.2 › bullet 1', 'commitment', [...actions, '3.2 Online prevention']],
      ['Section 3.2 › bullet 2', 'commitment', [...actions, '3.2 Online prevention']],
      ['Section 3.2 › bullet 2 › item 1', 'commitment', [...actions, '3.2 Online prevention']],
      ['Section 3.2 › bullet 2 › item 2', 'commitment', [...actions, '3.2 Online prevention']],
      ['Section 4', 'context', []],
      ['Implementation matrix, item 1', 'commitment', ['4. Implementation Matrix']],
      ['Implementation matrix, item 2', 'commitment', ['4. Implementation Matrix']],
      ['Implementation matrix, item 3', 'commitment', ['4. Implementation Matrix']],
      ['Implementation matrix, item 4', 'commitment', ['4. Implementation Matrix']],
      ['Section 5', 'context', []],
      ['Section 5, para. 1', 'commitment', ['5. Monitoring']],
    ]);
    expectTraceable(plan);
  });

  it('quotes a table row by its cells under the column labels', () => {
    const row = passage(plan, 'Implementation matrix, item 2');
    expect(row.format).toBe('table-row');
    expect(row.fields).toEqual([
      { label: 'Action', text: 'Train teachers and social workers' },
      { label: 'Responsible agency', text: 'Ministry of Education' },
      { label: 'Timeline', text: '2030–2031' },
    ]);
    expect(row.text).toBe('Train teachers and social workers\nMinistry of Education\n2030–2031');
  });

  it('keeps headings with their numbers and labelled objectives without their labels', () => {
    expect(passage(plan, 'Section 3.2').text).toBe('3.2 Online prevention');
    expect(passage(plan, 'Objective 2').text).toBe('Reduce online radicalisation');
  });
});

describe('a speech', () => {
  const speech = segmentFixture('speech.txt', 'Regional Conference');
  const rowe = ['Speech 1: Amina Rowe'];
  const eastland = ['Speech 2: Delegation of Eastland'];

  it('gives the remarks to their speaker, as positions, and the frame as context', () => {
    expect(outline(speech)).toEqual([
      ['Speech 1', 'context', []],
      ['Speech 1 (Amina Rowe), para. 1', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 2', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 3', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 4', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 5', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 6', 'context', rowe],
      ['Speech 1 (Amina Rowe), para. 7', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 8', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 9', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 10', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 11', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 12', 'position', rowe],
      ['Speech 1 (Amina Rowe), para. 13', 'context', rowe],
      ['Speech 2', 'context', []],
      ['Speech 2 (Delegation of Eastland), para. 1', 'position', eastland],
      ['Speech 2 (Delegation of Eastland), para. 2', 'position', eastland],
    ]);
    expectTraceable(speech);
  });

  it('names the speaker without honorifics, as a person or a body', () => {
    for (const remark of speech.passages.slice(0, 14)) {
      expect(remark.actor).toEqual({ name: 'Amina Rowe', kind: 'person' });
    }
    for (const remark of speech.passages.slice(14)) {
      expect(remark.actor).toEqual({ name: 'Delegation of Eastland', kind: 'body' });
    }
  });

  it('keeps salutations on lines of their own apart', () => {
    expect(passage(speech, 'Speech 1 (Amina Rowe), para. 3').text).toBe('Mr. Chair,');
    expect(passage(speech, 'Speech 1 (Amina Rowe), para. 1').text).toBe(
      'Regional Conference on Countering the Financing of Terrorism',
    );
  });
});
