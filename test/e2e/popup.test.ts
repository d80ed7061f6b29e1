/**
 * The popup page in real browsers with the built extension, driven from the keyboard as a reader
 * would: a search opens a term's view, where the commitments matrix sets the G7 2016, APEC 2017
 * and APEC 2018–2022 commitments on PNR side by side and the positions on ETIM come from several
 * speakers; a passage is saved as a clip (once, however often it is saved), and the clip list
 * exports it as Markdown, to the clipboard and as a downloaded file. A web page answers which
 * terms it highlights and goes to the next highlight of one term, as "On this page" asks it to.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../data/store/search/search-index';
import {
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
  askTabs,
} from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { askBackground } from './extension-calls';

const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';
const G7_PNR =
  'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.';
const APEC_PNR =
  'Increase cooperation and technical assistance among APEC member economies in their efforts to implement the ' +
  'Advance Passenger Information and Passenger Name Record (API/PNR) programs to secure and facilitate legitimate ' +
  'travel within the region';

/** Runs in the page: focuses the first element matching `selector` whose text is `text`. */
function focusByText({ selector, text }: { selector: string; text: string }): boolean {
  const target = [...document.querySelectorAll<HTMLElement>(selector)].find(
    (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  );
  target?.focus();
  return target !== undefined && document.activeElement === target;
}

/** Runs in the page: whether an element matching `selector` has the text `text`. */
function hasText({ selector, text }: { selector: string; text: string }): boolean {
  return [...document.querySelectorAll(selector)].some(
    (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  );
}

/** Activates a control from the keyboard (a trusted key press, as a reader would). */
async function press(page: PageDriver, selector: string, text: string): Promise<void> {
  await page.waitForFunction(hasText, { selector, text }, WAIT_MS).catch((error: unknown) => {
    throw new Error(`No ${selector} reading "${text}" in ${page.url()}: ${String(error)}`);
  });
  expect(await page.evaluate(focusByText, { selector, text }), `focus ${selector} "${text}"`).toBe(
    true,
  );
  await page.press('Enter');
}

interface MatrixRow {
  document: string;
  issuer: string;
  date: string;
  items: { locator: string; text: string }[];
}

function readMatrix(): MatrixRow[] {
  const clean = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll('table.commitments-matrix tbody > tr')].map((row) => ({
    document: clean(row.querySelector('th cite')),
    issuer: clean(row.querySelector('.matrix-issuer')),
    date: clean(row.querySelector('.matrix-date')),
    items: [...row.querySelectorAll('td li.passage')].map((item) => ({
      locator: clean(item.querySelector('.passage-locator')),
      text: clean(item.querySelector('.passage-quote')),
    })),
  }));
}

function readPositions(): { actor: string; meta: string; quotes: number }[] {
  const clean = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const section = [...document.querySelectorAll('.term-card .term-section')].find(
    (candidate) => clean(candidate.querySelector('h3')) === 'Positions',
  );
  return [...(section?.querySelectorAll('.group') ?? [])].map((group) => ({
    actor: clean(group.querySelector('h4')),
    meta: clean(group.querySelector('.group-meta')),
    quotes: group.querySelectorAll('.passage-quote').length,
  }));
}

/** The form of the stored search index: how many there are, its version, its arrays' types. */
async function readStoredIndexForm(): Promise<{
  records: number;
  version: unknown;
  typedArrays: string[];
}> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('pledgemark');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const rows = await new Promise<{ index: Record<string, Record<string, unknown>> }[]>(
      (resolve, reject) => {
        const request = db.transaction('searchIndexes').objectStore('searchIndexes').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    const index = rows[0]?.index;
    const words = index?.words ?? {};
    const parts = [
      words.postingStarts,
      words.postingRecords,
      words.postingCounts,
      words.fieldLengths,
      index?.recordRows,
      index?.facets?.document,
    ];
    return {
      records: rows.length,
      version: index?.version,
      typedArrays: parts.map((part) =>
        ArrayBuffer.isView(part) ? part.constructor.name : typeof part,
      ),
    };
  } finally {
    db.close();
  }
}

const withoutFinalStop = (text: string) => text.replace(/[.;]\s*$/, '');

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.stop();
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`popup page in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let popup: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name);
      popup = await session.openExtensionPage('popup.html', SEARCH_INPUT);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('searches "PNR", opens its term view and sets the G7, APEC 2017 and APEC 2018–2022 commitments side by side', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.type(SEARCH_INPUT, 'PNR');
      await press(popup, 'button', 'Passenger Name Record (PNR)');
      await popup.waitForSelector('table.commitments-matrix tbody > tr', WAIT_MS);
      expect(popup.url()).toMatch(/#term\?id=pnr$/);

      const rows = await popup.evaluate(readMatrix, null);
      expect(rows.map((row) => [row.document, row.date])).toEqual([
        ['G7 Action Plan 2016', 'May 2016'],
        ['APEC CTWG Workplan 2017', '28 February 2017'],
        ['APEC CTWG Strategic Plan 2018–2022', '2018–2022'],
      ]);
      const [g7, workplan, plan] = rows;
      expect(g7!.issuer).toBe('G7 leaders (Ise-Shima Summit)');
      expect(g7!.items).toContainEqual({
        locator: 'Action 1 › Border Security › bullet 2',
        text: G7_PNR,
      });
      expect(
        workplan!.items.find((item) => withoutFinalStop(item.text) === APEC_PNR)?.locator,
      ).toBe('Introduction › step 9');
      expect(plan!.items.find((item) => item.locator === 'FA5')?.text).toBe(`${APEC_PNR};`);
    });

    it('opens the term view for ETIM and shows positions from at least three actors', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await press(popup, 'a', 'Search');
      await popup.waitForSelector(SEARCH_INPUT, WAIT_MS);
      await popup.type(SEARCH_INPUT, 'ETIM');
      await press(popup, 'button', 'Eastern Turkistan Islamic Movement (ETIM)');
      await popup.waitForFunction(
        () => document.querySelector('.term-title')?.textContent?.includes('ETIM') === true,
        null,
        WAIT_MS,
      );
      const positions = await popup.evaluate(readPositions, null);
      const actors = new Set(positions.map((position) => position.actor));
      expect(actors.size, JSON.stringify(positions)).toBeGreaterThanOrEqual(3);
      expect(actors).toContain('Luo Zhaohui');
      for (const position of positions) {
        expect(position.quotes, position.actor).toBeGreaterThan(0);
        // Who they are (role, organisation, country), then the date of the seminar.
        expect(position.meta, position.actor).toMatch(/^\S.*, .* · December 22, 2020$/);
      }
    });

    it('keeps the search index the searches above used in the extension’s IndexedDB as typed arrays', async (context) => {
      dumpLogsOnFailure(context, name, session);
      // Read in the extension's own origin, as the background reads it: an index the browser
      // did not store as typed arrays would be rebuilt from the corpus at every start.
      const stored = await popup.evaluate(readStoredIndexForm, null);
      expect(stored).toEqual({
        records: 1,
        version: SEARCH_INDEX_VERSION,
        typedArrays: [
          'Uint32Array',
          'Uint32Array',
          'Uint16Array',
          'Uint16Array',
          'Int32Array',
          'Uint16Array',
        ],
      });
    });

    it('saves a clip once, lists it with its citation, and exports it as Markdown to the clipboard and a file', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.evaluate(() => {
        location.hash = '#term?id=pnr';
      }, null);
      const saveG7 = 'tr[data-document="g7-action-plan-2016"] button.save-clip';
      await press(popup, saveG7, 'Save clip');
      await popup.waitForFunction(hasText, { selector: saveG7, text: '✓ Saved to clips' }, WAIT_MS);
      await popup.press('Enter');
      await popup.waitForFunction(
        hasText,
        { selector: saveG7, text: '✓ Already in your clips' },
        WAIT_MS,
      );

      await press(popup, 'a', 'Clips');
      await popup.waitForSelector('li.clip', WAIT_MS);
      const clips = await popup.evaluate(
        () =>
          [...document.querySelectorAll('li.clip')].map((clip) =>
            (clip.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        null,
      );
      expect(clips).toHaveLength(1);
      expect(clips[0]).toContain('G7 Action Plan 2016, Action 1 › Border Security › bullet 2');
      expect(clips[0]).toContain(G7_PNR);
      expect(clips[0]).toContain(
        'G7 Action Plan on Countering Terrorism and Violent Extremism · G7 leaders (Ise-Shima Summit) · May 2016',
      );

      await popup.evaluate(() => navigator.clipboard.writeText(''), null);
      await press(popup, 'button', 'Copy as Markdown');
      await popup.waitForFunction(
        hasText,
        { selector: '[role="status"]', text: 'Copied 1 clip as Markdown.' },
        WAIT_MS,
      );
      const copied = await popup.evaluate(() => navigator.clipboard.readText(), null);
      const day = /^# Clips from Pledgemark\n\n1 clip, exported on (\d{4}-\d{2}-\d{2})\.\n/.exec(
        copied,
      )?.[1];
      expect(day, copied).toBeDefined();
      expect(copied).toBe(
        `# Clips from Pledgemark

1 clip, exported on ${day}.

## 1. G7 Action Plan 2016, Action 1 › Border Security › bullet 2

> ${G7_PNR}
>
> — *G7 Action Plan on Countering Terrorism and Violent Extremism*; G7 leaders (Ise-Shima Summit); May 2016, Ise-Shima, Japan; Action 1 › Border Security › bullet 2.

Commitment · G7, Group of Seven · May 2016
`,
      );

      // The download is made from a Blob URL in the page; record it instead of saving a file.
      await popup.evaluate(() => {
        const recorded = window as unknown as { download?: Promise<unknown> };
        const createObjectURL = URL.createObjectURL.bind(URL);
        let blob: Blob | null = null;
        URL.createObjectURL = (object: Blob | MediaSource) => {
          blob = object as Blob;
          return createObjectURL(object);
        };
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          const { download, href } = this;
          recorded.download = blob!
            .text()
            .then((text) => ({ download, href, text, type: blob!.type }));
        };
      }, null);
      await press(popup, 'button', 'Download .md');
      const downloaded = await popup.evaluate(
        () => (window as unknown as { download?: Promise<unknown> }).download,
        null,
      );
      expect(downloaded).toEqual({
        download: `pledgemark-clips-${day}.md`,
        href: expect.stringMatching(/^blob:/),
        text: copied,
        type: 'text/markdown;charset=utf-8',
      });
    });

    it('removes the clip and brings it back with Undo', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await press(popup, 'button', 'Remove');
      await popup.waitForFunction(() => !document.querySelector('li.clip'), null, WAIT_MS);
      // The focus moves to Undo in an effect after the list is drawn without the clip.
      await popup
        .waitForFunction(() => document.activeElement?.textContent === 'Undo', null, 5_000)
        .catch(() => undefined);
      expect(await popup.evaluate(() => document.activeElement?.textContent, null)).toBe('Undo');
      await popup.press('Enter');
      await popup.waitForSelector('li.clip', WAIT_MS);
      expect(await popup.evaluate(() => document.querySelectorAll('li.clip').length, null)).toBe(1);
    });

    it('asks a page for its terms, goes to the next highlight of one term as "On this page" does, and saves a clip from its card', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('slice.html'));
      await page.waitForSelector('[data-pledgemark-term="etim"]', WAIT_MS);
      // Other tabs (Firefox's first, blank one) answer too: the page is the one with its terms.
      type Answer = { ok: boolean; value?: { termCounts?: Record<string, number> } };
      const slicePage = (answers: unknown[]) =>
        (answers as Answer[]).find((answer) => answer.value?.termCounts?.etim);
      // The counts follow the highlighting pass, which may still be going on.
      let terms: Answer | undefined;
      for (const deadline = Date.now() + WAIT_MS; !terms && Date.now() < deadline;) {
        terms = slicePage(await popup.evaluate(askTabs, { name: 'getPageTerms', request: {} }));
        if (!terms) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(terms).toMatchObject({
        ok: true,
        value: { active: true, termCounts: { fatf: 1, pnr: 1, etim: 1 } },
      });
      expect(
        await popup.evaluate(askTabs, {
          name: 'focusHighlight',
          request: { direction: 'next', termId: 'etim' },
        }),
      ).toContainEqual({ ok: true, value: { found: true, index: 1, total: 1 } });
      // The card opened on the ETIM highlight with the focus inside: Close, then the first
      // passage's "Copy citation", "Copy as Markdown" and "Save clip".
      await page.bringToFront();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
        null,
        WAIT_MS,
      );
      for (let step = 0; step < 4; step++) await page.press('Tab');
      await page.press('Enter');
      const saved = async () => {
        const listed = (await popup.evaluate(askBackground, {
          name: 'listClips',
          request: {},
        })) as {
          value: { citation: { text: string; document: { id: string } } }[];
        };
        return listed.value.map((clip) => clip.citation);
      };
      for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline;) {
        if ((await saved()).length === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const [, fromCard] = await saved();
      expect(fromCard?.document.id).toBe('seminar-2020');
      expect(fromCard?.text).toMatch(/ETIM|Turkistan/);
      // Closing the card returns the focus to the highlight.
      await page.press('Escape');
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-pledgemark-term') === 'etim',
        null,
        WAIT_MS,
      );
      const elsewhere = await popup.evaluate(askTabs, {
        name: 'focusHighlight',
        request: { direction: 'next', termId: 'ftf' },
      });
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const answer of elsewhere) {
        expect(answer).toEqual({ ok: true, value: { found: false, index: 0, total: 0 } });
      }
      await page.close();
    });
  });
}
