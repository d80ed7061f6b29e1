import { AddedCorpus } from '../../data/store/added-corpus';
import type { PledgemarkDatabase } from '../../data/store/db';
import type { CorpusQueries } from '../../data/store/search/queries';
import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import { documentTermCounts, TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { toAddedDocumentView } from '../../utils/views';

export type AddedDocumentHandlers = Pick<
  Handlers<BackgroundProtocol>,
  'addDocument' | 'deleteDocument' | 'listAddedDocuments'
>;

export interface AddedDocumentsDeps {
  db: PledgemarkDatabase;
  queries: CorpusQueries;
  ensureSeeded: () => Promise<void>;
  /** The compiled matcher the content scripts get: added documents are linked with it. */
  loadMatcher: () => Promise<CompiledMatcher>;
}

/**
 * The reader's own documents: added, deleted and listed. A document is linked to the glossary's
 * terms by the same matcher and sense model that highlight pages, and is searchable (or gone
 * from search) by the time the call answers.
 */
export function createAddedDocumentsService({
  db,
  queries,
  ensureSeeded,
  loadMatcher,
}: AddedDocumentsDeps): AddedDocumentHandlers {
  // The matcher changes when the reader's terms do: each document is linked with the current one.
  let built: { compiled: CompiledMatcher; matcher: TermMatcher } | null = null;
  const termMatcher = async () => {
    const compiled = await loadMatcher();
    if (built?.compiled !== compiled) built = { compiled, matcher: new TermMatcher(compiled) };
    return built.matcher;
  };
  const corpus = new AddedCorpus(db, {
    linkTerms: (texts) => documentTermCounts(built!.matcher, texts),
  });
  return {
    addDocument: async ({ draft }) => {
      await ensureSeeded();
      await termMatcher();
      const document = await corpus.add(draft);
      // Stored: the addition stands even if the index cannot take it now (the next search
      // matches the index to the tables again).
      await queries.addedDocumentsChanged().catch(() => undefined);
      return toAddedDocumentView(document);
    },
    deleteDocument: async ({ documentId }) => {
      await ensureSeeded();
      const deleted = await corpus.delete(documentId);
      if (deleted) await queries.addedDocumentsChanged().catch(() => undefined);
      return { deleted };
    },
    listAddedDocuments: async () => {
      // The import view lists the documents when it opens: the matcher is made ready while the
      // reader chooses what to add, not after "Add to corpus".
      termMatcher().catch(() => undefined);
      return (await corpus.list()).map(toAddedDocumentView);
    },
  };
}
