import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { segmentText } from '../../utils/segmenter';
import { pdfText, withPageLocators } from '../../utils/pdf/pdf-layout';
import { PdfReadError, readPdf, type PdfReadOptions } from '../../utils/pdf/read-pdf';
import { makePdf, type PdfSpec } from '../fixtures/pdf/make-pdf';

const PDFJS = fileURLToPath(new URL('../../node_modules/pdfjs-dist/', import.meta.url));

beforeAll(() => {
  // In Node pdf.js runs its worker's code on this thread, loaded from here.
  pdfjs.GlobalWorkerOptions.workerSrc = `${PDFJS}legacy/build/pdf.worker.mjs`;
});

const options = (overrides: Partial<PdfReadOptions> = {}): PdfReadOptions => ({
  pdfjs,
  cMapUrl: `${PDFJS}cmaps/`,
  standardFontDataUrl: `${PDFJS}standard_fonts/`,
  askPassword: () => Promise.resolve(null),
  ...overrides,
});

const read = async (spec: PdfSpec, overrides: Partial<PdfReadOptions> = {}) =>
  pdfText((await readPdf(makePdf(spec), options(overrides))).pages);

const paragraphsOf = (text: string) => text.split('\n\n');

const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 7 === 6 ? ',' : ''}`.replace(/$/, ` w${i}`))
    .join(' ')
    .replace(/\s+/g, ' ');

const PREAMBLE =
  'The Security Council, recalling its resolutions on threats to international peace and ' +
  'security caused by terrorist acts, and reaffirming that terrorism in all its forms ' +
  'constitutes one of the most serious threats to peace and security.';
const OPERATIVE = [
  '1. Decides that Member States shall collect Advance Passenger Information and Passenger ' +
    'Name Record data, in line with international human rights law.',
  '2. Calls upon Member States to share information on foreign terrorist fighters with the ' +
    'States concerned, through bilateral and multilateral mechanisms.',
  '3. Urges all States to prevent the movement of terrorists by effective border controls.',
];

describe('reading a PDF’s text', () => {
  it('gives its paragraphs in order, a page’s start kept, running footers and page numbers left out', async () => {
    const spec: PdfSpec = {
      title: 'Resolution 2396 (2017)',
      pages: [
        {
          heading: 'Resolution 2396 (2017)',
          paragraphs: [PREAMBLE, OPERATIVE[0]!],
          footer: 'S/RES/2396 (2017)',
        },
        { paragraphs: [OPERATIVE[1]!, OPERATIVE[2]!], footer: 'S/RES/2396 (2017)' },
        { paragraphs: ['4. Decides to remain seized of the matter.'], footer: 'S/RES/2396 (2017)' },
      ],
    };
    const reading = await readPdf(makePdf(spec), options());
    expect(reading.title).toBe('Resolution 2396 (2017)');
    const { text, pageStarts, pagesWithoutText } = pdfText(reading.pages);
    expect(paragraphsOf(text)).toEqual([
      'Resolution 2396 (2017)',
      PREAMBLE,
      ...OPERATIVE,
      '4. Decides to remain seized of the matter.',
    ]);
    expect(pagesWithoutText).toEqual([]);
    expect(pageStarts.map((start) => start.pageNumber)).toEqual([1, 2, 3]);
    expect(text.slice(pageStarts[1]!.offset)).toMatch(/^2\. Calls upon/);
    expect(text.slice(pageStarts[2]!.offset)).toMatch(/^4\. Decides to remain/);
  });

  it('cites each passage with the page it is on: "p. 2, para. 2"', async () => {
    const { text, pageStarts } = await read({
      pages: [
        { heading: 'Resolution 2396 (2017)', paragraphs: [PREAMBLE, OPERATIVE[0]!] },
        { paragraphs: [OPERATIVE[1]!, OPERATIVE[2]!] },
      ],
    });
    const plain = segmentText(text, { issuingBody: 'Security Council' });
    const cited = withPageLocators(plain, pageStarts);
    const pageOf = (words: string) => (words === PREAMBLE || words === OPERATIVE[0] ? 1 : 2);
    for (const words of [PREAMBLE, ...OPERATIVE]) {
      const i = plain.passages.findIndex((passage) => passage.text.includes(words.slice(3, 60)));
      const locator = plain.passages[i]!.locator.replace(/^Para\./, 'para.');
      expect(cited.passages[i]!.locator).toBe(`p. ${pageOf(words)}, ${locator}`);
    }
    expect(
      cited.passages.find((passage) => passage.text.startsWith('Calls upon'))?.locator,
    ).toMatch(/^p\. 2, para\. 2\b/);
    // Every locator still names one passage only.
    const locators = cited.passages.map((passage) => passage.locator);
    expect(new Set(locators).size).toBe(locators.length);
  });

  it('reads two columns column by column, though the file writes their lines side by side', async () => {
    // More than the left column holds, so that the rest flows into the right one.
    const paragraphs = Array.from({ length: 10 }, (_, i) => `${words(30, `para${i}`)}.`);
    const { text } = await read({ pages: [{ heading: 'Two columns', columns: 2, paragraphs }] });
    expect(paragraphsOf(text)).toEqual(['Two columns', ...paragraphs]);
  });

  it('keeps a paragraph whole across a column and a page break, mid-sentence', async () => {
    const long = `${words(40, 'opening')} and then it goes on without a full stop until the next page where it ends.`;
    const pages: PdfSpec['pages'] = [
      { paragraphs: [words(200, 'filler') + '.', long.slice(0, 260)] },
      { paragraphs: [long.slice(260).trimStart()] },
    ];
    // The generator starts a new paragraph on every page: cut where a line would break.
    const { text } = await read({ pages });
    expect(paragraphsOf(text).at(-1)).toBe(
      `${long.slice(0, 260).trimEnd()} ${long.slice(260).trimStart()}`.replace(/\s+/g, ' '),
    );
  });

  it('reads Chinese text with the packaged character maps, and none without them', async () => {
    const chinese = ['联合国安全理事会第2354号决议', '打击恐怖主义的综合国际框架'];
    const spec: PdfSpec = { pages: [{ script: 'cjk', paragraphs: chinese }] };
    expect(paragraphsOf((await read(spec)).text)).toEqual(chinese);
    expect((await read(spec, { cMapUrl: `${PDFJS}no-such-folder/` })).text).toBe('');
  });

  it('asks for the password of a protected PDF, again when it is wrong, and reads it', async () => {
    const spec: PdfSpec = {
      userPassword: 'pledge',
      pages: [{ paragraphs: [OPERATIVE[0]!] }, { script: 'cjk', paragraphs: ['打击恐怖主义'] }],
    };
    const answers = ['wrong', 'pledge'];
    const askPassword = vi.fn((_incorrect: boolean) => Promise.resolve(answers.shift() ?? null));
    const { text } = await read(spec, { askPassword });
    expect(askPassword.mock.calls).toEqual([[false], [true]]);
    expect(paragraphsOf(text)).toEqual([OPERATIVE[0], '打击恐怖主义']);
  });

  it('adds nothing from a protected PDF whose password the reader does not give', async () => {
    const data = makePdf({ userPassword: 'pledge', pages: [{ paragraphs: [OPERATIVE[0]!] }] });
    const reading = readPdf(data, options({ askPassword: () => Promise.resolve(null) }));
    await expect(reading).rejects.toThrow(PdfReadError);
    await expect(reading).rejects.toThrow(/password, and none was given/);
  });

  it('says which pages have no text: a scan adds nothing', async () => {
    const scan = await read({
      pages: [
        { paragraphs: [], imageOnly: true },
        { paragraphs: [], imageOnly: true },
      ],
    });
    expect(scan).toEqual({ text: '', pageStarts: [], pagesWithoutText: [1, 2] });
    const mixed = await read({
      pages: [{ paragraphs: [OPERATIVE[0]!] }, { paragraphs: [], imageOnly: true }],
    });
    expect(mixed.pagesWithoutText).toEqual([2]);
    expect(mixed.text).toBe(OPERATIVE[0]);
  });

  it('reports each page read, and stops when cancelled', async () => {
    const data = makePdf({ pages: Array.from({ length: 5 }, () => ({ paragraphs: [PREAMBLE] })) });
    const controller = new AbortController();
    const onPage = vi.fn((done: number) => {
      if (done === 2) controller.abort();
    });
    const reading = readPdf(data, options({ onPage, signal: controller.signal }));
    await expect(reading).rejects.toThrow(/cancelled/);
    expect(onPage.mock.calls).toEqual([
      [1, 5],
      [2, 5],
    ]);
  });

  it('reads a second PDF chosen while the first was being read', async () => {
    const first = makePdf({ pages: Array.from({ length: 5 }, () => ({ paragraphs: [PREAMBLE] })) });
    const controller = new AbortController();
    const reading = readPdf(
      first,
      options({ signal: controller.signal, onPage: () => controller.abort() }),
    );
    const second = readPdf(makePdf({ pages: [{ paragraphs: [OPERATIVE[2]!] }] }), options());
    await expect(reading).rejects.toThrow(/cancelled/);
    expect(pdfText((await second).pages).text).toBe(OPERATIVE[2]);
  });

  it('says a damaged file is damaged', async () => {
    const data = makePdf({ pages: [{ paragraphs: [PREAMBLE] }] });
    await expect(readPdf(data.slice(0, 200), options())).rejects.toThrow(/damaged, or not a PDF/);
  });
});
