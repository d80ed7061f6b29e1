/**
 * Launches the built extension in real browsers for the end-to-end tests, behind one small
 * driver interface so that a test is written once and run in each browser:
 *
 * - Chromium (MV3 build, `.output/chrome-mv3`) through playwright-core's persistent context;
 * - Firefox (MV2 build, `.output/firefox-mv2`) through puppeteer-core over WebDriver BiDi.
 *
 * Nothing here builds the extension or downloads a browser: a missing build fails with a message
 * saying how to make it, a missing browser skips the suite loudly (or fails it under `CI=true`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, {
  TimeoutError,
  type ElementHandle,
  type Browser as PuppeteerBrowser,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import type { TestContext } from 'vitest';
import { GECKO_ID } from '../../wxt.config';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2');

/** Fixed so that `moz-extension://<uuid>/…` is known before the add-on is installed. */
export const FIREFOX_EXTENSION_UUID = '5e7c1d2a-8b3f-4c6e-9a1d-0f2e3d4c5b6a';

/** How long any single wait in the end-to-end tests may take. */
export const WAIT_MS = 30_000;

/** Chromium as root, headless, on a machine with no network: no sandbox, no background traffic. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What `toolbarPopup` adds to Chromium's command line (and it drops `--hide-scrollbars`): a
 * DevTools port on 127.0.0.1 for puppeteer-core, and a desktop's screen; see
 * `LaunchOptions.toolbarPopup`.
 */
export const TOOLBAR_POPUP_CHROMIUM_ARGS = [
  '--remote-debugging-port=0',
  '--screen-info={1920x1080}',
];

export type BrowserName = 'Chromium' | 'Firefox';

export const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

export interface BrowserTarget {
  name: BrowserName;
  executablePath: string;
  /** Which environment variable overrides the executable path. */
  envVar: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  buildDir: string;
  buildCommand: string;
  installHint: string;
}

export const TARGETS: Record<BrowserName, BrowserTarget> = {
  Chromium: {
    name: 'Chromium',
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    envVar: 'CHROMIUM_PATH',
    buildDir: CHROME_BUILD_DIR,
    buildCommand: 'npx tsx data/build/build-corpus.ts && npx wxt build',
    installHint: 'sudo apt-get install chromium firefox-esr',
  },
  Firefox: {
    name: 'Firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    envVar: 'FIREFOX_PATH',
    buildDir: FIREFOX_BUILD_DIR,
    buildCommand: 'npx tsx data/build/build-corpus.ts && npx wxt build -b firefox --mv2',
    installHint: 'sudo apt-get install chromium firefox-esr',
  },
};

/**
 * Whether a browser's suite must be skipped: only when its binary is missing and this is not CI.
 * Under CI a missing browser is not skipped, so that the launch fails the suite with
 * `missingBrowserMessage`. Warns loudly, once per browser, when skipping.
 */
export function shouldSkip(target: BrowserTarget): boolean {
  if (existsSync(target.executablePath)) return false;
  if (isCI) return false;
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPING the ${target.name} end-to-end tests: ${missingBrowserMessage(target)}\n` +
      `!! (Under CI=true this is a failure, not a skip.)\n${line}\n`,
  );
  return true;
}

export function missingBrowserMessage(target: BrowserTarget): string {
  return (
    `${target.name} was not found at ${target.executablePath}. Install it with ` +
    `\`${target.installHint}\`, or point ${target.envVar} at its executable.`
  );
}

function assertReady(target: BrowserTarget): void {
  if (!existsSync(target.executablePath)) {
    throw new Error(
      `${missingBrowserMessage(target)}${isCI ? ' (CI=true: a missing browser fails the end-to-end tests.)' : ''}`,
    );
  }
  if (!existsSync(join(target.buildDir, 'manifest.json'))) {
    throw new Error(
      `The ${target.name} build of the extension is missing: ${join(target.buildDir, 'manifest.json')} does not exist. ` +
        `The end-to-end tests do not build; run \`${target.buildCommand}\` (or \`npm test\`, which builds first).`,
    );
  }
}

/** One tab, whichever browser drives it. Functions passed in run in the page. */
export interface PageDriver {
  readonly url: () => string;
  waitForSelector(selector: string, timeout?: number): Promise<void>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Focuses the element and types `text` key by key, as a user would. */
  type(selector: string, text: string): Promise<void>;
  /** Chooses a file in the file input matching the selector, as the reader's file picker does. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** Moves the mouse onto the middle of the first element matching the selector. */
  hover(selector: string): Promise<void>;
  /** Moves the mouse to a point of the viewport. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Presses a key (trusted, as a user would), e.g. "Tab", "Enter", "Escape". */
  press(key: string): Promise<void>;
  /** Presses a key with modifiers held (trusted), e.g. `['Control', 'c']` to copy. */
  chord(modifiers: readonly ('Control' | 'Shift' | 'Alt')[], key: string): Promise<void>;
  /** Makes this tab the active one, so that keys go to it. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionSession {
  readonly browser: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Opens a web page in a new tab and waits for it to load. */
  openPage(url: string): Promise<PageDriver>;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits for `readySelector`. */
  openExtensionPage(path: string, readySelector: string): Promise<PageDriver>;
  /**
   * Opens the extension's own toolbar popup, as a click on its button does, at the size the
   * browser gives it, and waits for `readySelector` in it. Needs a session launched with
   * `{ toolbarPopup: true }`.
   *
   * - Chromium: `chrome.action.openPopup()` from the service worker. Playwright never attaches
   *   to a popup's target (it is listed by `Target.getTargets`, but no `page` event comes), so
   *   the popup is driven by puppeteer-core over the session's DevTools port: keys and mouse
   *   are real.
   * - Firefox: `browserAction.openPopup()` from an extension tab. Puppeteer over WebDriver
   *   BiDi sees tabs only, not the panel, so the driver runs each function in the panel's
   *   window, found from that tab by `browser.extension.getViews({ type: 'popup' })`:
   *   `window`, `document`, `location`, `innerWidth`… in the function are the panel's. It has
   *   no keys or mouse: `type` sets the field's value and sends an `input` event; `press`,
   *   `hover` and `moveMouse` throw.
   */
  openToolbarPopup(readySelector: string): Promise<PageDriver>;
  /** Console messages and errors from pages, the background and the browser, for diagnosis. */
  readonly logs: string[];
  close(): Promise<void>;
}

/**
 * Extra launch settings for a test that needs them (e.g. sending all traffic to a proxy). They are
 * added after the defaults above; a test that passes none launches the browsers exactly as before.
 */
export interface LaunchOptions {
  /** More command-line switches for Chromium, after `QUIET_CHROMIUM_ARGS`. */
  chromiumArgs?: readonly string[];
  /** More preferences for Firefox's profile; they override the launcher's own of the same name. */
  firefoxPrefs?: Readonly<Record<string, unknown>>;
  /** More environment variables for Firefox, added to this process's own. */
  firefoxEnv?: Readonly<Record<string, string>>;
  /**
   * Lets `openToolbarPopup` open the real toolbar popup, on a desktop-like browser. Chromium: a
   * DevTools port on 127.0.0.1 (for puppeteer-core), a 1920×1080 screen (headless's own
   * 800×600 one caps the popup at 510 px high, not 600) and scrollbars shown as a desktop shows
   * them (headless hides them, and Chromium then sizes a scrolling popup 30 px wider than its
   * content). Firefox: `browserAction.openPopup()` allowed without a click.
   */
  toolbarPopup?: boolean;
  /**
   * A browser profile to start with and keep after `close()`, to start the browser again on the
   * same profile (the user's data must survive a restart). Firefox keeps the add-on's storage
   * and internal UUID when its temporary install ends with the browser, and gets the add-on
   * installed again. Without it, each session has a fresh profile, deleted on close.
   */
  profileDir?: string;
}

/** Prints what the browser logged (and what `more` adds) when the test fails: the first place to look. */
export function dumpLogsOnFailure(
  context: TestContext,
  name: BrowserName,
  session: ExtensionSession | undefined,
  more: () => string = () => '',
): void {
  context.onTestFailed(() => {
    const logs = session?.logs ?? [];
    console.error(
      `\n--- ${name} log for "${context.task.name}" (${logs.length} lines) ---\n${logs.join('\n') || '(empty)'}\n---${more()}`,
    );
  });
}

export function launchExtension(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  const target = TARGETS[name];
  assertReady(target);
  return name === 'Chromium' ? launchChromium(target, options) : launchFirefox(target, options);
}

const MAX_LOG_LINES = 400;

function pushLog(logs: string[], line: string): void {
  logs.push(line);
  if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
}

// ---------------------------------------------------------------------------------------------
// Chromium (MV3) through playwright-core

async function launchChromium(
  target: BrowserTarget,
  options: LaunchOptions,
): Promise<ExtensionSession> {
  const userDataDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'pledgemark-e2e-chromium-'));
  const removeProfile = () => {
    if (!options.profileDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  const logs: string[] = [];
  let context: BrowserContext | undefined;
  let devtools: PuppeteerBrowser | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: target.executablePath,
      headless: true,
      timeout: WAIT_MS,
      args: [
        '--headless=new',
        `--disable-extensions-except=${target.buildDir}`,
        `--load-extension=${target.buildDir}`,
        ...QUIET_CHROMIUM_ARGS,
        ...(options.toolbarPopup ? TOOLBAR_POPUP_CHROMIUM_ARGS : []),
        ...(options.chromiumArgs ?? []),
      ],
      ...(options.toolbarPopup ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    });
    const ctx = context;
    // The card copies citations; the tests read them back.
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    ctx.on('console', (message) => {
      const where = message.page()?.url() ?? message.worker()?.url() ?? '?';
      pushLog(logs, `[console.${message.type()}] ${message.text()} (${where})`);
    });
    ctx.on('weberror', (error) =>
      pushLog(logs, `[page error] ${String(error.error())} (${error.page()?.url() ?? '?'})`),
    );
    ctx.on('page', (page) => page.on('crash', () => pushLog(logs, `[crash] ${page.url()}`)));

    const isOurs = (url: string) => url.startsWith('chrome-extension://');
    const worker =
      ctx.serviceWorkers().find((candidate) => isOurs(candidate.url())) ??
      (await ctx.waitForEvent('serviceworker', {
        predicate: (candidate) => isOurs(candidate.url()),
        timeout: WAIT_MS,
      }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const popupUrl = `${extensionOrigin}/popup.html`;

    /** puppeteer-core on the DevTools port Chromium wrote into the profile, once asked for. */
    const connectDevTools = async (): Promise<PuppeteerBrowser> => {
      if (devtools?.connected) return devtools;
      const portFile = join(userDataDir, 'DevToolsActivePort');
      if (!options.toolbarPopup || !existsSync(portFile)) {
        throw new Error(
          'openToolbarPopup needs a Chromium session launched with { toolbarPopup: true }',
        );
      }
      const [port, path] = readFileSync(portFile, 'utf8').split('\n');
      devtools = await puppeteer.connect({
        browserWSEndpoint: `ws://127.0.0.1:${port}${path}`,
        // The popup keeps the size Chromium gives it.
        defaultViewport: null,
        protocolTimeout: WAIT_MS * 2,
      });
      return devtools;
    };

    return {
      browser: 'Chromium',
      extensionOrigin,
      logs,
      async openPage(url) {
        const page = await ctx.newPage();
        await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
        return playwrightDriver(page);
      },
      async openExtensionPage(path, readySelector) {
        const page = await ctx.newPage();
        await page.goto(`${extensionOrigin}/${path}`, { waitUntil: 'load', timeout: WAIT_MS });
        await page.waitForSelector(readySelector, { state: 'attached', timeout: WAIT_MS });
        return playwrightDriver(page);
      },
      async openToolbarPopup(readySelector) {
        const remote = await connectDevTools();
        // openPopup needs a normal window to open in ("Could not find an active browser
        // window" otherwise); the first blank tab is one.
        if (ctx.pages().length === 0) await ctx.newPage();
        const before = new Set(remote.targets());
        const opened = remote.waitForTarget(
          (candidate) => candidate.url().startsWith(popupUrl) && !before.has(candidate),
          { timeout: WAIT_MS },
        );
        const background =
          ctx.serviceWorkers().find((candidate) => isOurs(candidate.url())) ?? worker;
        await background.evaluate(() =>
          (
            globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
          ).chrome.action.openPopup(),
        );
        const page = await (await opened).asPage();
        page.on('console', (message) =>
          pushLog(logs, `[console.${message.type()}] ${message.text()} (toolbar popup)`),
        );
        page.on('pageerror', (error) =>
          pushLog(logs, `[page error] ${String(error)} (toolbar popup)`),
        );
        await page.waitForSelector(readySelector, { timeout: WAIT_MS });
        return puppeteerDriver(page);
      },
      async close() {
        try {
          await devtools?.disconnect().catch(() => {});
          await ctx.close();
        } finally {
          removeProfile();
        }
      },
    };
  } catch (error) {
    await devtools?.disconnect().catch(() => {});
    await context?.close().catch(() => {});
    removeProfile();
    throw withLogs(
      `Could not start ${target.name} with the extension from ${target.buildDir}`,
      error,
      logs,
    );
  }
}

function playwrightDriver(page: PlaywrightPage): PageDriver {
  return {
    url: () => page.url(),
    async waitForSelector(selector, timeout = WAIT_MS) {
      await page.waitForSelector(selector, { state: 'attached', timeout });
    },
    async waitForFunction(fn, arg, timeout = WAIT_MS) {
      await page.waitForFunction(inPage(fn), arg, { timeout, polling: 100 });
    },
    evaluate: async <A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> =>
      (await page.evaluate(inPage(fn), arg)) as Awaited<R>,
    async type(selector, text) {
      const locator = page.locator(selector);
      await locator.click({ timeout: WAIT_MS });
      await locator.pressSequentially(text, { timeout: WAIT_MS });
    },
    chooseFile: (selector, path) => page.setInputFiles(selector, path, { timeout: WAIT_MS }),
    hover: (selector) => page.locator(selector).first().hover({ timeout: WAIT_MS }),
    moveMouse: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    chord: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Firefox (MV2) through puppeteer-core over WebDriver BiDi

async function launchFirefox(
  target: BrowserTarget,
  options: LaunchOptions,
): Promise<ExtensionSession> {
  const logs: string[] = [];
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  let browser: PuppeteerBrowser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: target.executablePath,
      headless: true,
      timeout: WAIT_MS,
      protocolTimeout: WAIT_MS * 2,
      ...(options.firefoxEnv ? { env: { ...process.env, ...options.firefoxEnv } } : {}),
      ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
      // Needed for moz-extension:// pages to be opened through WebDriver BiDi on Firefox ESR.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // The add-on's internal UUID, keyed by its gecko id: makes the popup's URL predictable.
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // Keep the browser offline and quiet: no update checks, telemetry or first-run pages.
        'extensions.update.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.reportingpolicy.firstRun': false,
        // Mirror console messages (pages, extension pages, background) to stdout for diagnosis.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
        // Lets a test page read back the citation the card copied.
        'dom.events.testing.asyncClipboard': true,
        // Lets an extension page open the toolbar panel with no click on its button.
        ...(options.toolbarPopup ? { 'extensions.openPopupWithoutUserGesture.enabled': true } : {}),
        // A kept profile keeps the add-on's data when its temporary install ends with the browser.
        ...(options.profileDir
          ? {
              'extensions.webextensions.keepStorageOnUninstall': true,
              'extensions.webextensions.keepUuidOnUninstall': true,
            }
          : {}),
        ...options.firefoxPrefs,
      },
    });
    const ff = browser;
    const child = ff.process();
    for (const stream of [child?.stdout, child?.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          // Firefox's remote agent logs a harmless error when a tab's navigation has no context yet.
          if (/context is null|Handler function threw an exception/.test(line)) continue;
          if (
            /console\.|JavaScript (error|warning)|moz-extension|pledgemark|Exception|Error/i.test(
              line,
            )
          ) {
            pushLog(logs, `[firefox] ${line.trim()}`);
          }
        }
      });
    }

    const addonId = await ff.installExtension(target.buildDir);
    if (addonId !== GECKO_ID) {
      throw new Error(
        `Firefox installed the add-on as ${addonId}, expected ${GECKO_ID} (wxt.config.ts GECKO_ID)`,
      );
    }

    const watch = (page: PuppeteerPage) => {
      page.on('console', (message) =>
        pushLog(logs, `[console.${message.type()}] ${message.text()} (${page.url()})`),
      );
      page.on('pageerror', (error) =>
        pushLog(logs, `[page error] ${String(error)} (${page.url()})`),
      );
    };

    return {
      browser: 'Firefox',
      extensionOrigin,
      logs,
      async openPage(url) {
        const page = await ff.newPage();
        watch(page);
        await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
        return puppeteerDriver(page);
      },
      async openExtensionPage(path, readySelector) {
        const page = await ff.newPage();
        watch(page);
        // On Firefox ESR the navigation to a moz-extension:// URL never resolves through BiDi:
        // start it, ignore its outcome and wait for the page's content instead.
        page.goto(`${extensionOrigin}/${path}`, { timeout: WAIT_MS }).catch(() => {});
        await waitThroughNavigation(page, readySelector);
        return puppeteerDriver(page);
      },
      async openToolbarPopup(readySelector) {
        if (!options.toolbarPopup) {
          throw new Error(
            'openToolbarPopup needs a Firefox session launched with { toolbarPopup: true }',
          );
        }
        // An extension tab to open the panel from and to reach into it (the clips view asks the
        // background for the least).
        const opener = await ff.newPage();
        watch(opener);
        opener.goto(`${extensionOrigin}/popup.html#clips`, { timeout: WAIT_MS }).catch(() => {});
        await waitThroughNavigation(opener, '.popup');
        await opener.evaluate(() =>
          (
            globalThis as unknown as { browser: { browserAction: { openPopup(): Promise<void> } } }
          ).browser.browserAction.openPopup(),
        );
        const panel = firefoxPanelDriver(opener, `${extensionOrigin}/popup.html`);
        await panel.waitForSelector(readySelector);
        return panel;
      },
      close: () => ff.close(),
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    throw withLogs(
      `Could not start ${target.name} with the extension from ${target.buildDir}`,
      error,
      logs,
    );
  }
}

/**
 * Waits for `selector` while the tab may still be leaving about:blank: a wait that started in the
 * old document can fail with a protocol error when that document's realm goes away (seen with
 * Firefox ESR as "right-hand side of 'in' should be an object, got null"). Such errors are
 * retried until the deadline; a plain timeout is not.
 */
async function waitThroughNavigation(
  page: PuppeteerPage,
  selector: string,
  timeout = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) {
        throw new Error(`${selector} did not appear in ${page.url()} within ${timeout} ms`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function puppeteerDriver(page: PuppeteerPage): PageDriver {
  return {
    url: () => page.url(),
    async waitForSelector(selector, timeout = WAIT_MS) {
      await page.waitForSelector(selector, { timeout });
    },
    async waitForFunction(fn, arg, timeout = WAIT_MS) {
      await page.waitForFunction(inPage(fn), { timeout, polling: 100 }, arg);
    },
    evaluate: async <A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> =>
      (await page.evaluate(inPage(fn), arg)) as Awaited<R>,
    async type(selector, text) {
      await page.click(selector);
      await page.type(selector, text);
    },
    async chooseFile(selector, path) {
      const input = await page.waitForSelector(selector, { timeout: WAIT_MS });
      if (!input) throw new Error(`No ${selector} in ${page.url()}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    hover: (selector) => page.hover(selector),
    moveMouse: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    async chord(modifiers, key) {
      // WebDriver BiDi presses one key at a time: hold the modifiers around it.
      for (const modifier of modifiers) await page.keyboard.down(modifier);
      await page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
      for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * Firefox's toolbar panel, driven from the extension tab that opened it: each function runs in
 * that tab with the panel's `window`, `document`, `location`, `history`, `navigator`,
 * `innerWidth`, `innerHeight` and `getComputedStyle` in its scope instead of the tab's (other
 * globals, e.g. `HTMLElement` or `InputEvent`, stay the tab's: use `window.InputEvent`).
 */
function firefoxPanelDriver(opener: PuppeteerPage, panelUrl: string): PageDriver {
  let url = panelUrl;
  const run = async <A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> => {
    const answer = (await opener.evaluate(`(async () => {
      const [window] = browser.extension.getViews({ type: 'popup' });
      if (!window) throw new Error('The toolbar panel is not open.');
      const { document, location, history, navigator, innerWidth, innerHeight } = window;
      const getComputedStyle = window.getComputedStyle.bind(window);
      const value = await (${fn.toString()})(${arg === undefined ? 'undefined' : JSON.stringify(arg)});
      return { url: location.href, value };
    })()`)) as { url: string; value: Awaited<R> };
    url = answer.url;
    return answer.value;
  };
  const waitFor = async <A>(fn: (arg: A) => unknown, arg: A, timeout = WAIT_MS) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      let failure: unknown = null;
      try {
        if (await run(fn, arg)) return;
      } catch (error) {
        failure = error;
      }
      if (Date.now() >= deadline) {
        throw new Error(`Waited ${timeout} ms in the toolbar panel (${url}) for ${fn.toString()}`, {
          cause: failure,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const noInput = (what: string) => () =>
    Promise.reject(
      new Error(`${what}: WebDriver BiDi sends no keys or mouse to Firefox's toolbar panel`),
    );
  return {
    url: () => url,
    waitForSelector: (selector, timeout) =>
      waitFor((wanted: string) => document.querySelector(wanted) !== null, selector, timeout),
    waitForFunction: waitFor,
    evaluate: run,
    async type(selector, text) {
      await run(
        ({ selector, text }: { selector: string; text: string }) => {
          const field = document.querySelector(selector) as HTMLInputElement;
          field.focus();
          field.value += text;
          field.dispatchEvent(
            new window.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
          );
        },
        { selector, text },
      );
    },
    chooseFile: noInput('chooseFile'),
    hover: noInput('hover'),
    moveMouse: noInput('moveMouse'),
    press: noInput('press'),
    chord: noInput('chord'),
    // Nothing to do: the panel is drawn over its window, with the focus in it.
    bringToFront: async () => {},
    async close() {
      await run(() => window.close(), null).catch(() => {});
      await opener.close();
    },
  };
}

/**
 * Arguments passed to a function run in the page are plain serialisable data, never handles; the
 * drivers' generic types (which unwrap handles) cannot see that, hence this cast.
 */
function inPage<A, R>(fn: (arg: A) => R): (arg: unknown) => R {
  return fn as (arg: unknown) => R;
}

function withLogs(message: string, cause: unknown, logs: readonly string[]): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const tail =
    logs.length > 0
      ? `\nBrowser log (last ${Math.min(logs.length, 40)} lines):\n${logs.slice(-40).join('\n')}`
      : '';
  return new Error(`${message}: ${reason}${tail}`, { cause });
}

/**
 * Runs in an extension page: sends one TabProtocol call to every tab (as the popup does to the
 * active one, and the background for a keyboard command), and answers what the tabs with a
 * content script said.
 */
export async function askTabs({
  name,
  request,
}: {
  name: string;
  request: object;
}): Promise<unknown[]> {
  type TabsApi = {
    query: (filter: object) => Promise<{ id?: number }[]>;
    sendMessage: (tabId: number, message: unknown, options: object) => Promise<unknown>;
  };
  const api = globalThis as unknown as { browser?: { tabs: TabsApi }; chrome: { tabs: TabsApi } };
  const tabs = (api.browser ?? api.chrome).tabs;
  const answers = await Promise.allSettled(
    (await tabs.query({})).map((tab) =>
      tabs.sendMessage(tab.id!, { channel: 'pledgemark/v1', name, request }, { frameId: 0 }),
    ),
  );
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
}
