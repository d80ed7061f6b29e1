import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { browser } from 'wxt/browser';
import { MAX_ADDED_TEXT_LENGTH } from '../../utils/document-draft';
import { pdfText } from '../../utils/pdf/pdf-layout';
import { PdfReadError, readPdf, type PdfReadOptions } from '../../utils/pdf/read-pdf';
import { fail, MAX_PDF_BYTES, tooLong, type ReadResult } from './import-sources';

/**
 * A PDF the reader chose, read with pdf.js in this view (loaded with it, only when a PDF is
 * chosen). pdf.js's legacy build, as Firefox 115 (the oldest Pledgemark supports) cannot run its
 * modern one; its worker, character maps and standard fonts are files of the extension, so that
 * reading a PDF makes no request and runs no code made at run time.
 */

/** pdf.js's files, packaged by `wxt.config.ts`. */
const PDFJS_DIRECTORY = '/pdfjs/';

function startWorker(): void {
  // Made here, from the extension's own file: pdf.js would otherwise wrap a worker of another
  // origin in a blob, which extension pages may not run.
  pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(
    browser.runtime.getURL('/pdfjs/pdf.worker.mjs'),
    { type: 'module' },
  );
}

const pageList = (pages: readonly number[]) =>
  pages.length === 1
    ? `page ${pages[0]}`
    : `pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`;

export async function pdfSource(
  file: File,
  options: Pick<PdfReadOptions, 'askPassword' | 'onPage' | 'signal'>,
): Promise<ReadResult> {
  const name = `“${file.name}”`;
  if (file.size > MAX_PDF_BYTES) {
    const size = (file.size / 1024 / 1024).toFixed(1);
    return fail(
      `${name} is ${size} MB; Pledgemark reads PDFs of up to ${MAX_PDF_BYTES / 1024 / 1024} MB.`,
    );
  }
  let data: Uint8Array;
  try {
    data = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(`${name} could not be read. Check that it is still there, and choose it again.`);
  }
  startWorker();
  const directory = browser.runtime.getURL(PDFJS_DIRECTORY as '/popup.html');
  let reading;
  try {
    reading = await readPdf(data, {
      ...options,
      pdfjs,
      cMapUrl: `${directory}cmaps/`,
      standardFontDataUrl: `${directory}standard_fonts/`,
    });
  } catch (error) {
    if (error instanceof PdfReadError) return fail(error.message);
    throw error;
  }
  const { text, pageStarts, pagesWithoutText } = pdfText(reading.pages);
  if (text.trim() === '') {
    return fail(
      `${name} has no text layer: its pages are images (a scan?). Pledgemark reads the words of ` +
        'a PDF, not pictures of them, so nothing can be added. Add a version with text, or paste its text.',
    );
  }
  if (text.length > MAX_ADDED_TEXT_LENGTH) return tooLong(text.length);
  return {
    ok: true,
    source: {
      format: 'pdf',
      text,
      pageStarts,
      pageCount: reading.pages.length,
      pagesWithoutText,
      title: reading.title ?? file.name.replace(/\.pdf$/i, ''),
      date: '',
    },
  };
}

/** What the reader is told of a PDF's pages: how many, and which had no text. */
export function pdfNote(fileName: string, pageCount: number, pagesWithoutText: readonly number[]) {
  const pages = `${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`;
  return pagesWithoutText.length === 0
    ? `From the PDF “${fileName}” (${pages}): its passages are listed below, each cited with its page.`
    : `From the PDF “${fileName}” (${pages}; no text on ${pageList(pagesWithoutText)}, left out): its passages are listed below, each cited with its page.`;
}
