import type { Options, Query, SearchOptions } from 'minisearch';
import type {
  Actor,
  AddedDocument,
  Corpus,
  CorpusDocument,
  DocumentId,
  Passage,
  Term,
} from '../../../utils/corpus-types';
import {
  FacetTable,
  isStoredFacets,
  RECORD_KINDS,
  type FacetTerm,
  type StoredFacets,
} from './facet-table';
import {
  isStoredWordIndex,
  WordIndex,
  type StoredWordIndex,
  type WordIndexOptions,
} from './word-index';

/**
 * The search index over the corpus: a full-text index of passages and glossary terms (a
 * `WordIndex`, built and searched by MiniSearch's rules), and beside it a compact table of each
 * indexed passage's facets (document, actor, kind, the terms it mentions), so that a search can
 * count and filter by facet without reading passages from the database. Both are stored together
 * with the corpus, as typed arrays and strings that IndexedDB stores and reads back without
 * parsing. The documents the reader adds are indexed apart and merged in (`mergeSearchIndexes`),
 * and taken out again (`withoutDocument`), without indexing the rest again.
 */

/** One searchable record: a passage, or a glossary term (id prefixed with "term:"). */
export interface SearchRecord {
  id: string;
  /** The passage's row in the facet table; absent for terms. */
  row?: number;
  /** A commitment's or position's text, or a term's definition. */
  text: string;
  /** A context passage's text (a heading, a title, a note): found, but after what was said. */
  context: string;
  label: string;
  aliases: string;
  locator: string;
  actor: string;
}

export const TERM_ID_PREFIX = 'term:';

/**
 * Words too common to narrow a search; leaving them out of the index keeps it smaller and every
 * query cheaper. Only function words: "us" and "it" stay, since they may be the US or IT.
 */
const STOP_WORDS = new Set(
  (
    'an and are as at be been by for from has have in into is of on or such than that the ' +
    'their these this those to was were which with'
  ).split(' '),
);

/**
 * Lower case without diacritics, so that "Türkistan" finds "Turkistan"; null for stop words and
 * single letters (list markers, initials, the "s" of "ETIM's"). Single digits stay: "OP 2".
 */
export function normaliseTerm(term: string): string | null {
  const normalised = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (normalised === '' || STOP_WORDS.has(normalised)) return null;
  return /^\p{L}$/u.test(normalised) ? null : normalised;
}

/**
 * Words are runs of letters and digits: punctuation and symbols split them ("API/PNR", "<b>FATF",
 * "2018–2022"), the same way the popup splits a passage to emphasise what matched.
 */
function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** The words of a query that the index can match (no punctuation, no stop words). */
export function searchableWords(query: string): string[] {
  return tokenize(query).flatMap((word) => normaliseTerm(word) ?? []);
}

/** A query word this long also matches the longer words it starts ("extrem" → "extremism"). */
const PREFIX_MIN_LENGTH = 3;

/** Whether the index has the word, or (when long enough to be a prefix) a word it starts. */
export function indexHasWord(index: WordIndex, word: string): boolean {
  return index.has(word, word.length >= PREFIX_MIN_LENGTH);
}

/**
 * Typos are corrected only for words of this length: shorter words have too many neighbours
 * (and are usually acronyms), and the cost of the edit-distance search grows with the length.
 */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MAX_LENGTH = 24;

/**
 * The one set of options used both to build and to load the index, and to search it: every word
 * must match (in any field), the last letters of a word may be missing, no typos.
 */
export const SEARCH_OPTIONS: Options<SearchRecord> & WordIndexOptions = {
  idField: 'id',
  fields: ['text', 'context', 'label', 'aliases', 'locator', 'actor'],
  tokenize,
  processTerm: normaliseTerm,
  searchOptions: {
    boost: { context: 0.5, label: 4, aliases: 4, locator: 1.5, actor: 1.5 },
    prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
    fuzzy: false,
    combineWith: 'AND',
  },
};

/**
 * Searching with typos corrected in the given words only, those the index does not have: one
 * typo in words of 5 to 7 letters, two in longer ones ("passanger", "finacial"). Correcting words
 * that are spelled right would add noise and, on a large corpus, most of the cost of a query.
 */
export function typoSearchOptions(misspelled: ReadonlySet<string>): SearchOptions {
  return {
    fuzzy: (term) =>
      misspelled.has(term) && term.length >= FUZZY_MIN_LENGTH && term.length <= FUZZY_MAX_LENGTH
        ? term.length >= 8
          ? 2
          : 1
        : false,
  };
}

/**
 * How much a term's other names weigh against the words searched for. MiniSearch multiplies a
 * passage's score by how many of the query's words it matched, so a name of n words is weighed
 * down by n² to count, in all, about as much as one word of the query.
 */
const SYNONYM_WEIGHT = 0.5;

/**
 * The glossary's names of each term, so that a query naming a term by one of them ("PNR",
 * "Passenger Name Record", "East Turkestan Islamic Movement") also matches the passages that
 * call it by another. The other names weigh less: a passage that says the words searched for
 * ranks before one that only has another name for them.
 */
export class TermNames {
  /** Each name as its words, by its first word, longest first. */
  private readonly byFirstWord = new Map<string, string[][]>();
  /** Every name (as its words, joined) of the terms a name is a name of. */
  private readonly synonyms = new Map<string, Set<string>>();

  constructor(readonly names: readonly (readonly string[])[]) {
    for (const termNames of names) {
      const phrases = new Set(
        termNames.map((name) => searchableWords(name).join(' ')).filter((phrase) => phrase !== ''),
      );
      for (const phrase of phrases) {
        const synonyms = this.synonyms.get(phrase);
        if (synonyms) {
          for (const other of phrases) synonyms.add(other);
          continue;
        }
        this.synonyms.set(phrase, new Set(phrases));
        const words = phrase.split(' ');
        const starting = this.byFirstWord.get(words[0]!) ?? [];
        starting.push(words);
        this.byFirstWord.set(words[0]!, starting);
      }
    }
    for (const starting of this.byFirstWord.values()) starting.sort((a, b) => b.length - a.length);
  }

  /** The query's words, each term name among them (longest first) widened to any of its names. */
  widen(words: readonly string[], combineWith: 'AND' | 'OR'): Query {
    const queries: Query[] = [];
    for (let i = 0; i < words.length;) {
      const name = this.byFirstWord
        .get(words[i]!)
        ?.find((candidate) => candidate.every((word, j) => words[i + j] === word));
      if (!name) {
        queries.push(words[i]!);
        i++;
        continue;
      }
      const asked = name.join(' ');
      const others = [...this.synonyms.get(asked)!].filter((phrase) => phrase !== asked);
      queries.push({
        combineWith: 'OR',
        queries: [
          { combineWith: 'AND', queries: [asked] },
          ...others.map((phrase) => {
            const weight = SYNONYM_WEIGHT / phrase.split(' ').length ** 2;
            return { combineWith: 'AND' as const, queries: [phrase], boostTerm: () => weight };
          }),
        ],
      });
      i += name.length;
    }
    return { combineWith, queries };
  }
}

/** Bumped whenever the stored form or what is indexed changes. */
export const SEARCH_INDEX_VERSION = 4;

/** The index as stored in IndexedDB, beside the corpus it was built from. */
export interface StoredSearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  words: StoredWordIndex;
  /** Each record's row in the facet table, or -1 for a glossary term. */
  recordRows: Int32Array;
  facets: StoredFacets;
  /** Each term's names (label and aliases), in the order of the facet table's terms. */
  termNames: readonly (readonly string[])[];
}

/** What a query with words is run on. */
export interface WordSearch {
  index: WordIndex;
  termNames: TermNames;
  /** Each record's row in the facet table, or -1 for a glossary term. */
  recordRows: Int32Array;
  /** Each row's record. */
  rowRecords: Uint32Array;
}

export interface CorpusSearchIndex {
  facets: FacetTable;
  /**
   * The engine for queries with words. A loaded index builds it at the first call, and the facet
   * table alone answers an empty query (the popup's first).
   */
  wordSearch(): WordSearch;
  /** The form `loadSearchIndex` reads back, for IndexedDB. */
  toStored(): StoredSearchIndexData;
}

/** Passages worth finding: short context lines (cover-page lines, bare headings) are left out. */
function isIndexed(passage: Passage): boolean {
  return passage.kind !== 'context' || passage.text.length > 40;
}

function isAddedDocument(document: CorpusDocument): document is AddedDocument {
  return typeof (document as Partial<AddedDocument>).addedAt === 'string';
}

/** The year of an ISO date or of the start of a period ("2018/2022"); "undated" with none. */
function yearOf(document: CorpusDocument): string {
  return document.date.slice(0, 4) || 'undated';
}

/**
 * Other ways people cite a locator: "para." as "paragraph", "Operative para. 2" as "OP2",
 * "Preambular para. 13" as "PP13", "FA5" as "FA 5" and "Focus Area 5".
 */
function locatorForms(locator: string): string {
  const forms = [locator];
  if (/\bpara\./.test(locator)) forms.push('paragraph');
  const numbered = /^(Operative|Preambular) para\. (\d+)$/.exec(locator);
  if (numbered) {
    const short = numbered[1] === 'Operative' ? 'OP' : 'PP';
    forms.push(`${short}${numbered[2]}`, `${short} ${numbered[2]}`);
  }
  const focusArea = /^FA(\d+)$/.exec(locator);
  if (focusArea) forms.push(`FA ${focusArea[1]}`, `Focus Area ${focusArea[1]}`);
  return forms.join(' ');
}

/**
 * What a passage's actor contributes to the index: a person's name, spellings and role; a body's
 * acronyms ("APEC", "CTWG", "G7") and the country. Organisations count by their acronyms only,
 * since the words of their full names ("Counter-Terrorism Working Group") are topics too and
 * would make a topical query match everything the body or its people said.
 */
function actorWords(actor: Actor): string {
  const names = actor.kind === 'person' ? [actor.name, ...actor.nameVariants, actor.role] : [];
  const acronyms =
    `${actor.kind === 'body' ? actor.name : ''} ${actor.organisation ?? ''}`.match(
      /\b[A-Z][A-Z0-9]+\b/g,
    ) ?? [];
  return [...names, ...new Set(acronyms), actor.country].filter(Boolean).join(' ');
}

/** What a part of the index is built from: documents with their passages, actors and links. */
export type IndexedCorpus = Pick<Corpus, 'documents' | 'passages' | 'actors' | 'occurrences'>;

/** The passages to index, oldest document first, each in the order of its document. */
function indexedPassages(corpus: IndexedCorpus): Passage[] {
  const documentRank = new Map(
    [...corpus.documents]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((document, rank) => [document.id, rank]),
  );
  return corpus.passages
    .filter(isIndexed)
    .sort(
      (a, b) =>
        (documentRank.get(a.documentId) ?? 0) - (documentRank.get(b.documentId) ?? 0) ||
        a.order - b.order,
    );
}

/** The facet table of the passages; its actors are those the passages have. */
function buildFacetTable(
  corpus: IndexedCorpus,
  passages: readonly Passage[],
  terms: readonly FacetTerm[],
): FacetTable {
  const documents = [...corpus.documents].sort((a, b) => a.date.localeCompare(b.date));
  const documentIndex = new Map(documents.map((document, i) => [document.id, i]));
  const spoken = new Set(passages.map((passage) => passage.actorId));
  const actors = corpus.actors.filter((actor) => spoken.has(actor.id));
  const actorIndex = new Map(actors.map((actor, i) => [actor.id, i]));
  const termIndex = new Map(terms.map((term, i) => [term.id, i]));
  const termsByPassage = new Map<string, number[]>();
  for (const occurrence of corpus.occurrences) {
    const term = termIndex.get(occurrence.termId);
    if (term === undefined) continue;
    const found = termsByPassage.get(occurrence.passageId) ?? [];
    found.push(term);
    termsByPassage.set(occurrence.passageId, found);
  }
  const termOffsets = new Uint32Array(passages.length + 1);
  const termIndexes: number[] = [];
  passages.forEach((passage, row) => {
    termIndexes.push(...(termsByPassage.get(passage.id) ?? []));
    termOffsets[row + 1] = termIndexes.length;
  });
  return new FacetTable(
    documents.map((document) => ({
      id: document.id,
      label: document.shortTitle,
      year: yearOf(document),
      ...(isAddedDocument(document) ? { addedAt: document.addedAt } : {}),
    })),
    actors.map((actor) => ({ id: actor.id, label: actor.name, country: actor.country })),
    terms,
    passages.map((passage) => passage.id),
    Uint16Array.from(passages, (passage) => documentIndex.get(passage.documentId) ?? 0),
    Uint16Array.from(passages, (passage) => actorIndex.get(passage.actorId) ?? 0),
    Uint8Array.from(passages, (passage) => RECORD_KINDS.indexOf(passage.kind)),
    termOffsets,
    Uint16Array.from(termIndexes),
  );
}

/** The built-in corpus's records: one per glossary term, then one per indexed passage. */
export function searchRecords(corpus: Corpus): SearchRecord[] {
  return recordsOf(corpus, indexedPassages(corpus));
}

/** The records of the passages (each with its facet row), after one record per glossary term. */
function recordsOf(
  corpus: Pick<Corpus, 'actors' | 'terms'>,
  passages: readonly Passage[],
): SearchRecord[] {
  const actorsById = new Map(corpus.actors.map((actor) => [actor.id, actor]));
  const passageRecords: SearchRecord[] = passages.map((passage, row) => {
    const actor = actorsById.get(passage.actorId);
    return {
      id: passage.id,
      row,
      text: passage.kind === 'context' ? '' : passage.text,
      context: passage.kind === 'context' ? passage.text : '',
      label: '',
      aliases: '',
      locator: locatorForms(passage.locator),
      actor: actor ? actorWords(actor) : '',
    };
  });
  const termRecords: SearchRecord[] = corpus.terms.map((term) => ({
    id: `${TERM_ID_PREFIX}${term.id}`,
    text: term.definition,
    context: '',
    label: term.label,
    aliases: term.aliases.map((alias) => alias.text).join(' '),
    locator: '',
    actor: '',
  }));
  return [...termRecords, ...passageRecords];
}

/** The built-in corpus's index: its passages and its glossary's terms. */
export function buildSearchIndex(corpus: Corpus): CorpusSearchIndex {
  return buildIndex(
    corpus,
    corpus.terms,
    corpus.terms.map((term) => ({ id: term.id, label: term.label })),
  );
}

/**
 * The index of documents the reader added, to merge with the built-in one: their passages only,
 * since the glossary's terms are the built-in index's. `terms` are the facet table's terms of
 * the index it joins, so that the passages' links to them count in the same facet.
 */
export function buildAddedIndex(
  corpus: IndexedCorpus,
  terms: readonly FacetTerm[],
): CorpusSearchIndex {
  return buildIndex(corpus, [], terms);
}

function buildIndex(
  corpus: IndexedCorpus,
  glossary: readonly Term[],
  facetTerms: readonly FacetTerm[],
): CorpusSearchIndex {
  const passages = indexedPassages(corpus);
  const records = recordsOf({ actors: corpus.actors, terms: [...glossary] }, passages);
  const facets = buildFacetTable(corpus, passages, facetTerms);
  // The word index numbers the records in the order given.
  const recordRows = Int32Array.from(records, (record) => record.row ?? -1);
  const termNames = new TermNames(
    glossary.map((term) => [
      // "Financial Action Task Force (FATF)": each form is an alias already.
      term.label.replace(/\s*\([^)]*\)/g, ''),
      ...term.aliases.map((alias) => alias.text),
    ]),
  );
  return indexOf(WordIndex.build(records, SEARCH_OPTIONS), facets, recordRows, termNames);
}

/**
 * One index of all of `indexes`, in their order (the built-in corpus's first): the same index,
 * and the same ranking, as building it from all their records at once. Nothing is read again.
 */
export function mergeSearchIndexes(indexes: readonly CorpusSearchIndex[]): CorpusSearchIndex {
  const searches = indexes.map((index) => index.wordSearch());
  const facets = FacetTable.concat(indexes.map((index) => index.facets));
  const words = WordIndex.merge(
    searches.map((search) => search.index),
    SEARCH_OPTIONS,
  );
  const termNames = new TermNames(searches.flatMap((search) => search.termNames.names));
  return indexOf(words, facets, recordRowsOf(words, facets), termNames);
}

/** The index without one document's passages: the same as never having merged it. */
export function withoutDocument(
  index: CorpusSearchIndex,
  documentId: DocumentId,
): CorpusSearchIndex {
  const at = index.facets.documents.findIndex((document) => document.id === documentId);
  if (at < 0) return index;
  const { facets } = index;
  const leaving = new Set<string>();
  for (let row = 0; row < facets.rowCount; row++) {
    if (facets.document[row] === at) leaving.add(facets.passageIds[row]!);
  }
  const search = index.wordSearch();
  const words = search.index.without((recordId) => leaving.has(recordId));
  const kept = facets.withoutDocument(documentId);
  return indexOf(words, kept, recordRowsOf(words, kept), search.termNames);
}

/** Each record's row in the facet table, found by its id; -1 for a glossary term. */
function recordRowsOf(words: WordIndex, facets: FacetTable): Int32Array {
  const rowOf = new Map(facets.passageIds.map((id, row) => [id, row]));
  return Int32Array.from(words.recordIds, (id) => rowOf.get(id) ?? -1);
}

function indexOf(
  index: WordIndex,
  facets: FacetTable,
  recordRows: Int32Array,
  termNames: TermNames,
): CorpusSearchIndex {
  const words = wordSearchOf(index, termNames, recordRows, facets.rowCount);
  return {
    facets,
    wordSearch: () => words,
    toStored: () => ({
      version: SEARCH_INDEX_VERSION,
      words: index.toStored(),
      recordRows,
      facets: facets.toStored(),
      termNames: termNames.names,
    }),
  };
}

function wordSearchOf(
  index: WordIndex,
  termNames: TermNames,
  recordRows: Int32Array,
  rowCount: number,
): WordSearch {
  const rowRecords = new Uint32Array(rowCount);
  recordRows.forEach((row, record) => {
    if (row >= 0) rowRecords[row] = record;
  });
  return { index, termNames, recordRows, rowRecords };
}

/**
 * Reads back a stored index; null when it was stored in another form (by another version of
 * Pledgemark, for the same corpus) or is damaged, so that the caller builds a current one instead.
 */
export function loadSearchIndex(stored: unknown): CorpusSearchIndex | null {
  if (!isCurrentIndex(stored)) return null;
  const facets = FacetTable.fromStored(stored.facets);
  let words: WordSearch | null = null;
  return {
    facets,
    wordSearch: () =>
      (words ??= wordSearchOf(
        WordIndex.fromStored(stored.words, SEARCH_OPTIONS),
        new TermNames(stored.termNames),
        stored.recordRows,
        facets.rowCount,
      )),
    toStored: () => stored,
  };
}

function isCurrentIndex(value: unknown): value is StoredSearchIndexData {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Record<keyof StoredSearchIndexData, unknown>>;
  return (
    stored.version === SEARCH_INDEX_VERSION &&
    isStoredWordIndex(stored.words) &&
    stored.recordRows instanceof Int32Array &&
    Array.isArray(stored.termNames) &&
    isStoredFacets(stored.facets)
  );
}
