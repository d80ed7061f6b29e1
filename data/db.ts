import Dexie, { type Table } from 'dexie';
import type { Actor, CorpusDocument, Occurrence, Passage, Term } from './corpus-types';

/** Bookkeeping about the corpus copy: which corpus is stored and its serialised search index. */
export interface CorpusMeta {
  key: 'corpus';
  hash: string;
  seededAt: string;
  /** MiniSearch index over this corpus, serialised with `JSON.stringify`. */
  searchIndex: string;
}

/** A passage the user saved while reading. User data: corpus updates never touch it. */
export interface Clip {
  id?: number;
  passageId: string;
  /** Where the clip sits in the user's list (ascending). */
  position: number;
  createdAt: string;
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
  clips!: Table<Clip, number>;

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
  }
}
