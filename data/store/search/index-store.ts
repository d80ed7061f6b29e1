import { ADDED_ID_PREFIX, type AddedDocument, type Corpus } from '../../../utils/corpus-types';
import type { Table } from 'dexie';
import type { SearchFacets } from '../../../utils/views';
import type { CorpusMeta, PledgemarkDatabase } from '../db';
import { facetLookups, openingFacets, type FacetLookups } from './facet-counts';
import {
  buildAddedIndex,
  buildSearchIndex,
  loadSearchIndex,
  mergeSearchIndexes,
  SEARCH_INDEX_VERSION,
  withoutDocument,
  type CorpusSearchIndex,
  type IndexedCorpus,
} from './search-index';

/**
 * The index stage of a search: the search index of both corpora, read from IndexedDB (or built
 * from the corpus when stored in another form), with the reader's documents merged in or taken
 * out to match their tables, and stored again; and the opening search's counts stored beside it.
 */

/** Whether a document, passage or actor is one the reader added (its tables are apart). */
export const isAdded = (id: string) => id.startsWith(ADDED_ID_PREFIX);

/** The loaded index, with its facet lookups. */
export type LoadedIndex = CorpusSearchIndex & FacetLookups;

export class SearchIndexStore {
  constructor(private readonly db: PledgemarkDatabase) {}

  /**
   * The search index of both corpora: the stored one, or `current` (the one in memory, after an
   * addition or a deletion), with the reader's documents merged in or taken out to match their
   * tables. A changed index is stored, without waiting: a start that finds the stored copy missing
   * or behind matches it to the tables again, and on a full disk search goes on with the index in
   * memory.
   */
  async load(
    current: CorpusSearchIndex | null = null,
    written?: IndexedCorpus,
  ): Promise<LoadedIndex> {
    const { db } = this;
    const { meta, stored, opening, addedIds, addedAt } = await db.transaction(
      'r',
      [db.meta, db.searchIndexes, db.openingFacets, db.addedDocuments],
      async () => {
        const meta = await db.meta.get('corpus');
        if (!meta) throw new Error('The corpus is not loaded yet');
        const [stored, opening, added] = await Promise.all([
          current ? undefined : db.searchIndexes.get(meta.hash),
          db.openingFacets.get(meta.hash),
          db.addedDocuments.toArray(),
        ]);
        const addedIds = addedKeys(added);
        const addedAt = new Map(added.map((document) => [document.id, document.addedAt]));
        return { meta, stored, opening, addedIds, addedAt };
      },
    );
    let index = current ?? (stored ? loadSearchIndex(stored.index) : null);
    let changed = false;
    if (!index) {
      // Seeding keys the copy by the corpus hash only: for the same corpus, an index stored in
      // another form, or damaged, stays until it is replaced here.
      index = buildSearchIndex(await this.storedCorpus(meta));
      changed = true;
    }
    const matched = await this.withAddedDocuments(index, addedAt, written);
    if (matched !== index) changed = true;
    if (changed) {
      void db.searchIndexes
        .put({ hash: meta.hash, index: matched.toStored() })
        .catch(() => undefined);
    }
    const loaded: LoadedIndex = { ...matched, ...facetLookups(matched.facets) };
    if (
      changed ||
      opening?.version !== SEARCH_INDEX_VERSION ||
      !sameIds(opening.addedDocumentIds ?? [], addedIds)
    ) {
      // Only a shortcut for the next start (without it, the popup opens from the index), so
      // searches do not wait for it.
      void db.openingFacets
        .put({
          hash: meta.hash,
          version: SEARCH_INDEX_VERSION,
          addedDocumentIds: addedIds,
          facets: openingFacets(loaded.facets, loaded),
        })
        .catch(() => undefined);
    }
    return loaded;
  }

  /**
   * The stored answer to the opening search, if it was stored for this corpus, this index and
   * the documents the reader has added.
   */
  openingFacets(): Promise<SearchFacets | null> {
    const { db } = this;
    return db.transaction('r', [db.meta, db.openingFacets, db.addedDocuments], async () => {
      const meta = await db.meta.get('corpus');
      const stored = meta && (await db.openingFacets.get(meta.hash));
      if (stored?.version !== SEARCH_INDEX_VERSION) return null;
      const addedIds = addedKeys(await db.addedDocuments.toArray());
      return sameIds(stored.addedDocumentIds ?? [], addedIds) ? stored.facets : null;
    });
  }

  /**
   * The index with exactly the reader's documents that are in their tables, as they are there
   * (`addedAt` by id): those deleted since it was stored taken out, those added merged in
   * (indexed on their own, nothing else again); one deleted and added again, both.
   */
  private async withAddedDocuments(
    index: CorpusSearchIndex,
    addedAt: ReadonlyMap<string, string>,
    written?: IndexedCorpus,
  ): Promise<CorpusSearchIndex> {
    const covered = new Map(
      index.facets.documents.flatMap((document) =>
        isAdded(document.id) ? [[document.id, document.addedAt] as const] : [],
      ),
    );
    let matched = index;
    for (const [id, stamp] of covered) {
      if (addedAt.get(id) !== stamp) matched = withoutDocument(matched, id);
    }
    const missing = [...addedAt].flatMap(([id, stamp]) => (covered.get(id) === stamp ? [] : [id]));
    if (missing.length === 0) return matched;
    const added = buildAddedIndex(
      writtenCorpus(written, missing) ?? (await this.addedCorpus(missing)),
      matched.facets.terms,
    );
    return mergeSearchIndexes([matched, added]);
  }

  /** The reader's documents of these ids, with their passages, actors and term links. */
  private addedCorpus(ids: readonly string[]): Promise<IndexedCorpus> {
    const { db } = this;
    const tables = [db.addedDocuments, db.addedPassages, db.addedActors, db.addedOccurrences];
    // One query per document and table: `equals` reads with getAll, in one round trip, where
    // `anyOf` walks a cursor a record at a time (seconds for a pack of fifty documents).
    const ofEach = <T, K>(table: Table<T, K>) =>
      Promise.all(ids.map((id) => table.where('documentId').equals(id).toArray())).then((lists) =>
        lists.flat(),
      );
    return db.transaction('r', tables, async () => {
      const [documents, passages, actors, occurrences] = await Promise.all([
        db.addedDocuments.bulkGet([...ids]),
        ofEach(db.addedPassages),
        ofEach(db.addedActors),
        ofEach(db.addedOccurrences),
      ]);
      return {
        documents: documents.filter((document) => document !== undefined),
        passages,
        actors,
        occurrences,
      };
    });
  }

  /** The built-in corpus as stored, to index it again when its index is in an older form. */
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
}

/**
 * The records just written of the documents missing from the index, as reading them back would
 * give them (documents in the order of `ids`), when they are all there; else null.
 */
function writtenCorpus(
  written: IndexedCorpus | undefined,
  ids: readonly string[],
): IndexedCorpus | null {
  if (!written) return null;
  const byId = new Map(written.documents.map((document) => [document.id, document]));
  const documents = ids.map((id) => byId.get(id));
  if (!documents.every((document) => document !== undefined)) return null;
  const wanted = new Set(ids);
  const of = <T extends { documentId?: string | undefined }>(records: readonly T[]) =>
    records.filter((record) => wanted.has(record.documentId ?? ''));
  return {
    documents,
    passages: of(written.passages),
    actors: of(written.actors),
    occurrences: of(written.occurrences),
  };
}

/** Each added document as its id and when it was added: the same text added again is new. */
function addedKeys(added: readonly AddedDocument[]): string[] {
  return added.map((document) => `${document.id}@${document.addedAt}`);
}

/** Whether two lists hold the same ids, in any order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
