import { DraftError } from '../../data/store/added-corpus';
import type { PledgemarkDatabase } from '../../data/store/db';
import { CorpusPacks } from '../../data/store/packs';
import type { CorpusQueries } from '../../data/store/search/queries';
import type { LinkWithTerms } from '../../data/store/user-terms';
import type { BackgroundProtocol, Handlers, MessageSender } from '../../utils/messaging';
import {
  buildPack,
  MAX_PACK_BYTES,
  MAX_PACK_DOCUMENTS,
  packFileText,
  readPack,
  type Pack,
} from '../../utils/pack';
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
  /** Whether a message comes from one of the extension's own pages (not a content script). */
  fromExtensionPage: (sender: MessageSender) => boolean;
}

/** A call only the extension's own pages may make. */
class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  /** Read by the message contract. */
  readonly code = 'forbidden';
}

/**
 * Packs: the reader's documents and terms exported as one sealed file, and a colleague's taken
 * in. Pack files are made, read and checked here, seal included: the page only saves and picks
 * the file, so that a pack of many megabytes never holds up its thread.
 */
export function createPacksService({
  db,
  queries,
  ensureSeeded,
  linkWithTerms,
  userTermsChanged,
  fromExtensionPage,
}: PacksDeps): PackHandlers {
  // A pack is the reader's whole corpus: a script in a web page's tab has no business with it.
  const onlyPages = (sender: MessageSender) => {
    if (!fromExtensionPage(sender)) {
      throw new ForbiddenError('Packs are made and read in Pledgemark’s own pages only.');
    }
  };
  const packs = new CorpusPacks(db, { linkWithTerms });
  /** The file last previewed and its pack: "Import pack" sends the same file just after. */
  let previewed: { file: string; pack: Pack } | null = null;
  const read = async (file: string) => {
    if (previewed?.file === file) return previewed.pack;
    const reading = await readPack(file);
    if (!reading.ok) throw new DraftError(reading.message);
    await ensureSeeded();
    previewed = { file, pack: reading.pack };
    return reading.pack;
  };
  return {
    exportPack: async (_request, sender) => {
      onlyPages(sender);
      const pack = await buildPack(await packs.export());
      const file = packFileText(pack);
      // What import would refuse is not exported: a colleague could do nothing with it.
      if (file.length > MAX_PACK_BYTES || pack.content.documents.length > MAX_PACK_DOCUMENTS) {
        throw new DraftError(
          `Your ${pack.content.documents.length} documents and ${pack.content.terms.length} terms ` +
            `make a pack of ${(file.length / 1e6).toFixed(0)} MB; a pack holds at most ` +
            `${MAX_PACK_BYTES / 1e6} MB and ${MAX_PACK_DOCUMENTS} documents. Nothing was exported.`,
        );
      }
      return {
        file,
        createdAt: pack.createdAt,
        documents: pack.content.documents.length,
        terms: pack.content.terms.length,
      };
    },
    previewPack: async ({ file }, sender) => {
      onlyPages(sender);
      const pack = await read(file);
      return { createdAt: pack.createdAt, ...(await packs.plan(pack.content)) };
    },
    importPack: async ({ file }, sender) => {
      onlyPages(sender);
      const pack = await read(file);
      previewed = null;
      const imported = await packs.import(pack.content);
      // Stored: the import stands even if the index cannot take it now (the next search
      // matches the index to the tables again).
      if (imported.documents.length > 0) {
        await queries.addedDocumentsChanged(imported.written).catch(() => undefined);
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
