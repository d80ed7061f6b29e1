/**
 * The stores as older versions of the database declared them, restated here rather than taken
 * from `data/db.ts`: an upgrade test must start from what users of that version have.
 */

/** Versions 1 and 2 (version 2 changed records, not stores). */
export const VERSION_1_STORES = {
  documents: 'id',
  passages: 'id, documentId, actorId, kind',
  actors: 'id, country',
  terms: 'id, category',
  occurrences: '[termId+passageId], termId, passageId, documentId',
  meta: 'key',
  clips: '++id, passageId, position',
};

/** Version 4: the search index and the opening search's counts in tables of their own. */
export const VERSION_4_STORES = {
  ...VERSION_1_STORES,
  searchIndexes: 'hash',
  openingFacets: 'hash',
};

/** Version 6: the reader's own documents, in tables of their own. */
export const VERSION_6_STORES = {
  ...VERSION_4_STORES,
  addedDocuments: 'id, &contentHash, addedAt',
  addedTexts: 'documentId',
  addedPassages: 'id, documentId, actorId, kind',
  addedActors: 'id, documentId',
  addedOccurrences: '[termId+passageId], termId, passageId, documentId',
};

/** Version 7: the reader's own terms. */
export const VERSION_7_STORES = {
  ...VERSION_6_STORES,
  addedTerms: 'id, addedAt',
};
