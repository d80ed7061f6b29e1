import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
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
  /** Labels and aliases of the terms a passage mentions, so "Passenger Name Record" finds "PNR". */
  termNames: string;
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
    'a an and are as at be been by for from has have in into is of on or s such than that the ' +
    'their these this those to was were which with'
  ).split(' '),
);

/** Lower case without diacritics, so that "Türkistan" finds "Turkistan"; null for stop words. */
export function normaliseTerm(term: string): string | null {
  const normalised = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return normalised === '' || STOP_WORDS.has(normalised) ? null : normalised;
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

/**
 * Typos are corrected only for words of this length: shorter words have too many neighbours
 * (and are usually acronyms), and the cost of the edit-distance search grows with the length.
 */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MAX_LENGTH = 24;

/**
 * The one set of options used both to build and to load the index, and to search it first:
 * every word must match (in any field), the last letters of a word may be missing, no typos.
 */
export const SEARCH_OPTIONS: Options<SearchRecord> = {
  idField: 'id',
  fields: ['text', 'context', 'label', 'aliases', 'termNames', 'locator', 'actor'],
  storeFields: ['row'],
  tokenize,
  processTerm: normaliseTerm,
  searchOptions: {
    boost: { context: 0.5, label: 4, aliases: 4, termNames: 1.5, locator: 1.5, actor: 1.5 },
    prefix: (term) => term.length > 2,
    fuzzy: false,
    combineWith: 'AND',
  },
};

/**
 * The second try, when the first finds no passage: allow one typo in words of 5 to 7 letters
 * and two in longer ones ("passanger", "finacial"). Only then, because correcting words that
 * are spelled right adds noise and, on a large corpus, most of the cost of a query.
 */
export const TYPO_SEARCH_OPTIONS: SearchOptions = {
  fuzzy: (term) =>
    term.length >= FUZZY_MIN_LENGTH && term.length <= FUZZY_MAX_LENGTH
      ? term.length >= 8
        ? 2
        : 1
      : false,
};

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
}

export interface CorpusSearchIndex {
  engine: MiniSearch<SearchRecord>;
  facets: FacetTable;
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
  const termsById = new Map(corpus.terms.map((term) => [term.id, term]));
  const actorsById = new Map(corpus.actors.map((actor) => [actor.id, actor]));
  const termNamesByPassage = new Map<string, string[]>();
  for (const occurrence of corpus.occurrences) {
    const term = termsById.get(occurrence.termId);
    if (!term) continue;
    const names = termNamesByPassage.get(occurrence.passageId) ?? [];
    names.push(term.label, ...term.aliases.map((alias) => alias.text));
    termNamesByPassage.set(occurrence.passageId, names);
  }
  const passageRecords: SearchRecord[] = passages.map((passage, row) => {
    const actor = actorsById.get(passage.actorId);
    return {
      id: passage.id,
      row,
      text: passage.kind === 'context' ? '' : passage.text,
      context: passage.kind === 'context' ? passage.text : '',
      label: '',
      aliases: '',
      termNames: (termNamesByPassage.get(passage.id) ?? []).join(' '),
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
    termNames: '',
    locator: '',
    actor: '',
  }));
  return [...termRecords, ...passageRecords];
}

export function buildSearchIndex(corpus: Corpus): CorpusSearchIndex {
  const passages = indexedPassages(corpus);
  const engine = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
  engine.addAll(searchRecords(corpus, passages));
  const facets = buildFacetTable(corpus, passages);
  return {
    engine,
    facets,
    toJSON: () => ({
      version: SEARCH_INDEX_VERSION,
      engine: engine.toJSON(),
      facets: facets.toJSON(),
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
  const engine = MiniSearch.loadJS<SearchRecord>(json.engine, SEARCH_OPTIONS);
  const facets = FacetTable.fromJSON(json.facets);
  return { engine, facets, toJSON: () => json };
}

function isCurrentIndex(json: unknown): json is SerialisedSearchIndex {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { version?: unknown }).version === SEARCH_INDEX_VERSION
  );
}
