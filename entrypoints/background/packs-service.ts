import { DraftError } from '../../data/store/added-corpus';
import type { PledgemarkDatabase } from '../../data/store/db';
import { CorpusPacks } from '../../data/store/packs';
import type { CorpusQueries } from '../../data/store/search/queries';
import type { LinkWithTerms } from '../../data/store/user-terms';
import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import { buildPack, checkPack, type Pack } from '../../utils/pack';
import { toAddedDocumentView, toTermSummary } from '../../utils/views';

export type PackHandlers = Pick<
  Handlers<BackgroundProtocol>,
  'exportPack' | 'previewPack' | 'importPack'
>;

export interface PacksDeps {
  db: PledgemarkDatabase;
  queries: CorpusQueries;
  ensureSeeded: () => Promise<void>;
  /** Links passages with the glossary's terms and the given terms of the reader's. */
  linkWithTerms: LinkWithTerms;
  /** The reader's terms changed: the matcher is compiled again and open pages told. */
  userTermsChanged: () => Promise<unknown>;
}

/**
 * Packs: the reader's documents and terms exported as one sealed file, and a colleague's taken
 * in. A pack is checked again here, seal included, whatever the page that sends it checked.
 */
export function createPacksService({
  db,
  queries,
  ensureSeeded,
  linkWithTerms,
  userTermsChanged,
}: PacksDeps): PackHandlers {
  const packs = new CorpusPacks(db, { linkWithTerms });
  const checked = async (pack: Pack) => {
    const reading = await checkPack(pack);
    if (!reading.ok) throw new DraftError(reading.message);
    await ensureSeeded();
    return reading.pack.content;
  };
  return {
    exportPack: async () => buildPack(await packs.export()),
    previewPack: async ({ pack }) => packs.plan(await checked(pack)),
    importPack: async ({ pack }) => {
      const imported = await packs.import(await checked(pack));
      // Stored: the import stands even if the index cannot take it now (the next search
      // matches the index to the tables again).
      if (imported.documents.length > 0) {
        await queries.addedDocumentsChanged().catch(() => undefined);
      }
      if (imported.terms.length > 0) {
        queries.userTermsChanged();
        await userTermsChanged();
      }
      return {
        documents: imported.documents.map(toAddedDocumentView),
        terms: imported.terms.map(toTermSummary),
        documentsSkipped: imported.documentsSkipped,
        termsSkipped: imported.termsSkipped,
      };
    },
  };
}
