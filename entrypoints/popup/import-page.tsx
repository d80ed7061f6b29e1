import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PacksLink } from '../../components/packs-link';
import { ImportForm, type ImportDetails, type ImportStatus } from '../../components/import-form';
import type { DocumentOrigin } from '../../utils/corpus-types';
import { draftProblem, type DocumentDraft } from '../../utils/document-draft';
import { callBackground, callTab, type SendMessage } from '../../utils/messaging';
import type { SegmentedDocument, SegmentProgress } from '../../utils/segmenter';
import type { AddedDocumentView } from '../../utils/views';
import SegmentWorker from './segment-worker?worker';
import { openViewInTab } from './open-view';
import {
  fail,
  fileSource,
  isPdfFile,
  MAX_FILE_BYTES,
  MAX_PDF_BYTES,
  pageSource,
  pastedSource,
  segmentSource,
  slicedSegmenter,
  workerSegmenter,
  type ImportSource,
  type ReadResult,
  type Segmenter,
} from './import-sources';

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);
/** Typing pauses this long before the text is read into passages again. */
const TYPING_PAUSE_MS = 300;
/** Stands for the issuing body while segmenting: the reader may still change it. */
const ISSUER = 'the issuing body';
const EMPTY_DETAILS: ImportDetails = { title: '', issuingBody: '', date: '', kind: 'other' };
/** In a worker, so that a long text never freezes the view; on this thread, in slices, without. */
const segmenter: Segmenter =
  typeof Worker === 'function' ? workerSegmenter(() => new SegmentWorker()) : slicedSegmenter;

/** The source being read, where it came from, and its passages once read. */
interface Reading {
  source: ImportSource;
  origin: DocumentOrigin;
  segmented: Promise<SegmentedDocument>;
}

/** A title from the text's first line, when it is short enough to be one. */
function firstLineTitle(text: string): string {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return line.length <= 200 ? line : '';
}

/**
 * The import view (`#import`): reads a pasted text, a file or the page the reader came from into
 * passages, in slices with a progress bar, and hands the confirmed document to the background.
 * What goes wrong is said in the status line; nothing is added until the background answers.
 */
export function ImportPage({
  tabId,
  onOpenDocument,
}: {
  tabId: number | null;
  onOpenDocument: (documentId: string) => void;
}) {
  const [text, setText] = useState('');
  const [sourceNote, setSourceNote] = useState<string | null>(null);
  const [details, setDetails] = useState<ImportDetails>(EMPTY_DETAILS);
  const [segmented, setSegmented] = useState<SegmentedDocument | null>(null);
  const [progress, setProgress] = useState<SegmentProgress | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [documents, setDocuments] = useState<AddedDocumentView[] | null>(null);
  const [pdfProgress, setPdfProgress] = useState<{ done: number; total: number } | null>(null);
  const [passwordRequest, setPasswordRequest] = useState<{
    fileName: string;
    incorrect: boolean;
  } | null>(null);
  /** Stops the PDF being read. */
  const pdfAbort = useRef<AbortController | null>(null);
  /** Answers the PDF's request for its password. */
  const passwordAnswer = useRef<((password: string | null) => void) | null>(null);
  /** Stops the PDF being read, if one is: a newer choice (a file, a paste, the page) replaces it. */
  const stopPdf = () => {
    pdfAbort.current?.abort();
    pdfAbort.current = null;
    passwordAnswer.current?.(null);
    passwordAnswer.current = null;
    setPasswordRequest(null);
    setPdfProgress(null);
  };
  const reading = useRef<Reading | null>(null);
  const abort = useRef<AbortController | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Where the text in the box came from: a file or a page stays so when the reader corrects it. */
  const origin = useRef<DocumentOrigin>({ kind: 'paste' });
  /** The details the reader wrote: a new source's suggestions do not replace them. */
  const touched = useRef(new Set<keyof ImportDetails>());
  /** Counts the sources chosen: a file or page read after a newer choice is dropped. */
  const choice = useRef(0);

  const listDocuments = () =>
    void callBackground(send, 'listAddedDocuments', {}).then((result) => {
      if (result.ok) setDocuments(result.value);
      else setStatus({ kind: 'error', text: result.error.message });
    });
  useEffect(() => {
    listDocuments();
    return () => {
      abort.current?.abort();
      pdfAbort.current?.abort();
      clearTimeout(typingTimer.current);
    };
  }, []);

  /** Reads a source into passages (a new source stops the reading of the last). */
  const read = (result: ReadResult, origin: DocumentOrigin): Reading | null => {
    abort.current?.abort();
    stopPdf();
    clearTimeout(typingTimer.current);
    setSegmented(null);
    if (!result.ok) {
      reading.current = null;
      setProgress(null);
      setStatus({ kind: 'error', text: result.message });
      return null;
    }
    const { source } = result;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 1 });
    const segmentedDocument = segmentSource(
      source,
      { issuingBody: ISSUER },
      setProgress,
      controller.signal,
      segmenter,
    );
    const current: Reading = { source, origin, segmented: segmentedDocument };
    reading.current = current;
    segmentedDocument.then(
      (document) => {
        if (reading.current !== current) return;
        setProgress(null);
        setSegmented(document);
        // The text read from HTML, unless the reader has typed meanwhile. Not a PDF's: its
        // passages carry their pages, which text edited in the box would lose, and a long
        // report's text takes the box a long task to lay out.
        if (source.format === 'html') setText((typed) => (typed === '' ? document.text : typed));
        setStatus(
          document.passages.length === 0
            ? { kind: 'error', text: 'Pledgemark found no passages in this text.' }
            : null,
        );
      },
      (error: unknown) => {
        if (reading.current !== current || controller.signal.aborted) return;
        setProgress(null);
        setStatus({
          kind: 'error',
          text: `Pledgemark could not read this text: ${error instanceof Error ? error.message : String(error)}`,
        });
      },
    );
    return current;
  };

  /** The details a new source suggests, but for those the reader wrote. */
  const suggest = (source: ImportSource) =>
    setDetails((current) => ({
      ...current,
      title: touched.current.has('title') ? current.title : (source.title ?? ''),
      date: touched.current.has('date') ? current.date : source.date,
    }));

  const onDetailsChange = (next: ImportDetails) => {
    for (const field of Object.keys(next) as (keyof ImportDetails)[]) {
      if (next[field] !== details[field]) touched.current.add(field);
    }
    setDetails(next);
  };

  const onTextChange = (next: string, pasted: boolean) => {
    choice.current++;
    stopPdf();
    setText(next);
    clearTimeout(typingTimer.current);
    // A paste brings a text from elsewhere; typing corrects the one there (a PDF's text is not
    // in the box: what is typed there replaces it).
    if (pasted || next.trim() === '' || reading.current?.source.format === 'pdf') {
      origin.current = { kind: 'paste' };
      setSourceNote(null);
    }
    if (next.trim() === '') {
      abort.current?.abort();
      reading.current = null;
      setSegmented(null);
      setProgress(null);
      return;
    }
    const readText = () => {
      const result = pastedSource(next);
      if (result.ok && origin.current.kind === 'paste') {
        suggest({ ...result.source, title: firstLineTitle(next) });
      }
      read(result, origin.current);
    };
    // A paste is read at once; typing, once it pauses.
    if (pasted) readText();
    else typingTimer.current = setTimeout(readText, TYPING_PAUSE_MS);
  };

  const onFile = async (file: File) => {
    const chosen = ++choice.current;
    stopPdf();
    setStatus({ kind: 'info', text: `Reading “${file.name}”…` });
    if (await isPdfFile(file)) {
      if (chosen === choice.current) await onPdf(file, chosen);
      return;
    }
    const result = await fileSource(file);
    if (chosen !== choice.current) return;
    if (result.ok) {
      origin.current = { kind: 'file', name: file.name };
      setText(result.source.format === 'text' ? result.source.text : '');
      setSourceNote(`From the file “${file.name}”.`);
      suggest(result.source);
      setStatus(null);
    }
    read(result, { kind: 'file', name: file.name });
  };

  /** Reads a PDF page by page (pdf.js is loaded now, not before), asking for its password. */
  const onPdf = async (file: File, chosen: number) => {
    abort.current?.abort();
    stopPdf();
    const controller = new AbortController();
    pdfAbort.current = controller;
    reading.current = null;
    setSegmented(null);
    setPdfProgress({ done: 0, total: 1 });
    const current = () => chosen === choice.current && !controller.signal.aborted;
    const result = await import('./pdf-source')
      .then(({ pdfSource, pdfNote }) =>
        pdfSource(file, {
          signal: controller.signal,
          onPage: (done, total) => current() && setPdfProgress({ done, total }),
          askPassword: (incorrect) =>
            new Promise<string | null>((resolve) => {
              passwordAnswer.current = resolve;
              setPasswordRequest({ fileName: file.name, incorrect });
            }),
        }).then((result) => ({ result, pdfNote })),
      )
      .catch((error: unknown) => ({
        result: fail(
          `Pledgemark could not read this PDF: ${error instanceof Error ? error.message : String(error)}`,
        ),
        pdfNote: null,
      }));
    // A newer choice stopped this reading and cleared its progress and dialog.
    if (chosen !== choice.current) return;
    pdfAbort.current = null;
    passwordAnswer.current = null;
    setPasswordRequest(null);
    setPdfProgress(null);
    const { result: pdf, pdfNote } = result;
    if (pdf.ok && pdf.source.format === 'pdf' && pdfNote) {
      origin.current = { kind: 'file', name: file.name };
      setText('');
      setSourceNote(pdfNote(file.name, pdf.source.pageCount, pdf.source.pagesWithoutText));
      suggest(pdf.source);
      setStatus(null);
    }
    read(pdf, { kind: 'file', name: file.name });
  };

  const onPassword = (password: string | null) => {
    const answer = passwordAnswer.current;
    passwordAnswer.current = null;
    setPasswordRequest(null);
    answer?.(password);
  };

  const onTakePage = async () => {
    if (tabId === null) return;
    const chosen = ++choice.current;
    stopPdf();
    setStatus({ kind: 'info', text: 'Reading the page…' });
    const answer = await callTab(
      (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }),
      'pageForImport',
      {},
    );
    if (chosen !== choice.current) return;
    if (!answer.ok) {
      setStatus({
        kind: 'error',
        text:
          answer.error.code === 'unavailable'
            ? 'The page you were reading is closed, or Pledgemark does not run on it. Copy its text and paste it instead.'
            : answer.error.message,
      });
      return;
    }
    const result = pageSource(answer.value);
    if (result.ok) {
      setText('');
      origin.current = { kind: 'page', url: answer.value.url };
      setSourceNote(`From the page ${answer.value.url}.`);
      suggest(result.source);
      setStatus(null);
    }
    read(result, { kind: 'page', url: answer.value.url });
  };

  const onAdd = async () => {
    clearTimeout(typingTimer.current);
    let current = reading.current;
    // The text in the box, if it is not what was read (typed within the pause, or a file's or
    // page's text corrected): read it now, still from where it came.
    const readText =
      current?.source.format === 'text'
        ? current.source.text
        : await current?.segmented.then((document) => document.text).catch(() => null);
    if (text.trim() !== '' && readText !== text) current = read(pastedSource(text), origin.current);
    if (!current) {
      setStatus({
        kind: 'error',
        text: 'Paste a text, choose a file or use the page you were reading first.',
      });
      return;
    }
    setAdding(true);
    try {
      const document = await current.segmented;
      const issuingBody = details.issuingBody.trim();
      const draft: DocumentDraft = {
        ...details,
        title: details.title.trim(),
        issuingBody,
        origin: current.origin,
        text: document.text,
        passages: document.passages.map((passage) =>
          passage.actor.kind === 'body' && passage.actor.name === ISSUER
            ? { ...passage, actor: { name: issuingBody, kind: 'body' } }
            : passage,
        ),
      };
      const problem = draftProblem(draft);
      if (problem) {
        setStatus({ kind: 'error', text: `${problem} Nothing was added.` });
        return;
      }
      setStatus({ kind: 'info', text: `Adding “${draft.title}”…` });
      const result = await callBackground(send, 'addDocument', { draft });
      if (!result.ok) {
        setStatus({ kind: 'error', text: result.error.message });
        return;
      }
      const added = result.value;
      setStatus({
        kind: 'done',
        text: `Added “${added.title}” with ${added.passageCount} passages. It is in search, on cards and in term views now, marked “added by you”.`,
      });
      reading.current = null;
      origin.current = { kind: 'paste' };
      touched.current.clear();
      setText('');
      setSourceNote(null);
      setSegmented(null);
      setDetails(EMPTY_DETAILS);
      listDocuments();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setStatus({
          kind: 'error',
          text: `Nothing was added: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } finally {
      setAdding(false);
    }
  };

  const onDelete = async (document: AddedDocumentView) => {
    const result = await callBackground(send, 'deleteDocument', { documentId: document.id });
    setStatus(
      result.ok
        ? { kind: 'done', text: `Deleted “${document.title}” and its passages.` }
        : { kind: 'error', text: result.error.message },
    );
    listDocuments();
  };

  return (
    <>
      <ImportForm
        text={text}
        sourceNote={sourceNote}
        details={details}
        passages={segmented?.passages ?? null}
        progress={progress}
        busy={adding}
        status={status}
        canTakePage={tabId !== null}
        maxFileMegabytes={MAX_FILE_BYTES / 1024 / 1024}
        maxPdfMegabytes={MAX_PDF_BYTES / 1024 / 1024}
        pdfProgress={pdfProgress}
        passwordRequest={passwordRequest}
        onCancelPdf={() => {
          pdfAbort.current?.abort();
          onPassword(null);
        }}
        onPassword={onPassword}
        documents={documents}
        onTextChange={onTextChange}
        onFile={(file) => void onFile(file)}
        onTakePage={() => void onTakePage()}
        onDetailsChange={onDetailsChange}
        onAdd={() => void onAdd()}
        onOpenDocument={onOpenDocument}
        onDelete={(document) => void onDelete(document)}
      />
      <PacksLink onOpen={() => void openViewInTab({ view: 'packs' })} />
    </>
  );
}
