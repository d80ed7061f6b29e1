import { Readability } from '@mozilla/readability';
import { MAX_ADDED_TEXT_LENGTH } from '../../utils/document-draft';
import { HIGHLIGHT_ELEMENT, UI_ATTRIBUTE } from '../content/page-contract';
import {
  readTextBlocks,
  segmentBlocks,
  type Block,
  type SegmentedDocument,
  type SegmentOptions,
  type SegmentProgress,
} from '../../utils/segmenter';
import { readHtmlBlocks } from '../../utils/segmenter/html-blocks';
import { withPageLocators, type PdfText } from '../../utils/pdf/pdf-layout';

/**
 * Where an added document's text comes from, read in the import view (never in a page): a file
 * the reader chose, or the article of the page they were reading. Each answers the text to
 * segment, or a message that says what went wrong and what to do.
 */

/** The largest file read: a long report is a few MB of text or HTML. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The largest PDF read: a long report with its figures. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** Less text than this is not an article ("This page" found a menu, a paywall, a video). */
const MIN_ARTICLE_LENGTH = 200;
/** How much of a file is looked at to tell text from binary. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Text to segment: plain, an HTML document (parsed, never run) whose text is read, or a PDF's
 * text with where each page starts (its passages are cited with their page).
 */
export type ImportSource =
  | { format: 'text'; text: string; title: string | null; date: string }
  | { format: 'html'; document: Document; title: string | null; date: string }
  | {
      format: 'pdf';
      text: string;
      pageStarts: PdfText['pageStarts'];
      pageCount: number;
      pagesWithoutText: number[];
      title: string | null;
      date: string;
    };

export type ReadResult = { ok: true; source: ImportSource } | { ok: false; message: string };

export const fail = (message: string): ReadResult => ({ ok: false, message });

/** Whether a file is a PDF: by its type or name, or by its header when it is misnamed. */
export async function isPdfFile(file: File): Promise<boolean> {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return true;
  // The header may follow a little junk (the format allows up to 1024 bytes of it).
  const head = await readBytes(file.slice(0, 1024))
    .then((bytes) => new TextDecoder('latin1').decode(bytes))
    .catch(() => '');
  return head.includes('%PDF-');
}

/** A pasted text, checked like any other source. */
export function pastedSource(text: string): ReadResult {
  if (text.trim() === '') return fail('Paste the document’s text first.');
  if (text.length > MAX_ADDED_TEXT_LENGTH) return tooLong(text.length);
  return { ok: true, source: { format: 'text', text, title: null, date: '' } };
}

export function tooLong(length: number): ReadResult {
  return fail(
    `The text has ${length.toLocaleString('en')} characters; Pledgemark takes up to ` +
      `${MAX_ADDED_TEXT_LENGTH.toLocaleString('en')}. Add the part you need.`,
  );
}

/** What kind of file the bytes are, when they are not text. */
function binaryKind(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('PK\u0003\u0004')) return 'a compressed file (such as .docx or .zip)';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'an Office file';
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'not a text file';
    // Tab, line feed, form feed and carriage return are text; other control bytes are not.
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  return control > sample.length / 100 ? 'not a text file' : null;
}

/** A file's bytes (through FileReader, which every context reading files has). */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** UTF-8 when the bytes are UTF-8 (with or without a byte-order mark), else Windows-1252. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isHtmlFile(file: File, text: string): boolean {
  return (
    /\.x?html?$/i.test(file.name) ||
    file.type === 'text/html' ||
    /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1_000))
  );
}

/** A file the reader chose: plain text or HTML (parsed with `DOMParser`: nothing runs or loads). */
export async function fileSource(file: File): Promise<ReadResult> {
  const name = `“${file.name}”`;
  if (file.size === 0) return fail(`${name} is empty. Choose the file that holds the document.`);
  if (file.size > MAX_FILE_BYTES) {
    const size = (file.size / 1024 / 1024).toFixed(1);
    return fail(
      `${name} is ${size} MB; Pledgemark reads files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB. ` +
        'Add the part you need as a smaller file, or paste it.',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch {
    return fail(`${name} could not be read. Check that it is still there, and choose it again.`);
  }
  const kind = binaryKind(bytes);
  if (kind) {
    return fail(
      `${name} is ${kind}. Pledgemark reads plain text and HTML files: open it in its own ` +
        'program, copy the text and paste it here, or save it as text or HTML.',
    );
  }
  const text = decode(bytes);
  const title = file.name.replace(/\.[^.]+$/, '');
  if (!isHtmlFile(file, text)) {
    if (text.trim() === '') return fail(`${name} has no text in it.`);
    if (text.length > MAX_ADDED_TEXT_LENGTH) return tooLong(text.length);
    return { ok: true, source: { format: 'text', text, title, date: '' } };
  }
  const document = new DOMParser().parseFromString(text, 'text/html');
  if (!hasReadableText(document)) {
    return fail(`${name} is a web page with no text in it.`);
  }
  return {
    ok: true,
    source: { format: 'html', document, title: document.title.trim() || title, date: '' },
  };
}

/** Whether a parsed page has any text outside its scripts, styles and templates. */
function hasReadableText(document: Document): boolean {
  const body = document.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return false;
  for (const code of body.querySelectorAll('script, style, noscript, template')) code.remove();
  return (body.textContent ?? '').trim() !== '';
}

/** The day an ISO time falls on (`YYYY-MM-DD`), or '' for anything else. */
function isoDay(time: string | null | undefined): string {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(time ?? '')?.[1];
  return day && !Number.isNaN(Date.parse(day)) ? day : '';
}

/**
 * The article of a page, read with Readability from the page's HTML (see the content script's
 * `pageForImport`), parsed here where nothing runs, without Pledgemark's own elements and with
 * its highlights unwrapped: its text only, never its HTML, with its title and published date.
 */
export function pageSource(page: { html: string; url: string; title: string }): ReadResult {
  const parsed = new DOMParser().parseFromString(page.html, 'text/html');
  for (const own of parsed.querySelectorAll(`[${UI_ATTRIBUTE}]`)) own.remove();
  for (const highlight of parsed.querySelectorAll(HIGHLIGHT_ELEMENT)) {
    highlight.replaceWith(...highlight.childNodes);
  }
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(parsed, {
      serializer: (node) => node,
      charThreshold: MIN_ARTICLE_LENGTH,
    }).parse();
  } catch {
    article = null;
  }
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_LENGTH) {
    return fail(
      'Pledgemark found no article on this page. Select the text you want, copy it and paste it ' +
        'in “Text” instead.',
    );
  }
  const holder = document.implementation.createHTMLDocument(article.title ?? '');
  holder.body.append(holder.importNode(article.content, true));
  return {
    ok: true,
    source: {
      format: 'html',
      document: holder,
      title: article.title?.trim() || page.title.trim() || null,
      date: isoDay(article.publishedTime),
    },
  };
}

/** The longest stretch segmenting runs before it lets the view draw and take input. */
const SLICE_MS = 8;

/** Turns a source's text and blocks into passages, reporting progress; stops when `signal` aborts. */
export type Segmenter = (
  job: { text: string; blocks: Block[] | null; issuingBody: string },
  onProgress: (progress: SegmentProgress) => void,
  signal: AbortSignal,
) => Promise<SegmentedDocument>;

/**
 * Segments on the view's own thread, in slices of at most `SLICE_MS` between which it draws and
 * takes input. Reading a plain text's blocks is one step of its own, so a text of several MB
 * still holds the thread for a while: the view uses `workerSegmenter` where it can.
 */
export const slicedSegmenter: Segmenter = async (job, onProgress, signal) => {
  const steps = segmentBlocks(job.text, job.blocks ?? readTextBlocks(job.text), {
    issuingBody: job.issuingBody,
  });
  let sliceStart = performance.now();
  for (;;) {
    signal.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress(step.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
};

type WorkerAnswer =
  | { kind: 'progress'; progress: SegmentProgress }
  | { kind: 'done'; document: SegmentedDocument }
  | { kind: 'failed'; message: string };

/** Segments in a worker of its own (`segment-worker.ts`), ended when done or aborted. */
export function workerSegmenter(createWorker: () => Worker): Segmenter {
  return (job, onProgress, signal) =>
    new Promise((resolve, reject) => {
      signal.throwIfAborted();
      const worker = createWorker();
      const end = () => {
        worker.terminate();
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        end();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort);
      worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
        if (data.kind === 'progress') return onProgress(data.progress);
        end();
        if (data.kind === 'done') resolve(data.document);
        else reject(new Error(data.message));
      };
      worker.onerror = (event) => {
        end();
        reject(new Error(event.message || 'the segmenter stopped'));
      };
      worker.postMessage(job);
    });
}

/** A source's passages, segmented by `segmenter` (HTML's blocks are read here, from its DOM). */
export function segmentSource(
  source: ImportSource,
  options: Pick<SegmentOptions, 'issuingBody'>,
  onProgress: (progress: SegmentProgress) => void,
  signal: AbortSignal,
  segmenter: Segmenter = slicedSegmenter,
): Promise<SegmentedDocument> {
  const { issuingBody } = options;
  if (source.format === 'text') {
    return segmenter({ text: source.text, blocks: null, issuingBody }, onProgress, signal);
  }
  if (source.format === 'pdf') {
    return segmenter({ text: source.text, blocks: null, issuingBody }, onProgress, signal).then(
      (document) => withPageLocators(document, source.pageStarts),
    );
  }
  const { text, blocks } = readHtmlBlocks(source.document);
  return segmenter({ text, blocks, issuingBody }, onProgress, signal);
}
