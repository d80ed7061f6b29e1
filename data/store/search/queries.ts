import { SEARCH_PAGE_SIZE } from '../../../utils/messaging';
import {
  toTermSummary,
  type CitedPassage,
  type DocumentDetail,
  type SearchFilters,
  type SearchHit,
  type SearchNotice,
  type SearchResponse,
  type TermDetail,
  type TermHit,
  type TermSummary,
} from '../../../utils/views';
import type { Term } from '../../../utils/corpus-types';
import type { PledgemarkDatabase } from '../db';
import { CorpusReader } from './corpus-reader';
import { countFacets, selectFilters } from './facet-counts';
import { SearchIndexStore, type LoadedIndex } from './index-store';
import { readQuery } from './query-words';
import { searchableWords, type IndexedCorpus } from './search-index';
import {
  bestPositions,
  MAX_TERM_HITS,
  matchWords,
  rerankByPhrase,
  type PageSource,
  type ScoredTerm,
  type WordMatches,
} from './ranking';

/**
 * How many queries' matches are kept, by their words: choosing a filter or asking for more
 * passages searches the same words again, and at a large corpus's size matching is most of the
 * cost of a query.
 */
export const RECENT_MATCHES = 4;

export interface SearchRequest {
  /** At most one value per facet; values the corpus does not have are left out, with a notice. */
  filters?: SearchFilters;
  /** How many passages to return, best first (the count and facets cover all of them). */
  limit?: number;
}

/** Whether every word starts a word of the term's name or of one of its other spellings. */
function namesWords(term: Term, words: readonly string[]): boolean {
  const named = term.aliases.flatMap((alias) => searchableWords(alias.text));
  return words.length > 0 && words.every((word) => named.some((name) => name.startsWith(word)));
}

/** The loaded index and the last queries' matches by their words, oldest first. */
interface SearchState {
  index: LoadedIndex;
  recentMatches: Map<string, WordMatches>;
}

/**
 * Questions to the corpus copy in IndexedDB, the built-in corpus and the reader's documents as
 * one: search (by stages: the query's words, the index, ranking, facets), a term's view, a
 * passage, a document. The corpus is only read; the index store writes the index.
 */
export class CorpusQueries {
  private state: Promise<SearchState> | null = null;
  /** Whether `state` has finished loading. */
  private loaded = false;
  private readonly indexes: SearchIndexStore;
  private readonly reader: CorpusReader;

  constructor(private readonly db: PledgemarkDatabase) {
    this.indexes = new SearchIndexStore(db);
    this.reader = new CorpusReader(db);
  }

  /** Drops cached state, after the corpus was replaced. */
  reset(): void {
    this.state = null;
    this.loaded = false;
    this.reader.reset();
  }

  /**
   * The reader added or deleted a document: the index in memory takes it in or out (building
   * nothing else again). Resolves once searches find it, or no longer do. `written`: the records
   * of documents just stored, indexed as they are rather than read back.
   */
  async addedDocumentsChanged(written?: IndexedCorpus): Promise<void> {
    const previous = this.state;
    this.reader.reset();
    this.loaded = false;
    // The next state is set at once, from the one before (or from storage): a search arriving
    // meanwhile waits for it, and changes made one after another are taken in that order.
    this.state = null;
    const next = this.searchState(
      previous ? previous.then(({ index }) => index).catch(() => null) : null,
      written,
    );
    await next;
  }

  /**
   * Passages (and glossary terms) matching the query, best first, narrowed by the filters, with
   * every facet's counts. An empty query lists the passages the filters select, in the order of
   * the record; with no filters either, it answers only the counts over the whole corpus, for the
   * popup to offer as filters.
   */
  async search(query: string, request: SearchRequest = {}): Promise<SearchResponse> {
    const { filters = {}, limit = SEARCH_PAGE_SIZE } = request;
    // How the popup opens. Until the index is loaded, the counts stored with it answer (also
    // while it loads: a popup opened again does not wait for it); the index, and its engine for
    // words, are loaded right after, for what the reader types next.
    if (!this.loaded && query.trim() === '' && Object.keys(filters).length === 0) {
      const opening = await this.indexes.openingFacets();
      if (opening) {
        this.prepareForWords();
        return { query, terms: [], passages: [], totalPassages: 0, filters: {}, facets: opening };
      }
    }
    const state = await this.searchState();
    const { index } = state;
    const notices: SearchNotice[] = [];
    const selection = selectFilters(index, filters, notices);
    const { searched, words } = readQuery(query, notices);
    if (searched === '') this.prepareForWords();
    const matched = await this.match(state, searched, words, notices);
    const { kept, facets } = countFacets(index.facets, index, matched.rows, selection);
    // With neither a query nor a filter, the counts are the answer: listing all would be noise.
    const listed = searched === '' && !selection.active ? kept.subarray(0, 0) : kept;
    const best = matched.scores
      ? bestPositions(listed, matched.scores, limit)
      : listed.subarray(0, limit);
    return {
      query,
      terms: matched.terms,
      passages: await this.readPage(index, matched, best, words),
      totalPassages: listed.length,
      filters: selection.filters,
      facets,
      ...(notices.length > 0 ? { notices } : {}),
    };
  }

  /**
   * The passages that match, as rows of the facet table in the order of the record, with their
   * scores when there is a query; and the matching terms, best first.
   */
  private async match(
    { index, recentMatches }: SearchState,
    searched: string,
    words: readonly string[],
    notices: SearchNotice[],
  ): Promise<PageSource & { terms: TermHit[] }> {
    if (searched === '') return { rows: index.allRows, scores: null, terms: [] };
    if (words.length === 0) return { rows: new Int32Array(0), scores: null, terms: [] };
    const key = words.join(' ');
    let matched = recentMatches.get(key);
    // A Map keeps insertion order: delete and set again puts the entry last, the oldest first.
    if (matched) recentMatches.delete(key);
    else matched = matchWords(index.wordSearch(), words);
    recentMatches.set(key, matched);
    if (recentMatches.size > RECENT_MATCHES) {
      recentMatches.delete(recentMatches.keys().next().value!);
    }
    notices.push(...matched.notices);
    return { ...matched, terms: await this.termHits(matched.terms, words) };
  }

  /** Reads and cites the passages at the given positions of the matched rows, ranked. */
  private async readPage(
    index: LoadedIndex,
    { rows, scores, prepared }: PageSource,
    positions: Int32Array,
    words: readonly string[],
  ): Promise<SearchHit[]> {
    if (positions.length === 0) return [];
    const read = [...positions];
    const passages = await this.reader.passages(
      read.map((position) => index.facets.passageIds[rows[position]!]!),
    );
    const search = prepared ? index.wordSearch() : null;
    const page = read.map((position, i) => ({
      passage: passages[i],
      text: passages[i]?.text ?? null,
      score: scores?.[position] ?? 0,
      words:
        search && prepared
          ? search.index.matchedWords(prepared, search.rowRecords[rows[position]!]!)
          : [],
    }));
    const ranked = scores ? rerankByPhrase(page, words) : page;
    const cited = new Map(
      (await this.reader.cite(ranked.map((entry) => entry.passage))).map((passage) => [
        passage.id,
        passage,
      ]),
    );
    return ranked.flatMap(({ passage, score, words: matchedWords }) => {
      const citation = passage && cited.get(passage.id);
      return citation ? [{ type: 'passage' as const, score, passage: citation, matchedWords }] : [];
    });
  }

  /** The reader's terms changed: they are read again. */
  userTermsChanged(): void {
    this.reader.reset();
  }

  /** Terms by id as the views show them (unknown ids are left out). */
  async describeTerms(termIds: readonly string[]): Promise<TermSummary[]> {
    const terms = await this.reader.terms(termIds);
    return terms.flatMap((term) => (term ? [toTermSummary(term)] : []));
  }

  lookupTerm(termId: string): Promise<TermDetail | null> {
    return this.reader.termDetail(termId);
  }

  getPassage(passageId: string): Promise<CitedPassage | null> {
    return this.reader.citedPassage(passageId);
  }

  getDocument(documentId: string): Promise<DocumentDetail | null> {
    return this.reader.documentDetail(documentId);
  }

  /**
   * The terms to show above the passages: the reader's own that the words name (they are few,
   * and not in the index, which is the corpus's), first, then the glossary's the index found.
   */
  private async termHits(
    found: readonly ScoredTerm[],
    words: readonly string[],
  ): Promise<TermHit[]> {
    const own = (await this.reader.userTerms()).filter((term) => namesWords(term, words));
    const terms = await this.reader.terms(found.map(({ termId }) => termId));
    const topScore = found[0]?.score ?? 1;
    return [
      ...own.map((term) => ({ type: 'term' as const, score: topScore, term: toTermSummary(term) })),
      ...terms.flatMap((term, i) =>
        term ? [{ type: 'term' as const, score: found[i]!.score, term: toTermSummary(term) }] : [],
      ),
    ].slice(0, MAX_TERM_HITS);
  }

  private searchState(
    current: Promise<LoadedIndex | null> | null = null,
    written?: IndexedCorpus,
  ): Promise<SearchState> {
    this.state ??= Promise.resolve(current)
      .then((index) => this.indexes.load(index, written))
      .then((index) => ({ index, recentMatches: new Map<string, WordMatches>() }));
    const loading = this.state;
    loading.then(
      () => (this.loaded ||= this.state === loading),
      () => {
        if (this.state === loading) this.state = null;
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
      this.searchState().then(
        ({ index }) => {
          const words = index.wordSearch().index;
          setTimeout(() => words.fuzzyMap(), 0);
        },
        // Reported by the next search, which needs the index.
        () => undefined,
      );
    }, 0);
  }
}
