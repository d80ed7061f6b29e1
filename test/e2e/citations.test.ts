/**
 * Citations are copied from where readers find passages: a search result and the document view,
 * in real browsers with the built extension, from the keyboard. A table row of the APEC work
 * plan is copied as its labelled cells, each quoted on its own, never as one spliced sentence;
 * "In document" lands on the passage, marked.
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

const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';
const ITEM_7 = 'apec-workplan-2017:workplan-item-7';
const G7_PNR =
  'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.';

/** Runs in the page: focuses the button reading `text` inside the first element matching `scope` whose text contains `within`. */
function focusButton({
  scope,
  within,
  text,
}: {
  scope: string;
  within: string;
  text: string;
}): boolean {
  const container = [...document.querySelectorAll(scope)].find((element) =>
    (element.textContent ?? '').includes(within),
  );
  const button = [...(container?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  button?.focus();
  return button !== undefined && document.activeElement === button;
}

function hasButton(arg: { scope: string; within: string; text: string }): boolean {
  return [...document.querySelectorAll(arg.scope)].some(
    (element) =>
      (element.textContent ?? '').includes(arg.within) &&
      [...element.querySelectorAll('button')].some(
        (button) => button.textContent?.trim() === arg.text,
      ),
  );
}

/** Focuses a button as a reader tabbing to it would, presses Enter, and reads the clipboard. */
async function copyWith(
  page: PageDriver,
  target: { scope: string; within: string; text: string },
): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''), null);
  await page.waitForFunction(hasButton, target, WAIT_MS);
  expect(await page.evaluate(focusButton, target), JSON.stringify(target)).toBe(true);
  await page.press('Enter');
  await page.waitForFunction(
    hasButton,
    { ...target, text: target.text === 'Copy citation' ? 'Citation copied' : 'Markdown copied' },
    WAIT_MS,
  );
  return page.evaluate(() => navigator.clipboard.readText(), null);
}

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`citations in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let popup: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name);
      popup = await session.openExtensionPage('popup.html', SEARCH_INPUT);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('copies a citation from a search result, quotation first, then document, date, place and locator', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.type(SEARCH_INPUT, 'traveler screening');
      const copied = await copyWith(popup, {
        scope: '.results > li',
        within: G7_PNR,
        text: 'Copy citation',
      });
      expect(copied).toBe(
        `“${G7_PNR}” — G7 Action Plan on Countering Terrorism and Violent Extremism; ` +
          'G7 leaders (Ise-Shima Summit); May 2016, Ise-Shima, Japan; ' +
          'Action 1 › Border Security › bullet 2.',
      );
    });

    it('copies a work-plan table row as its labelled cells, never one spliced quotation', async (context) => {
      dumpLogsOnFailure(context, name, session);
      // Through another view, so that the search view opens afresh with the query.
      await popup.evaluate(() => {
        location.hash = '#clips';
      }, null);
      await popup.waitForSelector('.clips');
      await popup.evaluate(() => {
        location.hash = '#search?q=FTF%20returnees%20concept%20note';
      }, null);
      await popup.waitForSelector('.results .passage-fields');
      const copied = await copyWith(popup, {
        scope: '.results > li',
        within: 'Itemized work plan, item 7',
        text: 'Copy citation',
      });
      const lines = copied.split('\n');
      expect(lines[0]).toBe(
        'Title: “Hold Workshop on Best Practices to deal with the Foreign Terrorist Fighter (FTF) Returnees, in Ho Chi Minh City in August (TBC)”',
      );
      expect(lines[1]).toMatch(/^Summary of Specific Plans: “Viet Nam will submit a Concept Note/);
      expect(lines.at(-1)).toMatch(
        /^— Counter-Terrorism Working Group Proposed Workplan for 2017; .*2017\/SOM1\/SCE-COW\/002; Forum Doc\. No\. 2017\/SOM1\/CTWG\/004; Itemized work plan, item 7\.$/,
      );
      expect(copied).not.toContain('(TBC) — Viet Nam');
    });

    it('opens a document at a passage, marked and in view, and copies its citation as Markdown', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.evaluate((passage) => {
        location.hash = `#document?id=apec-workplan-2017&passage=${encodeURIComponent(passage)}`;
      }, ITEM_7);
      await popup.waitForSelector(`[id="passage-${ITEM_7}"][aria-current="true"]`);
      const inView = await popup.evaluate((passage) => {
        const box = document.getElementById(`passage-${passage}`)!.getBoundingClientRect();
        return box.top < innerHeight && box.bottom > 0;
      }, ITEM_7);
      expect(inView).toBe(true);
      const copied = await copyWith(popup, {
        scope: `[id="passage-${ITEM_7}"]`,
        within: 'Itemized work plan, item 7',
        text: 'Copy as Markdown',
      });
      expect(copied.split('\n>\n')[0]).toBe(
        '> **Title:** “Hold Workshop on Best Practices to deal with the Foreign Terrorist Fighter (FTF) Returnees, in Ho Chi Minh City in August (TBC)”',
      );
      expect(copied).toMatch(
        /\n> — \*Counter-Terrorism Working Group Proposed Workplan for 2017\*; /,
      );
    });
  });
}
