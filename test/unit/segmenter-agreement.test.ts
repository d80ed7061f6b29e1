import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltCorpus } from '../../utils/corpus-types';
import {
  agreementWithHandParser,
  alignPassages,
  byteToCharOffsets,
  measureAgreement,
  normaliseLocator,
  type ComparablePassage,
  type DocumentAgreement,
} from '../../utils/segmenter';

/**
 * The generic pipeline against the hand-written parsers (`data/build/parse-*.ts`) on the five
 * built-in sources. The only thing it is told about a document is its issuing body's name.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'data', 'generated', 'corpus.json');

/**
 * At least this share of hand locators must be reproduced, per document. The issue sets 90 % for
 * four of them; the seminar's proceedings are held to the same so that a regression there shows.
 */
const LOCATOR_FLOORS: Record<string, number | null> = {
  'appf-2021': 0.9,
  'seminar-2020': 0.9,
  'apec-workplan-2017': 0.9,
  'apec-strategic-plan-2018': 0.9,
  'g7-action-plan-2016': 0.9,
};
/** Kinds reproduced: at least 85 % in every document and 95 % over the five. */
const KIND_FLOOR = 0.85;
const KIND_FLOOR_OVERALL = 0.95;

function agreementOf(corpus: BuiltCorpus, documentId: string): DocumentAgreement {
  const document = corpus.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new Error(`no document ${documentId} in corpus.json`);
  const text = readFileSync(join(ROOT, 'data', 'sources', document.sourceFile), 'utf8');
  const hand = corpus.passages.filter((passage) => passage.documentId === documentId);
  return agreementWithHandParser(text, hand, document.issuingBody);
}

describe('agreement with the hand parsers', () => {
  if (!existsSync(CORPUS)) {
    throw new Error(
      'data/generated/corpus.json is missing: run npx tsx data/build/build-corpus.ts',
    );
  }
  const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as BuiltCorpus;
  const results = Object.keys(LOCATOR_FLOORS).map((id) => ({ id, ...agreementOf(corpus, id) }));

  it.each(results)(
    '$id: $locatorsReproduced of $handPassages hand locators, $kindsReproduced kinds',
    ({ id, handPassages, aligned, locatorsReproduced, kindsReproduced, locatorMisses }) => {
      expect(aligned / handPassages).toBeGreaterThan(0.9);
      const floor = LOCATOR_FLOORS[id];
      if (floor !== null && floor !== undefined) {
        expect(
          locatorsReproduced / handPassages,
          JSON.stringify(locatorMisses),
        ).toBeGreaterThanOrEqual(floor);
      }
      expect(kindsReproduced / handPassages).toBeGreaterThanOrEqual(KIND_FLOOR);
    },
  );

  it(`reproduces at least ${KIND_FLOOR_OVERALL * 100} % of the kinds over the five documents`, () => {
    const hand = results.reduce((sum, result) => sum + result.handPassages, 0);
    const kinds = results.reduce((sum, result) => sum + result.kindsReproduced, 0);
    expect(kinds / hand).toBeGreaterThanOrEqual(KIND_FLOOR_OVERALL);
  });

  it('misses only what no generic rule gives: the duplicated objective locators', () => {
    const strategicPlan = results.find((result) => result.id === 'apec-strategic-plan-2018')!;
    // The hand parser gives "Objective 1" both to the line "Objective 1:" and to the objective's
    // text; generic locators are unique, so only the text has it.
    expect(strategicPlan.locatorMisses.every((miss) => /^Objective \d$/.test(miss.expected))).toBe(
      true,
    );
  });
});

describe('alignment', () => {
  const passage = (locator: string, start: number, end: number): ComparablePassage => ({
    locator,
    kind: 'position',
    range: [start, end],
  });

  it('aligns by ranges, not by order', () => {
    const hand = [passage('A', 0, 10), passage('B', 10, 20), passage('C', 20, 30)];
    const generic = [passage('C', 21, 30), passage('A', 0, 9), passage('B', 11, 20)];
    expect(alignPassages(hand, generic)).toEqual([1, 2, 0]);
  });

  it('aligns a merged passage with at most one of the passages it covers', () => {
    const hand = [passage('Para. 1', 0, 40), passage('Para. 2', 42, 50)];
    const generic = [passage('Para. 1', 0, 50)];
    expect(alignPassages(hand, generic)).toEqual([0, null]);
    expect(measureAgreement(hand, generic)).toMatchObject({
      aligned: 1,
      locatorsReproduced: 1,
      locatorMisses: [{ expected: 'Para. 2', actual: null }],
    });
  });

  it('compares locators after folding white space, dashes and quotes only', () => {
    expect(normaliseLocator('Section I ›  Leaders’ Statements – 2016')).toBe(
      "Section I › Leaders' Statements - 2016",
    );
    expect(normaliseLocator('Para. 1')).not.toBe(normaliseLocator('para. 1'));
  });

  it('turns UTF-8 byte offsets into character offsets', () => {
    const text = 'a–b中c😀d';
    const toChar = byteToCharOffsets(text);
    expect([0, 1, 4, 5, 8, 9, 13].map(toChar)).toEqual([0, 1, 2, 3, 4, 5, 7]);
    expect(() => toChar(2)).toThrow(/inside a character/);
  });
});
