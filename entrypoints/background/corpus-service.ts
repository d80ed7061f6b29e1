import type { HostSenseHandlers } from './host-sense-relay';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries } from '../../data/store/search/queries';
import { seedFromSource, type CorpusSource } from '../../data/store/seed';
import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import type { AddedDocumentHandlers } from './added-documents-service';
import type { ClipHandlers } from './clip-service';
import type { MatcherHandlers } from './matcher-service';
import type { PackHandlers } from './packs-service';
import type { UserTermHandlers } from './user-terms-service';

/** The calls the corpus answers; the rest of the background protocol is about tabs. */
export type CorpusHandlers = Omit<
  Handlers<BackgroundProtocol>,
  | 'reportPageTerms'
  | 'openTermView'
  | 'openDocument'
  | 'copyText'
  | keyof ClipHandlers
  | keyof AddedDocumentHandlers
  | keyof HostSenseHandlers
  | keyof MatcherHandlers
  | keyof UserTermHandlers
  | keyof PackHandlers
>;

/**
 * The background's corpus: the IndexedDB copy, seeded once per corpus hash, and the handlers
 * that answer the message contract from it. Every handler waits for seeding; if IndexedDB is
 * unavailable (full, blocked, private mode) each call fails with a message that says so.
 */
export function createCorpusService(
  corpus: CorpusSource,
  db = new PledgemarkDatabase(),
  /** After a corpus was stored in place of another: the reader's terms are linked into it. */
  onSeeded: () => Promise<void> = () => Promise.resolve(),
) {
  const queries = new CorpusQueries(db);
  let ready: Promise<void> | null = null;
  const ensureSeeded = () => {
    ready ??= seedFromSource(db, corpus).then(
      async ({ status }) => {
        queries.reset();
        // The corpus stands either way; a term whose links failed is linked again when next saved.
        if (status === 'seeded') await onSeeded().catch((error: unknown) => console.error(error));
      },
      (error: unknown) => {
        ready = null;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Pledgemark could not store its corpus in the browser’s database: ${reason}`,
        );
      },
    );
    return ready;
  };
  const handlers: CorpusHandlers = {
    lookupTerm: async ({ termId }) => (await ensureSeeded(), queries.lookupTerm(termId)),
    search: async ({ query, limit, filters }) => {
      await ensureSeeded();
      return queries.search(query, { limit, filters });
    },
    getPassage: async ({ passageId }) => (await ensureSeeded(), queries.getPassage(passageId)),
    getDocument: async ({ documentId }) => (await ensureSeeded(), queries.getDocument(documentId)),
    describeTerms: async ({ termIds }) => (await ensureSeeded(), queries.describeTerms(termIds)),
  };
  return { ensureSeeded, handlers, queries };
}
