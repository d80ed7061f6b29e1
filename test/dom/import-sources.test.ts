import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  fileSource,
  isPdfFile,
  MAX_FILE_BYTES,
  pageSource,
  pastedSource,
  segmentSource,
  workerSegmenter,
  type ImportSource,
  type ReadResult,
} from '../../entrypoints/popup/import-sources';
import { MAX_ADDED_TEXT_LENGTH } from '../../utils/document-draft';
import { segmentText } from '../../utils/segmenter';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const RESOLUTION = readFileSync(join(FIXTURES, 'border-resolution.txt'), 'utf8');
const STATEMENT_HTML = readFileSync(join(FIXTURES, 'ministry-statement.html'), 'utf8');

function file(content: BlobPart, name: string, type = ''): File {
  return new File([content], name, { type });
}

function source(result: ReadResult): ImportSource {
  if (!result.ok) throw new Error(`expected a source, got “${result.message}”`);
  return result.source;
}

function message(result: ReadResult): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('a pasted text', () => {
  it('is taken as it is, and refused when empty or too long, saying why', () => {
    expect(source(pastedSource(RESOLUTION))).toEqual({
      format: 'text',
      text: RESOLUTION,
      title: null,
      date: '',
    });
    expect(message(pastedSource(' \n\t'))).toBe('Paste the document’s text first.');
    expect(message(pastedSource('x'.repeat(MAX_ADDED_TEXT_LENGTH + 1)))).toMatch(
      /^The text has 5,000,001 characters; Pledgemark takes up to 5,000,000\./,
    );
  });
});

describe('a file', () => {
  it('of plain text is read as UTF-8, or as Windows-1252 when it is not UTF-8', async () => {
    expect(source(await fileSource(file(RESOLUTION, 'resolution.txt')))).toMatchObject({
      format: 'text',
      text: RESOLUTION,
      title: 'resolution',
    });
    // "Türkiye" saved by an old editor: ü is one byte, 0xFC.
    const latin1 = new Uint8Array(
      [...'T', 0xfc, ...'rkiye shall act.'].map((c) =>
        typeof c === 'string' ? c.charCodeAt(0) : c,
      ),
    );
    expect(source(await fileSource(file(latin1, 'old.txt')))).toMatchObject({
      text: 'Türkiye shall act.',
    });
  });

  // That its scripts and handlers never run is shown in real browsers (test/e2e/import.test.ts).
  it('of HTML is parsed: its scripts, menus and frames are not in the text', async () => {
    const read = source(await fileSource(file(STATEMENT_HTML, 'statement.html', 'text/html')));
    expect(read).toMatchObject({
      format: 'html',
      title: 'Ministerial Statement on Harbour Security',
    });
    const segmented = await segmentSource(
      read,
      { issuingBody: 'Ministers' },
      () => {},
      new AbortController().signal,
    );
    expect(segmented.text).not.toMatch(/pledgemarkImportRan|Home · News/);
    expect(segmented.passages.map((passage) => passage.kind)).toContain('commitment');
    expect(segmented.passages.some((passage) => passage.text.includes('inspect every ferry'))).toBe(
      true,
    );
  });

  it('is refused, with what to do, when empty, too large or binary', async () => {
    expect(message(await fileSource(file('', 'empty.txt')))).toBe(
      '“empty.txt” is empty. Choose the file that holds the document.',
    );
    const large = { name: 'huge.txt', size: MAX_FILE_BYTES + 1 } as File;
    expect(message(await fileSource(large))).toMatch(
      /^“huge\.txt” is 10\.0 MB; Pledgemark reads files of up to 10 MB\./,
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(message(await fileSource(file(png, 'photo.txt')))).toMatch(
      /^“photo\.txt” is not a text file\. Pledgemark reads plain text and HTML files/,
    );
    expect(message(await fileSource(file('   \n\n  ', 'blank.txt')))).toBe(
      '“blank.txt” has no text in it.',
    );
    expect(
      message(await fileSource(file('<html><body><script>x()</script></body></html>', 'a.html'))),
    ).toBe('“a.html” is a web page with no text in it.');
  });
});

describe('a PDF file', () => {
  it('is known by its type, its name, or its header when misnamed', async () => {
    expect(await isPdfFile(file('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'report.txt'))).toBe(true);
    expect(await isPdfFile(file('junk\n%PDF-1.4\n', 'scan.bin'))).toBe(true);
    expect(await isPdfFile(file('anything', 'Report.PDF'))).toBe(true);
    expect(await isPdfFile(file('Plain words about PDF-1 files.', 'notes.txt'))).toBe(false);
  });
});

describe('the page the reader was on', () => {
  const article = `<p>${'The ministers agreed to inspect every ferry terminal for bioterrorism risks. '.repeat(8)}</p>`;

  it('gives its article’s text, title and published day, not its menus', () => {
    const html = `<html><head><title>Harbour news | Site</title>
      <meta property="article:published_time" content="2026-12-03T09:30:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Harbour security</h1>${article}${article}</article>
      <footer>© Site</footer></body></html>`;
    const read = source(pageSource({ html, url: 'https://news.example/a', title: 'Harbour news' }));
    expect(read.format).toBe('html');
    expect(read.date).toBe('2026-12-03');
    expect(read.title).toMatch(/Harbour/);
    const text = read.format === 'html' ? (read.document.body.textContent ?? '') : '';
    expect(text).toContain('inspect every ferry terminal');
    expect(text).not.toContain('© Site');
  });

  it('leaves out Pledgemark’s own elements and keeps its highlights’ text', () => {
    const html = `<html><body><article><h1>Harbour security</h1>
      <p>The ministers agreed to act on <pledgemark data-pledgemark-term="bioterrorism" style="background: yellow">bioterrorism</pledgemark> at every ferry terminal.</p>
      ${article}</article>
      <div data-pledgemark-ui="card">Saved to clips · Copy citation</div></body></html>`;
    const read = source(pageSource({ html, url: 'https://news.example/c', title: 'Harbour' }));
    const body = read.format === 'html' ? read.document.body : null;
    expect(body?.textContent).toContain('act on bioterrorism at every ferry terminal');
    expect(body?.textContent).not.toContain('Saved to clips');
    expect(body?.querySelector('pledgemark, [data-pledgemark-ui]')).toBeNull();
  });

  it('is refused when it has no article, saying what to do instead', () => {
    const html = '<html><body><nav><a href="/">Home</a></nav><p>Sign in to read.</p></body></html>';
    expect(message(pageSource({ html, url: 'https://news.example/b', title: 'Paywall' }))).toBe(
      'Pledgemark found no article on this page. Select the text you want, copy it and paste it in “Text” instead.',
    );
  });
});

describe('segmenting in slices', () => {
  it('gives the same passages as segmenting at once, and stops when asked', async () => {
    const text = Array.from(
      { length: 400 },
      (_, i) => `${i + 1}. Decides to act on matter ${i + 1};`,
    ).join('\n\n');
    const progress: number[] = [];
    const sliced = await segmentSource(
      { format: 'text', text, title: null, date: '' },
      { issuingBody: 'Council' },
      (step) => progress.push(step.done),
      new AbortController().signal,
    );
    expect(sliced).toEqual(segmentText(text, { issuingBody: 'Council' }));
    const stop = new AbortController();
    stop.abort();
    await expect(
      segmentSource(
        { format: 'text', text, title: null, date: '' },
        { issuingBody: 'Council' },
        () => {},
        stop.signal,
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('segmenting in a worker', () => {
  /** Stands in for the worker: answers a job with progress, then the passages (or a failure). */
  class FakeWorker {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminate = vi.fn();
    constructor(private readonly fail = false) {}
    postMessage(job: { text: string; issuingBody: string }) {
      setTimeout(() => {
        const answer = (data: unknown) => this.onmessage?.({ data } as MessageEvent);
        answer({ kind: 'progress', progress: { done: 1, total: 2 } });
        answer(
          this.fail
            ? { kind: 'failed', message: 'out of memory' }
            : { kind: 'done', document: segmentText(job.text, { issuingBody: job.issuingBody }) },
        );
      }, 5);
    }
  }
  const text = RESOLUTION;
  const job = { format: 'text', text, title: null, date: '' } as const;

  it('hands over the worker’s progress and passages, then ends it', async () => {
    const worker = new FakeWorker();
    const progress = vi.fn();
    const segmented = await segmentSource(
      job,
      { issuingBody: 'Council' },
      progress,
      new AbortController().signal,
      workerSegmenter(() => worker as unknown as Worker),
    );
    expect(segmented).toEqual(segmentText(text, { issuingBody: 'Council' }));
    expect(progress).toHaveBeenCalledWith({ done: 1, total: 2 });
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('ends the worker when the reader moves on, and says when it failed', async () => {
    const stop = new AbortController();
    const worker = new FakeWorker();
    const running = segmentSource(
      job,
      { issuingBody: 'Council' },
      () => {},
      stop.signal,
      workerSegmenter(() => worker as unknown as Worker),
    );
    stop.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminate).toHaveBeenCalled();
    await expect(
      segmentSource(
        job,
        { issuingBody: 'Council' },
        () => {},
        new AbortController().signal,
        workerSegmenter(() => new FakeWorker(true) as unknown as Worker),
      ),
    ).rejects.toThrow('out of memory');
  });
});
