/**
 * The README's promise, checked from outside the extension: "Pledgemark makes no network request:
 * the corpus ships inside the extension ... The page's text is read in the tab and never leaves it."
 *
 * Each browser runs the built extension with every request it makes sent to a recording proxy
 * started here, loopback included. The proxy forwards nothing: it serves the one fixture page the
 * test opens (from a made-up host, so the page loads only through the proxy) and answers anything
 * else with 502, plain requests and CONNECT tunnels alike. The test then uses Pledgemark as a reader
 * would: the content script highlights the page, a highlight's card opens on hover, the popup
 * searches "PNR" and opens its term view, the import view reads an HTML file whose image and
 * frame point at other sites, into passages to add, and a PDF with Chinese text (pdf.js with
 * its packaged worker, character maps and fonts), and a term of the reader's is added and
 * highlighted on the open page. The proxy must have seen the page the test
 * opened and nothing else. A last check sends requests of its own from a web page and from an extension page
 * and makes sure the proxy sees them, so that the silence above is not the proxy's blindness.
 *
 * Each browser's own traffic is turned off at its source (see `throughProxy`), not filtered out.
 * Not seen by the proxy: DNS lookups made outside a request and WebRTC's UDP, which do not go
 * through an HTTP proxy.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type LaunchOptions,
  type PageDriver,
  PROJECT_ROOT,
} from './browsers';
import { makePdf } from '../fixtures/pdf/make-pdf';
import { FIXTURE_DIR, listenOnLoopback, sendFile } from './fixture-server';

/** The fixture pages' origin: exists only in the proxy, so a page that loads came through it. */
const FIXTURE_HOST = 'pledgemark-fixtures.test';
const FIXTURE_ORIGIN = `http://${FIXTURE_HOST}`;

const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';

/** How long the proxy must have seen nothing before its record is read. */
const QUIET_MS = 1_500;

interface ProxiedRequest {
  /** As received: `GET http://host/path` for a proxied request, `CONNECT host:443` for a tunnel. */
  line: string;
  /** Who asked, for the failure message: the request's Origin, Referer and Sec-Fetch-* headers. */
  from: string;
  at: number;
}

interface RecordingProxy {
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that records every request and forwards none: requests for
 * `FIXTURE_ORIGIN` are answered with the fixture file, everything else with 502.
 */
async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const record = (request: IncomingMessage) => {
    const headers = ['origin', 'referer', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest'];
    requests.push({
      line: `${request.method} ${request.url}`,
      from: headers
        .filter((header) => request.headers[header] !== undefined)
        .map((header) => `${header}: ${String(request.headers[header])}`)
        .join(', '),
      at: Date.now(),
    });
  };
  const base = resolve(FIXTURE_DIR);
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    let url: URL | undefined;
    try {
      url = new URL(request.url ?? '');
    } catch {
      // Not a proxy request (no absolute URL): refused like any other.
    }
    const file = url && normalize(join(base, decodeURIComponent(url.pathname)));
    if (
      url?.origin !== FIXTURE_ORIGIN ||
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      !file?.startsWith(base + sep)
    ) {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Refused by the privacy test: this proxy forwards nothing.');
      return;
    }
    await sendFile(file, request, response);
  };

  const server = createServer((request, response) => {
    record(request);
    void serve(request, response);
  });
  // CONNECT (https://, wss://, and ws:// through a proxy) and plain upgrades: recorded, refused.
  const refuse = (request: IncomingMessage, socket: Duplex) => {
    record(request);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  };
  server.on('connect', refuse);
  server.on('upgrade', refuse);
  const port = await listenOnLoopback(server);
  return {
    port,
    requests,
    stop: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

/**
 * Port 1 is on both browsers' list of restricted ports: a request for it fails inside the browser
 * (Chromium's ERR_UNSAFE_PORT, Firefox's NS_ERROR_PORT_ACCESS_NOT_ALLOWED) before any connection
 * is made, to a proxy or anywhere else.
 */
const NOWHERE = 'http://127.0.0.1:1/';

/**
 * Sends all of a browser's traffic to the proxy on `port`, loopback and HTTPS included, and turns
 * off the traffic each browser makes of its own accord, so that whatever reaches the proxy is the
 * test's or the extension's.
 */
function throughProxy(port: number): LaunchOptions {
  return {
    chromiumArgs: [
      `--proxy-server=http://127.0.0.1:${port}`,
      // Chromium never proxies loopback unless told to; "<-loopback>" removes that exception.
      '--proxy-bypass-list=<-loopback>',
      // What Chromium 156 sends despite QUIET_CHROMIUM_ARGS, each to a Google service whose
      // address has a switch of its own; pointed NOWHERE, none of it leaves the browser:
      // - POST accounts.google.com/ListAccounts, at start-up and again with backoff (sign-in
      //   lists the Google accounts in the cookie jar; --allow-browser-signin=false does not stop
      //   it, and playwright-core's SkipListAccountsWithoutGaiaCookies is not in this build);
      `--gaia-url=${NOWHERE}`,
      // - GET content-autofill.googleapis.com/v1/pages/…, autofill's form-type queries for any
      //   page with a form (slice.html has a comment form), repeated with backoff;
      `--autofill-server-url=${NOWHERE}`,
      // - POST update.googleapis.com/service/update2/json, on some runs only: an on-demand update
      //   check for the "Optimization Guide On Device Models Manifest" component
      //   (ceofaddefefcbblgcgnibnonglccbfja), which --disable-component-update does not stop.
      // (Not --disable-features: playwright-core passes its own list, and Chromium keeps only the
      // last --disable-features it is given.)
      `--component-updater=url-source=${NOWHERE}`,
    ],
    firefoxPrefs: {
      'network.proxy.type': 1, // manual
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      // Firefox's Remote Settings otherwise sync some twenty collections from
      // firefox.settings.services.mozilla.com at start-up (collections without a packaged dump,
      // and the start-up bundle). The remote agent's own setting for tests: a data: URL, so
      // every Remote Settings request is answered inside the browser. A release build heeds the
      // setting only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 (below).
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
    firefoxEnv: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  };
}

/** Waits until the proxy has received nothing for `QUIET_MS`, so that no request is still coming. */
async function waitForQuiet(proxy: RecordingProxy): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const last = Math.max(0, ...proxy.requests.map((request) => request.at));
    const quietFor = Date.now() - last;
    if (quietFor >= QUIET_MS) return;
    if (Date.now() > deadline) {
      throw new Error(`The browser kept sending requests to the proxy for ${WAIT_MS} ms`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, QUIET_MS - quietFor + 50));
  }
}

function listing(requests: readonly ProxiedRequest[]): string {
  return requests.length === 0
    ? '  (none)'
    : requests
        .map((request) => `  ${request.line}${request.from ? `   (${request.from})` : ''}`)
        .join('\n');
}

/** Runs in the page: whether the card is drawn just below or just above a term's highlight. */
function isCardNear(termId: string): boolean {
  const rect = document
    .querySelector(`[data-pledgemark-term="${termId}"]`)!
    .getBoundingClientRect();
  return [rect.bottom + 40, rect.top - 40].some(
    (y) =>
      document.elementFromPoint(rect.left + 12, y)?.getAttribute('data-pledgemark-ui') === 'card',
  );
}

/** Runs in the page: focuses the first element matching `selector` whose text is `text`. */
function focusByText({ selector, text }: { selector: string; text: string }): boolean {
  const target = [...document.querySelectorAll<HTMLElement>(selector)].find(
    (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  );
  target?.focus();
  return target !== undefined && document.activeElement === target;
}

/** Runs in a page: sends a request to each URL (a WebSocket for ws:), whatever their outcome. */
async function probe(urls: string[]): Promise<void> {
  await Promise.allSettled(
    urls.map((url) =>
      url.startsWith('ws:')
        ? new Promise<void>((done) => {
            const socket = new WebSocket(url);
            socket.onclose = () => done();
          })
        : fetch(url, { mode: 'no-cors', cache: 'no-store' }),
    ),
  );
}

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`no network request in ${name}`, () => {
    let proxy: RecordingProxy | undefined;
    let session: ExtensionSession | undefined;
    /** What the test itself asked the browser for, as the proxy records it. */
    const expected: string[] = [];
    const opened: PageDriver[] = [];
    /** Folders the test wrote files to. */
    const temporary: string[] = [];
    /** The fixture page and the popup the first test opens; the second sends its probes from them. */
    let page: PageDriver | undefined;
    let popup: PageDriver | undefined;

    beforeAll(async () => {
      proxy = await startRecordingProxy();
      session = await launchExtension(name, throughProxy(proxy.port));
    });

    afterAll(async () => {
      try {
        await Promise.allSettled(opened.map((page) => page.close()));
        await session?.close();
      } finally {
        await proxy?.stop();
        await Promise.all(temporary.map((folder) => rm(folder, { recursive: true, force: true })));
      }
    });

    const proxyRecord = () =>
      `\n--- requests the proxy saw ---\n${listing(proxy?.requests ?? [])}\n---`;

    async function openFixture(path: string): Promise<PageDriver> {
      const url = `${FIXTURE_ORIGIN}/${path}`;
      expected.push(`GET ${url}`);
      const page = await session!.openPage(url);
      opened.push(page);
      return page;
    }

    it('highlights a page, opens a card, searches the popup, opens a term view, reads a file to add and adds a term, without one request of its own', async (context) => {
      dumpLogsOnFailure(context, name, session, proxyRecord);
      page = await openFixture('slice.html');
      await page.waitForFunction(
        (ids: string[]) =>
          ids.every((id) => document.querySelector(`[data-pledgemark-term="${id}"]`)),
        ['fatf', 'pnr', 'etim'],
        WAIT_MS,
      );
      await page.hover('[data-pledgemark-term="fatf"]');
      await page.waitForFunction(isCardNear, 'fatf', WAIT_MS);

      popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
      opened.push(popup);
      await popup.type(SEARCH_INPUT, 'PNR');
      await popup.waitForFunction(
        ({ selector }: { selector: string }) =>
          document.querySelector<HTMLInputElement>(selector)?.value === 'PNR' &&
          /^\d+ passages?/.test(
            document.querySelector('p.search-status[role="status"]')?.textContent?.trim() ?? '',
          ) &&
          document.querySelectorAll('ul[role="list"][aria-label="Results"] > li').length > 0,
        { selector: SEARCH_INPUT },
        WAIT_MS,
      );
      const term = { selector: 'button', text: 'Passenger Name Record (PNR)' };
      await popup.waitForFunction(focusByText, term, WAIT_MS);
      await popup.press('Enter');
      await popup.waitForSelector('table.commitments-matrix tbody > tr', WAIT_MS);
      expect(popup.url()).toMatch(/#term\?id=pnr$/);

      // A file to add is parsed, never loaded: its image and frame elsewhere are not fetched.
      const importView = await session!.openExtensionPage('popup.html#import', '#import-file');
      opened.push(importView);
      await importView.chooseFile(
        '#import-file',
        join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'ministry-statement.html'),
      );
      await importView.waitForSelector('.import-passages', WAIT_MS);

      // A PDF is read by pdf.js with its worker, character maps and fonts from the extension.
      const pdf = join(await mkdtemp(join(tmpdir(), 'pledgemark-privacy-')), 'report.pdf');
      temporary.push(dirname(pdf));
      await writeFile(
        pdf,
        makePdf({
          pages: [
            {
              paragraphs: ['1. Decides that Member States shall share Passenger Name Record data.'],
            },
            { script: 'cjk', paragraphs: ['打击恐怖主义的综合国际框架。'] },
          ],
        }),
      );
      await importView.chooseFile('#import-file', pdf);
      await importView.waitForFunction(
        () =>
          /^From the PDF “report\.pdf”/.test(
            document.querySelector('#import-source-note')?.textContent ?? '',
          ),
        null,
        WAIT_MS,
      );

      // A term of the reader's is linked and compiled in the extension, and reaches the open page.
      const termsView = await session!.openExtensionPage('popup.html#terms', '#term-label');
      opened.push(termsView);
      await termsView.evaluate(() => {
        const field = document.querySelector<HTMLInputElement>('#term-label')!;
        field.value = 'cash couriers';
        field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, null);
      await termsView.waitForFunction(
        () => {
          const save = [...document.querySelectorAll('button')].find(
            (button) => button.textContent?.trim() === 'Save term' && !button.disabled,
          );
          save?.click();
          return save !== undefined;
        },
        null,
        WAIT_MS,
      );
      await page.waitForSelector('[data-pledgemark-term^="user-"]', WAIT_MS);

      await waitForQuiet(proxy!);
      const seen = [...proxy!.requests];
      const unexpected = [...seen];
      for (const line of expected) {
        const index = unexpected.findIndex((request) => request.line === line);
        if (index >= 0) unexpected.splice(index, 1);
      }
      expect(
        unexpected.map((request) => request.line),
        `${name}: the proxy saw requests the test did not make (Pledgemark promises none):\n${listing(unexpected)}\n` +
          `All requests the proxy saw, in order:\n${listing(seen)}\n`,
      ).toEqual([]);
      // The page the test opened came through the proxy, once: the proxy saw the browser's traffic.
      expect(seen.map((request) => request.line).sort()).toEqual([...expected].sort());
    });

    it('the proxy sees what a web page or an extension page sends, to loopback, over HTTPS and by WebSocket', async (context) => {
      dumpLogsOnFailure(context, name, session, proxyRecord);
      // The test above means something only if the proxy sees everything; this one makes requests
      // of its own, from the tab the content script runs in and from an extension page.
      page ??= await openFixture('slice.html');
      popup ??= await session!.openExtensionPage('popup.html', SEARCH_INPUT);
      const before = proxy!.requests.length;
      await page.evaluate(probe, ['http://127.0.0.1:7357/privacy-probe/page']);
      await popup.evaluate(probe, [
        'http://localhost:7357/privacy-probe/extension',
        'https://privacy-probe.test/privacy-probe/extension',
        'ws://privacy-probe.test/privacy-probe/socket',
      ]);
      const lines = proxy!.requests.slice(before).map((request) => request.line);
      expect(
        lines,
        `${name}: the proxy missed requests the test made, so it cannot vouch for the test above`,
      ).toEqual(
        expect.arrayContaining([
          'GET http://127.0.0.1:7357/privacy-probe/page',
          'GET http://localhost:7357/privacy-probe/extension',
          'CONNECT privacy-probe.test:443',
          'CONNECT privacy-probe.test:80',
        ]),
      );
    });
  });
}
