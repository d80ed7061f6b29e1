/**
 * A page that changes under Pledgemark, in real browsers with the built extension: its text
 * stays its own when it updates a node we wrapped, a highlight it forges is no highlight of
 * ours, copying highlighted text gives its own markup, an editor (designMode) gets nothing of
 * ours in what the reader types, a swapped body (Turbo and its kind) or a rewritten document
 * is highlighted anew, and a live ticker keeps nothing it removed alive (Chromium: collecting
 * garbage on demand needs its `--expose-gc`; Firefox offers a page no way to).
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { fileURLToPath } from 'node:url';
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

const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(HOSTILE_DIR);
});
afterAll(async () => {
  await server?.stop();
});

/** Runs in the page: the term ids highlighted under an element. */
function termsIn(selector: string): (string | null)[] {
  return [...document.querySelectorAll(`${selector} [data-pledgemark-term]`)].map((element) =>
    element.getAttribute('data-pledgemark-term'),
  );
}

async function openPage(session: ExtensionSession): Promise<PageDriver> {
  const page = await session.openPage(server.url('page-text.html'));
  await page.waitForFunction(
    () => document.querySelector('#status [data-pledgemark-term="fatf"]') !== null,
    null,
    WAIT_MS,
  );
  return page;
}

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(
    `a page that changes under Pledgemark in ${name}`,
    () => {
      let session: ExtensionSession | undefined;
      beforeAll(async () => {
        session = await launchExtension(name);
      });
      afterAll(async () => {
        await session?.close();
      });

      it('shows exactly the text it writes to a node we wrapped, and it is highlighted again', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        const shown = await page.evaluate(async () => {
          const seen: string[] = [];
          const write = (window as unknown as { updateStatus: (text: string) => void })
            .updateStatus;
          for (const text of [
            'The FATF review is closed.',
            'ETIM, the militant group, then the FATF review is open again.',
          ]) {
            write(text);
            // Our repair runs in the microtask after the write, before anything is painted.
            await Promise.resolve();
            seen.push(document.getElementById('status')!.textContent ?? '');
          }
          return seen;
        }, null);
        expect(shown).toEqual([
          'The FATF review is closed.',
          'ETIM, the militant group, then the FATF review is open again.',
        ]);
        await page.waitForFunction(
          (selector) =>
            [...document.querySelectorAll(`${selector} [data-pledgemark-term]`)].length === 2,
          '#status',
          WAIT_MS,
        );
        expect(await page.evaluate(termsIn, '#status')).toEqual(['etim', 'fatf']);
        expect(
          await page.evaluate(() => document.getElementById('status')!.textContent, null),
        ).toBe('ETIM, the militant group, then the FATF review is open again.');
        expect(
          await page.evaluate(() => (window as unknown as { errors: string[] }).errors, null),
        ).toEqual([]);
        await page.close();
      });

      it('takes a highlight the page forged for no highlight: no card opens on it', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        await page.hover('#forged-host pledgemark');
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(
          await page.evaluate(() => document.querySelector('[data-pledgemark-ui="card"]'), null),
        ).toBeNull();
        // A real highlight does open one: the wait above was long enough.
        await page.hover('#story [data-pledgemark-term="fatf"]');
        await page.waitForSelector('[data-pledgemark-ui="card"]', WAIT_MS);
        await page.close();
      });

      it('copies highlighted text with the page’s own markup and none of ours', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        await page.bringToFront();
        await page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById('story')!);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
        }, null);
        await page.chord(['Control'], 'c');
        const copied = await page.evaluate(async () => {
          const [item] = await navigator.clipboard.read();
          const html = item?.types.includes('text/html')
            ? await (await item.getType('text/html')).text()
            : '';
          return { html, text: await navigator.clipboard.readText() };
        }, null);
        expect(copied.text).toBe('The FATF listed ETIM in 2020.');
        expect(copied.html).toContain('<b>FATF</b>');
        expect(copied.html).not.toMatch(/pledgemark/i);
        await page.close();
      });

      it('puts nothing of ours into what the reader types in an editor (designMode)', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        await page.bringToFront();
        await page.evaluate(() => {
          document.designMode = 'on';
          // The caret right after "FATF", inside what was highlighted.
          const text = document.getElementById('status')!;
          const range = document.createRange();
          const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node as Text).data.indexOf('FATF');
            if (at >= 0) {
              range.setStart(node, at + 4);
              break;
            }
          }
          range.collapse(true);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
        }, null);
        await page.press('X');
        await page.press('Y');
        await page.waitForFunction(
          () => document.querySelector('pledgemark.pledgemark-term:not(#forged-host *)') === null,
          null,
          WAIT_MS,
        );
        expect(await page.evaluate(() => document.getElementById('status')!.innerHTML, null)).toBe(
          'The FATFXY review is open.',
        );
        await page.close();
      });

      it('highlights a swapped body anew', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        await page.evaluate(() => (window as unknown as { swapBody: () => void }).swapBody(), null);
        await page.waitForFunction(
          () => document.querySelector('#swapped [data-pledgemark-term="pnr"]') !== null,
          null,
          WAIT_MS,
        );
        await page.close();
      });

      it('highlights a document the page rewrote (document.open) anew', async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openPage(session!);
        await page.evaluate(
          () => (window as unknown as { rewriteDocument: () => void }).rewriteDocument(),
          null,
        );
        await page.waitForFunction(
          () => document.querySelector('#rewritten [data-pledgemark-term="fatf"]') !== null,
          null,
          WAIT_MS,
        );
        expect(
          await page.evaluate(() => document.getElementById('rewritten')!.textContent, null),
        ).toBe('The rewritten page names the FATF.');
        await page.close();
      });
    },
  );
}

describe.skipIf(shouldSkip(TARGETS.Chromium))('a live ticker under Pledgemark in Chromium', () => {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchExtension('Chromium', { chromiumArgs: ['--js-flags=--expose-gc'] });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps none of the nodes the page took out alive, after 20 updates or 120', async (context) => {
    dumpLogsOnFailure(context, 'Chromium', session);
    const page = await session!.openPage(server.url('ticker.html'));
    // Waited for by a function: a selector wait leaves the browser's tools holding the element.
    await page.waitForFunction(
      () => document.querySelector('#ticker [data-pledgemark-term="fatf"]') !== null,
      null,
      WAIT_MS,
    );
    /** Runs the ticker up to `last`, lets highlighting settle, collects garbage, counts. */
    const tickUntil = async (first: number, last: number) => {
      for (let count = first; count <= last; count++) {
        await page.evaluate((tick) => {
          (window as unknown as { tick: (count: number) => void }).tick(tick);
          // Time for the highlighter to read and wrap the new line before the next one.
          return new Promise((resolve) => setTimeout(resolve, 15));
        }, count);
      }
      await page.waitForFunction(
        (expected) =>
          document.getElementById('ticker')!.textContent === expected &&
          document.querySelectorAll('#ticker [data-pledgemark-term]').length === 2,
        `Live ${last}: the FATF and the militant group ETIM, update ${last}.`,
        WAIT_MS,
      );
      return page.evaluate(async () => {
        const gc = (globalThis as unknown as { gc: () => void }).gc;
        // WeakRefs are cleared between tasks: collect, then let a task pass, a few times.
        for (let round = 0; round < 3; round++) {
          gc();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const ticker = window as unknown as {
          removedStillAlive: () => number;
          removedCount: () => number;
        };
        return { alive: ticker.removedStillAlive(), removed: ticker.removedCount() };
      }, null);
    };
    const after20 = await tickUntil(1, 20);
    const after120 = await tickUntil(21, 120);
    // Each update took out the line: the page's text, and our highlights when they were in.
    expect(after120.removed).toBeGreaterThanOrEqual(120);
    expect(after20.alive).toBe(0);
    expect(after120.alive).toBe(0);
    await page.close();
  });
});
