import type { Actor, CorpusDocument, Passage, Term } from '../../../utils/corpus-types';
import {
  toActorSummary,
  toCitedPassage,
  toDocumentSummary,
  toTermSummary,
  type CitedPassage,
  type DocumentDetail,
  type TermDetail,
} from '../../../utils/views';
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
 * told apart by id. Documents, actors and glossary terms are few, so they are cached in memory on
 * first use; and the last passages read.
 */
export class CorpusReader {
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
    terms: Map<string, Term>;
  }> | null = null;
  /** Most recently used last (a Map keeps insertion order). */
  private readonly recentPassages = new Map<string, Passage>();

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Forgets everything cached (the corpus was replaced, or a document added or deleted). */
  reset(): void {
    this.lookups = null;
    this.recentPassages.clear();
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

  /** Terms by id, the glossary's or the reader's, in the order asked. */
  async terms(ids: readonly string[]): Promise<(Term | undefined)[]> {
    const { terms } = await this.tables();
    return ids.map((id) => terms.get(id));
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

  /** The reader's own terms. */
  async userTerms(): Promise<Term[]> {
    const { terms } = await this.tables();
    return [...terms.values()].filter((term) => term.addedByUser);
  }

  /** A term's view: its sources, and the commitments and positions that mention it. */
  async termDetail(termId: string): Promise<TermDetail | null> {
    const { db } = this;
    const [term] = await this.terms([termId]);
    if (!term) return null;
    const occurrences = (
      await Promise.all([
        db.occurrences.where('termId').equals(termId).toArray(),
        db.addedOccurrences.where('termId').equals(termId).toArray(),
      ])
    ).flat();
    const [sources, mentioned, related] = await Promise.all([
      this.passages(term.sourcePassageIds),
      this.passages(occurrences.map((occurrence) => occurrence.passageId)),
      this.terms(term.related),
    ]);
    const cited = await this.cite(mentioned);
    return {
      term: toTermSummary(term),
      sources: await this.cite(sources),
      related: related.flatMap((relatedTerm) => (relatedTerm ? [toTermSummary(relatedTerm)] : [])),
      commitments: cited.filter((passage) => passage.kind === 'commitment'),
      positions: cited.filter((passage) => passage.kind === 'position'),
    };
  }

  async citedPassage(passageId: string): Promise<CitedPassage | null> {
    const [cited] = await this.cite(await this.passages([passageId]));
    return cited ?? null;
  }

  async documentDetail(documentId: string): Promise<DocumentDetail | null> {
    const { documents, actors } = await this.tables();
    const document = documents.get(documentId);
    if (!document) return null;
    const passages = await this.documentPassages(documentId);
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

  /** Every document and actor of both corpora, and every term (the glossary's, the reader's), by id. */
  tables() {
    const { db } = this;
    this.lookups ??= Promise.all([
      db.documents.toArray(),
      db.actors.toArray(),
      db.addedDocuments.toArray(),
      db.addedActors.toArray(),
      db.terms.toArray(),
      db.addedTerms.toArray(),
    ]).then(([documents, actors, addedDocuments, addedActors, terms, addedTerms]) => ({
      documents: new Map<string, CorpusDocument>(
        [...documents, ...addedDocuments].map((document) => [document.id, document]),
      ),
      actors: new Map([...actors, ...addedActors].map((actor) => [actor.id, actor])),
      terms: new Map<string, Term>([...terms, ...addedTerms].map((term) => [term.id, term])),
    }));
    this.lookups.catch(() => (this.lookups = null));
    return this.lookups;
  }
}
