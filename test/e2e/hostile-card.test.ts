/**
 * The card on pages that work against it, in real browsers. Each page in
 * `test/fixtures/hostile/` does one thing a page can do to a content script's UI:
 *
 * - defines the card host's element name before the content script runs, to be handed the
 *   card's "closed" shadow root through `attachInternals()`, read it, rewrite it and press its
 *   buttons (`define-first.html`);
 * - makes building the card throw: that name with a throwing constructor that refuses shadow
 *   roots, and prototypes patched in the page's world (`throwing-define.html`);
 * - holds its text in open shadow roots, and in a modal `<dialog>` (`open-shadow.html`);
 * - records every error its own handlers are told of (`errors.html`);
 * - replaces whatever goes through its `copy` event, refuses clipboard writes by permissions
 *   policy, or is served over plain http, where a content script has no async clipboard
 *   (`clipboard.html`);
 * - looks for the card's text with `window.find`.
 *
 * The card lives in a closed shadow root, so these tests see it as a reader or the page does:
 * where it is drawn (`elementFromPoint` gives its host), what the clipboard holds, what the
 * page could learn. Needs the builds in `.output/` (made by `npm test`, never here).
 */
import { createServer, type Server } from 'node:http';
import { normalize, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabs,
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';
import {
  listenOnLoopback,
  sendFile,
  startFixtureServer,
  type FixtureServer,
} from './fixture-server';

const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
/** A host name that resolves to the fixture server but is no secure context (plain http). */
const INSECURE_HOST = 'pledgemark.test';

/** The citation "Copy citation" copies for the FATF highlight's first passage. */
const FATF_CITATION =
  '“The CTWG will seek to engage other APEC sub-fora as well as relevant non-APEC entities to ensure that secure ' +
  'finance efforts are fully and effectively coordinated, implemented and comply with the Financial Action Task Force ' +
  'Recommendations.” — Counter-Terrorism Working Group Proposed Workplan for 2017; APEC Counter-Terrorism Working ' +
  'Group (CTWG) Chair, to the SOM Steering Committee on Economic and Technical Cooperation; 28 February 2017, ' +
  'Nha Trang, Viet Nam; 2017/SOM1/SCE-COW/002; Forum Doc. No. 2017/SOM1/CTWG/004; Secure Finance › bullet 2.';

let server: FixtureServer;
/** Serves the same pages with `Permissions-Policy: clipboard-write=()`. */
let refusing: Server;
let refusingOrigin: string;

beforeAll(async () => {
  server = await startFixtureServer(HOSTILE_DIR);
  refusing = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(HOSTILE_DIR, decodeURIComponent(pathname)));
    if (!file.startsWith(HOSTILE_DIR.replace(/[\\/]$/, '') + sep)) {
      response.writeHead(403).end();
      return;
    }
    response.setHeader('permissions-policy', 'clipboard-write=()');
    void sendFile(file, request, response);
  });
  refusingOrigin = `http://127.0.0.1:${await listenOnLoopback(refusing)}`;
});
afterAll(async () => {
  await server?.stop();
  refusing?.closeAllConnections();
  await new Promise((resolve) => (refusing ? refusing.close(resolve) : resolve(null)));
});

/** Where a highlight is, found by its term in the page or in its open shadow roots. */
interface Place {
  termId: string;
  /** ids of the shadow hosts to go through, outermost first. */
  hosts?: string[];
}

/** Runs in the page: the rectangle of a highlight (its first line box). */
function highlightRect({ termId, hosts = [] }: Place): {
  left: number;
  top: number;
  bottom: number;
  height: number;
} | null {
  let root: Document | ShadowRoot = document;
  for (const id of hosts) {
    const host: Element | null = root.querySelector(`#${CSS.escape(id)}`);
    if (!host?.shadowRoot) return null;
    root = host.shadowRoot;
  }
  const rect = root.querySelector(`[data-pledgemark-term="${termId}"]`)?.getClientRects()[0];
  return rect ? { left: rect.left, top: rect.top, bottom: rect.bottom, height: rect.height } : null;
}

/**
 * Runs in the page: whether Pledgemark's card is drawn just below or just above a highlight
 * (`elementFromPoint` answers with its host: the card is in a closed shadow root).
 */
function isCardNear({ place, near }: { place: Place; near: boolean }): boolean {
  let root: Document | ShadowRoot = document;
  for (const id of place.hosts ?? []) {
    const host: Element | null = root.querySelector(`#${CSS.escape(id)}`);
    if (!host?.shadowRoot) return false;
    root = host.shadowRoot;
  }
  const highlight = root.querySelector(`[data-pledgemark-term="${place.termId}"]`);
  if (!highlight) return false;
  const rect = highlight.getClientRects()[0]!;
  const drawn = [rect.bottom + 40, rect.top - 40].some(
    (y) =>
      document.elementFromPoint(rect.left + 12, y)?.getAttribute('data-pledgemark-ui') === 'card',
  );
  return drawn === near;
}

/** Rests the real pointer on a highlight (wherever it is) and waits for its card. */
async function openCardByHover(page: PageDriver, place: Place): Promise<void> {
  await page.bringToFront();
  await page.waitForFunction(highlightRect, place, WAIT_MS);
  const rect = (await page.evaluate(highlightRect, place))!;
  await page.moveMouse(rect.left + 3, rect.top + rect.height / 2);
  await page.moveMouse(rect.left + 5, rect.top + rect.height / 2);
  await page.waitForFunction(isCardNear, { place, near: true }, WAIT_MS);
}

/** What the keyboard commands do: the background asks each tab to go to its next highlight. */
async function goToNextHighlight(session: ExtensionSession): Promise<void> {
  const extensionPage = await session.openExtensionPage('popup.html', 'input[type="search"]');
  try {
    await extensionPage.evaluate(askTabs, {
      name: 'focusHighlight',
      request: { direction: 'next' },
    });
  } finally {
    await extensionPage.close();
  }
}

/** The reader's clips and open tabs, as the extension knows them. */
async function clipsAndTabs(session: ExtensionSession): Promise<{ clips: number; tabs: number }> {
  const extensionPage = await session.openExtensionPage('popup.html', 'input[type="search"]');
  try {
    return await extensionPage.evaluate(async () => {
      type Api = {
        runtime: { sendMessage: (message: unknown) => Promise<unknown> };
        tabs: { query: (filter: object) => Promise<unknown[]> };
      };
      const api = globalThis as unknown as { browser?: Api; chrome: Api };
      const ext = api.browser ?? api.chrome;
      const answer = (await ext.runtime.sendMessage({
        channel: 'pledgemark/v1',
        name: 'listClips',
        request: {},
      })) as { ok: boolean; value: unknown[] };
      // This extension page is one of the tabs.
      return { clips: answer.value.length, tabs: (await ext.tabs.query({})).length - 1 };
    }, null);
  } finally {
    await extensionPage.close();
  }
}

/**
 * Opens the card of the page's first highlight from the keyboard (focus inside), tabs to its
 * first passage's "Copy citation" and presses Enter.
 */
async function copyFirstCitation(session: ExtensionSession, page: PageDriver): Promise<void> {
  await goToNextHighlight(session);
  await page.bringToFront();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
    null,
    WAIT_MS,
  );
  await page.press('Tab'); // the card's Close button
  await page.press('Tab'); // the first passage's "Copy citation"
  await page.press('Enter');
}

/** Reads the clipboard from a tab that may (a secure page with clipboard-read granted). */
async function readClipboard(reader: PageDriver): Promise<string> {
  await reader.bringToFront();
  return reader.evaluate(() => navigator.clipboard.readText(), null);
}

/** Reads the clipboard until it holds `expected` or the wait is over; answers what it last read. */
async function readClipboardUntil(reader: PageDriver, expected: string): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  let copied = await readClipboard(reader);
  while (copied !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    copied = await readClipboard(reader);
  }
  return copied;
}

async function clearClipboard(reader: PageDriver): Promise<void> {
  await reader.bringToFront();
  await reader.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'), null);
}

for (const name of ['Chromium', 'Firefox'] as BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`the card on hostile pages in ${name}`, () => {
    let session: ExtensionSession | undefined;
    beforeAll(async () => {
      session = await launchExtension(name, {
        chromiumArgs: [`--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`],
        firefoxPrefs: { 'network.dns.localDomains': INSECURE_HOST },
      });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('is hosted in a plain element: a page that defines the old host name first gets no shadow root, and runs no code on the card', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('define-first.html'));
      const before = await clipsAndTabs(session!);
      try {
        await openCardByHover(page, { termId: 'fatf' });
        // The thief looks every 100 ms; give it time.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(
          await page.evaluate(() => (window as unknown as { __seen: unknown }).__seen, null),
        ).toEqual({ constructed: 0, roots: 0, read: 0, clicked: 0, rewrote: false });
        expect(
          await page.evaluate(() => {
            const host = document.querySelector('[data-pledgemark-ui="card"]')!;
            let attached = false;
            try {
              host.attachShadow({ mode: 'open' });
              attached = true;
            } catch {
              // A second shadow root is refused: the card's is there, closed.
            }
            return { name: host.localName, shadowRoot: host.shadowRoot, attached };
          }, null),
        ).toEqual({ name: 'div', shadowRoot: null, attached: false });
        // Nothing was saved or opened behind the reader's back.
        expect(await clipsAndTabs(session!)).toEqual(before);
      } finally {
        await page.close();
      }
    });

    it('keeps highlighting, and opens its card, on a page that makes building the card throw', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('throwing-define.html'));
      try {
        await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
        await page.waitForSelector('[data-pledgemark-term="etim"]', WAIT_MS);
        await openCardByHover(page, { termId: 'etim' });
      } finally {
        await page.close();
      }
    });

    it('opens the card for highlights inside open shadow roots, nested too', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('open-shadow.html'));
      try {
        // From the shadow root's own text onto its highlight: the move never leaves the root.
        await page.waitForFunction(highlightRect, { termId: 'fatf', hosts: ['story'] }, WAIT_MS);
        const text = await page.evaluate(() => {
          const paragraph = document
            .getElementById('story')!
            .shadowRoot!.getElementById('p-shadow')!;
          const rect = paragraph.getClientRects()[0]!;
          return { x: rect.left + 4, y: rect.top + rect.height / 2 };
        }, null);
        await page.moveMouse(text.x, text.y);
        await openCardByHover(page, { termId: 'fatf', hosts: ['story'] });
        await page.moveMouse(2, 2);
        await page.waitForFunction(
          isCardNear,
          { place: { termId: 'fatf', hosts: ['story'] }, near: false },
          WAIT_MS,
        );
        await openCardByHover(page, { termId: 'pnr', hosts: ['story', 'nested'] });
      } finally {
        await page.close();
      }
    });

    it('moves through highlights inside open shadow roots with the keyboard, in reading order', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('open-shadow.html'));
      try {
        await page.waitForFunction(
          highlightRect,
          { termId: 'api', hosts: ['story', 'nested'] },
          WAIT_MS,
        );
        for (const place of [
          { termId: 'etim' },
          { termId: 'fatf', hosts: ['story'] },
          { termId: 'api', hosts: ['story', 'nested'] },
        ]) {
          await goToNextHighlight(session!);
          await page.bringToFront();
          await page.waitForFunction(isCardNear, { place, near: true }, WAIT_MS);
        }
      } finally {
        await page.close();
      }
    });

    it('shows the card above a modal dialog, where the reader can use it', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('open-shadow.html'));
      try {
        await page.waitForSelector('[data-pledgemark-term="etim"]', WAIT_MS);
        // A card opened before the dialog, then the dialog over it.
        await openCardByHover(page, { termId: 'etim' });
        await page.evaluate(
          () => (document.getElementById('dialog') as HTMLDialogElement).showModal(),
          null,
        );
        await page.waitForSelector('dialog [data-pledgemark-term="pnr"]', WAIT_MS);
        await openCardByHover(page, { termId: 'pnr' });
        // The pointer moves onto the card and rests there: the card stays (it is not inert).
        const rect = (await page.evaluate(highlightRect, { termId: 'pnr' }))!;
        await page.moveMouse(rect.left + 12, rect.bottom + 30);
        await page.moveMouse(rect.left + 14, rect.bottom + 40);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await page.evaluate(isCardNear, { place: { termId: 'pnr' }, near: true })).toBe(
          true,
        );
      } finally {
        await page.close();
      }
    });

    it("raises no error into the page's own handlers while the card opens, resizes and moves", async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('errors.html'));
      try {
        // From the keyboard: the highlight may move away from a resting pointer, which closes it.
        await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
        await goToNextHighlight(session!);
        await page.bringToFront();
        await page.waitForFunction(isCardNear, { place: { termId: 'fatf' }, near: true }, WAIT_MS);
        for (const size of ['24px', '30px', '17px']) {
          await page.evaluate((fontSize) => {
            document.getElementById('p-fatf')!.style.fontSize = fontSize;
          }, size);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await page.evaluate(() => window.scrollBy(0, 30), null);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await page.evaluate(() => (document.body.style.maxWidth = '22rem'), null);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await page.evaluate(isCardNear, { place: { termId: 'fatf' }, near: true })).toBe(
          true,
        );
        expect(
          await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors, null),
        ).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("keeps the card's text from window.find, even after a clip is saved", async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session!.openPage(server.url('errors.html'));
      try {
        await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
        await goToNextHighlight(session!);
        await page.bringToFront();
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('data-pledgemark-ui') === 'card',
          null,
          WAIT_MS,
        );
        // Close, "Copy citation", "Copy as Markdown", "Save clip".
        for (let step = 0; step < 4; step++) await page.press('Tab');
        await page.press('Enter');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const found = await page.evaluate(() => {
          const find = (window as unknown as { find: (...args: unknown[]) => boolean }).find;
          return [
            'Saved to clips',
            'Already in your clips',
            'Copy citation',
            'Hide this term on this site',
            'About this term',
            'Counter-Terrorism Working Group',
          ].map((text) => {
            getSelection()?.removeAllRanges();
            const hit = find(text, false, false, true);
            const anchor = getSelection()?.anchorNode ?? null;
            return {
              text,
              hit,
              // A node the page was handed from inside the card's shadow root.
              inside: anchor !== null && anchor.getRootNode() !== document,
            };
          });
        }, null);
        expect(found.filter((entry) => entry.hit || entry.inside)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('copies a citation on a page that refuses clipboard writes, never through its copy event', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const reader = await session!.openPage(server.url('errors.html'));
      const page = await session!.openPage(`${refusingOrigin}/clipboard.html`);
      try {
        await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
        // This page may not write the clipboard, even to clear it: another one does.
        await clearClipboard(reader);
        await copyFirstCitation(session!, page);
        expect(await readClipboardUntil(reader, FATF_CITATION)).toBe(FATF_CITATION);
        expect(
          await page.evaluate(() => (window as unknown as { __copies: number }).__copies, null),
        ).toBe(0);
      } finally {
        await page.close();
        await reader.close();
      }
    });

    it('copies a citation on a plain http page (no clipboard API in the page), never through its copy event', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const reader = await session!.openPage(server.url('errors.html'));
      const page = await session!.openPage(
        server.url('clipboard.html').replace('127.0.0.1', INSECURE_HOST),
      );
      try {
        expect(await page.evaluate(() => isSecureContext, null)).toBe(false);
        await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
        await clearClipboard(reader);
        await copyFirstCitation(session!, page);
        // Read back from a secure page: this one has no clipboard API.
        expect(await readClipboardUntil(reader, FATF_CITATION)).toBe(FATF_CITATION);
        expect(
          await page.evaluate(() => (window as unknown as { __copies: number }).__copies, null),
        ).toBe(0);
      } finally {
        await page.close();
        await reader.close();
      }
    });
  });
}
