import type { PackImportView, PackPlan } from '../utils/views';

export type PackExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'ready'; href: string; fileName: string; documents: number; terms: number }
  | { status: 'error'; message: string };

export type PackImportState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'preview'; fileName: string; plan: PackPlan }
  | { status: 'importing'; fileName: string; plan: PackPlan }
  | { status: 'done'; imported: PackImportView }
  | { status: 'error'; message: string };

export interface PackPanelProps {
  exportState: PackExportState;
  importState: PackImportState;
  onExport: () => void;
  onChooseFile: (file: File) => void;
  onImport: () => void;
  onCancel: () => void;
  onOpenDocument: (documentId: string) => void;
  onOpenTerm: (termId: string) => void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const documents = (n: number) => count(n, 'document', 'documents');
const terms = (n: number) => count(n, 'term', 'terms');

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Packs: the reader's documents and terms as one file for a colleague, and a colleague's file
 * taken in. What a pack would add is shown, with what the reader has already, before anything is
 * imported.
 */
export function PackPanel(props: PackPanelProps) {
  const { exportState, importState } = props;
  const busy =
    exportState.status === 'working' ||
    importState.status === 'reading' ||
    importState.status === 'importing';
  return (
    <section class="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">Packs</h2>
      <p class="import-intro">
        Share your documents and terms with a colleague as one file, and take in theirs. The file
        goes only where you send it.
      </p>
      <h3 class="import-subtitle">Export</h3>
      <button type="button" class="pack-button" disabled={busy} onClick={props.onExport}>
        Export pack
      </button>
      <div class="pack-status" role="status">
        {exportState.status === 'working' && 'Gathering your documents and terms…'}
        {exportState.status === 'ready' && (
          <>
            Your pack holds {documents(exportState.documents)} and {terms(exportState.terms)}.{' '}
            <a href={exportState.href} download={exportState.fileName}>
              Save {exportState.fileName}
            </a>
          </>
        )}
      </div>
      {exportState.status === 'error' && (
        <p class="import-error" role="alert">
          {exportState.message}
        </p>
      )}
      <h3 class="import-subtitle">Import</h3>
      <label class="import-label" for="pack-file">
        Pack file
      </label>
      <input
        id="pack-file"
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) props.onChooseFile(file);
        }}
      />
      {(importState.status === 'preview' || importState.status === 'importing') && (
        <PackPreview
          {...importState}
          busy={importState.status === 'importing'}
          onImport={props.onImport}
          onCancel={props.onCancel}
        />
      )}
      <div class="pack-status" role="status">
        {importState.status === 'reading' && 'Reading the pack…'}
        {importState.status === 'importing' && 'Importing…'}
        {importState.status === 'done' && (
          <ImportDone
            imported={importState.imported}
            onOpenDocument={props.onOpenDocument}
            onOpenTerm={props.onOpenTerm}
          />
        )}
      </div>
      {importState.status === 'error' && (
        <p class="import-error" role="alert">
          {importState.message}
        </p>
      )}
    </section>
  );
}

function PackPreview(props: {
  fileName: string;
  plan: PackPlan;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { plan } = props;
  const newDocuments = plan.documents.filter((document) => !document.alreadyAs).length;
  const newTerms = plan.terms.filter((term) => !term.alreadyYours).length;
  const nothingNew = newDocuments === 0 && newTerms === 0;
  return (
    <div class="pack-preview" aria-labelledby="pack-preview-heading">
      <h4 id="pack-preview-heading" class="import-subtitle">
        {props.fileName}, made on {dateOf(plan.createdAt)}
      </h4>
      {plan.documents.length > 0 && (
        <ul class="import-added-list pack-documents" aria-label="Documents in the pack">
          {plan.documents.map((document, i) => (
            <li key={i} class={document.alreadyAs ? 'pack-skipped' : undefined}>
              <strong>{document.title}</strong>, {document.issuingBody}
              {document.date ? `, ${document.date}` : ''} ·{' '}
              {count(document.passageCount, 'passage', 'passages')}
              {document.alreadyAs && (
                <span class="pack-note">
                  {' '}
                  — already in your corpus as “{document.alreadyAs.title}”: left as it is
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {plan.terms.length > 0 && (
        <ul class="import-added-list pack-terms" aria-label="Terms in the pack">
          {plan.terms.map((term, i) => (
            <li key={i} class={term.alreadyYours ? 'pack-skipped' : undefined}>
              {term.label}
              {term.alreadyYours && (
                <span class="pack-note"> — you have a term of that name: yours is kept</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="import-hint">
        {nothingNew
          ? 'You have everything in this pack already.'
          : `Importing adds ${documents(newDocuments)} and ${terms(newTerms)}.`}
      </p>
      <div class="term-actions">
        <button
          type="button"
          class="pack-button"
          disabled={props.busy || nothingNew}
          onClick={props.onImport}
        >
          Import pack
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImportDone({
  imported,
  onOpenDocument,
  onOpenTerm,
}: {
  imported: PackImportView;
  onOpenDocument: (documentId: string) => void;
  onOpenTerm: (termId: string) => void;
}) {
  const skipped = [
    imported.documentsSkipped > 0 ? documents(imported.documentsSkipped) : null,
    imported.termsSkipped > 0 ? terms(imported.termsSkipped) : null,
  ].filter(Boolean);
  return (
    <>
      Imported {documents(imported.documents.length)} and {terms(imported.terms.length)}
      {skipped.length > 0
        ? `; ${skipped.join(' and ')} you had already were left as they were`
        : ''}
      .
      <ul class="import-added-list">
        {imported.documents.map((document) => (
          <li key={document.id}>
            <a
              href={`#document?id=${encodeURIComponent(document.id)}`}
              onClick={(event) => {
                event.preventDefault();
                onOpenDocument(document.id);
              }}
            >
              {document.title}
            </a>
          </li>
        ))}
        {imported.terms.map((term) => (
          <li key={term.id}>
            <a
              href={`#term?id=${encodeURIComponent(term.id)}`}
              onClick={(event) => {
                event.preventDefault();
                onOpenTerm(term.id);
              }}
            >
              {term.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
