import type { SearchResult } from 'minisearch';
import type { Actor, Corpus, CorpusDocument, Passage } from './corpus-types';
import type { CorpusMeta, PledgemarkDatabase } from './db';
import {
  buildSearchIndex,
  loadSearchIndex,
  RECORD_KINDS,
  searchableWords,
  TERM_ID_PREFIX,
  TYPO_SEARCH_OPTIONS,
  type CorpusSearchIndex,
  type FacetTable,
} from './search-index';
import {
  SEARCH_FACETS,
  toActorSummary,
  toCitedPassage,
  toDocumentSummary,
  toTermSummary,
  type CitedPassage,
  type DocumentDetail,
  type FacetValue,
  type SearchFacet,
  type SearchFacets,
  type SearchFilters,
  type SearchHit,
  type SearchResponse,
  type TermDetail,
  type TermHit,
} from '../utils/views';

/** Longer queries are cut to this many words: enough for any real question, cheap to run. */
export const MAX_QUERY_WORDS = 24;
const DEFAULT_LIMIT = 50;
const MAX_TERM_HITS = 8;
/** Longest query echoed back in a notice. */
const ECHO_LENGTH = 60;

export interface SearchRequest {
  /** At most one value per facet; values the corpus does not have are left out, with a notice. */
  filters?: SearchFilters;
  /** How many passages to return, best first (the count and facets cover all of them). */
  limit?: number;
}

/** What a facet's filter is called in a notice. */
const FACET_NOUN: Record<SearchFacet, string> = {
  document: 'document',
  actor: 'speaker or body',
  country: 'country',
  kind: 'kind of passage',
  year: 'year',
  term: 'term',
};

const KIND_LABEL = { commitment: 'Commitments', position: 'Positions', context: 'Context' };

/**
 * Read-only questions to the corpus copy in IndexedDB. Documents and actors are few, so they are
 * cached in memory on first use; passages are read on demand.
 */
export class CorpusQueries {
  private index: Promise<SearchIndexState> | null = null;
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
  }> | null = null;

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Drops cached state, after the corpus was replaced. */
  reset(): void {
    this.index = null;
    this.lookups = null;
  }

  /**
   * Passages (and glossary terms) matching the query, best first, narrowed by the filters, with
   * every facet's counts. An empty query lists the passages the filters select, in the order of
   * the record (oldest document first); with no filters either, it answers only the counts over
   * the whole corpus, for the popup to offer as filters.
   */
  async search(query: string, request: SearchRequest = {}): Promise<SearchResponse> {
    const { filters = {}, limit = DEFAULT_LIMIT } = request;
    const state = await this.searchIndex();
    const notices: string[] = [];
    const selection = selectFilters(state, filters, notices);

    const trimmed = query.trim();
    const words = trimmed.split(/\s+/).filter(Boolean);
    if (trimmed.length === 1) notices.push('Type at least two characters to search.');
    if (words.length > MAX_QUERY_WORDS) {
      notices.push(`Only the first ${MAX_QUERY_WORDS} words of the query were searched.`);
    }
    const searched = trimmed.length > 1 ? words.slice(0, MAX_QUERY_WORDS).join(' ') : '';

    let matches: PassageMatch[];
    let terms: TermHit[] = [];
    if (searched === '') {
      matches = allRows(state.facets);
    } else if (searchableWords(searched).length === 0) {
      notices.push(`“${echo(searched)}” has no word specific enough to search for.`);
      matches = [];
    } else {
      const results = runQuery(state.engine, searched, notices);
      matches = results.flatMap((result) => {
        const row = result.row as number | undefined;
        return row === undefined ? [] : [{ row, score: result.score, words: result.terms }];
      });
      terms = await this.termHits(results.filter((result) => result.row === undefined));
    }

    const { kept, facets } = countFacets(state, matches, selection);
    // With neither a query nor a filter, the counts are the answer: listing all would be noise.
    const listed = searched === '' && !selection.active ? [] : kept;
    const top = listed.slice(0, limit);
    const ids = top.map((match) => state.facets.passageIds[match.row]!);
    const cited = new Map(
      (await this.cite(await this.db.passages.bulkGet(ids))).map((passage) => [
        passage.id,
        passage,
      ]),
    );
    const hits: SearchHit[] = top.flatMap((match, i) => {
      const passage = cited.get(ids[i]!);
      return passage
        ? [{ type: 'passage', score: match.score, passage, matchedWords: match.words }]
        : [];
    });
    return {
      query,
      terms,
      passages: hits,
      totalPassages: listed.length,
      filters: selection.filters,
      facets,
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }

  async lookupTerm(termId: string): Promise<TermDetail | null> {
    const term = await this.db.terms.get(termId);
    if (!term) return null;
    const occurrences = await this.db.occurrences.where('termId').equals(termId).toArray();
    const [sources, mentioned, related] = await Promise.all([
      this.db.passages.bulkGet(term.sourcePassageIds),
      this.db.passages.bulkGet(occurrences.map((occurrence) => occurrence.passageId)),
      this.db.terms.bulkGet(term.related),
    ]);
    const found = (passages: (Passage | undefined)[]) =>
      passages.filter((passage): passage is Passage => passage !== undefined);
    const cited = await this.cite(found(mentioned));
    return {
      term: toTermSummary(term),
      sources: await this.cite(found(sources)),
      related: related.flatMap((relatedTerm) => (relatedTerm ? [toTermSummary(relatedTerm)] : [])),
      commitments: cited.filter((passage) => passage.kind === 'commitment'),
      positions: cited.filter((passage) => passage.kind === 'position'),
    };
  }

  async getPassage(passageId: string): Promise<CitedPassage | null> {
    const passage = await this.db.passages.get(passageId);
    if (!passage) return null;
    const [cited] = await this.cite([passage]);
    return cited ?? null;
  }

  async getDocument(documentId: string): Promise<DocumentDetail | null> {
    const { documents, actors } = await this.lookupTables();
    const document = documents.get(documentId);
    if (!document) return null;
    const passages = await this.db.passages.where('documentId').equals(documentId).sortBy('order');
    const actorIds = new Set(passages.map((passage) => passage.actorId));
    return {
      document: toDocumentSummary(document),
      passages: passages.map(({ id, text, locator, sectionPath, kind, format, actorId }) => ({
        id,
        text,
        locator,
        sectionPath,
        kind,
        format,
        actorId,
      })),
      actors: [...actorIds].flatMap((id) => {
        const actor = actors.get(id);
        return actor ? [toActorSummary(actor)] : [];
      }),
    };
  }

  /** Cites the passages whose document and actor are known. */
  private async cite(passages: (Passage | undefined)[]): Promise<CitedPassage[]> {
    const { documents, actors } = await this.lookupTables();
    return passages.flatMap((passage) => {
      const document = passage && documents.get(passage.documentId);
      const actor = passage && actors.get(passage.actorId);
      return passage && document && actor ? [toCitedPassage(passage, document, actor)] : [];
    });
  }

  private async termHits(results: SearchResult[]): Promise<TermHit[]> {
    const top = results.slice(0, MAX_TERM_HITS);
    const terms = await this.db.terms.bulkGet(
      top.map((result) => String(result.id).slice(TERM_ID_PREFIX.length)),
    );
    return terms.flatMap((term, i) =>
      term ? [{ type: 'term' as const, score: top[i]!.score, term: toTermSummary(term) }] : [],
    );
  }

  private searchIndex(): Promise<SearchIndexState> {
    this.index ??= this.db.meta.get('corpus').then(async (meta) => {
      if (!meta) throw new Error('The corpus is not loaded yet');
      const index =
        loadSearchIndex(meta.searchIndex) ?? buildSearchIndex(await this.storedCorpus(meta));
      return indexState(index);
    });
    this.index.catch(() => (this.index = null));
    return this.index;
  }

  /** The corpus as stored, to index it again when the stored index is in an older form. */
  private async storedCorpus(meta: CorpusMeta): Promise<Corpus> {
    const { db } = this;
    const [documents, passages, actors, terms, occurrences] = await Promise.all([
      db.documents.toArray(),
      db.passages.toArray(),
      db.actors.toArray(),
      db.terms.toArray(),
      db.occurrences.toArray(),
    ]);
    return { hash: meta.hash, documents, passages, actors, terms, occurrences };
  }

  private lookupTables() {
    this.lookups ??= Promise.all([this.db.documents.toArray(), this.db.actors.toArray()]).then(
      ([documents, actors]) => ({
        documents: new Map(documents.map((document) => [document.id, document])),
        actors: new Map(actors.map((actor) => [actor.id, actor])),
      }),
    );
    this.lookups.catch(() => (this.lookups = null));
    return this.lookups;
  }
}

/** A passage row of the facet table that matches the query. */
interface PassageMatch {
  row: number;
  score: number;
  /** The indexed words it matched (after prefix and typo expansion), for emphasis. */
  words: string[];
}

interface FacetEntry {
  value: string;
  label: string;
}

/** The loaded index, with each facet's values and the lookups that derive country and year. */
interface SearchIndexState {
  engine: CorpusSearchIndex['engine'];
  facets: FacetTable;
  /** Each facet's possible values, in the order they are offered when counts do not order them. */
  values: Record<SearchFacet, FacetEntry[]>;
  /** Each facet's value → its index in `values`. */
  valueIndex: Record<SearchFacet, Map<string, number>>;
  /** Actor index → country index, or -1 for an actor with no country (an international body). */
  actorCountry: Int16Array;
  /** Document index → year index. */
  documentYear: Uint8Array;
}

function indexState({ engine, facets }: CorpusSearchIndex): SearchIndexState {
  const countries = [
    ...new Set(facets.actors.flatMap((actor) => (actor.country ? [actor.country] : []))),
  ].sort();
  const years = [...new Set(facets.documents.map((document) => document.year))].sort();
  const values: Record<SearchFacet, FacetEntry[]> = {
    document: facets.documents.map((document) => ({ value: document.id, label: document.label })),
    actor: facets.actors.map((actor) => ({ value: actor.id, label: actor.label })),
    country: countries.map((country) => ({ value: country, label: country })),
    kind: RECORD_KINDS.map((kind) => ({ value: kind, label: KIND_LABEL[kind] })),
    year: years.map((year) => ({ value: year, label: year })),
    term: facets.terms.map((term) => ({ value: term.id, label: term.label })),
  };
  const valueIndex = Object.fromEntries(
    SEARCH_FACETS.map((facet) => [
      facet,
      new Map(values[facet].map((entry, i) => [entry.value, i])),
    ]),
  ) as Record<SearchFacet, Map<string, number>>;
  return {
    engine,
    facets,
    values,
    valueIndex,
    actorCountry: Int16Array.from(facets.actors, (actor) =>
      actor.country ? countries.indexOf(actor.country) : -1,
    ),
    documentYear: Uint8Array.from(facets.documents, (document) => years.indexOf(document.year)),
  };
}

/** The filters resolved to each facet's value index (-1: no filter on that facet). */
interface FilterSelection {
  selected: Record<SearchFacet, number>;
  /** The filters applied: those given, less unknown values. */
  filters: SearchFilters;
  active: boolean;
}

function selectFilters(
  state: SearchIndexState,
  filters: SearchFilters,
  notices: string[],
): FilterSelection {
  const applied: SearchFilters = {};
  const selected = {} as Record<SearchFacet, number>;
  for (const facet of SEARCH_FACETS) {
    selected[facet] = -1;
    const value = filters[facet];
    if (value === undefined) continue;
    const index = state.valueIndex[facet].get(value);
    if (index === undefined) {
      notices.push(
        `There is no ${FACET_NOUN[facet]} “${echo(value)}” in the corpus; that filter was left out.`,
      );
      continue;
    }
    selected[facet] = index;
    applied[facet] = value;
  }
  return { selected, filters: applied, active: Object.keys(applied).length > 0 };
}

const NO_WORDS: string[] = [];

/** Every indexed passage, in the order of the record. */
function allRows(facets: FacetTable): PassageMatch[] {
  return Array.from({ length: facets.rowCount }, (_, row) => ({ row, score: 0, words: NO_WORDS }));
}

function hasPassage(results: SearchResult[]): boolean {
  return results.some((result) => result.row !== undefined);
}

/**
 * Every word must match, as typed or as the start of a longer word; failing that, allowing for
 * typos; failing that, any of the words. Each fallback is said in a notice.
 */
function runQuery(
  engine: CorpusSearchIndex['engine'],
  searched: string,
  notices: string[],
): SearchResult[] {
  const exact = engine.search(searched);
  if (hasPassage(exact)) return exact;
  const close = engine.search(searched, TYPO_SEARCH_OPTIONS);
  if (hasPassage(close)) {
    notices.push('No passage has these exact words; showing close spellings.');
    return close;
  }
  const any = engine.search(searched, { ...TYPO_SEARCH_OPTIONS, combineWith: 'OR' });
  if (!hasPassage(any)) return exact;
  notices.push('No passage has all these words; showing passages with any of them.');
  return any;
}

/**
 * Keeps the matches that pass every filter, and counts each facet's values over the matches
 * that pass every filter but that facet's own (so a facet's counts say what choosing another of
 * its values would give). One pass over the matches, reading only the facet table.
 */
function countFacets(
  state: SearchIndexState,
  matches: readonly PassageMatch[],
  { selected }: FilterSelection,
): { kept: PassageMatch[]; facets: SearchFacets } {
  const { facets: table, actorCountry, documentYear } = state;
  const counts = {} as Record<SearchFacet, Uint32Array>;
  for (const facet of SEARCH_FACETS) counts[facet] = new Uint32Array(state.values[facet].length);
  const kept: PassageMatch[] = [];
  let misses = 0;
  let missed: SearchFacet | null = null;
  const check = (facet: SearchFacet, passes: () => boolean) => {
    if (selected[facet] >= 0 && !passes()) {
      misses++;
      missed = facet;
    }
  };
  const count = (facet: SearchFacet, value: number) => {
    if (misses === 0 || missed === facet) counts[facet][value]!++;
  };
  for (const match of matches) {
    const { row } = match;
    const document = table.document[row]!;
    const actor = table.actor[row]!;
    const country = actorCountry[actor]!;
    const kind = table.kind[row]!;
    const year = documentYear[document]!;
    misses = 0;
    missed = null;
    check('document', () => document === selected.document);
    check('actor', () => actor === selected.actor);
    check('country', () => country === selected.country);
    check('kind', () => kind === selected.kind);
    check('year', () => year === selected.year);
    check('term', () => table.hasTerm(row, selected.term));
    if (misses > 1) continue;
    if (misses === 0) kept.push(match);
    count('document', document);
    count('actor', actor);
    if (country >= 0) count('country', country);
    count('kind', kind);
    count('year', year);
    for (let i = table.termOffsets[row]!; i < table.termOffsets[row + 1]!; i++) {
      count('term', table.termIndexes[i]!);
    }
  }
  const facets = {} as SearchFacets;
  for (const facet of SEARCH_FACETS) {
    facets[facet] = facetValues(state, facet, counts[facet], selected[facet]);
  }
  return { kept, facets };
}

/** Facets whose values are best offered by how many passages have them, most first. */
const ORDERED_BY_COUNT = new Set<SearchFacet>(['actor', 'country', 'term']);

/** A facet's values that some passage has, and the selected one even if none has it now. */
function facetValues(
  state: SearchIndexState,
  facet: SearchFacet,
  counts: Uint32Array,
  selected: number,
): FacetValue[] {
  const values = state.values[facet].flatMap((entry, i) =>
    counts[i]! > 0 || i === selected ? [{ ...entry, count: counts[i]! }] : [],
  );
  if (ORDERED_BY_COUNT.has(facet)) {
    values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
  return values;
}

/** A query or value as quoted back in a notice: cut short when long. */
function echo(text: string): string {
  return text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text;
}
