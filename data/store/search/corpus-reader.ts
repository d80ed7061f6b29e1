import type { Actor, CorpusDocument, Passage } from '../../../utils/corpus-types';
import { toCitedPassage, type CitedPassage } from '../../../utils/views';
import type { PledgemarkDatabase } from '../db';
import { isAdded } from './index-store';

/**
 * Reads passages and cites them from both corpora: the built-in tables and the reader's own,
 * told apart by id. Documents and actors are few, so they are cached in memory on first use.
 */
export class CorpusReader {
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
  }> | null = null;

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Forgets the cached documents and actors (the corpus was replaced, or one added). */
  reset(): void {
    this.lookups = null;
  }

  /** Passages by id, from the built-in tables or the reader's, in the order asked. */
  async passages(ids: readonly string[]): Promise<(Passage | undefined)[]> {
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
