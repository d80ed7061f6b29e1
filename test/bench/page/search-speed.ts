/**
 * The page side of the search benchmark (`test/bench/popup-speed.ts`): bundled by esbuild and
 * added to a blank page in headless Chromium, so that the corpus is seeded into, read from and
 * searched in the browser's real IndexedDB, as the background does. It exposes
 * `window.__pmSearchBench`, which the harness drives through `page.evaluate`.
 */
import type { Corpus } from '../../../utils/corpus-types';
import { PledgemarkDatabase } from '../../../data/store/db';
import corpusJson from '../../../data/generated/corpus.json';
import { CorpusQueries } from '../../../data/store/search/queries';
import {
  loadSearchIndex,
  type StoredSearchIndexData,
} from '../../../data/store/search/search-index';
import { seedCorpus } from '../../../data/store/seed';
import { SEARCH_PAGE_SIZE } from '../../../utils/messaging';
import type { SearchFilters } from '../../../utils/views';
import { syntheticCorpus } from './synthetic-corpus';

export interface QueryCase {
  kind: string;
  query: string;
  filters?: SearchFilters;
  limit?: number;
  /**
   * Measured right after the same words with no filter, as when the user chooses a filter or asks
   * for more passages: their matches, and the passages shown, are among those kept. Other cases
   * are measured with nothing kept.
   */
  refines?: boolean;
}

export interface PreparedCorpus {
  scale: number;
  passages: number;
  /** Passages in the index (short context lines are left out). */
  indexed: number;
  /** Distinct words of the index. */
  vocabulary: number;
  /** Size of the index stored in IndexedDB: its typed arrays, and its strings at 2 bytes a character. */
  indexBytes: number;
  /** Generating the corpus, building the index and storing everything. */
  seedMs: number;
}

export interface LoadSample {
  /** Reading the stored index (one string) from IndexedDB. */
  readMs: number;
  /** `loadSearchIndex` alone: checking the stored form and the facet table, all an empty query needs. */
  facetsLoadMs: number;
  /** `loadSearchIndex` and its word engine: the word list, record ids, term names too. */
  loadMs: number;
  /** Then the radix tree of the index's words that typo correction searches (built once). */
  typoWordsMs: number;
  /** A new CorpusQueries' first search (''), as the popup opens: the stored counts. */
  firstSearchMs: number;
  /** A new CorpusQueries' first search with a word ('PNR'): read, load all, search. */
  firstWordSearchMs: number;
  /** Reading one page of passages (the first search's page size), as each search does. */
  pageReadMs: number;
}

export interface QuerySample {
  case: number;
  ms: number;
  totalPassages: number;
  notice: string | null;
}

export interface SearchBench {
  prepare(scale: number): Promise<PreparedCorpus>;
  /**
   * In an extension page: replaces the corpus in the extension's own database by the synthetic
   * one, under the hash the build ships, so that its background takes it for its own.
   */
  seedExtensionDatabase(scale: number, shippedHash: string): Promise<void>;
  measureLoad(scale: number, reps: number): Promise<LoadSample[]>;
  measureQueries(scale: number, cases: QueryCase[], reps: number): Promise<QuerySample[]>;
}

declare global {
  interface Window {
    __pmSearchBench: SearchBench;
  }
}

const real = corpusJson as Corpus;
/** Searched before each case, unmeasured: a word none of the cases has, found in both corpora. */
const UNMEASURED_QUERY = 'aviation';
/** The passages whose reading `measureLoad` times: this many pages of them. */
const PAGES_TO_READ = 20;

/**
 * What the bench keeps of a seeded corpus: its hash, its database and the ids of a few pages of
 * passages. Not the corpus itself: the background holds none once it is seeded, and the 100×
 * corpus in memory would lengthen every garbage collection during the measured searches.
 */
interface PreparedDatabase {
  hash: string;
  db: PledgemarkDatabase;
  pageIds: string[];
}

const prepared = new Map<number, PreparedDatabase>();

function preparedCorpus(scale: number): PreparedDatabase {
  const found = prepared.get(scale);
  if (!found) throw new Error(`The ${scale}× corpus was not prepared`);
  return found;
}

window.__pmSearchBench = {
  async seedExtensionDatabase(scale, shippedHash) {
    const db = new PledgemarkDatabase();
    try {
      // Seeding keeps a corpus whose hash it already holds: forget it first.
      await db.meta.delete('corpus');
      await seedCorpus(db, { ...syntheticCorpus(real, scale), hash: shippedHash });
    } finally {
      db.close();
    }
  },

  async prepare(scale) {
    const started = performance.now();
    const corpus = syntheticCorpus(real, scale);
    const db = new PledgemarkDatabase(`pledgemark-bench-x${scale}`);
    await db.delete();
    await db.open();
    await seedCorpus(db, corpus);
    const seedMs = performance.now() - started;
    prepared.set(scale, {
      hash: corpus.hash,
      db,
      pageIds: corpus.passages
        .slice(0, PAGES_TO_READ * SEARCH_PAGE_SIZE)
        .map((passage) => passage.id),
    });
    const stored = (await db.searchIndexes.get(corpus.hash))!;
    const index = loadSearchIndex(stored.index)!;
    return {
      scale,
      passages: corpus.passages.length,
      indexed: index.facets.rowCount,
      vocabulary: index.wordSearch().index.words.length,
      indexBytes: storedBytes(stored.index),
      seedMs,
    };
  },

  async measureLoad(scale, reps) {
    const { hash, db, pageIds } = preparedCorpus(scale);
    const samples: LoadSample[] = [];
    // The first index load stores the opening search's counts, which the measured opens read.
    await new CorpusQueries(db).search('PNR');
    for (let rep = 0; rep < reps; rep++) {
      let started = performance.now();
      const stored = (await db.searchIndexes.get(hash))!;
      const readMs = performance.now() - started;
      started = performance.now();
      loadSearchIndex(stored.index);
      const facetsLoadMs = performance.now() - started;
      started = performance.now();
      const words = loadSearchIndex(stored.index)!.wordSearch();
      const loadMs = performance.now() - started;
      started = performance.now();
      words.index.fuzzyMap();
      const typoWordsMs = performance.now() - started;
      const opening = new CorpusQueries(db);
      started = performance.now();
      await opening.search('');
      const firstSearchMs = performance.now() - started;
      // A search with words waits for the index that the opening one starts loading.
      await opening.search('PNR');
      started = performance.now();
      await new CorpusQueries(db).search('PNR');
      const firstWordSearchMs = performance.now() - started;
      const first = (rep % PAGES_TO_READ) * SEARCH_PAGE_SIZE;
      const page = pageIds.slice(first, first + SEARCH_PAGE_SIZE);
      started = performance.now();
      await db.passages.bulkGet(page);
      const pageReadMs = performance.now() - started;
      samples.push({
        readMs,
        facetsLoadMs,
        loadMs,
        typoWordsMs,
        firstSearchMs,
        firstWordSearchMs,
        pageReadMs,
      });
    }
    return samples;
  },

  async measureQueries(scale, cases, reps) {
    const queries = new CorpusQueries(preparedCorpus(scale).db);
    const samples: QuerySample[] = [];
    // One round to load the index and warm the code, then rounds over every case in turn, so
    // that a pause of the shared machine spreads over the cases instead of hitting one.
    for (let rep = -1; rep < reps; rep++) {
      for (const [i, { query, filters, limit, refines }] of cases.entries()) {
        // Every case starts with nothing of the last ones kept (their matches, the passages
        // read), as after a change to the reader's documents; then one passage of another
        // search is read and cited, which loads the documents, actors and terms again, as a
        // background that has answered any search has them. A refining case then searches its
        // words once, as the user did before choosing a filter or asking for more.
        await queries.addedDocumentsChanged();
        await queries.search(UNMEASURED_QUERY, { limit: 1 });
        if (refines) await queries.search(query);
        const started = performance.now();
        const response = await queries.search(query, { filters, limit });
        const ms = performance.now() - started;
        if (rep < 0) continue;
        samples.push({
          case: i,
          ms,
          totalPassages: response.totalPassages,
          notice: response.notices?.map((notice) => notice.kind).join(', ') ?? null,
        });
      }
    }
    return samples;
  },
};

/** Bytes of the stored index's typed arrays and strings (2 per character), found by walking it. */
function storedBytes(stored: StoredSearchIndexData): number {
  const size = (value: unknown): number => {
    if (ArrayBuffer.isView(value)) return value.byteLength;
    if (typeof value === 'string') return value.length * 2;
    if (typeof value === 'number') return 8;
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + size(item), 0);
    if (typeof value === 'object' && value !== null) {
      return Object.values(value).reduce((sum: number, item) => sum + size(item), 0);
    }
    return 0;
  };
  return size(stored);
}
