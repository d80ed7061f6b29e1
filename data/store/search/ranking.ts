import type { SearchNotice } from '../../../utils/views';
import { SEARCH_PAGE_SIZE } from '../../../utils/messaging';
import {
  indexHasWord,
  searchableWords,
  TERM_ID_PREFIX,
  typoSearchOptions,
  type WordSearch,
} from './search-index';
import type { PreparedQuery } from './word-index';

/**
 * The ranking stage of a search: matching the query's words (with typos and other names of a
 * term), scoring, the best of many matches without sorting them all, and moving up the passages
 * that have the words side by side.
 */

/** The most terms a search shows above its passages. */
export const MAX_TERM_HITS = 8;
/**
 * For a query of several words, the passages read are put in order again, in blocks of this
 * size, those that have the words side by side first. Blocks of a fixed size (a page) keep the
 * first pages in the same order however many are asked for.
 */
const RERANKED_BLOCK = SEARCH_PAGE_SIZE;
/** How much more a passage weighs when all the query's words stand side by side in it. */
const PHRASE_BONUS = 0.5;

/** Matched rows and what a page of them is read with. */
export interface PageSource {
  /** Rows of the facet table, in the order of the record. */
  rows: Int32Array;
  /** Each row's score, when words were searched. */
  scores: Float64Array | null;
  /** The query that was run, to say which words each passage matched. */
  prepared?: PreparedQuery;
}

export interface ScoredTerm {
  termId: string;
  score: number;
}

/** A query's matches, kept for choosing a filter or reading more of them. */
export interface WordMatches extends PageSource {
  scores: Float64Array;
  prepared: PreparedQuery;
  /** The best matching glossary terms, best first. */
  terms: ScoredTerm[];
  /** What the matching said about the query (typos corrected, any word instead of all). */
  notices: SearchNotice[];
}

/**
 * Every word must match, as typed or as the start of a longer word, or (for a word the index
 * does not have) with a typo or two; failing that, any of the words. Each is said in a notice.
 */
export function matchWords(
  { index, termNames, recordRows }: WordSearch,
  words: readonly string[],
): WordMatches {
  const notices: SearchNotice[] = [];
  const misspelled = new Set(words.filter((word) => !indexHasWord(index, word)));
  const options = typoSearchOptions(misspelled);
  const run = (combineWith: 'AND' | 'OR') => {
    const prepared = index.prepare(termNames.widen(words, combineWith), options);
    const { records, scores } = index.search(prepared);
    let passages = 0;
    for (const record of records) if (recordRows[record]! >= 0) passages++;
    return { prepared, records, scores, passages };
  };
  let matched = run('AND');
  if (matched.passages > 0) {
    if (misspelled.size > 0) notices.push({ kind: 'close-spellings', words: [...misspelled] });
  } else {
    const any = run('OR');
    if (any.passages > 0) {
      notices.push({ kind: 'any-word' });
      matched = any;
    }
  }
  const { prepared, records, scores, passages } = matched;
  const rows = new Int32Array(passages);
  const rowScores = new Float64Array(passages);
  const terms: ScoredTerm[] = [];
  let at = 0;
  records.forEach((record, i) => {
    const row = recordRows[record]!;
    if (row >= 0) {
      rows[at] = row;
      rowScores[at++] = scores[i]!;
    } else {
      terms.push({
        termId: index.recordIds[record]!.slice(TERM_ID_PREFIX.length),
        score: scores[i]!,
      });
    }
  });
  terms.sort((a, b) => b.score - a.score);
  return { rows, scores: rowScores, prepared, terms: terms.slice(0, MAX_TERM_HITS), notices };
}

/**
 * The positions (into `scores`) of the `limit` best of those listed, best first; of equal
 * scores, the earlier in the record. A heap of `limit` entries: a common word matches tens of
 * thousands of passages at a large corpus's size, and a page needs only the best few.
 */
export function bestPositions(listed: Int32Array, scores: Float64Array, limit: number): Int32Array {
  const size = Math.min(limit, listed.length);
  if (size <= 0) return new Int32Array(0);
  // A min-heap of the best so far, worst at the top; `worse(a, b)`: a ranks below b.
  const heap = new Int32Array(size);
  const worse = (a: number, b: number) =>
    scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number, length: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  heap.set(listed.subarray(0, size));
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
  for (let i = size; i < listed.length; i++) {
    const position = listed[i]!;
    if (worse(heap[0]!, position)) {
      heap[0] = position;
      siftDown(0, size);
    }
  }
  // Taking the worst off the top, one at a time, fills the result from its end.
  const best = new Int32Array(size);
  for (let length = size; length > 0; length--) {
    best[length - 1] = heap[0]!;
    heap[0] = heap[length - 1]!;
    siftDown(0, length - 1);
  }
  return best;
}

/**
 * A page of passages in order again, in blocks of a page: of a query of several words, those that
 * have the words side by side move up within their block.
 */
export function rerankByPhrase<Entry extends { score: number; text: string | null }>(
  page: readonly Entry[],
  words: readonly string[],
): Entry[] {
  if (words.length < 2) return [...page];
  const bonus = page.map((entry) => ({
    ...entry,
    score: entry.score * (entry.text === null ? 1 : phraseBonus(entry.text, words)),
  }));
  const ranked: Entry[] = [];
  for (let start = 0; start < bonus.length; start += RERANKED_BLOCK) {
    ranked.push(...bonus.slice(start, start + RERANKED_BLOCK).sort((a, b) => b.score - a.score));
  }
  return ranked;
}

/** 1, plus a share of the bonus for each pair of the query's words that stand side by side. */
function phraseBonus(text: string, words: readonly string[]): number {
  const textWords = searchableWords(text);
  const pairs = new Set(textWords.slice(1).map((word, i) => `${textWords[i]} ${word}`));
  const together = words.slice(1).filter((word, i) => pairs.has(`${words[i]} ${word}`)).length;
  return 1 + (PHRASE_BONUS * together) / (words.length - 1);
}
