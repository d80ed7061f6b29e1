import type { Passage, RecordKind } from '../corpus-types';
import { byteToCharOffsets } from '../utf8-offsets';
import { segmentText } from './segment';

/**
 * How far the generic pipeline reproduces hand-made passages of the same text. Passages are
 * aligned by their ranges, not by their order: a hand passage and a generic one align when each
 * covers more than half of the other, so a merged or split paragraph aligns at most once and a
 * locator counts only for the passage covering the same text.
 */

/** What alignment needs of a passage: its locator, its kind and its [start, end) in the text. */
export interface ComparablePassage {
  locator: string;
  kind: RecordKind;
  range: readonly [number, number];
}

export interface LocatorMiss {
  /** The hand locator. */
  expected: string;
  /** What the generic pipeline called the aligned passage, or null when none aligned. */
  actual: string | null;
}

export interface DocumentAgreement {
  handPassages: number;
  genericPassages: number;
  /** Hand passages with an aligned generic passage. */
  aligned: number;
  /** Hand passages whose aligned generic passage has the same locator (normalised). */
  locatorsReproduced: number;
  /** Hand passages whose aligned generic passage has the same kind. */
  kindsReproduced: number;
  locatorMisses: LocatorMiss[];
}

/**
 * The one normalisation before comparing locators: white space folded, dashes and quotes in one
 * form (the hand parsers and the generic pipeline may write "–" or "-", "’" or "'").
 */
export function normaliseLocator(locator: string): string {
  return locator
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function overlap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/**
 * For each hand passage, the index of the generic passage aligned with it, or null. A sweep
 * over both lists sorted by start: linear apart from the sorting.
 */
export function alignPassages(
  hand: readonly ComparablePassage[],
  generic: readonly ComparablePassage[],
): (number | null)[] {
  const byStart = (list: readonly ComparablePassage[]) =>
    list.map((_, index) => index).sort((a, b) => list[a]!.range[0] - list[b]!.range[0]);
  const handOrder = byStart(hand);
  const genericOrder = byStart(generic);
  const aligned: (number | null)[] = hand.map(() => null);
  let first = 0;
  for (const h of handOrder) {
    const handRange = hand[h]!.range;
    while (first < genericOrder.length && generic[genericOrder[first]!]!.range[1] <= handRange[0]) {
      first++;
    }
    for (let k = first; k < genericOrder.length; k++) {
      const g = genericOrder[k]!;
      const genericRange = generic[g]!.range;
      if (genericRange[0] >= handRange[1]) break;
      const shared = overlap(handRange, genericRange);
      if (
        2 * shared > handRange[1] - handRange[0] &&
        2 * shared > genericRange[1] - genericRange[0]
      ) {
        aligned[h] = g;
        break;
      }
    }
  }
  return aligned;
}

export function measureAgreement(
  hand: readonly ComparablePassage[],
  generic: readonly ComparablePassage[],
): DocumentAgreement {
  const alignment = alignPassages(hand, generic);
  let aligned = 0;
  let locatorsReproduced = 0;
  let kindsReproduced = 0;
  const locatorMisses: LocatorMiss[] = [];
  hand.forEach((passage, h) => {
    const g = alignment[h];
    const match = g === null || g === undefined ? null : generic[g]!;
    if (match) aligned++;
    if (match && normaliseLocator(match.locator) === normaliseLocator(passage.locator)) {
      locatorsReproduced++;
    } else {
      locatorMisses.push({ expected: passage.locator, actual: match?.locator ?? null });
    }
    if (match && match.kind === passage.kind) kindsReproduced++;
  });
  return {
    handPassages: hand.length,
    genericPassages: generic.length,
    aligned,
    locatorsReproduced,
    kindsReproduced,
    locatorMisses,
  };
}

/**
 * How far the generic pipeline, told only the issuing body's name, agrees with a hand parser's
 * passages of the same raw text (their byte ranges read as character offsets of it).
 */
export function agreementWithHandParser(
  text: string,
  handPassages: readonly Pick<Passage, 'locator' | 'kind' | 'byteRange'>[],
  issuingBody: string,
): DocumentAgreement {
  const toChar = byteToCharOffsets(text);
  const hand: ComparablePassage[] = handPassages.map((passage) => ({
    locator: passage.locator,
    kind: passage.kind,
    range: [toChar(passage.byteRange[0]), toChar(passage.byteRange[1])],
  }));
  return measureAgreement(hand, segmentText(text, { issuingBody }).passages);
}
