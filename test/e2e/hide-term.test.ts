/**
 * Hiding a term on a site, and taking it back, in real browsers: "Hide this term on this site" in
 * the card takes the term's highlights off the page and shows a notice with Undo (focus on it,
 * since the reader used the keyboard); Undo brings the highlights back. A term hidden again is
 * listed in the popup's settings (for every site: the popup opened as a tab has no web page of
 * its own), and "Show again" there highlights it on the page again. "Not this meaning" takes the
 * highlight's alias off the site, on the open page and after a reload, and Undo in the popup's
 * settings brings it back.
 *
 * The card and the notice live in a closed shadow root, so these tests see them only as a reader
 * does: where they are drawn and where focus goes. Needs the builds in `.output/` (made by
 * `npm test`, never here) and the browsers installed.
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
import { startFixtureServer, type FixtureServer } from './fixture-server';

const FATF = '[data-pledgemark-term="fatf"]';
const ETIM = '[data-pledgemark-term="etim"]';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Runs in the page: whether the card is drawn next to a term's highlight. */
function isCardNear({ termId, near }: { termId: string; near: boolean }): boolean {
  const highlight = document.querySelector(`[data-pledgemark-term="${termId}"]`);
  if (!highlight) return false;
  const rect = highlight.getBoundingClientRect();
  const drawn = [rect.bottom + 40, rect.top - 40].some(
    (y) =>
      document.elementFromPoint(rect.left + 12, y)?.getAttribute('data-pledgemark-ui') === 'card',
  );
  return drawn === near;
}

/** Runs in the page: whether Pledgemark's notice is drawn at the foot of the viewport. */
function isNoticeDrawn(drawn: boolean): boolean {
  let found = false;
  for (let y = innerHeight - 4; y > innerHeight - 120 && !found; y -= 4) {
    found =
      document.elementFromPoint(innerWidth / 2, y)?.getAttribute('data-pledgemark-ui') === 'card';
  }
  return found === drawn;
}

/** Runs in the page: whether focus is inside Pledgemark's shadow root (which the page sees as its host). */
function focusInPledgemark(): boolean {
  return document.activeElement?.getAttribute('data-pledgemark-ui') === 'card';
}

/**
 * Runs in the page: puts a button just before and one just after the card's host (fixed, so that
 * nothing moves under the pointer), and focuses the one before.
 */
function focusBeforeCard(): boolean {
  const host = document.querySelector('[data-pledgemark-ui="card"]')!;
  const sentinel = (id: string) => {
    const button = document.getElementById(id) ?? document.createElement('button');
    button.id = id;
    button.textContent = id;
    button.style.cssText = 'position:fixed;top:0;left:0';
    return button;
  };
  const before = sentinel('before-card');
  host.before(before);
  host.after(sentinel('after-card'));
  before.focus({ preventScroll: true });
  return document.activeElement === before;
}

/** The card's last buttons, in order from its end: "Not this meaning", then "Hide this term…". */
const FROM_END = { notThisMeaning: 0, hideTerm: 1 } as const;

/**
 * Opens the card of a highlight and presses one of its last buttons from the keyboard. The card's
 * closed shadow root hides its buttons from the test, so it gets there as a reader can: it tabs
 * through the card once to count its stops (focus is on the card's host until it reaches the
 * button after it), then tabs in again to the chosen one, counted from the end.
 */
async function pressInCard(
  page: PageDriver,
  selector: string,
  termId: string,
  fromEnd: number,
): Promise<void> {
  await page.bringToFront();
  await page.hover(selector);
  await page.waitForFunction(isCardNear, { termId, near: true }, WAIT_MS);
  // The card may still be loading its term (no buttons yet, or not all of them): count again
  // until it has them and two counts agree.
  let stops = 0;
  let counted = -1;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; (stops <= 1 || stops !== counted) && Date.now() < deadline; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await page.evaluate(focusBeforeCard, null)).toBe(true);
    counted = stops;
    stops = 0;
    for (;;) {
      await page.press('Tab');
      const where = await page.evaluate(() => document.activeElement?.id || null, null);
      if (where === 'after-card') break;
      expect(await page.evaluate(focusInPledgemark, null), `Tab ${stops + 1}: ${where}`).toBe(true);
      stops += 1;
      expect(stops, 'the card has a last button').toBeLessThan(200);
    }
  }
  expect(stops).toBeGreaterThan(1);
  expect(await page.evaluate(focusBeforeCard, null)).toBe(true);
  for (let stop = 0; stop < stops - fromEnd; stop++) await page.press('Tab');
  expect(await page.evaluate(focusInPledgemark, null)).toBe(true);
  await page.press('Enter');
}

const hideFromCard = (page: PageDriver, selector: string, termId: string) =>
  pressInCard(page, selector, termId, FROM_END.hideTerm);

for (const name of ['Chromium', 'Firefox'] as BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`hiding a term in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let page: PageDriver;
    beforeAll(async () => {
      session = await launchExtension(name);
      page = await session.openPage(server.url('slice.html'));
      await page.waitForSelector(ETIM, WAIT_MS);
      await page.waitForSelector(FATF, WAIT_MS);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('hides the term from its card with an undo notice, and Undo brings its highlights back', async (context) => {
      dumpLogsOnFailure(context, name, session);
      // Marked to tell, after hiding, that the other terms' highlights were never taken down.
      await page.evaluate((selector) => {
        for (const highlight of document.querySelectorAll(selector)) highlight.id ||= 'kept';
      }, ETIM);
      await hideFromCard(page, FATF, 'fatf');

      // The card closes and the term's highlights go; the other terms stay, untouched.
      await page.waitForFunction((selector) => !document.querySelector(selector), FATF, WAIT_MS);
      expect(
        await page.evaluate(
          (selector) => [...document.querySelectorAll(selector)].every(({ id }) => id === 'kept'),
          ETIM,
        ),
      ).toBe(true);
      expect(await page.evaluate((selector) => !!document.querySelector(selector), ETIM)).toBe(
        true,
      );
      // The notice is drawn, and focus is on its Undo (the card, and its button, are gone).
      await page.waitForFunction(isNoticeDrawn, true, WAIT_MS);
      expect(await page.evaluate(focusInPledgemark, null)).toBe(true);
      // Pledgemark's own UI, not the page's: nothing was added to the page's light DOM.
      expect(
        await page.evaluate(
          () => [...document.querySelectorAll('[role="status"]')].map((node) => node.outerHTML),
          null,
        ),
      ).toEqual([]);

      await page.press('Enter');
      await page.waitForSelector(FATF, WAIT_MS);
      await page.waitForFunction(isNoticeDrawn, false, WAIT_MS);
    });

    it('lists a hidden term in the popup for every site, and "Show again" highlights it again', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await hideFromCard(page, FATF, 'fatf');
      await page.waitForFunction((selector) => !document.querySelector(selector), FATF, WAIT_MS);
      await page.waitForFunction(isNoticeDrawn, true, WAIT_MS);

      const host = new URL(server.origin).hostname;
      const showAgain = `.hidden-terms button[aria-label="Show “Financial Action Task Force (FATF)” on ${host} again"]`;
      // The popup opened as a tab: its active tab is itself, not the page; the list has every site.
      const popup = await session!.openExtensionPage('popup.html', '.controls');
      try {
        await popup.waitForSelector(showAgain, WAIT_MS);
        const listed = await popup.evaluate(
          () =>
            [...document.querySelectorAll('.hidden-terms-sites > li')].map((site) =>
              (site.textContent ?? '').replace(/\s+/g, ' ').trim(),
            ),
          null,
        );
        expect(listed).toEqual([`${host}Financial Action Task Force (FATF)Show again`]);
        expect(
          await popup.evaluate((selector) => {
            const button = document.querySelector<HTMLButtonElement>(selector)!;
            button.focus();
            return document.activeElement === button && button.textContent;
          }, showAgain),
        ).toBe('Show again');
        await popup.press('Enter');
        // Nothing is hidden any more: the list goes.
        await popup.waitForFunction(() => !document.querySelector('.hidden-terms'), null, WAIT_MS);
      } finally {
        await popup.close();
      }

      await page.bringToFront();
      await page.waitForSelector(FATF, WAIT_MS);
    });

    it('"Not this meaning" takes the alias off this site at once and after a reload; other terms stay', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await pressInCard(page, FATF, 'fatf', FROM_END.notThisMeaning);
      // Focus is on the first choice, "On this site".
      expect(await page.evaluate(focusInPledgemark, null)).toBe(true);
      await page.press('Enter');
      await page.waitForFunction((selector) => !document.querySelector(selector), FATF, WAIT_MS);
      expect(await page.evaluate((selector) => !!document.querySelector(selector), ETIM)).toBe(
        true,
      );

      const reloaded = await session!.openPage(server.url('slice.html'));
      try {
        await reloaded.waitForSelector(ETIM, WAIT_MS);
        // Given time to highlight it, it does not.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(
          await reloaded.evaluate((selector) => !!document.querySelector(selector), FATF),
        ).toBe(false);
      } finally {
        await reloaded.close();
      }

      // Listed in the popup's settings, where Undo brings it back.
      const popup = await session!.openExtensionPage('popup.html', '.controls');
      try {
        const undo = '[aria-labelledby="sense-corrections-heading"] button';
        await popup.waitForSelector(undo, WAIT_MS);
        await popup.evaluate((selector) => {
          document.querySelector<HTMLButtonElement>(selector)!.focus();
        }, undo);
        await popup.press('Enter');
        await popup.waitForFunction(
          () => !document.querySelector('[aria-labelledby="sense-corrections-heading"]'),
          null,
          WAIT_MS,
        );
      } finally {
        await popup.close();
      }
      await page.bringToFront();
      await page.waitForSelector(FATF, WAIT_MS);
    });
  });
}
