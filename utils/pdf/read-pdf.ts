import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageText } from './pdf-layout';

/**
 * Reads a PDF's text with pdf.js, page by page: the pieces of text with their positions (put in
 * reading order by `pdfText`), the document's title, and progress after each page. Asks for a
 * password through the caller (the import view's own dialog) and stops when told to. The pdf.js
 * module is passed in: the import view loads the legacy build with its packaged worker, the unit
 * tests load it in Node.
 */

export type PdfJsModule = typeof PdfJs;

export interface PdfReadOptions {
  pdfjs: PdfJsModule;
  /** Where the packaged character maps and standard fonts are (directory URLs, with `/`). */
  cMapUrl: string;
  standardFontDataUrl: string;
  /** Asks the reader for the password (again, if `incorrect`); null when they gave up. */
  askPassword: (incorrect: boolean) => Promise<string | null>;
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface PdfReading {
  pages: PdfPageText[];
  /** The title the file's metadata gives, if any. */
  title: string | null;
}

/** Why a PDF was not read, said to the reader as it is. */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
  constructor(
    message: string,
    readonly reason: 'cancelled' | 'damaged',
  ) {
    super(message);
  }
}

const CANCELLED = 'Reading the PDF was cancelled. Nothing was added.';

/**
 * The last document's teardown: pdf.js refuses a new document on a worker port while the last
 * one on it is still being destroyed (a PDF chosen while another was being read).
 */
let lastTeardown: Promise<void> = Promise.resolve();

export async function readPdf(data: Uint8Array, options: PdfReadOptions): Promise<PdfReading> {
  const { pdfjs, signal } = options;
  await lastTeardown;
  if (signal?.aborted) throw new PdfReadError(CANCELLED, 'cancelled');
  const task = pdfjs.getDocument({
    data,
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: options.standardFontDataUrl,
    // No code made from the file's data, no WebAssembly (the extension's pages allow neither),
    // no fonts installed in the page: text is all that is read.
    isEvalSupported: false,
    useWasm: false,
    disableFontFace: true,
  });
  let stopped: string | null = null;
  const teardown = () => (lastTeardown = task.destroy().catch(() => undefined));
  const stop = (why: string) => {
    stopped ??= why;
    void teardown();
  };
  const onAbort = () => stop(CANCELLED);
  signal?.addEventListener('abort', onAbort, { once: true });
  task.onPassword = (update: (password: string) => void, reason: number) => {
    const incorrect = reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD;
    options.askPassword(incorrect).then(
      (password) =>
        password === null
          ? stop('The PDF is protected by a password, and none was given. Nothing was added.')
          : update(password),
      () => stop('The PDF is protected by a password, and none was given. Nothing was added.'),
    );
  };
  try {
    const pdf = await task.promise;
    const metadata = await pdf.getMetadata().catch(() => null);
    const title = (metadata?.info as { Title?: unknown } | undefined)?.Title;
    const pages: PdfPageText[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      if (stopped) break;
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      pages.push({
        pageNumber,
        pieces: content.items.flatMap((item) =>
          'str' in item
            ? [
                {
                  text: item.str,
                  x: item.transform[4] as number,
                  y: item.transform[5] as number,
                  width: item.width,
                  fontSize:
                    Math.hypot(item.transform[2] as number, item.transform[3] as number) ||
                    item.height,
                  upright: isUpright(item.transform as number[]),
                },
              ]
            : [],
        ),
      });
      page.cleanup();
      options.onPage?.(pageNumber, pdf.numPages);
    }
    if (stopped) throw new PdfReadError(stopped, 'cancelled');
    return { pages, title: typeof title === 'string' && title.trim() !== '' ? title.trim() : null };
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    if (stopped) throw new PdfReadError(stopped, 'cancelled');
    throw new PdfReadError(
      `Pledgemark could not read this PDF: it is damaged, or not a PDF (${
        error instanceof Error ? error.message : String(error)
      }). Nothing was added.`,
      'damaged',
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await teardown();
  }
}

/**
 * Whether a text matrix sets text upright: not turned. A slant (a synthetic italic) is upright
 * text still.
 */
function isUpright([a, b]: number[]): boolean {
  return a! > 0 && Math.abs(b!) <= 0.01 * a!;
}
