/**
 * Adding a PDF in real browsers with the built extension: pdf.js runs in the import view with the
 * worker, character maps and fonts packaged in the extension. A PDF chosen under "File" is read
 * page by page; its passages are listed and, once added, found by search with their page and
 * paragraph ("p. 2, para. 2"). A protected PDF asks for its password in the view's own dialog;
 * a scanned one says it has no text and adds nothing.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../utils/messaging';
import type { AddedDocumentView, DocumentDetail, SearchResponse } from '../../utils/views';
import { makePdf } from '../fixtures/pdf/make-pdf';
import {
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';
import { askBackground, clickButton, fill } from './extension-calls';
import { waitForStatus } from './status-line';

const TITLE = 'Resolution on Harbour Data (2026)';
const PREAMBLE =
  'The Council, recalling its resolutions on threats to international peace and security ' +
  'caused by terrorist acts, and noting the work of port authorities.';
const OPERATIVE = [
  '1. Decides that Member States shall collect Passenger Name Record data at every ferry terminal.',
  '2. Calls upon Member States to share manifests of seaplanes with neighbouring States.',
  '3. Urges all States to prevent the movement of terrorists by effective border controls.',
];
const CHINESE = '打击恐怖主义的综合国际框架。各国应当加强边境管制，防止恐怖分子流动。';
const PAGE_2_PARA_2 = /^p\. 2, (.+, )?para\. 2$/;

let folder: string;
const files: Record<'text' | 'protected' | 'scan' | 'long', string> = {
  text: '',
  protected: '',
  scan: '',
  long: '',
};
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pledgemark-pdf-'));
  const pages = [
    { heading: TITLE, paragraphs: [PREAMBLE, OPERATIVE[0]!], footer: 'HD/2026/1' },
    { paragraphs: [OPERATIVE[1]!, OPERATIVE[2]!], footer: 'HD/2026/1' },
    { script: 'cjk' as const, paragraphs: [CHINESE], footer: 'HD/2026/1' },
  ];
  const write = async (name: keyof typeof files, bytes: Uint8Array) => {
    files[name] = join(folder, `${name}.pdf`);
    await writeFile(files[name], bytes);
  };
  await write('text', makePdf({ title: TITLE, pages }));
  await write(
    'protected',
    makePdf({
      title: 'Sealed minutes',
      userPassword: 'pledge',
      pages: [
        { paragraphs: ['The ministers met behind closed doors to review the seaplane manifests.'] },
      ],
    }),
  );
  await write('scan', makePdf({ pages: [{ paragraphs: [], imageOnly: true }] }));
  const report = Array.from({ length: 300 }, (_, page) => ({
    paragraphs: Array.from(
      { length: 6 },
      (_, i) => `${page * 6 + i + 1}. ${PREAMBLE} ${OPERATIVE[i % 3]!.slice(3)}`,
    ),
  }));
  await write('long', makePdf({ title: 'A long report', pages: report }));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function ask<T>(view: PageDriver, name: string, request: object): Promise<T> {
  const answer = (await view.evaluate(askBackground, { name, request })) as Result<T>;
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value;
}

/** Runs in the import view: each listed passage's locator. */
function listedLocators(): string[] {
  return [...document.querySelectorAll('.import-passage-list .locator')].map((locator) =>
    (locator.textContent ?? '').trim(),
  );
}

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`adding a PDF in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let view: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name);
      view = await session.openExtensionPage('popup.html#import', '#import-file');
    });
    afterAll(async () => {
      await session?.close();
    });

    it('reads a PDF in reading order and finds its passage by page and paragraph', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.chooseFile('#import-file', files.text);
      await view.waitForSelector('.import-passages', WAIT_MS);
      const locators = await view.evaluate(listedLocators, null);
      // The page, then the paragraph as the segmenter numbers it (under its section, if any).
      expect(locators).toContainEqual(expect.stringMatching(PAGE_2_PARA_2));
      expect(
        await view.evaluate(
          () => ({
            title: document.querySelector<HTMLInputElement>('#import-title-field')!.value,
            note: document.querySelector('#import-source-note')?.textContent ?? '',
            text: document.querySelector<HTMLTextAreaElement>('#import-text')!.value,
          }),
          null,
        ),
      ).toEqual({
        title: TITLE,
        note: 'From the PDF “text.pdf” (3 pages): its passages are listed below, each cited with its page.',
        text: '',
      });

      await view.evaluate(fill, { selector: '#import-issuer', value: 'Harbour Council' });
      await view.waitForFunction(clickButton, 'Add to corpus', WAIT_MS);
      await waitForStatus(view, '.import', /^Added “Resolution on Harbour Data \(2026\)”/);
      const found = await ask<SearchResponse>(view, 'search', { query: 'seaplanes manifests' });
      expect(found.passages[0]?.passage).toMatchObject({
        locator: expect.stringMatching(PAGE_2_PARA_2),
        text: expect.stringContaining('Calls upon Member States to share manifests of seaplanes'),
        document: { title: TITLE },
      });
      const [added] = await ask<AddedDocumentView[]>(view, 'listAddedDocuments', {});
      const detail = await ask<DocumentDetail>(view, 'getDocument', { documentId: added!.id });
      // In reading order, footers left out.
      const texts = detail.passages.map((passage) => passage.text).join(' ');
      expect(texts).toMatch(
        /^Resolution on Harbour Data \(2026\) The Council, recalling .* port authorities\. Decides .* ferry terminal\. Calls upon .* seaplanes .* border controls\. 打击恐怖主义/,
      );
      expect(texts).not.toContain('HD/2026/1');
      // The Chinese text came out whole (the packaged character maps), on its page.
      expect(detail.passages.find((passage) => passage.text === CHINESE)?.locator).toMatch(
        /^p\. 3, /,
      );
    });

    it('asks for a protected PDF’s password in its own dialog, again when it is wrong', async (context) => {
      dumpLogsOnFailure(context, name, session);
      // Another file chosen while the dialog asks: the dialog goes, the other file is read.
      await view.chooseFile('#import-file', files.protected);
      await view.waitForSelector('#import-password', WAIT_MS);
      await view.chooseFile('#import-file', files.text);
      await view.waitForSelector('.import-passages', WAIT_MS);
      expect(
        await view.evaluate(
          () => document.querySelector('#import-password, progress[aria-label="Reading the PDF"]'),
          null,
        ),
      ).toBeNull();

      await view.chooseFile('#import-file', files.protected);
      await view.waitForSelector('#import-password', WAIT_MS);
      await view.evaluate(fill, { selector: '#import-password', value: 'wrong' });
      await view.waitForFunction(clickButton, 'Open PDF', WAIT_MS);
      await view.waitForFunction(
        () =>
          /does not open/.test(document.querySelector('#import-password-title')?.textContent ?? ''),
        null,
        WAIT_MS,
      );
      await view.evaluate(fill, { selector: '#import-password', value: 'pledge' });
      await view.waitForFunction(clickButton, 'Open PDF', WAIT_MS);
      await view.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>('#import-title-field')?.value ===
            'Sealed minutes' && document.querySelector('.import-passages') !== null,
        null,
        WAIT_MS,
      );
      expect(await view.evaluate(listedLocators, null)).toEqual([
        expect.stringMatching(/^p\. 1, (.+, )?para\. 1$/),
      ]);

      // Typing in the empty text box replaces the PDF: its note goes.
      await view.type('#import-text', 'Minutes typed by hand.');
      await view.waitForFunction(
        () => document.querySelector('#import-source-note') === null,
        null,
        WAIT_MS,
      );
    });

    it('shows a 300-page PDF’s progress page by page, and stops it on Cancel', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.chooseFile('#import-file', files.long);
      // Cancelled as soon as some pages are read and not all: the progress says how far it is.
      await view.waitForFunction(
        () => {
          const bar = document.querySelector<HTMLProgressElement>(
            'progress[aria-label="Reading the PDF"]',
          );
          if (!bar || bar.value < 1 || bar.max !== 300 || bar.value >= 300) return false;
          const said = bar.parentElement?.textContent ?? '';
          if (!new RegExp(`Read page ${bar.value} of 300`).test(said)) return false;
          const cancel = [...bar.parentElement!.querySelectorAll('button')].find(
            (button) => button.textContent === 'Cancel',
          );
          cancel?.click();
          return cancel !== undefined;
        },
        null,
        WAIT_MS,
      );
      expect(await waitForStatus(view, '.import', /cancelled/)).toBe(
        'Reading the PDF was cancelled. Nothing was added.',
      );
      expect(
        await view.evaluate(() => document.querySelector('.import-passages'), null),
      ).toBeNull();
    });

    it('says a scanned PDF has no text, and adds nothing', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const before = await ask<AddedDocumentView[]>(view, 'listAddedDocuments', {});
      await view.chooseFile('#import-file', files.scan);
      expect(await waitForStatus(view, '.import', /no text layer/)).toMatch(
        /^“scan\.pdf” has no text layer: its pages are images \(a scan\?\)\./,
      );
      expect(
        await view.evaluate(() => document.querySelector('.import-passages'), null),
      ).toBeNull();
      expect(await ask<AddedDocumentView[]>(view, 'listAddedDocuments', {})).toEqual(before);
    });
  });
}
