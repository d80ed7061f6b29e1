import {
  ADDED_ID_PREFIX,
  type Actor,
  type Corpus,
  type CorpusDocument,
  type Occurrence,
  type Passage,
} from '../../../utils/corpus-types';
import type { CorpusMeta, PledgemarkDatabase } from '../db';
import {
  buildAddedIndex,
  buildSearchIndex,
  indexHasWord,
  loadSearchIndex,
  mergeSearchIndexes,
  SEARCH_INDEX_VERSION,
  searchableWords,
  TERM_ID_PREFIX,
  typoSearchOptions,
  withoutDocument,
  type CorpusSearchIndex,
  type IndexedCorpus,
  type WordSearch,
} from './search-index';
import { RECORD_KINDS } from './facet-table';
import type { PreparedQuery } from './word-index';
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
} from '../../../utils/views';
import { SEARCH_PAGE_SIZE } from '../../../utils/messaging';

/** Longer queries are cut to this many words: enough for any real question, cheap to run. */
export const MAX_QUERY_WORDS = 24;
/**
 * For a query of several words, the passages read are put in order again, in blocks of this
 * size, those that have the words side by side first. Blocks of a fixed size (a page) keep the
 * first pages in the same order however many are asked for.
 */
const RERANKED_BLOCK = SEARCH_PAGE_SIZE;
/** How much more a passage weighs when all the query's words stand side by side in it. */
const PHRASE_BONUS = 0.5;
const MAX_TERM_HITS = 8;
/**
 * How many queries' matches are kept, by their words: choosing a filter or asking for more
 * passages searches the same words again, and at a large corpus's size matching is most of the
 * cost of a query.
 */
export const RECENT_MATCHES = 4;
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

/** Whether a document, passage or actor is one the reader added (its tables are apart). */
const isAdded = (id: string) => id.startsWith(ADDED_ID_PREFIX);

/**
 * Questions to the corpus copy in IndexedDB: the built-in corpus and the documents the reader
 * added, as one. Documents and actors are few, so they are cached in memory on first use;
 * passages are read on demand. The corpus is only read, but for one write: the search index,
 * stored when it was built or when added documents were merged into it or taken out.
 */
export class CorpusQueries {
  private index: Promise<SearchIndexState> | null = null;
  /** Whether `index` has finished loading. */
  private indexLoaded = false;
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
  }> | null = null;

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Drops cached state, after the corpus was replaced. */
  reset(): void {
    this.index = null;
    this.indexLoaded = false;
    this.lookups = null;
  }

  /**
   * The reader added or deleted a document: the index in memory takes it in or out (building
   * nothing else again), and is stored. Resolves once searches find it, or no longer do.
   */
  async addedDocumentsChanged(): Promise<void> {
    const loaded = this.index;
    this.reset();
    const current = loaded ? await loaded.catch(() => null) : null;
    await this.searchIndex(current);
  }

  /**
   * Passages (and glossary terms) matching the query, best first, narrowed by the filters, with
   * every facet's counts. An empty query lists the passages the filters select, in the order of
   * the record (oldest document first); with no filters either, it answers only the counts over
   * the whole corpus, for the popup to offer as filters.
   */
  async search(query: string, request: SearchRequest = {}): Promise<SearchResponse> {
    const { filters = {}, limit = SEARCH_PAGE_SIZE } = request;
    // How the popup opens. Until the index is loaded, the counts stored with it answer (also
    // while it loads: a popup opened again does not wait for it); the index, and its engine for
    // words, are loaded right after, for what the reader types next.
    if (!this.indexLoaded && query.trim() === '' && Object.keys(filters).length === 0) {
      const opening = await this.storedOpeningFacets();
      if (opening) {
        this.prepareForWords();
        return { query, terms: [], passages: [], totalPassages: 0, filters: {}, facets: opening };
      }
    }
    const state = await this.searchIndex();
    const notices: string[] = [];
    const selection = selectFilters(state, filters, notices);

    const trimmed = query.trim();
    const typed = trimmed.split(/\s+/).filter(Boolean);
    if (trimmed.length === 1) notices.push('Type at least two characters to search.');
    if (typed.length > MAX_QUERY_WORDS) {
      notices.push(`Only the first ${MAX_QUERY_WORDS} words of the query were searched.`);
    }
    const searched = trimmed.length > 1 ? typed.slice(0, MAX_QUERY_WORDS).join(' ') : '';
    const words = searchableWords(searched);

    if (searched === '') this.prepareForWords();
    const matched = await this.match(state, searched, words, notices);
    const { kept, facets } = countFacets(state, matched.rows, selection);
    // With neither a query nor a filter, the counts are the answer: listing all would be noise.
    const listed = searched === '' && !selection.active ? kept.subarray(0, 0) : kept;
    const best = matched.scores
      ? bestPositions(listed, matched.scores, limit)
      : listed.subarray(0, limit);
    const hits = await this.readPage(state, matched, best, words);
    return {
      query,
      terms: matched.terms,
      passages: hits,
      totalPassages: listed.length,
      filters: selection.filters,
      facets,
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }

  /**
   * The passages that match, as rows of the facet table in the order of the record, with their
   * scores when there is a query; and the matching terms, best first.
   */
  private async match(
    state: SearchIndexState,
    searched: string,
    words: readonly string[],
    notices: string[],
  ): Promise<PageSource & { terms: TermHit[] }> {
    if (searched === '') return { rows: state.allRows, scores: null, terms: [] };
    if (words.length === 0) {
      notices.push(`“${echo(searched)}” has no word specific enough to search for.`);
      return { rows: new Int32Array(0), scores: null, terms: [] };
    }
    const key = words.join(' ');
    let matched = state.recentMatches.get(key);
    // A Map keeps insertion order: delete and set again puts the entry last, the oldest first.
    if (matched) state.recentMatches.delete(key);
    else matched = matchWords(state.wordSearch(), words);
    state.recentMatches.set(key, matched);
    if (state.recentMatches.size > RECENT_MATCHES) {
      state.recentMatches.delete(state.recentMatches.keys().next().value!);
    }
    notices.push(...matched.notices);
    return { ...matched, terms: await this.termHits(matched.terms) };
  }

  /**
   * Reads and cites the passages at the given positions of the matched rows, in that order; for
   * a query of several words, those that have the words side by side move up within each block.
   */
  private async readPage(
    state: SearchIndexState,
    { rows, scores, prepared }: PageSource,
    positions: Int32Array,
    words: readonly string[],
  ): Promise<SearchHit[]> {
    if (positions.length === 0) return [];
    const read = [...positions];
    const passages = await this.readPassages(
      read.map((position) => state.facets.passageIds[rows[position]!]!),
    );
    const search = prepared ? state.wordSearch() : null;
    let page = read.map((position, i) => ({
      passage: passages[i],
      score: scores?.[position] ?? 0,
      words:
        search && prepared
          ? search.index.matchedWords(prepared, search.rowRecords[rows[position]!]!)
          : [],
    }));
    if (scores && words.length > 1) {
      const bonus = page.map((entry) => ({
        ...entry,
        score: entry.score * (entry.passage ? phraseBonus(entry.passage.text, words) : 1),
      }));
      page = [];
      for (let start = 0; start < bonus.length; start += RERANKED_BLOCK) {
        page.push(...bonus.slice(start, start + RERANKED_BLOCK).sort((a, b) => b.score - a.score));
      }
    }
    const cited = new Map(
      (await this.cite(page.map((entry) => entry.passage))).map((passage) => [passage.id, passage]),
    );
    return page.flatMap(({ passage, score, words: matchedWords }) => {
      const citation = passage && cited.get(passage.id);
      return citation ? [{ type: 'passage' as const, score, passage: citation, matchedWords }] : [];
    });
  }

  async lookupTerm(termId: string): Promise<TermDetail | null> {
    const { db } = this;
    const term = await db.terms.get(termId);
    if (!term) return null;
    const occurrences = (
      await Promise.all([
        db.occurrences.where('termId').equals(termId).toArray(),
        db.addedOccurrences.where('termId').equals(termId).toArray(),
      ])
    ).flat();
    const [sources, mentioned, related] = await Promise.all([
      this.readPassages(term.sourcePassageIds),
      this.readPassages(occurrences.map((occurrence) => occurrence.passageId)),
      db.terms.bulkGet(term.related),
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
    const [passage] = await this.readPassages([passageId]);
    if (!passage) return null;
    const [cited] = await this.cite([passage]);
    return cited ?? null;
  }

  async getDocument(documentId: string): Promise<DocumentDetail | null> {
    const { documents, actors } = await this.lookupTables();
    const document = documents.get(documentId);
    if (!document) return null;
    const table = isAdded(documentId) ? this.db.addedPassages : this.db.passages;
    const passages = await table.where('documentId').equals(documentId).sortBy('order');
    const actorIds = new Set(passages.map((passage) => passage.actorId));
    return {
      document: toDocumentSummary(document),
      passages: passages.map(
        ({ id, text, locator, sectionPath, kind, format, fields, actorId }) => ({
          id,
          text,
          locator,
          sectionPath,
          kind,
          format,
          ...(fields ? { fields } : {}),
          actorId,
        }),
      ),
      actors: [...actorIds].flatMap((id) => {
        const actor = actors.get(id);
        return actor ? [toActorSummary(actor)] : [];
      }),
    };
  }

  /** Passages by id, from the built-in tables or the reader's, in the order asked. */
  private async readPassages(ids: readonly string[]): Promise<(Passage | undefined)[]> {
    const added = ids.filter(isAdded);
    if (added.length === 0) return this.db.passages.bulkGet([...ids]);
    const [builtIn, own] = await Promise.all([
      this.db.passages.bulkGet(ids.filter((id) => !isAdded(id))),
      this.db.addedPassages.bulkGet(added),
    ]);
    const byId = new Map<string, Passage>();
    for (const passage of [...builtIn, ...own]) if (passage) byId.set(passage.id, passage);
    return ids.map((id) => byId.get(id));
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

  private async termHits(found: readonly ScoredTerm[]): Promise<TermHit[]> {
    if (found.length === 0) return [];
    const terms = await this.db.terms.bulkGet(found.map(({ termId }) => termId));
    return terms.flatMap((term, i) =>
      term ? [{ type: 'term' as const, score: found[i]!.score, term: toTermSummary(term) }] : [],
    );
  }

  /**
   * The search index of both corpora: the stored one (or, after an addition or a deletion, the
   * one in memory), with the reader's documents merged in or taken out to match their tables.
   */
  private searchIndex(current: CorpusSearchIndex | null = null): Promise<SearchIndexState> {
    const { db } = this;
    this.index ??= db
      .transaction(
        'r',
        [db.meta, db.searchIndexes, db.openingFacets, db.addedDocuments],
        async () => {
          const meta = await db.meta.get('corpus');
          if (!meta) throw new Error('The corpus is not loaded yet');
          const [stored, opening, addedIds] = await Promise.all([
            current ? undefined : db.searchIndexes.get(meta.hash),
            db.openingFacets.get(meta.hash),
            db.addedDocuments.toCollection().primaryKeys(),
          ]);
          return { meta, stored, opening, addedIds };
        },
      )
      .then(async ({ meta, stored, opening, addedIds }) => {
        let index = current ?? (stored ? loadSearchIndex(stored.index) : null);
        let changed = false;
        if (!index) {
          // Seeding keys the copy by the corpus hash only: for the same corpus, an index stored
          // in another form, or damaged, stays until it is replaced here.
          index = buildSearchIndex(await this.storedCorpus(meta));
          changed = true;
        }
        const matched = await this.withAddedDocuments(index, addedIds);
        if (matched !== index) changed = true;
        if (changed) {
          // Storing it only spares the next start this work, so searches do not wait for it: a
          // start that finds it missing or behind matches it to the tables again, and on a full
          // disk search goes on with the index in memory.
          void db.searchIndexes
            .put({ hash: meta.hash, index: matched.toStored() })
            .catch(() => undefined);
        }
        const state = indexState(matched);
        if (
          changed ||
          opening?.version !== SEARCH_INDEX_VERSION ||
          !sameIds(opening.addedDocumentIds ?? [], addedIds)
        ) {
          const facets = countFacets(state, state.allRows, selectFilters(state, {}, [])).facets;
          // Only a shortcut for the next start: without it, the popup opens from the index.
          await db.openingFacets
            .put({
              hash: meta.hash,
              version: SEARCH_INDEX_VERSION,
              addedDocumentIds: addedIds,
              facets,
            })
            .catch(() => undefined);
        }
        return state;
      });
    const loading = this.index;
    loading.then(
      () => (this.indexLoaded ||= this.index === loading),
      () => {
        if (this.index === loading) this.index = null;
      },
    );
    return loading;
  }

  /**
   * An empty query is how the popup opens: once its answer has gone, the index and its engine for
   * words are loaded, then (in a task of its own) the word tree typos are searched in, so that
   * the first words typed find them ready.
   */
  private prepareForWords(): void {
    setTimeout(() => {
      this.searchIndex().then(
        (state) => {
          const { index } = state.wordSearch();
          setTimeout(() => index.fuzzyMap(), 0);
        },
        // Reported by the next search, which needs the index.
        () => undefined,
      );
    }, 0);
  }

  /**
   * The stored answer to the opening search, if it was stored for this corpus, this index and
   * the documents the reader has added.
   */
  private storedOpeningFacets(): Promise<SearchFacets | null> {
    const { db } = this;
    return db.transaction('r', [db.meta, db.openingFacets, db.addedDocuments], async () => {
      const meta = await db.meta.get('corpus');
      const stored = meta && (await db.openingFacets.get(meta.hash));
      if (stored?.version !== SEARCH_INDEX_VERSION) return null;
      const addedIds = await db.addedDocuments.toCollection().primaryKeys();
      return sameIds(stored.addedDocumentIds ?? [], addedIds) ? stored.facets : null;
    });
  }

  /**
   * The index with exactly the reader's documents that are in their tables: those deleted since
   * it was stored taken out, those added merged in (indexed on their own, nothing else again).
   */
  private async withAddedDocuments(
    index: CorpusSearchIndex,
    addedIds: readonly string[],
  ): Promise<CorpusSearchIndex> {
    const wanted = new Set(addedIds);
    const covered = new Set(
      index.facets.documents.flatMap((document) => (isAdded(document.id) ? [document.id] : [])),
    );
    let matched = index;
    for (const id of covered) if (!wanted.has(id)) matched = withoutDocument(matched, id);
    const missing = addedIds.filter((id) => !covered.has(id));
    if (missing.length === 0) return matched;
    const added = buildAddedIndex(await this.addedCorpus(missing), matched.facets.terms);
    return mergeSearchIndexes([matched, added]);
  }

  /** The reader's documents of these ids, with their passages, actors and term links. */
  private addedCorpus(ids: readonly string[]): Promise<IndexedCorpus> {
    const { db } = this;
    const tables = [db.addedDocuments, db.addedPassages, db.addedActors, db.addedOccurrences];
    return db.transaction('r', tables, async () => {
      const [documents, passages, actors, occurrences] = await Promise.all([
        db.addedDocuments.bulkGet([...ids]),
        db.addedPassages.where('documentId').anyOf(ids).toArray(),
        db.addedActors.where('documentId').anyOf(ids).toArray(),
        db.addedOccurrences.where('documentId').anyOf(ids).toArray() as Promise<Occurrence[]>,
      ]);
      return {
        documents: documents.filter((document) => document !== undefined),
        passages,
        actors,
        occurrences,
      };
    });
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
    const { db } = this;
    this.lookups ??= Promise.all([
      db.documents.toArray(),
      db.actors.toArray(),
      db.addedDocuments.toArray(),
      db.addedActors.toArray(),
    ]).then(([documents, actors, addedDocuments, addedActors]) => ({
      documents: new Map<string, CorpusDocument>(
        [...documents, ...addedDocuments].map((document) => [document.id, document]),
      ),
      actors: new Map([...actors, ...addedActors].map((actor) => [actor.id, actor])),
    }));
    this.lookups.catch(() => (this.lookups = null));
    return this.lookups;
  }
}

interface FacetEntry {
  value: string;
  label: string;
}

/** The loaded index, with each facet's values and the lookups that derive country and year. */
interface SearchIndexState extends CorpusSearchIndex {
  /** Each facet's possible values, in the order they are offered when counts do not order them. */
  values: Record<SearchFacet, FacetEntry[]>;
  /** Each facet's value → its index in `values`. */
  valueIndex: Record<SearchFacet, Map<string, number>>;
  /** Actor index → country index, or -1 for an actor with no country (an international body). */
  actorCountry: Int16Array;
  /** Document index → year index. */
  documentYear: Uint8Array;
  /** Every row, in the order of the record: what an empty query matches. */
  allRows: Int32Array;
  /** The last queries' matches by their words, oldest first (at most `RECENT_MATCHES`). */
  recentMatches: Map<string, WordMatches>;
}

function indexState(index: CorpusSearchIndex): SearchIndexState {
  const { facets } = index;
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
    ...index,
    values,
    valueIndex,
    actorCountry: Int16Array.from(facets.actors, (actor) =>
      actor.country ? countries.indexOf(actor.country) : -1,
    ),
    documentYear: Uint8Array.from(facets.documents, (document) => years.indexOf(document.year)),
    allRows: Int32Array.from({ length: facets.rowCount }, (_, row) => row),
    recentMatches: new Map(),
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

/** Matched rows and what a page of them is read with. */
interface PageSource {
  /** Rows of the facet table, in the order of the record. */
  rows: Int32Array;
  /** Each row's score, when words were searched. */
  scores: Float64Array | null;
  /** The query that was run, to say which words each passage matched. */
  prepared?: PreparedQuery;
}

interface ScoredTerm {
  termId: string;
  score: number;
}

/** A query's matches, kept for choosing a filter or reading more of them. */
interface WordMatches extends PageSource {
  scores: Float64Array;
  prepared: PreparedQuery;
  /** The best matching glossary terms, best first. */
  terms: ScoredTerm[];
  /** What the matching said about the query (typos corrected, any word instead of all). */
  notices: string[];
}

/**
 * Every word must match, as typed or as the start of a longer word, or (for a word the index
 * does not have) with a typo or two; failing that, any of the words. Each is said in a notice.
 */
function matchWords(
  { index, termNames, recordRows }: WordSearch,
  words: readonly string[],
): WordMatches {
  const notices: string[] = [];
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
    if (misspelled.size > 0) {
      const listed = [...misspelled].map((word) => `“${echo(word)}”`).join(', ');
      notices.push(`No passage has ${listed}; showing close spellings.`);
    }
  } else {
    const any = run('OR');
    if (any.passages > 0) {
      notices.push('No passage has all these words; showing passages with any of them.');
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

/** One bit per facet, for the set of filters a passage fails. */
const FACET_BIT: Record<SearchFacet, number> = {
  document: 1,
  actor: 2,
  country: 4,
  kind: 8,
  year: 16,
  term: 32,
};

/**
 * Keeps the rows that pass every filter (their positions in `rows`), and counts each facet's
 * values over the rows that pass every filter but that facet's own, so that a facet's counts say
 * what choosing another of its values would give. One pass, reading only the facet table.
 */
function countFacets(
  state: SearchIndexState,
  rows: Int32Array,
  { selected }: FilterSelection,
): { kept: Int32Array; facets: SearchFacets } {
  const { facets: table, actorCountry, documentYear } = state;
  const counts = {} as Record<SearchFacet, Uint32Array>;
  for (const facet of SEARCH_FACETS) counts[facet] = new Uint32Array(state.values[facet].length);
  const filtered = (facet: SearchFacet) => selected[facet] >= 0;
  const [byDocument, byActor, byCountry, byKind, byYear, byTerm] = SEARCH_FACETS.map(filtered);
  const kept = new Int32Array(rows.length);
  let keptCount = 0;
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position]!;
    const document = table.document[row]!;
    const actor = table.actor[row]!;
    const country = actorCountry[actor]!;
    const kind = table.kind[row]!;
    const year = documentYear[document]!;
    const failed =
      (byDocument && document !== selected.document ? FACET_BIT.document : 0) |
      (byActor && actor !== selected.actor ? FACET_BIT.actor : 0) |
      (byCountry && country !== selected.country ? FACET_BIT.country : 0) |
      (byKind && kind !== selected.kind ? FACET_BIT.kind : 0) |
      (byYear && year !== selected.year ? FACET_BIT.year : 0) |
      (byTerm && !table.hasTerm(row, selected.term) ? FACET_BIT.term : 0);
    // Failing two filters or more, a row counts nowhere; failing one, only in that facet.
    if ((failed & (failed - 1)) !== 0) continue;
    if (failed === 0) kept[keptCount++] = position;
    // A facet counts the row when it failed no filter, or that facet's only: (failed | bit) === bit.
    if ((failed | FACET_BIT.document) === FACET_BIT.document) counts.document[document]!++;
    if ((failed | FACET_BIT.actor) === FACET_BIT.actor) counts.actor[actor]!++;
    if ((failed | FACET_BIT.country) === FACET_BIT.country && country >= 0) {
      counts.country[country]!++;
    }
    if ((failed | FACET_BIT.kind) === FACET_BIT.kind) counts.kind[kind]!++;
    if ((failed | FACET_BIT.year) === FACET_BIT.year) counts.year[year]!++;
    if ((failed | FACET_BIT.term) === FACET_BIT.term) {
      for (let i = table.termOffsets[row]!; i < table.termOffsets[row + 1]!; i++) {
        counts.term[table.termIndexes[i]!]!++;
      }
    }
  }
  const facets = {} as SearchFacets;
  for (const facet of SEARCH_FACETS) {
    facets[facet] = facetValues(state, facet, counts[facet], selected[facet]);
  }
  return { kept: kept.subarray(0, keptCount), facets };
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

/** 1, plus a share of the bonus for each pair of the query's words that stand side by side. */
function phraseBonus(text: string, words: readonly string[]): number {
  const textWords = searchableWords(text);
  const pairs = new Set(textWords.slice(1).map((word, i) => `${textWords[i]} ${word}`));
  const together = words.slice(1).filter((word, i) => pairs.has(`${words[i]} ${word}`)).length;
  return 1 + (PHRASE_BONUS * together) / (words.length - 1);
}

/** A query or value as quoted back in a notice: cut short when long. */
function echo(text: string): string {
  return text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text;
}

/** Whether two lists hold the same ids, in any order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
