/**
 * `npm run screenshots`: the hover card on the E2E fixture page in light and dark mode, and the
 * real toolbar popup's search, term view and clips (opened by `chrome.action.openPopup()`, at
 * the size Chromium gives it), taken in headless Chromium with the built extension
 * (`npx wxt build` first). The README links them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { QUIET_CHROMIUM_ARGS, TOOLBAR_POPUP_CHROMIUM_ARGS } from '../e2e/browsers';
import { startFixtureServer } from '../e2e/fixture-server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const build = join(root, '.output', 'chrome-mv3');
const server = await startFixtureServer();

/**
 * Headless Chromium with the built extension, in a profile of its own. For the toolbar popup:
 * a DevTools port to reach it by (Playwright does not attach to a popup's target), a desktop's
 * screen and scrollbars shown, as `launchExtension(…, { toolbarPopup: true })` has them.
 */
async function launch(toolbarPopup: boolean) {
  const profile = mkdtempSync(join(tmpdir(), 'pledgemark-screenshots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 760 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      ...QUIET_CHROMIUM_ARGS,
      ...(toolbarPopup ? TOOLBAR_POPUP_CHROMIUM_ARGS : []),
    ],
    ...(toolbarPopup ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, profile, close };
}

/** The hover card on the fixture page, in light and dark mode. */
async function shootCards() {
  const cards = await launch(false);
  try {
    const page = await cards.context.newPage();
    await page.goto(server.url('slice.html'));
    const highlight = page.locator('[data-pledgemark-term="pnr"]').first();
    await highlight.waitFor({ state: 'attached' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(0, 0);
      await page.waitForTimeout(600);
      await highlight.hover();
      await page.waitForTimeout(1_200);
      const path = join(root, 'test', 'screenshots', `card-${scheme}.png`);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
  } finally {
    await cards.close();
  }
}

/**
 * The popup's views in the real toolbar popup, opened over the fixture page as a reader opens
 * it, and shot at the size Chromium gives it.
 */
async function shootPopup() {
  const { context, profile, close } = await launch(true);
  let devtools: PuppeteerBrowser | undefined;
  try {
    const [port, endpoint] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
    devtools = await puppeteer.connect({
      browserWSEndpoint: `ws://127.0.0.1:${port}${endpoint}`,
      defaultViewport: null,
    });
    const page = await context.newPage();
    await page.goto(server.url('slice.html'));
    await page.locator('[data-pledgemark-term="pnr"]').first().waitFor({ state: 'attached' });
    const worker =
      context
        .serviceWorkers()
        .find((candidate) => candidate.url().startsWith('chrome-extension:')) ??
      (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const opened = devtools.waitForTarget((target) =>
      target.url().startsWith(`${origin}/popup.html`),
    );
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
      ).chrome.action.openPopup(),
    );
    const popup = await (await opened).asPage();
    const shoot = async (name: string) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const path = join(root, 'test', 'screenshots', `${name}.png`);
      await popup.screenshot({ path });
      const size = await popup.evaluate(() => `${innerWidth}×${innerHeight}`);
      console.log(`wrote ${path} (${size})`);
    };
    /** Focuses the button reading `text` and presses Enter, as a reader does. */
    const press = async (selector: string, text: string) => {
      await popup.waitForFunction(
        (selector, text) =>
          [...document.querySelectorAll<HTMLElement>(selector)].some(
            (element) => element.textContent?.trim() === text,
          ),
        {},
        selector,
        text,
      );
      await popup.evaluate(
        (selector, text) =>
          [...document.querySelectorAll<HTMLElement>(selector)]
            .find((element) => element.textContent?.trim() === text)
            ?.focus(),
        selector,
        text,
      );
      await popup.keyboard.press('Enter');
    };

    await popup.waitForSelector('.search-facets select');
    await popup.type('input[type="search"]', 'PNR');
    await popup.waitForSelector('.results > li');
    await shoot('popup-search');

    await press('button', 'Passenger Name Record (PNR)');
    await popup.waitForSelector('table.commitments-matrix tbody > tr');
    // Chromium widens the popup to the term view once it is laid out.
    await popup.waitForFunction(() => innerWidth >= 700);
    await shoot('popup-term');

    // Clips: two of PNR's commitments saved from its term view, then the list.
    for (const documentId of ['g7-action-plan-2016', 'apec-strategic-plan-2018']) {
      await press(`tr[data-document="${documentId}"] button.save-clip`, 'Save clip');
      await popup.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.includes('Saved'),
        {},
        `tr[data-document="${documentId}"] button.save-clip`,
      );
    }
    await press('.popup-nav a', 'Clips');
    await popup.waitForSelector('li.clip:nth-of-type(2)');
    // A reader who clicked "Clips" sees no focus ring on it.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shoot('popup-clips');
  } finally {
    await devtools?.disconnect();
    await close();
  }
}

try {
  await shootCards();
  await shootPopup();
} finally {
  await server.stop();
}
