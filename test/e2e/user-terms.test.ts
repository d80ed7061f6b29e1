/**
 * Terms of the reader's own, in real browsers with the built extension: a term added in the
 * popup's "Add term" view is highlighted at once on a tab that was already open and on a page
 * opened after; its term view shows the corpus passages that name it, marked "added by you";
 * changing its aliases changes what open tabs highlight; once deleted it is highlighted nowhere,
 * while the glossary's terms stay highlighted throughout.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { clickButton, fill } from './extension-calls';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitForStatus } from './status-line';

const USER_HIGHLIGHT = '[data-pledgemark-term^="user-"]';

/** Runs in the page: the texts of the highlights of the reader's terms, in page order. */
function userHighlights(): string[] {
  return [...document.querySelectorAll('[data-pledgemark-term^="user-"]')].map((mark) =>
    (mark.textContent ?? '').trim(),
  );
}

async function press(view: PageDriver, name: string): Promise<void> {
  await view.waitForFunction(clickButton, name, WAIT_MS);
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.stop();
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`terms of the reader’s own in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let openTab: PageDriver;
    let view: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name);
      openTab = await session.openPage(server.url('user-terms.html'));
      await openTab.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
      view = await session.openExtensionPage('popup.html#terms', '#term-label');
    });
    afterAll(async () => {
      await session?.close();
    });

    it('adds a term: highlighted at once on a tab already open, and on a new page', async (context) => {
      dumpLogsOnFailure(context, name, session);
      expect(await openTab.evaluate(userHighlights, null)).toEqual([]);
      await view.evaluate(fill, { selector: '#term-label', value: 'Xinjiang' });
      await press(view, 'Save term');
      expect(await waitForStatus(view, '.terms', /^Added/)).toMatch(
        /^Added “Xinjiang”: found in \d+ passages of the corpus/,
      );
      await openTab.waitForSelector(USER_HIGHLIGHT, WAIT_MS);
      expect(await openTab.evaluate(userHighlights, null)).toEqual(['Xinjiang']);
      // The glossary's terms are highlighted as before.
      await openTab.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);

      const newPage = await session!.openPage(server.url('user-terms.html'));
      await newPage.waitForSelector(USER_HIGHLIGHT, WAIT_MS);
      expect(await newPage.evaluate(userHighlights, null)).toEqual(['Xinjiang']);
      await newPage.close();
    });

    it('opens its term view: the corpus passages that name it, marked as added by the reader', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.evaluate(
        () => document.querySelector<HTMLAnchorElement>('.user-term a')?.click(),
        null,
      );
      await view.waitForSelector('.term-card .added-mark', WAIT_MS);
      const shown = await view.evaluate(
        () => ({
          title: (document.querySelector('.term-title')?.textContent ?? '').trim(),
          passages: document.querySelectorAll('.term-card blockquote, .term-card q').length,
        }),
        null,
      );
      expect(shown.title).toBe('Xinjiang added by you');
      expect(shown.passages).toBeGreaterThan(0);
    });

    it('changes its aliases: open tabs highlight the new spelling', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.evaluate(() => (location.hash = '#terms'), null);
      await press(view, 'Edit Xinjiang');
      await view.evaluate(fill, { selector: '#term-aliases', value: 'XUAR' });
      await press(view, 'Save term');
      await waitForStatus(view, '.terms', /^Saved “Xinjiang”/);
      await openTab.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-pledgemark-term^="user-"]')].some(
            (mark) => mark.textContent?.trim() === 'XUAR',
          ),
        null,
        WAIT_MS,
      );
      expect(await openTab.evaluate(userHighlights, null)).toEqual(['Xinjiang', 'XUAR']);
    });

    it('deletes it: highlighted nowhere, the glossary’s terms still are', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await press(view, 'Delete Xinjiang');
      await waitForStatus(view, '.terms', /^Deleted “Xinjiang”/);
      await openTab.waitForFunction(
        () => document.querySelector('[data-pledgemark-term^="user-"]') === null,
        null,
        WAIT_MS,
      );
      await openTab.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
      expect(await view.evaluate(() => document.querySelector('.user-terms') === null, null)).toBe(
        true,
      );
    });
  });
}
