/**
 * The hover card in real browsers: it opens on hover with intent (and not for the page's own
 * synthetic events), opens from the keyboard command with focus inside, is tabbable, copies a
 * citation that reads back from the clipboard, and closes with Escape, returning focus. The card
 * lives in a closed shadow root, so these tests see it only as a reader does: where it is drawn,
 * where focus goes and what lands on the clipboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabs,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.stop();
});

/**
 * Runs in the page: whether the card is drawn next to a term's highlight (just below it or,
 * flipped, just above it) is as expected.
 */
function isCardNear({ termId, near }: { termId: string; near: boolean }): boolean {
  const rect = document
    .querySelector(`[data-pledgemark-term="${termId}"]`)!
    .getBoundingClientRect();
  const drawn = [rect.bottom + 40, rect.top - 40].some(
    (y) =>
      document.elementFromPoint(rect.left + 12, y)?.getAttribute('data-pledgemark-ui') === 'card',
  );
  return drawn === near;
}

/** What the keyboard commands do: the background asks the tab to go to the next highlight. */
async function goToNextHighlight(session: ExtensionSession): Promise<void> {
  const extensionPage = await session.openExtensionPage('popup.html', 'input[type="search"]');
  await extensionPage.evaluate(askTabs, { name: 'focusHighlight', request: { direction: 'next' } });
  await extensionPage.close();
}

async function focusedTerm(page: PageDriver): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.getAttribute('data-pledgemark-term') ?? null,
    null,
  );
}

async function readClipboard(page: PageDriver): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText(), null);
}

for (const name of ['Chromium', 'Firefox'] as BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`hover card in ${name}`, () => {
    let session: ExtensionSession;
    let page: PageDriver;
    beforeAll(async () => {
      session = await launchExtension(name);
      page = await session.openPage(server.url('slice.html'));
      await page.waitForSelector('[data-pledgemark-term="etim"]', WAIT_MS);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('does not open for events the page makes up', async () => {
      await page.evaluate(() => {
        const highlight = document.querySelector('[data-pledgemark-term="fatf"]')!;
        for (const type of ['pointerover', 'pointerdown', 'focusin']) {
          highlight.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: 'touch' }));
          highlight.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: 'mouse' }));
        }
      }, null);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await page.evaluate(isCardNear, { termId: 'fatf', near: false })).toBe(true);
    });

    it('opens on hover with intent, next to the highlight, and closes when the pointer leaves', async () => {
      await page.hover('[data-pledgemark-term="fatf"]');
      await page.waitForFunction(isCardNear, { termId: 'fatf', near: true }, WAIT_MS);
      await page.moveMouse(5, 5);
      await page.waitForFunction(isCardNear, { termId: 'fatf', near: false }, WAIT_MS);
    });

    it('opens from the keyboard with focus inside, tabs to "Copy citation", copies the FATF commitment, and closes with Escape', async () => {
      await goToNextHighlight(session);
      await page.bringToFront();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
        null,
        WAIT_MS,
      );
      // The page may still be scrolling the highlight into view; the card follows it.
      await page.waitForFunction(isCardNear, { termId: 'fatf', near: true }, WAIT_MS);
      await page.press('Tab'); // the card's Close button
      await page.press('Tab'); // the first passage's "Copy citation"
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-pledgemark-ui'), null),
      ).toBe('card');
      await page.press('Enter');
      await page.waitForFunction(
        () => navigator.clipboard.readText().then((text) => text.length > 0),
        null,
        WAIT_MS,
      );
      expect(await readClipboard(page)).toBe(
        '“The CTWG will seek to engage other APEC sub-fora as well as relevant non-APEC entities to ensure that secure ' +
          'finance efforts are fully and effectively coordinated, implemented and comply with the Financial Action Task Force ' +
          'Recommendations.” — Counter-Terrorism Working Group Proposed Workplan for 2017; APEC Counter-Terrorism Working ' +
          'Group (CTWG) Chair, to the SOM Steering Committee on Economic and Technical Cooperation; 28 February 2017, ' +
          'Nha Trang, Viet Nam; 2017/SOM1/SCE-COW/002; Forum Doc. No. 2017/SOM1/CTWG/004; Secure Finance › bullet 2.',
      );
      await page.press('Escape');
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-pledgemark-term') === 'fatf',
        null,
        WAIT_MS,
      );
      await page.waitForFunction(isCardNear, { termId: 'fatf', near: false }, WAIT_MS);
    });

    it('shows the ETIM positions: the first citation on its card is a seminar speaker on ETIM', async () => {
      let etimCitation: string | null = null;
      for (let step = 0; step < 8 && etimCitation === null; step++) {
        await page.evaluate(() => navigator.clipboard.writeText(''), null);
        await goToNextHighlight(session);
        await page.bringToFront();
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
          null,
          WAIT_MS,
        );
        await page.press('Tab');
        await page.press('Tab');
        await page.press('Enter');
        await page.waitForFunction(
          () => navigator.clipboard.readText().then((text) => text.length > 0),
          null,
          WAIT_MS,
        );
        const citation = await readClipboard(page);
        await page.press('Escape');
        await page.waitForFunction(
          () => document.activeElement?.localName === 'pledgemark',
          null,
          WAIT_MS,
        );
        if ((await focusedTerm(page)) === 'etim') etimCitation = citation;
      }
      expect(etimCitation).toContain('ETIM');
      expect(etimCitation).toContain(
        'International Virtual Seminar 2020 on Joint Response to Terrorism under the New Circumstances',
      );
      expect(etimCitation).toMatch(/Speech \d+ \([^)]+\), para\. \d+\.$/);
    });
  });
}
