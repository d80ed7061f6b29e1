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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, {
  TimeoutError,
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
  /** Moves the mouse onto the middle of the first element matching the selector. */
  hover(selector: string): Promise<void>;
  /** Moves the mouse to a point of the viewport. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Presses a key (trusted, as a user would), e.g. "Tab", "Enter", "Escape". */
  press(key: string): Promise<void>;
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
  const userDataDir = mkdtempSync(join(tmpdir(), 'pledgemark-e2e-chromium-'));
  const logs: string[] = [];
  let context: BrowserContext | undefined;
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
        ...(options.chromiumArgs ?? []),
      ],
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
      async close() {
        try {
          await ctx.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
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
    hover: (selector) => page.locator(selector).first().hover({ timeout: WAIT_MS }),
    moveMouse: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
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
    hover: (selector) => page.hover(selector),
    moveMouse: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
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
