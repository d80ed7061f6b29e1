/**
 * The framework fixtures' pages for the end-to-end tests: the live blog of
 * `test/fixtures/frameworks/` bundled with real Preact, React and Vue from node_modules by esbuild
 * (in memory, at test set-up), served with a static control page from a small server on
 * 127.0.0.1. Also a plain Chromium without the extension, to check that the apps themselves do
 * what their state says.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS, TARGETS, WAIT_MS, type PageDriver } from './browsers';
import { listenOnLoopback } from './fixture-server';
import { ALL_PHRASES, TITLE } from '../fixtures/frameworks/live-blog';

export const FRAMEWORK_FIXTURE_DIR = fileURLToPath(
  new URL('../fixtures/frameworks/', import.meta.url),
);

export const FRAMEWORKS = ['Preact', 'React', 'Vue'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

const ENTRY: Record<Framework, string> = {
  Preact: 'preact-app.ts',
  React: 'react-app.ts',
  Vue: 'vue-app.ts',
};

/** Bundles each app into one classic script (an IIFE), in memory. */
export async function bundleFrameworkApps(): Promise<Record<Framework, string>> {
  const bundles = {} as Record<Framework, string>;
  await Promise.all(
    FRAMEWORKS.map(async (framework) => {
      const result = await build({
        entryPoints: [join(FRAMEWORK_FIXTURE_DIR, ENTRY[framework])],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: false,
        write: false,
        logLevel: 'silent',
        define: {
          'process.env.NODE_ENV': '"production"',
          // Vue's esm-bundler build asks for its compile-time flags.
          __VUE_OPTIONS_API__: 'false',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      });
      const [output] = result.outputFiles;
      if (!output) throw new Error(`esbuild produced nothing for ${ENTRY[framework]}`);
      bundles[framework] = output.text;
    }),
  );
  return bundles;
}

/**
 * The page's first script: records every error and unhandled rejection, before any app code
 * runs, so that a framework throwing on a DOM it no longer recognises is seen by the test.
 */
const ERROR_COLLECTOR = `
window.__pageErrors = [];
addEventListener('error', (event) => {
  const error = event.error;
  window.__pageErrors.push(error instanceof Error ? error.name + ': ' + error.message : String(event.message));
});
addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  window.__pageErrors.push('unhandled rejection: ' + (reason instanceof Error ? reason.name + ': ' + reason.message : String(reason)));
});
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function frameworkPageHtml(framework: Framework): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Live blog (${framework})</title>
    <script>${ERROR_COLLECTOR}</script>
  </head>
  <body>
    <main id="app"></main>
    <script src="/${framework.toLowerCase()}.js"></script>
  </body>
</html>
`;
}

/** Every phrase the apps can show, on a plain page, each with the terms it must get. */
export function staticPageHtml(): string {
  const paragraphs = ALL_PHRASES.map(
    (phrase, index) =>
      `    <p id="phrase-${index}" data-terms="${phrase.terms.join(' ')}">${escapeHtml(phrase.text)}</p>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Live blog (static)</title>
  </head>
  <body>
    <h1>${escapeHtml(TITLE)}</h1>
${paragraphs}
  </body>
</html>
`;
}

export interface FrameworkServer {
  readonly origin: string;
  /** The page of a framework's app. */
  pageUrl(framework: Framework): string;
  /** The static control page with every phrase the apps show. */
  readonly staticUrl: string;
  stop(): Promise<void>;
}

/** Bundles the apps and serves their pages on 127.0.0.1 and a free port. */
export async function startFrameworkServer(): Promise<FrameworkServer> {
  const bundles = await bundleFrameworkApps();
  const routes = new Map<string, { type: string; body: string }>();
  for (const framework of FRAMEWORKS) {
    const name = framework.toLowerCase();
    routes.set(`/${name}.html`, {
      type: 'text/html; charset=utf-8',
      body: frameworkPageHtml(framework),
    });
    routes.set(`/${name}.js`, {
      type: 'text/javascript; charset=utf-8',
      body: bundles[framework],
    });
  }
  routes.set('/static.html', { type: 'text/html; charset=utf-8', body: staticPageHtml() });

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const route = routes.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const body = Buffer.from(route.body, 'utf8');
    response.writeHead(200, {
      'content-type': route.type,
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  const origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    origin,
    pageUrl: (framework) => `${origin}/${framework.toLowerCase()}.html`,
    staticUrl: `${origin}/static.html`,
    stop: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

/** What the framework scenarios need of a tab. */
export type AppPage = Pick<PageDriver, 'evaluate' | 'waitForFunction' | 'close'>;

export interface PlainBrowser {
  openPage(url: string): Promise<AppPage>;
  /** Errors and console errors of its pages, for diagnosis. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** Chromium without the extension: the control that the apps themselves behave as expected. */
export async function launchPlainChromium(): Promise<PlainBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: TARGETS.Chromium.executablePath,
    headless: true,
    timeout: WAIT_MS,
    args: ['--headless=new', ...QUIET_CHROMIUM_ARGS],
  });
  const context = await browser.newContext();
  const logs: string[] = [];
  return {
    logs,
    async openPage(url) {
      const page = await context.newPage();
      page.on('pageerror', (error) => logs.push(`[page error] ${String(error)} (${page.url()})`));
      page.on('console', (message) => {
        if (message.type() === 'error') logs.push(`[console.error] ${message.text()}`);
      });
      await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
      return {
        evaluate: async <A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> =>
          (await page.evaluate(fn as (arg: unknown) => R, arg)) as Awaited<R>,
        async waitForFunction(fn, arg, timeout = WAIT_MS) {
          await page.waitForFunction(fn as (arg: unknown) => unknown, arg, {
            timeout,
            polling: 100,
          });
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
