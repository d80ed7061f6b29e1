import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchOptions,
} from 'minisearch';
import type {
  Actor,
  Corpus,
  CorpusDocument,
  DocumentId,
  Passage,
  RecordKind,
} from './corpus-types';

/**
 * The search index over the corpus: a MiniSearch full-text index of passages and glossary terms,
 * and beside it a compact table of each indexed passage's facets (document, actor, kind, the
 * terms it mentions), so that a search can count and filter by facet without reading passages
 * from the database. Both are serialised together into one string, stored with the corpus.
 */

/** One searchable record: a passage, or a glossary term (id prefixed with "term:"). */
export interface SearchRecord {
  id: string;
  /** The passage's row in the facet table; absent for terms. Stored with the index. */
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
export const SEARCH_OPTIONS: Options<SearchRecord> = {
  idField: 'id',
  fields: ['text', 'context', 'label', 'aliases', 'locator', 'actor'],
  storeFields: ['row'],
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

/** Every word of the index, sorted, to tell a query's unknown (misspelled) words at once. */
export class Vocabulary {
  private readonly words: string[];

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].sort();
  }

  /** Whether the index has the word, or (when long enough for it) a word it starts. */
  has(word: string): boolean {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]! < word) low = middle + 1;
      else high = middle;
    }
    const next = this.words[low];
    if (next === undefined) return false;
    return next === word || (word.length >= PREFIX_MIN_LENGTH && next.startsWith(word));
  }
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

export const RECORD_KINDS: readonly RecordKind[] = ['commitment', 'position', 'context'];

export interface FacetDocument {
  id: DocumentId;
  label: string;
  /** The year the document was issued, or the first year of the period it covers. */
  year: string;
}

export interface FacetActor {
  id: string;
  label: string;
  country: string | null;
}

export interface FacetTerm {
  id: string;
  label: string;
}

/**
 * The facets of every indexed passage, one row per passage in the order of the record (oldest
 * document first, then the order of the document). Values are indexes into the lists of
 * documents, actors, kinds and terms.
 */
export class FacetTable {
  constructor(
    readonly documents: readonly FacetDocument[],
    readonly actors: readonly FacetActor[],
    readonly terms: readonly FacetTerm[],
    readonly passageIds: readonly string[],
    readonly document: Uint8Array,
    readonly actor: Uint16Array,
    readonly kind: Uint8Array,
    /** Row r mentions the terms `termIndexes[termOffsets[r]]` up to `termOffsets[r + 1]`. */
    readonly termOffsets: Uint32Array,
    readonly termIndexes: Uint16Array,
  ) {}

  get rowCount(): number {
    return this.passageIds.length;
  }

  hasTerm(row: number, term: number): boolean {
    for (let i = this.termOffsets[row]!; i < this.termOffsets[row + 1]!; i++) {
      if (this.termIndexes[i] === term) return true;
    }
    return false;
  }

  toJSON(): SerialisedFacets {
    const termCounts = Array.from(
      { length: this.rowCount },
      (_, row) => this.termOffsets[row + 1]! - this.termOffsets[row]!,
    );
    return {
      documents: this.documents,
      actors: this.actors,
      terms: this.terms,
      passageIds: this.passageIds,
      document: [...this.document],
      actor: [...this.actor],
      kind: [...this.kind],
      termCounts,
      termIndexes: [...this.termIndexes],
    };
  }

  static fromJSON(json: SerialisedFacets): FacetTable {
    const termOffsets = new Uint32Array(json.termCounts.length + 1);
    json.termCounts.forEach((count, row) => (termOffsets[row + 1] = termOffsets[row]! + count));
    return new FacetTable(
      json.documents,
      json.actors,
      json.terms,
      json.passageIds,
      Uint8Array.from(json.document),
      Uint16Array.from(json.actor),
      Uint8Array.from(json.kind),
      termOffsets,
      Uint16Array.from(json.termIndexes),
    );
  }
}

interface SerialisedFacets {
  documents: readonly FacetDocument[];
  actors: readonly FacetActor[];
  terms: readonly FacetTerm[];
  passageIds: readonly string[];
  document: number[];
  actor: number[];
  kind: number[];
  termCounts: number[];
  termIndexes: number[];
}

/** Bumped whenever the serialised form or what is indexed changes. */
export const SEARCH_INDEX_VERSION = 2;

interface SerialisedSearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  engine: AsPlainObject;
  facets: SerialisedFacets;
  /** Each term's names (label and aliases), in the order of the facet table's terms. */
  termNames: readonly (readonly string[])[];
}

/** What a query with words is run on. */
export interface WordSearch {
  engine: MiniSearch<SearchRecord>;
  vocabulary: Vocabulary;
  termNames: TermNames;
}

export interface CorpusSearchIndex {
  facets: FacetTable;
  /**
   * The engine for queries with words. A loaded index builds it at the first call: it is most of
   * the cost of loading, and the facet table alone answers an empty query (the popup's first).
   */
  wordSearch(): WordSearch;
  /** `JSON.stringify` of the index gives the form `loadSearchIndex` reads back. */
  toJSON(): SerialisedSearchIndex;
}

/** Passages worth finding: short context lines (cover-page lines, bare headings) are left out. */
function isIndexed(passage: Passage): boolean {
  return passage.kind !== 'context' || passage.text.length > 40;
}

/** The year of an ISO date or of the start of a period ("2018/2022"). */
function yearOf(document: CorpusDocument): string {
  return document.date.slice(0, 4);
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

/** The passages to index, oldest document first, each in the order of its document. */
function indexedPassages(corpus: Corpus): Passage[] {
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

function buildFacetTable(corpus: Corpus, passages: readonly Passage[]): FacetTable {
  const documents = [...corpus.documents].sort((a, b) => a.date.localeCompare(b.date));
  const documentIndex = new Map(documents.map((document, i) => [document.id, i]));
  const actorIndex = new Map(corpus.actors.map((actor, i) => [actor.id, i]));
  const termIndex = new Map(corpus.terms.map((term, i) => [term.id, i]));
  const termsByPassage = new Map<string, number[]>();
  for (const occurrence of corpus.occurrences) {
    const term = termIndex.get(occurrence.termId);
    if (term === undefined) continue;
    const terms = termsByPassage.get(occurrence.passageId) ?? [];
    terms.push(term);
    termsByPassage.set(occurrence.passageId, terms);
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
    })),
    corpus.actors.map((actor) => ({ id: actor.id, label: actor.name, country: actor.country })),
    corpus.terms.map((term) => ({ id: term.id, label: term.label })),
    passages.map((passage) => passage.id),
    Uint8Array.from(passages, (passage) => documentIndex.get(passage.documentId) ?? 0),
    Uint16Array.from(passages, (passage) => actorIndex.get(passage.actorId) ?? 0),
    Uint8Array.from(passages, (passage) => RECORD_KINDS.indexOf(passage.kind)),
    termOffsets,
    Uint16Array.from(termIndexes),
  );
}

export function searchRecords(corpus: Corpus, passages = indexedPassages(corpus)): SearchRecord[] {
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

export function buildSearchIndex(corpus: Corpus): CorpusSearchIndex {
  const passages = indexedPassages(corpus);
  const records = searchRecords(corpus, passages);
  const engine = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
  engine.addAll(records);
  const facets = buildFacetTable(corpus, passages);
  const fields = SEARCH_OPTIONS.fields as (keyof SearchRecord)[];
  const vocabulary = new Vocabulary(
    records.flatMap((record) => fields.flatMap((field) => searchableWords(String(record[field])))),
  );
  const termNames = new TermNames(
    corpus.terms.map((term) => [
      // "Financial Action Task Force (FATF)": each form is an alias already.
      term.label.replace(/\s*\([^)]*\)/g, ''),
      ...term.aliases.map((alias) => alias.text),
    ]),
  );
  const words: WordSearch = { engine, vocabulary, termNames };
  return {
    facets,
    wordSearch: () => words,
    toJSON: () => ({
      version: SEARCH_INDEX_VERSION,
      engine: engine.toJSON(),
      facets: facets.toJSON(),
      termNames: termNames.names,
    }),
  };
}

/**
 * Reads back a serialised index; null when it was written in another form (by an older version
 * of Pledgemark, for the same corpus), so that the caller builds a current one instead.
 */
export function loadSearchIndex(serialised: string): CorpusSearchIndex | null {
  const json: unknown = JSON.parse(serialised);
  if (!isCurrentIndex(json)) return null;
  let words: WordSearch | null = null;
  return {
    facets: FacetTable.fromJSON(json.facets),
    wordSearch: () =>
      (words ??= {
        engine: MiniSearch.loadJS<SearchRecord>(json.engine, SEARCH_OPTIONS),
        vocabulary: new Vocabulary(json.engine.index.map(([word]) => word)),
        termNames: new TermNames(json.termNames),
      }),
    toJSON: () => json,
  };
}

function isCurrentIndex(json: unknown): json is SerialisedSearchIndex {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { version?: unknown }).version === SEARCH_INDEX_VERSION
  );
}
