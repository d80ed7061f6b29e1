import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  searchableWords,
  searchRecords,
  SEARCH_OPTIONS,
  TermNames,
  typoSearchOptions,
  type SearchRecord,
} from '../../data/store/search/search-index';
import {
  isStoredWordIndex,
  WordIndex,
  type WordIndexOptions,
  type WordSearchOptions,
} from '../../data/store/search/word-index';
import { CORPUS } from './corpus-fixture';

/**
 * The word index must find what MiniSearch finds, with the same scores and the same words
 * matched: MiniSearch's `search` over the same index is the reference.
 */

function expectSameAsMiniSearch<T>(
  engine: MiniSearch<T>,
  index: WordIndex,
  query: Query,
  options: WordSearchOptions = {},
): SearchResult[] {
  const expected = engine.search(query, options);
  const prepared = index.prepare(query, options);
  const { records, scores } = index.search(prepared);
  const found = new Map(
    Array.from(records, (record, i) => [index.recordIds[record]!, { record, score: scores[i]! }]),
  );
  expect([...found.keys()].sort()).toEqual(expected.map((result) => String(result.id)).sort());
  for (const result of expected) {
    const mine = found.get(String(result.id))!;
    expect(mine.score).toBeCloseTo(result.score, 10);
    expect(index.matchedWords(prepared, mine.record).sort()).toEqual([...result.terms].sort());
  }
  return expected;
}

describe('the word index over the real corpus', () => {
  const records = searchRecords(CORPUS);
  const engine = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
  engine.addAll(records);
  const index = WordIndex.build(records, SEARCH_OPTIONS);
  const termNames = new TermNames(
    CORPUS.terms.map((term) => [term.label, ...term.aliases.map((alias) => alias.text)]),
  );

  // Plain words, prefixes as typed, acronyms widened to their long forms, typos, locators, people.
  const QUERIES = [
    'terrorism',
    'Pakistan',
    'PNR',
    'Passenger Name Record',
    'foreign terrorist fighters',
    'passanger name record',
    'finacial action task force',
    'extrem',
    'Imtiaz Gul',
    'operative paragraph 2',
    'ETIM',
    'Luo Zhaohui ETIM',
    'FATF',
    'focus area 5',
    'resolution 2354',
    'radicalisation returnees',
    'sanctions nothing-like-this-word',
  ];

  it.each(QUERIES)('“%s”, all words and any word, as the popup asks', (query) => {
    const words = searchableWords(query);
    const misspelled = new Set(words.filter((word) => !index.has(word, word.length >= 3)));
    for (const combineWith of ['AND', 'OR'] as const) {
      expectSameAsMiniSearch(
        engine,
        index,
        termNames.widen(words, combineWith),
        typoSearchOptions(misspelled),
      );
    }
  });

  it('finds something for most of those queries, so that the comparison is not vacuous', () => {
    const found = QUERIES.filter(
      (query) => engine.search(termNames.widen(searchableWords(query), 'OR')).length > 0,
    );
    expect(found.length).toBeGreaterThanOrEqual(QUERIES.length - 1);
  });

  it('follows options given per query and per group: fuzzy, prefix, boosts, weights, BM25', () => {
    expectSameAsMiniSearch(engine, index, 'terorism financng', { fuzzy: 0.2, prefix: false });
    expectSameAsMiniSearch(engine, index, 'counter terror', {
      prefix: true,
      fuzzy: 2,
      weights: { prefix: 0.6, fuzzy: 0.2 },
      boost: { text: 3, actor: 0.5 },
      bm25: { k: 2, b: 0.3, d: 1 },
    });
    expectSameAsMiniSearch(engine, index, {
      combineWith: 'OR',
      queries: [
        { combineWith: 'AND', queries: ['border security'], prefix: true },
        { combineWith: 'AND', queries: ['aviation'], boostTerm: () => 0.25 },
        'cargo',
      ],
    });
    expectSameAsMiniSearch(engine, index, {
      combineWith: 'AND_NOT',
      queries: ['terrorism', 'financing'],
    });
  });

  it('counts the query words each record matched past 32 of them', () => {
    // Forty different words of the longest passage: that passage matches every one.
    const longest = CORPUS.passages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const words = [...new Set(searchableWords(longest.text))].slice(0, 40);
    expect(words).toHaveLength(40);
    const results = expectSameAsMiniSearch(engine, index, words.join(' '), { combineWith: 'OR' });
    expect(Math.max(...results.map((result) => result.queryTerms.length))).toBeGreaterThan(32);
  });

  it('says whether it has a word, or a word that starts with it', () => {
    expect(index.has('pnr', false)).toBe(true);
    expect(index.has('extrem', false)).toBe(false);
    expect(index.has('extrem', true)).toBe(true);
    expect(index.has('zzzz', true)).toBe(false);
  });

  it('is stored as typed arrays and strings, and searches the same once read back', () => {
    const stored = structuredClone(index.toStored());
    expect(isStoredWordIndex(stored)).toBe(true);
    const readBack = WordIndex.fromStored(stored, SEARCH_OPTIONS);
    const prepared = readBack.prepare(termNames.widen(['pnr'], 'AND'));
    expect(readBack.search(prepared)).toEqual(
      index.search(index.prepare(termNames.widen(['pnr'], 'AND'))),
    );
    expect(isStoredWordIndex({ ...stored, postingCounts: [1, 2] })).toBe(false);
    expect(isStoredWordIndex(null)).toBe(false);
  });
});

describe('the word index on records made for the edge cases', () => {
  const options: WordIndexOptions = {
    fields: ['title', 'body'],
    tokenize: (text) => text.split(/[\s,;.]+/),
    processTerm: (term) => term.toLowerCase(),
  };
  const documents = [
    { id: 'a', title: 'Travel', body: 'travel travel travel records of travellers' },
    { id: 'b', title: 'Records', body: 'one record, then travel' },
    { id: 'c', title: '', body: 'travelling with a travelcard; she travels' },
    { id: 'd', title: 'Rekords', body: '' },
  ];
  const engine = new MiniSearch<{ id: string }>(options);
  engine.addAll(documents);
  const index = WordIndex.build(documents, options);

  it('scores repeated words, short and long fields, prefixes and typos as MiniSearch does', () => {
    const expected = expectSameAsMiniSearch(engine, index, 'travel records', {
      prefix: true,
      fuzzy: 1,
    });
    expect(expected.length).toBe(4);
  });

  it('counts a word matched by prefix only once, as a prefix, when a typo would match it too', () => {
    // "travels" is one letter from "travel" and starts with it.
    expectSameAsMiniSearch(engine, index, 'travel', { prefix: true, fuzzy: 2 });
  });

  it('counts each query word once, however many of its expansions a record has', () => {
    expectSameAsMiniSearch(engine, index, 'travel travel', { prefix: true });
  });

  it('finds nothing for an empty query or a word it does not have', () => {
    expect(index.search(index.prepare('')).records).toHaveLength(0);
    expect(index.search(index.prepare('zebra', { fuzzy: 1 })).records).toHaveLength(0);
  });
});

describe('taking records in and out without building again', () => {
  const records = searchRecords(CORPUS);
  const documentOf = (record: SearchRecord) => record.id.split(':')[0]!;
  const documents = [...new Set(records.map(documentOf))];
  const [first, second, ...rest] = documents;
  const of = (...ids: string[]) => records.filter((record) => ids.includes(documentOf(record)));

  it('merges indexes into the index of all their records, in order', () => {
    const parts = [of(first!), of(second!), of(...rest)];
    const merged = WordIndex.merge(
      parts.map((part) => WordIndex.build(part, SEARCH_OPTIONS)),
      SEARCH_OPTIONS,
    );
    expect(merged.toStored()).toEqual(WordIndex.build(parts.flat(), SEARCH_OPTIONS).toStored());
  });

  it('drops records into the index of the others, words no one has any more included', () => {
    const whole = WordIndex.build(records, SEARCH_OPTIONS);
    const kept = records.filter((record) => documentOf(record) !== second);
    const without = whole.without((id) => id.startsWith(`${second}:`));
    expect(without.toStored()).toEqual(WordIndex.build(kept, SEARCH_OPTIONS).toStored());
    expect(without.words.length).toBeLessThan(whole.words.length);
  });

  it('searches a merged index as MiniSearch searches all the records at once', () => {
    const engine = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
    engine.addAll(records);
    const merged = WordIndex.merge(
      [of(first!, second!), of(...rest)].map((part) => WordIndex.build(part, SEARCH_OPTIONS)),
      SEARCH_OPTIONS,
    );
    for (const query of ['terrorism', 'Pakistan', 'passenger name record', 'extrem']) {
      expect(expectSameAsMiniSearch(engine, merged, query).length).toBeGreaterThan(0);
    }
  });

  it('merges nothing into an empty index, and an index without every record is empty', () => {
    const empty = WordIndex.merge([], SEARCH_OPTIONS);
    expect(empty.recordCount).toBe(0);
    expect(empty.search(empty.prepare('terrorism')).records).toHaveLength(0);
    const none = WordIndex.build(of(first!), SEARCH_OPTIONS).without(() => true);
    expect(none.toStored()).toEqual(WordIndex.build([], SEARCH_OPTIONS).toStored());
  });
});
