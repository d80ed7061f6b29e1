/**
 * A page cannot learn Pledgemark's id from it, nor switch it off, in real browsers. WXT's content
 * script context announces each start to the page (a `window.postMessage` whose type holds the
 * extension id) and stops the script on any `document` event of that name from another start;
 * a page that knows the id (a published extension's id is public) could send that event. These
 * pages listen to everything they are sent, and send the announcement, with fresh ids and as
 * replays, from before the content script starts until the test is done: Pledgemark must hear
 * none of it, tell them nothing, and keep highlighting and answering.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dumpLogsOnFailure,
  launchExtension,
  PROJECT_ROOT,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
  askTabs,
} from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** The pages of this test: `test/fixtures/hostile/`. */
const HOSTILE_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'hostile');

/** How long a page is given to do harm before the test looks: WXT's teardown was synchronous. */
const SETTLE_MS = 1_500;

interface TabAnswer {
  ok: boolean;
  value?: { active?: boolean; termCounts?: Record<string, number> };
}

/** Runs in an extension page: the id a content script's events are named with. */
function runtimeId(): string {
  type RuntimeApi = { id: string };
  const api = globalThis as unknown as {
    browser?: { runtime: RuntimeApi };
    chrome: { runtime: RuntimeApi };
  };
  return (api.browser ?? api.chrome).runtime.id;
}

/**
 * Runs in an extension page: the toolbar badge of the tab whose page counts `termId` (found by
 * asking each tab, as tabs' addresses are not the extension's to read), or null.
 */
async function badgeOfTabCounting(termId: string): Promise<string | null> {
  type Api = {
    tabs: {
      query: (filter: object) => Promise<{ id?: number }[]>;
      sendMessage: (tabId: number, message: unknown, options: object) => Promise<unknown>;
    };
    action?: { getBadgeText: (details: object) => Promise<string> };
    browserAction?: { getBadgeText: (details: object) => Promise<string> };
  };
  const globals = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = globals.browser ?? globals.chrome;
  const badge = api.action ?? api.browserAction;
  for (const tab of await api.tabs.query({})) {
    const message = { channel: 'pledgemark/v1', name: 'getPageTerms', request: {} };
    const answer = (await api.tabs
      .sendMessage(tab.id!, message, { frameId: 0 })
      .catch(() => null)) as TabAnswer | null;
    if (answer?.value?.termCounts?.[termId]) return badge!.getBadgeText({ tabId: tab.id });
  }
  return null;
}

/** Runs in the page: the terms highlighted in it, in document order. */
function highlightedTerms(): string[] {
  return [...document.querySelectorAll('[data-pledgemark-term]')].map(
    (element) => element.getAttribute('data-pledgemark-term') ?? '',
  );
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(HOSTILE_FIXTURES);
});
afterAll(async () => {
  await server?.stop();
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`Pledgemark's lifetime in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let extensionPage: PageDriver;
    /** `browser.runtime.id`: the Chrome extension id, or Firefox's add-on id. */
    let id: string;
    beforeAll(async () => {
      session = await launchExtension(name);
      extensionPage = await session.openExtensionPage('popup.html', 'input[type="search"]');
      id = await extensionPage.evaluate(runtimeId, null);
    });
    afterAll(async () => {
      await session?.close();
    });

    /** This page's answer to `getPageTerms`, once it counts `termId`. */
    async function pageTermsWith(termId: string): Promise<TabAnswer | undefined> {
      for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline;) {
        const answers = (await extensionPage.evaluate(askTabs, {
          name: 'getPageTerms',
          request: {},
        })) as TabAnswer[];
        const answer = answers.find((candidate) => candidate.value?.termCounts?.[termId]);
        if (answer) return answer;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return undefined;
    }

    it('tells a page that listens to every message nothing: no id, no start announcement', async (context) => {
      dumpLogsOnFailure(context, name, session);
      expect(id).toMatch(/\S/);
      const page = await session!.openPage(server.url('lifetime-listener.html'));
      await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
      // Whatever the content script posts at start has been delivered by now.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const heard = await page.evaluate(
        () => (window as unknown as { heard: string[] }).heard,
        null,
      );
      const telling = heard.filter(
        (line) => line.includes(id) || /wxt:|content-script-started|extension:\/\//.test(line),
      );
      expect(telling).toEqual([]);
      // Nor does anything Pledgemark put in the page's own tree name it.
      const markup = await page.evaluate(() => document.documentElement.outerHTML, null);
      expect(markup).not.toContain(id);
      await page.close();
    });

    /**
     * Opens the forging page, lets it do its worst and checks that Pledgemark still runs there:
     * its highlights stay, a term added later is highlighted, the tab answers the popup and
     * goes to a highlight when asked, and the toolbar badge counts the new term.
     */
    async function expectRunningDespite(at: 'start' | 'later'): Promise<void> {
      const url = `${server.url('lifetime-forger.html')}?at=${at}&id=${encodeURIComponent(id)}`;
      const page = await session!.openPage(url);
      await page.waitForSelector('[data-pledgemark-term="pnr"]', WAIT_MS);
      const before = await page.evaluate(highlightedTerms, null);
      expect(before).toEqual(['fatf', 'pnr']);
      // Five forgeries and a replay of all the page was posted, now that Pledgemark runs.
      await page.evaluate(() => {
        const forger = window as unknown as { forge(times: number): void; replayAll(): void };
        forger.forge(5);
        forger.replayAll();
      }, null);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      expect(await page.evaluate(highlightedTerms, null)).toEqual(before);

      // A term added later is still highlighted: the page observer still runs.
      await page.evaluate(() => {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Who is ETIM? The group is on the sanctions list.';
        document.getElementById('later')!.append(paragraph);
      }, null);
      await page.waitForSelector('#later [data-pledgemark-term="etim"]', WAIT_MS);

      // The tab still answers the popup, counting the new term…
      expect(await pageTermsWith('etim')).toMatchObject({
        ok: true,
        value: { active: true, termCounts: { fatf: 1, pnr: 1, etim: 1 } },
      });
      // …goes to a highlight when asked, as the keyboard commands ask it…
      expect(
        await extensionPage.evaluate(askTabs, {
          name: 'focusHighlight',
          request: { direction: 'next', termId: 'etim' },
        }),
      ).toContainEqual({ ok: true, value: { found: true, index: 1, total: 1 } });
      // …and reports its terms for the toolbar badge.
      let badge: string | null = null;
      for (const deadline = Date.now() + WAIT_MS; badge !== '3' && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        badge = await extensionPage.evaluate(badgeOfTabCounting, 'etim');
      }
      expect(badge).toBe('3');

      await page.evaluate(() => (window as unknown as { stopForging(): void }).stopForging(), null);
      await page.close();
    }

    it('keeps running when the page forges and replays the start announcement while it starts', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await expectRunningDespite('start');
    });

    it('keeps running when the page forges and replays the start announcement once it runs', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await expectRunningDespite('later');
    });

    // Last: it reloads the extension. Firefox destroys the old content script's sandbox on a
    // reload (or disable, or removal) before any of its code can run again (measured on
    // Firefox ESR 153: no timer, event or port disconnection reaches it), so there the old
    // instance cannot take its highlights down; Chromium leaves it running, orphaned.
    it.skipIf(name === 'Firefox')(
      'takes its highlights and card down when the extension is reloaded, and highlights nothing more',
      async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await session!.openPage(server.url('lifetime-listener.html'));
        await page.waitForSelector('[data-pledgemark-term="ftf"]', WAIT_MS);
        // The card is open (with the focus in it), as the keyboard command opens it.
        expect(
          await extensionPage.evaluate(askTabs, {
            name: 'focusHighlight',
            request: { direction: 'next', termId: 'fatf' },
          }),
        ).toContainEqual({ ok: true, value: { found: true, index: 1, total: 1 } });
        await page.waitForFunction(
          () => document.querySelectorAll('[data-pledgemark-ui]').length > 0,
          null,
          WAIT_MS,
        );

        // The extension page closes as the extension reloads: its answer never comes.
        void extensionPage
          .evaluate(() => {
            type RuntimeApi = { reload(): void };
            const api = globalThis as unknown as {
              browser?: { runtime: RuntimeApi };
              chrome: { runtime: RuntimeApi };
            };
            setTimeout(() => (api.browser ?? api.chrome).runtime.reload(), 50);
          }, null)
          .catch(() => {});
        await page.waitForFunction(
          () =>
            document.querySelectorAll('pledgemark, [data-pledgemark-term], [data-pledgemark-ui]')
              .length === 0,
          null,
          WAIT_MS,
        );
        const restored = await page.evaluate(async () => {
          const served = new DOMParser().parseFromString(
            await (await fetch(location.href)).text(),
            'text/html',
          );
          document.body.normalize();
          return document.body.innerHTML === served.body.innerHTML;
        }, null);
        expect(restored).toBe(true);

        // The orphan no longer highlights what the page adds.
        await page.evaluate(() => {
          const paragraph = document.createElement('p');
          paragraph.id = 'added';
          paragraph.textContent = 'Who is ETIM? The FATF asked again.';
          document.body.append(paragraph);
        }, null);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        expect(await page.evaluate(highlightedTerms, null)).toEqual([]);
        await page.close();
      },
    );
  });
}
