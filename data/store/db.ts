import Dexie, { type Table, type Transaction } from 'dexie';
import { toCitedPassage, type CitedPassage, type SearchFacets } from '../../utils/views';
import type {
  Actor,
  AddedDocument,
  AddedText,
  CorpusDocument,
  Occurrence,
  Passage,
  Term,
} from '../../utils/corpus-types';
import type { UserTerm } from '../../utils/user-term';
import type { StoredSearchIndexData } from './search/search-index';

/** Bookkeeping about the corpus copy: which corpus is stored, and since when. */
export interface CorpusMeta {
  key: 'corpus';
  hash: string;
  seededAt: string;
}

/**
 * The search index over one corpus. Kept apart from the corpus's meta record, which every start
 * of the background reads to check the hash: that read stays small however large the index grows.
 */
export interface StoredSearchIndex {
  hash: string;
  index: StoredSearchIndexData;
}

/** How versions 3 and 4 stored the index: one string, `JSON.stringify` of a MiniSearch index. */
interface StoredSearchIndexJson {
  hash: string;
  json: string;
}

/**
 * Every facet's counts over the whole corpus: the answer to an empty search, which is how the
 * popup opens. Kept apart from the index, so that a background just started answers it without
 * reading the index. `version` is the search index version the counts were made with.
 */
export interface StoredOpeningFacets {
  hash: string;
  version: number;
  /**
   * The reader's documents the counts include, as `id@addedAt` (absent: none, as stored before
   * they could be added).
   */
  addedDocumentIds?: string[];
  facets: SearchFacets;
}

/** A passage the user saved while reading. User data: corpus updates never touch it. */
export interface Clip {
  id?: number;
  passageId: string;
  /** Where the clip sits in the user's list (ascending). */
  position: number;
  createdAt: string;
  /**
   * The passage as cited when it was saved (since version 2), so that a clip keeps its citation
   * when a later corpus drops or rewords the passage. Absent only for a version 1 clip whose
   * passage was already gone when the database was upgraded.
   */
  citation?: CitedPassage;
  /** When the user removed the clip; it stays restorable (undo) until it is purged. */
  removedAt?: string;
}

export const DATABASE_NAME = 'pledgemark';

/** The corpus tables: replaced as a whole when the corpus changes. */
export const CORPUS_TABLES = [
  'documents',
  'passages',
  'actors',
  'terms',
  'occurrences',
  'meta',
  'searchIndexes',
  'openingFacets',
] as const;

/**
 * The documents the reader added, with their texts, passages, actors and term occurrences: the user's
 * data, which seeding the built-in corpus never touches. Deleting a document removes its records
 * from all five tables and nothing else. The reader's terms (`addedTerms`) are user data too.
 */
export const ADDED_TABLES = [
  'addedDocuments',
  'addedTexts',
  'addedPassages',
  'addedActors',
  'addedOccurrences',
] as const;

/**
 * The IndexedDB copy of the corpus. Opened only by the background: IndexedDB opened from a
 * content script would belong to the web page's origin.
 */
export class PledgemarkDatabase extends Dexie {
  documents!: Table<CorpusDocument, string>;
  passages!: Table<Passage, string>;
  actors!: Table<Actor, string>;
  terms!: Table<Term, string>;
  occurrences!: Table<Occurrence, [string, string]>;
  meta!: Table<CorpusMeta, string>;
  searchIndexes!: Table<StoredSearchIndex, string>;
  openingFacets!: Table<StoredOpeningFacets, string>;
  clips!: Table<Clip, number>;
  addedDocuments!: Table<AddedDocument, string>;
  addedTexts!: Table<AddedText, string>;
  addedPassages!: Table<Passage, string>;
  addedActors!: Table<Actor, string>;
  addedOccurrences!: Table<Occurrence, [string, string]>;
  addedTerms!: Table<UserTerm, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      documents: 'id',
      passages: 'id, documentId, actorId, kind',
      actors: 'id, country',
      terms: 'id, category',
      occurrences: '[termId+passageId], termId, passageId, documentId',
      meta: 'key',
      clips: '++id, passageId, position',
    });
    // Version 2 keeps each clip's citation with it: the stores are unchanged, the records gain it.
    this.version(2)
      .stores({})
      .upgrade((transaction) => addClipCitations(transaction));
    // Version 3 moves the search index out of the meta record into a table of its own.
    this.version(3)
      .stores({ searchIndexes: 'hash' })
      .upgrade((transaction) => moveSearchIndex(transaction));
    // Version 4 adds the opening search's counts; they are stored when the index is next loaded.
    this.version(4).stores({ openingFacets: 'hash' });
    // Version 5 stores the index as typed arrays. An index in the string form is dropped here,
    // not read: the next search builds the current one from the corpus.
    this.version(5)
      .stores({})
      .upgrade((transaction) => transaction.table('searchIndexes').clear());
    // Version 6 adds the reader's own documents, in tables of their own.
    this.version(6).stores({
      addedDocuments: 'id, &contentHash, addedAt',
      addedTexts: 'documentId',
      addedPassages: 'id, documentId, actorId, kind',
      addedActors: 'id, documentId',
      addedOccurrences: '[termId+passageId], termId, passageId, documentId',
    });
    // Version 7 adds the reader's own terms. Their occurrences, in any document, go to
    // `addedOccurrences`: deleting a document or a term removes its own.
    this.version(7).stores({ addedTerms: 'id, addedAt' });
    // Version 8 drops the indexes of the reader's tables that no query reads (each is one more
    // write per record): importing a pack of fifty documents writes some 15,000 records.
    this.version(8).stores({
      addedPassages: 'id, documentId',
      addedOccurrences: '[termId+passageId], termId, documentId',
    });
  }
}

async function moveSearchIndex(transaction: Transaction): Promise<void> {
  const meta = transaction.table<CorpusMeta & { searchIndex?: string }, string>('meta');
  const record = await meta.get('corpus');
  if (record?.searchIndex === undefined) return;
  const { searchIndex, ...rest } = record;
  await transaction
    .table<StoredSearchIndexJson, string>('searchIndexes')
    .put({ hash: record.hash, json: searchIndex });
  await meta.put(rest);
}

/** Cites every version 1 clip from the corpus tables as they stand when the upgrade runs. */
async function addClipCitations(transaction: Transaction): Promise<void> {
  const clips = transaction.table<Clip, number>('clips');
  const passages = transaction.table<Passage, string>('passages');
  const documents = transaction.table<CorpusDocument, string>('documents');
  const actors = transaction.table<Actor, string>('actors');
  for (const clip of await clips.toArray()) {
    if (clip.citation) continue;
    const passage = await passages.get(clip.passageId);
    if (!passage) continue;
    const [document, actor] = await Promise.all([
      documents.get(passage.documentId),
      actors.get(passage.actorId),
    ]);
    if (!document || !actor) continue;
    await clips.update(clip.id!, { citation: toCitedPassage(passage, document, actor) });
  }
}
