import type MiniSearch from 'minisearch';
import type { Actor, CorpusDocument, Passage } from './corpus-types';
import type { PledgemarkDatabase } from './db';
import { loadSearchIndex, TERM_ID_PREFIX, type SearchRecord } from './search-index';
import {
  toActorSummary,
  toDocumentSummary,
  toTermSummary,
  type CitedPassage,
  type DocumentDetail,
  type SearchHit,
  type SearchResponse,
  type TermDetail,
  type TermHit,
} from '../utils/views';

/** Longer queries are cut to this many words: enough for any real question, cheap to run. */
export const MAX_QUERY_WORDS = 24;
const DEFAULT_LIMIT = 50;

/**
 * Read-only questions to the corpus copy in IndexedDB. Documents and actors are few, so they are
 * cached in memory on first use; passages are read on demand.
 */
export class CorpusQueries {
  private index: Promise<MiniSearch<SearchRecord>> | null = null;
  private lookups: Promise<{
    documents: Map<string, CorpusDocument>;
    actors: Map<string, Actor>;
  }> | null = null;

  constructor(private readonly db: PledgemarkDatabase) {}

  /** Drops cached state, after the corpus was replaced. */
  reset(): void {
    this.index = null;
    this.lookups = null;
  }

  async search(query: string, limit = DEFAULT_LIMIT): Promise<SearchResponse> {
    const words = query.trim().split(/\s+/).filter(Boolean);
    const empty: SearchResponse = { query, terms: [], passages: [], totalPassages: 0 };
    if (words.length === 0) return empty;
    const notice =
      words.length > MAX_QUERY_WORDS
        ? `Only the first ${MAX_QUERY_WORDS} words of the query were searched.`
        : undefined;
    const searched = words.slice(0, MAX_QUERY_WORDS).join(' ');
    const index = await this.searchIndex();
    let results = index.search(searched);
    if (results.length === 0) results = index.search(searched, { combineWith: 'OR' });

    const termResults = results.filter((result) => result.type === 'term');
    const passageResults = results.filter((result) => result.type === 'passage');
    const termRecords = await this.db.terms.bulkGet(
      termResults.slice(0, 8).map((result) => String(result.id).slice(TERM_ID_PREFIX.length)),
    );
    const terms: TermHit[] = termRecords.flatMap((term, i) =>
      term
        ? [{ type: 'term' as const, score: termResults[i]!.score, term: toTermSummary(term) }]
        : [],
    );
    const top = passageResults.slice(0, limit);
    const passages = await this.db.passages.bulkGet(top.map((result) => String(result.id)));
    const cited = await this.cite(
      passages.filter((passage): passage is Passage => passage !== undefined),
    );
    const hits: SearchHit[] = cited.map((passage, i) => ({
      type: 'passage',
      score: top[i]!.score,
      passage,
      matchedWords: top[i]!.terms,
    }));
    return {
      ...empty,
      terms,
      passages: hits,
      totalPassages: passageResults.length,
      ...(notice ? { notice } : {}),
    };
  }

  async lookupTerm(termId: string): Promise<TermDetail | null> {
    const term = await this.db.terms.get(termId);
    if (!term) return null;
    const occurrences = await this.db.occurrences.where('termId').equals(termId).toArray();
    const [sources, mentioned, related] = await Promise.all([
      this.db.passages.bulkGet(term.sourcePassageIds),
      this.db.passages.bulkGet(occurrences.map((occurrence) => occurrence.passageId)),
      this.db.terms.bulkGet(term.related),
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
    const passage = await this.db.passages.get(passageId);
    if (!passage) return null;
    const [cited] = await this.cite([passage]);
    return cited ?? null;
  }

  async getDocument(documentId: string): Promise<DocumentDetail | null> {
    const { documents, actors } = await this.lookupTables();
    const document = documents.get(documentId);
    if (!document) return null;
    const passages = await this.db.passages.where('documentId').equals(documentId).sortBy('order');
    const actorIds = new Set(passages.map((passage) => passage.actorId));
    return {
      document: toDocumentSummary(document),
      passages: passages.map(({ id, text, locator, sectionPath, kind, format, actorId }) => ({
        id,
        text,
        locator,
        sectionPath,
        kind,
        format,
        actorId,
      })),
      actors: [...actorIds].flatMap((id) => {
        const actor = actors.get(id);
        return actor ? [toActorSummary(actor)] : [];
      }),
    };
  }

  private async cite(passages: Passage[]): Promise<CitedPassage[]> {
    const { documents, actors } = await this.lookupTables();
    return passages.flatMap((passage) => {
      const document = documents.get(passage.documentId);
      const actor = actors.get(passage.actorId);
      if (!document || !actor) return [];
      return [
        {
          id: passage.id,
          text: passage.text,
          locator: passage.locator,
          sectionPath: passage.sectionPath,
          kind: passage.kind,
          document: toDocumentSummary(document),
          actor: toActorSummary(actor),
        },
      ];
    });
  }

  private searchIndex(): Promise<MiniSearch<SearchRecord>> {
    this.index ??= this.db.meta.get('corpus').then((meta) => {
      if (!meta) throw new Error('The corpus is not loaded yet');
      return loadSearchIndex(meta.searchIndex);
    });
    this.index.catch(() => (this.index = null));
    return this.index;
  }

  private lookupTables() {
    this.lookups ??= Promise.all([this.db.documents.toArray(), this.db.actors.toArray()]).then(
      ([documents, actors]) => ({
        documents: new Map(documents.map((document) => [document.id, document])),
        actors: new Map(actors.map((actor) => [actor.id, actor])),
      }),
    );
    this.lookups.catch(() => (this.lookups = null));
    return this.lookups;
  }
}
