import type { Actor, CorpusDocument, Passage, Term } from '../../../utils/corpus-types';
import { toCitedPassage, type CitedPassage } from '../../../utils/views';
import type { PledgemarkDatabase } from '../db';
import { isAdded } from './index-store';

/**
 * How many passages are kept in memory once read, the most recently used: ten pages of results.
 * Asking for more results, choosing a filter or going back to a query reads the same passages
 * again, and reading them from IndexedDB is most of the cost of a page of results.
 */
export const CACHED_PASSAGES = 200;

/**
 * Reads passages and cites them from both corpora: the built-in tables and the reader's own,
 * told apart by id. Documents and actors are few, so they are cached in memory on first use;
 * terms are cached as they are read, and the last passages read.
 */
export class CorpusReader {
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
  }> | null = null;
  /** Most recently used last (a Map keeps insertion order). */
  private readonly recentPassages = new Map<string, Passage>();
  private readonly knownTerms = new Map<string, Term>();

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Forgets everything cached (the corpus was replaced, or a document added or deleted). */
  reset(): void {
    this.lookups = null;
    this.recentPassages.clear();
    this.knownTerms.clear();
  }

  /** Passages by id, from the built-in tables or the reader's, in the order asked. */
  async passages(ids: readonly string[]): Promise<(Passage | undefined)[]> {
    const { recentPassages } = this;
    const missing = [...new Set(ids.filter((id) => !recentPassages.has(id)))];
    const added = missing.filter(isAdded);
    const [builtIn, own] = await Promise.all([
      added.length < missing.length
        ? this.db.passages.bulkGet(missing.filter((id) => !isAdded(id)))
        : [],
      added.length > 0 ? this.db.addedPassages.bulkGet(added) : [],
    ]);
    const found = new Map<string, Passage>();
    for (const passage of [...builtIn, ...own]) if (passage) found.set(passage.id, passage);
    const read = ids.map((id) => recentPassages.get(id) ?? found.get(id));
    for (const passage of read) {
      if (!passage) continue;
      recentPassages.delete(passage.id);
      recentPassages.set(passage.id, passage);
    }
    for (const id of recentPassages.keys()) {
      if (recentPassages.size <= CACHED_PASSAGES) break;
      recentPassages.delete(id);
    }
    return read;
  }

  /** Glossary terms by id, in the order asked. */
  async terms(ids: readonly string[]): Promise<(Term | undefined)[]> {
    const { knownTerms } = this;
    const missing = [...new Set(ids.filter((id) => !knownTerms.has(id)))];
    if (missing.length > 0) {
      for (const term of await this.db.terms.bulkGet(missing)) {
        if (term) knownTerms.set(term.id, term);
      }
    }
    return ids.map((id) => knownTerms.get(id));
  }

  /** A document's passages, in its order. */
  documentPassages(documentId: string): Promise<Passage[]> {
    const table = isAdded(documentId) ? this.db.addedPassages : this.db.passages;
    return table.where('documentId').equals(documentId).sortBy('order');
  }

  /** Cites the passages whose document and actor are known. */
  async cite(passages: readonly (Passage | undefined)[]): Promise<CitedPassage[]> {
    const { documents, actors } = await this.tables();
    return passages.flatMap((passage) => {
      const document = passage && documents.get(passage.documentId);
      const actor = passage && actors.get(passage.actorId);
      return passage && document && actor ? [toCitedPassage(passage, document, actor)] : [];
    });
  }

  /** Every document and actor of both corpora, by id. */
  tables() {
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
