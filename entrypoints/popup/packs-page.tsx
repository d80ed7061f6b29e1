import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackPanel, type PackExportState, type PackImportState } from '../../components/pack-panel';
import { routeToHash, type PageRoute } from '../../utils/extension-pages';
import { callBackground, type SendMessage } from '../../utils/messaging';
import { MAX_PACK_BYTES } from '../../utils/pack';

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);

const navigate = (route: PageRoute) => {
  location.hash = routeToHash(route);
};

/** The file a pack is saved as: named for the day, so that a colleague knows which it is. */
const packFileName = (createdAt: string) => `pledgemark-pack-${createdAt.slice(0, 10)}.json`;

/**
 * "Packs": exports the reader's documents and terms as a file saved by the browser, and imports a
 * colleague's after showing what it would add. In a tab of its own: a file picker closes the
 * toolbar popup. The background makes, reads and checks the files; this page only saves the text
 * it is given and hands over the text of the file chosen.
 */
export function PacksPage() {
  const [exportState, setExportState] = useState<PackExportState>({ status: 'idle' });
  const [importState, setImportState] = useState<PackImportState>({ status: 'idle' });
  /** The text of the pack file shown, to import on "Import pack". */
  const chosen = useRef<string | null>(null);
  const saveLink = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (saveLink.current) URL.revokeObjectURL(saveLink.current);
    },
    [],
  );

  const exportPack = async () => {
    setExportState({ status: 'working' });
    const exported = await callBackground(send, 'exportPack', {});
    if (!exported.ok) {
      setExportState({ status: 'error', message: exported.error.message });
      return;
    }
    const { file, createdAt, documents, terms } = exported.value;
    if (saveLink.current) URL.revokeObjectURL(saveLink.current);
    const href = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    saveLink.current = href;
    const fileName = packFileName(createdAt);
    setExportState({ status: 'ready', href, fileName, documents, terms });
    // Saved at once, as the button says; the link stays to save it again.
    const link = Object.assign(document.createElement('a'), { href, download: fileName });
    link.click();
  };

  const chooseFile = async (file: File) => {
    chosen.current = null;
    if (file.size > MAX_PACK_BYTES) {
      setImportState({
        status: 'error',
        message: `${file.name} is larger than a pack can be (${MAX_PACK_BYTES / 1e6} MB). Nothing was imported.`,
      });
      return;
    }
    setImportState({ status: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setImportState({
        status: 'error',
        message: `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was imported.`,
      });
      return;
    }
    const planned = await callBackground(send, 'previewPack', { file: text });
    if (!planned.ok) {
      setImportState({ status: 'error', message: planned.error.message });
      return;
    }
    chosen.current = text;
    setImportState({ status: 'preview', fileName: file.name, plan: planned.value });
  };

  const importPack = async () => {
    const file = chosen.current;
    if (file === null || importState.status !== 'preview') return;
    setImportState({ ...importState, status: 'importing' });
    const imported = await callBackground(send, 'importPack', { file });
    chosen.current = null;
    setImportState(
      imported.ok
        ? { status: 'done', imported: imported.value }
        : { status: 'error', message: imported.error.message },
    );
  };

  return (
    <PackPanel
      exportState={exportState}
      importState={importState}
      onExport={() => void exportPack()}
      onChooseFile={(file) => void chooseFile(file)}
      onImport={() => void importPack()}
      onCancel={() => {
        chosen.current = null;
        setImportState({ status: 'idle' });
      }}
      onOpenDocument={(documentId) => navigate({ view: 'document', documentId, passageId: null })}
      onOpenTerm={(termId) => navigate({ view: 'term', termId, passageId: null })}
    />
  );
}
