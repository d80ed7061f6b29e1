/**
 * Adding the reader's own documents, in real browsers with the built extension: a text pasted
 * into the import view and an HTML file chosen in it (its scripts never run) join the corpus;
 * the pasted document's commitment is in the term view's matrix, marked "added by you", and on
 * a web page's card, whose "Copy citation" cites it by the title, issuing body and date the
 * reader gave; after the browser is started again on the same profile it is still found; once
 * deleted it is gone from search and from the term view. A file that is not text is refused
 * with a message that says what to do.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabs,
  dumpLogsOnFailure,
  launchExtension,
  PROJECT_ROOT,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitForStatus } from './status-line';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'import');
const PASTED = readFileSync(join(FIXTURES, 'border-resolution.txt'), 'utf8');
const PASTED_TITLE = 'Border Data and Bioterrorism';
const PASTED_ISSUER = 'Example Council';
const PASTED_COMMITMENT =
  'Decides that Member States shall criminalize the preparation of bioterrorism and share ' +
  'warnings about it with quarantined seaplane operators;';
const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Runs in the page: pastes text into a field, as the reader's paste does. */
function paste({ selector, text }: { selector: string; text: string }): void {
  const field = document.querySelector<HTMLTextAreaElement>(selector)!;
  field.focus();
  field.value = text;
  field.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }),
  );
}

/** Runs in the page: focuses the button whose text (or label) is `name`. */
function focusButton(name: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === name,
  );
  button?.focus();
  return button !== undefined && document.activeElement === button;
}

async function pressButton(page: PageDriver, name: string): Promise<void> {
  await page.waitForFunction(focusButton, name, WAIT_MS);
  await page.press('Enter');
}

/** Runs in the page: the commitments matrix's rows, by document, with their marks. */
function matrixDocuments(): { title: string; added: boolean; issuer: string }[] {
  return [...document.querySelectorAll('table.commitments-matrix tbody > tr')].map((row) => ({
    title: (row.querySelector('th cite')?.textContent ?? '').trim(),
    added: row.querySelector('th .added-mark') !== null,
    issuer: (row.querySelector('.matrix-issuer')?.textContent ?? '').trim(),
  }));
}

/** Runs in the page: the search results, as "title · locator · mark". */
function resultLines(): string[] {
  return [...document.querySelectorAll('article.passage .passage-meta')].map((meta) =>
    (meta.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.stop();
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`adding documents in ${name}`, () => {
    const profileDir = mkdtempSync(join(tmpdir(), `pledgemark-e2e-import-${name}-`));
    let session: ExtensionSession | undefined;
    let view: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name, { profileDir });
      view = await session.openExtensionPage('popup.html#import', '#import-text');
    });
    afterAll(async () => {
      await session?.close();
      rmSync(profileDir, { recursive: true, force: true });
    });

    it('adds a pasted text, with the details the reader gives', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.evaluate(paste, { selector: '#import-text', text: PASTED });
      await view.waitForSelector('.import-passages', WAIT_MS);
      expect(
        clean(
          await view.evaluate(
            () => document.querySelector('.import-passages h3')?.textContent ?? '',
            null,
          ),
        ),
      ).toMatch(/^\d+ passages: 3 commitments, \d+ positions?, \d+ context$/);
      // The first line was suggested as the title; the reader writes their own.
      await view.evaluate(() => {
        const title = document.querySelector<HTMLInputElement>('#import-title-field')!;
        title.value = '';
        title.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, null);
      await view.type('#import-title-field', PASTED_TITLE);
      await view.type('#import-issuer', PASTED_ISSUER);
      await view.type('#import-date', '2026-11-30');
      await pressButton(view, 'Add to corpus');
      expect(await waitForStatus(view, '.import', /^Added/)).toMatch(
        new RegExp(`^Added “${PASTED_TITLE}” with \\d+ passages`),
      );
      await view.waitForFunction(
        (title: string) =>
          [...document.querySelectorAll('.import-added-list button')].some(
            (button) => button.textContent?.trim() === title,
          ),
        PASTED_TITLE,
        WAIT_MS,
      );
    });

    it('finds its commitment in the term view, marked as added by the reader', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.evaluate(() => (location.hash = '#term?id=bioterrorism'), null);
      await view.waitForSelector('table.commitments-matrix tbody > tr', WAIT_MS);
      expect(await view.evaluate(matrixDocuments, null)).toContainEqual({
        title: PASTED_TITLE,
        added: true,
        issuer: PASTED_ISSUER,
      });
    });

    it('cites it from a web page’s card by the reader’s title, issuing body and date', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('added-terms.html'));
      await page.waitForSelector('[data-pledgemark-term="bioterrorism"]', WAIT_MS);
      const extensionPage = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
      await extensionPage.evaluate(askTabs, {
        name: 'focusHighlight',
        request: { direction: 'next', termId: 'bioterrorism' },
      });
      await extensionPage.close();
      await page.bringToFront();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
        null,
        WAIT_MS,
      );
      await page.press('Tab'); // the card's Close button
      await page.press('Tab'); // the first passage's "Copy citation"
      await page.press('Enter');
      await page.waitForFunction(
        () => navigator.clipboard.readText().then((text) => text.length > 0),
        null,
        WAIT_MS,
      );
      const citation = await page.evaluate(() => navigator.clipboard.readText(), null);
      expect(citation).toContain(`“${PASTED_COMMITMENT}”`);
      expect(citation).toContain(`${PASTED_TITLE}; ${PASTED_ISSUER}; 2026-11-30`);
      await page.close();
    });

    it('refuses a file that is not text, saying what to do, and adds an HTML file without running it', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.evaluate(() => (location.hash = '#import'), null);
      await view.waitForSelector('#import-file', WAIT_MS);
      await view.chooseFile('#import-file', join(PROJECT_ROOT, 'public', 'icon', '16.png'));
      expect(await waitForStatus(view, '.import', /not a text file/)).toMatch(
        /“16\.png” is not a text file\. Pledgemark reads plain text and HTML files/,
      );

      await view.chooseFile('#import-file', join(FIXTURES, 'ministry-statement.html'));
      await view.waitForSelector('.import-passages', WAIT_MS);
      expect(
        await view.evaluate(
          () => document.querySelector<HTMLInputElement>('#import-title-field')!.value,
          null,
        ),
      ).toBe('Ministerial Statement on Harbour Security');
      await view.type('#import-issuer', 'Ministers of the Interior');
      await pressButton(view, 'Add to corpus');
      await waitForStatus(view, '.import', /^Added “Ministerial Statement on Harbour Security”/);
      expect(
        await view.evaluate(
          () =>
            (window as unknown as { __pledgemarkImportRan?: string }).__pledgemarkImportRan ?? null,
          null,
        ),
      ).toBeNull();
    });

    it('still has both documents after the browser starts again on the same profile', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await session!.close();
      session = await launchExtension(name, { profileDir });
      const popup = await session.openExtensionPage('popup.html', SEARCH_INPUT);
      await popup.type(SEARCH_INPUT, 'quarantined seaplane');
      await popup.waitForSelector('article.passage', WAIT_MS);
      expect(await popup.evaluate(resultLines, null)).toContainEqual(
        expect.stringMatching(
          new RegExp(`${PASTED_TITLE} added by you · Operative para\\. 1 · 2026-11-30`),
        ),
      );
      view = await session.openExtensionPage('popup.html#import', '#import-text');
      await view.waitForFunction(
        () => document.querySelectorAll('.import-added-list li').length === 2,
        null,
        WAIT_MS,
      );
    });

    it('deletes a document: gone from search and from the term view', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await pressButton(view, `Delete “${PASTED_TITLE}”`);
      await pressButton(view, 'Delete for good');
      expect(await waitForStatus(view, '.import', /^Deleted/)).toBe(
        `Deleted “${PASTED_TITLE}” and its passages.`,
      );
      await view.evaluate(() => (location.hash = '#search?q=quarantined%20seaplane'), null);
      // Only the deleted document had these words.
      await view.waitForFunction(
        () =>
          /^No passage matches “quarantined seaplane”/.test(
            document.querySelector('p.search-status[role="status"]')?.textContent?.trim() ?? '',
          ),
        null,
        WAIT_MS,
      );
      expect(
        (await view.evaluate(resultLines, null)).some((line) => line.includes(PASTED_TITLE)),
      ).toBe(false);
      await view.evaluate(() => (location.hash = '#term?id=bioterrorism'), null);
      await view.waitForFunction(
        () => document.querySelector('.term-card') !== null,
        null,
        WAIT_MS,
      );
      expect((await view.evaluate(matrixDocuments, null)).map((row) => row.title)).not.toContain(
        PASTED_TITLE,
      );
    });
  });
}
