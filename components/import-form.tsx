import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DOCUMENT_KINDS, type DocumentKind } from '../utils/corpus-types';
import type { SegmentedPassage, SegmentProgress } from '../utils/segmenter';
import type { AddedDocumentView } from '../utils/views';

const KIND_LABEL = { commitment: 'Commitment', position: 'Position', context: 'Context' } as const;
/** The passages listed for review; the count covers them all. */
const SHOWN_PASSAGES = 200;
const EXCERPT_LENGTH = 160;

/** The details a document is cited by, which the reader confirms or edits. */
export interface ImportDetails {
  title: string;
  issuingBody: string;
  date: string;
  kind: DocumentKind;
}

/** What to tell the reader about the import: how it went, or what to do. */
export interface ImportStatus {
  kind: 'info' | 'done' | 'error';
  text: string;
}

export interface ImportFormProps {
  text: string;
  /** Where the text came from, when not typed or pasted ("From the file …"). */
  sourceNote: string | null;
  details: ImportDetails;
  /** The passages found in the text, once it has been read; null before. */
  passages: readonly SegmentedPassage[] | null;
  /** Reading the text into passages, as far as it has come; null when not reading. */
  progress: SegmentProgress | null;
  /** Reading a PDF's pages, as far as it has come; null when not reading one. */
  pdfProgress: { done: number; total: number } | null;
  /** A PDF asks for its password (again, if the last one was `incorrect`); null when not. */
  passwordRequest: { fileName: string; incorrect: boolean } | null;
  busy: boolean;
  status: ImportStatus | null;
  /** Whether "This page" can be used (the view was opened from a page's toolbar button). */
  canTakePage: boolean;
  maxFileMegabytes: number;
  maxPdfMegabytes: number;
  documents: readonly AddedDocumentView[] | null;
  /** The text changed; `pasted` when by a paste (read at once), else by typing. */
  onTextChange: (text: string, pasted: boolean) => void;
  onFile: (file: File) => void;
  /** Stops reading the PDF: nothing of it is kept. */
  onCancelPdf: () => void;
  /** The password the reader typed for the PDF, or null when they gave up. */
  onPassword: (password: string | null) => void;
  onTakePage: () => void;
  onDetailsChange: (details: ImportDetails) => void;
  onAdd: () => void;
  onOpenDocument: (documentId: string) => void;
  onDelete: (document: AddedDocumentView) => void;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** "12 passages: 5 commitments, 2 positions, 5 context". */
function passageSummary(passages: readonly SegmentedPassage[]): string {
  const count = (kind: SegmentedPassage['kind']) =>
    passages.filter((passage) => passage.kind === kind).length;
  const commitments = count('commitment');
  const positions = count('position');
  return (
    `${passages.length} ${passages.length === 1 ? 'passage' : 'passages'}: ` +
    `${commitments} ${commitments === 1 ? 'commitment' : 'commitments'}, ` +
    `${positions} ${positions === 1 ? 'position' : 'positions'}, ${count('context')} context`
  );
}

/**
 * The import view: a text pasted, a file chosen or the page the reader was on; the passages
 * Pledgemark found in it, for review; the details it will be cited by; "Add to corpus"; and the
 * documents added so far, each of which can be opened or deleted. Renders what it is given.
 */
export function ImportForm(props: ImportFormProps): JSX.Element {
  const { details, passages, progress, status } = props;
  const set = (change: Partial<ImportDetails>) => props.onDetailsChange({ ...details, ...change });
  return (
    <section class="import" aria-labelledby="import-title">
      <h2 id="import-title" class="import-title">
        Add a document
      </h2>
      <p class="import-intro">
        Paste a text, choose a file or take the page you were reading. Pledgemark finds its
        passages; check them and the details below, then add it. It stays in this browser.
      </p>
      <form
        class="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onAdd();
        }}
      >
        <label class="import-label" for="import-text">
          Text
        </label>
        <textarea
          id="import-text"
          class="import-text"
          rows={8}
          value={props.text}
          aria-describedby={props.sourceNote ? 'import-source-note' : undefined}
          onInput={(event) =>
            props.onTextChange(
              event.currentTarget.value,
              (event as InputEvent).inputType === 'insertFromPaste',
            )
          }
        />
        {props.sourceNote && (
          <p id="import-source-note" class="import-hint">
            {props.sourceNote}
          </p>
        )}
        <div class="import-sources">
          <div>
            <label class="import-label" for="import-file">
              File
            </label>
            <input
              id="import-file"
              type="file"
              accept=".txt,.text,.md,.html,.htm,.xhtml,.pdf,text/plain,text/html,application/pdf"
              aria-describedby="import-file-hint"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) props.onFile(file);
                // Choosing the same file again reads it again.
                event.currentTarget.value = '';
              }}
            />
            <p id="import-file-hint" class="import-hint">
              Plain text or HTML, up to {props.maxFileMegabytes} MB; PDF, up to{' '}
              {props.maxPdfMegabytes} MB.
            </p>
          </div>
          {props.canTakePage && (
            <button type="button" class="import-page" onClick={props.onTakePage}>
              Use the page you were reading
            </button>
          )}
        </div>

        <fieldset class="import-details">
          <legend>Cite it as</legend>
          <label class="import-label" for="import-title-field">
            Title
          </label>
          <input
            id="import-title-field"
            type="text"
            value={details.title}
            required
            onInput={(event) => set({ title: event.currentTarget.value })}
          />
          <label class="import-label" for="import-issuer">
            Issued by
          </label>
          <input
            id="import-issuer"
            type="text"
            value={details.issuingBody}
            required
            onInput={(event) => set({ issuingBody: event.currentTarget.value })}
          />
          <label class="import-label" for="import-date">
            Date
          </label>
          <input
            id="import-date"
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            aria-describedby="import-date-hint"
            value={details.date}
            onInput={(event) => set({ date: event.currentTarget.value.trim() })}
          />
          <p id="import-date-hint" class="import-hint">
            A year, a month (2021-12) or a day; leave it empty if you do not know it.
          </p>
          <label class="import-label" for="import-kind">
            Kind
          </label>
          <select
            id="import-kind"
            value={details.kind}
            onChange={(event) => set({ kind: event.currentTarget.value as DocumentKind })}
          >
            {DOCUMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </fieldset>

        {props.passwordRequest && (
          <PasswordRequest request={props.passwordRequest} onPassword={props.onPassword} />
        )}
        {props.pdfProgress && (
          <div class="import-pdf-progress">
            <progress
              class="import-progress"
              aria-label="Reading the PDF"
              max={Math.max(props.pdfProgress.total, 1)}
              value={props.pdfProgress.done}
            />
            <span>
              Read page {props.pdfProgress.done} of {props.pdfProgress.total}…
            </span>{' '}
            <button type="button" onClick={props.onCancelPdf}>
              Cancel
            </button>
          </div>
        )}
        {progress && (
          <progress
            class="import-progress"
            aria-label="Finding passages"
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
        )}
        {passages && passages.length > 0 && (
          <section class="import-passages" aria-label="Passages found">
            <h3 class="import-subtitle">{passageSummary(passages)}</h3>
            <ol class="import-passage-list">
              {passages.slice(0, SHOWN_PASSAGES).map((passage) => (
                <li key={passage.locator}>
                  <span class="locator">{passage.locator}</span>{' '}
                  <span class={`kind kind-${passage.kind}`}>{KIND_LABEL[passage.kind]}</span>
                  {passage.actor.kind === 'person' && (
                    <span class="import-actor"> · {passage.actor.name}</span>
                  )}
                  <p class="import-excerpt">{excerpt(passage.text)}</p>
                </li>
              ))}
            </ol>
            {passages.length > SHOWN_PASSAGES && (
              <p class="import-hint">
                The first {SHOWN_PASSAGES} are listed; all {passages.length} will be added.
              </p>
            )}
          </section>
        )}

        <button type="submit" class="import-add" disabled={props.busy}>
          Add to corpus
        </button>
        <p class={`import-status${status?.kind === 'error' ? ' import-error' : ''}`} role="status">
          {status?.text}
        </p>
      </form>
      <AddedDocuments {...props} />
    </section>
  );
}

/** The view's own password dialog for a protected PDF (never the page's `prompt`). */
function PasswordRequest({
  request,
  onPassword,
}: {
  request: { fileName: string; incorrect: boolean };
  onPassword: (password: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // Focus goes to the field when the dialog asks, and again when it asks anew; not on every
  // render, which would take it from the other fields.
  useEffect(() => field.current?.focus(), [request.incorrect]);
  return (
    <div class="import-password" role="group" aria-labelledby="import-password-title">
      <p id="import-password-title" class={request.incorrect ? 'import-error' : undefined}>
        {request.incorrect
          ? `That password does not open “${request.fileName}”. Try again.`
          : `“${request.fileName}” is protected by a password.`}
      </p>
      <label class="import-label" for="import-password">
        Password
      </label>
      <input
        id="import-password"
        type="password"
        autoComplete="off"
        value={password}
        ref={field}
        onInput={(event) => setPassword(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter opens the PDF; it must not submit the import form around it.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onPassword(password);
        }}
      />
      <div class="term-actions">
        <button type="button" onClick={() => onPassword(password)}>
          Open PDF
        </button>
        <button type="button" onClick={() => onPassword(null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function AddedDocuments(props: ImportFormProps): JSX.Element | null {
  const [confirming, setConfirming] = useState<string | null>(null);
  const { documents } = props;
  if (!documents || documents.length === 0) return null;
  return (
    <section class="import-added" aria-labelledby="import-added-title">
      <h3 id="import-added-title" class="import-subtitle">
        Documents you added
      </h3>
      <ul class="import-added-list">
        {documents.map((document) => (
          <li key={document.id}>
            <button
              type="button"
              class="link-button"
              onClick={() => props.onOpenDocument(document.id)}
            >
              {document.title}
            </button>
            <p class="import-hint">
              {[
                document.issuingBody,
                document.dateLabel,
                `${document.passageCount} passages`,
                `added ${document.addedAt.slice(0, 10)}`,
              ].join(' · ')}
            </p>
            {confirming === document.id ? (
              <p class="import-confirm">
                Delete it and its passages from your corpus? Clips you saved from it stay.{' '}
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(null);
                    props.onDelete(document);
                  }}
                >
                  Delete for good
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </p>
            ) : (
              <button
                type="button"
                aria-label={`Delete “${document.title}”`}
                onClick={() => setConfirming(document.id)}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
