/**
 * The vertical slice, end to end, in each browser with the built extension: the content script
 * highlights glossary terms on a real web page, and the popup searches the corpus through the
 * background and renders cited commitments.
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
import { startFixtureServer, type FixtureServer } from './fixture-server';

const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';

/** Every highlight the content script must make on slice.html, in document order per term. */
const EXPECTED_HIGHLIGHTS: Record<string, { text: string; paragraph: string }[]> = {
  fatf: [{ text: 'FATF', paragraph: 'p-fatf' }],
  pnr: [{ text: 'Passenger Name Record', paragraph: 'p-pnr' }],
  etim: [{ text: 'ETIM', paragraph: 'p-etim' }],
};

/**
 * Commitments a search for "PNR" must return, one per source document, as the popup renders
 * them. Texts are compared whole (ignoring a final "." or ";", which the source lists vary in).
 */
const EXPECTED_PNR_COMMITMENTS: {
  document: string;
  /** Exact, or a test and its description. */
  locator: string | { test: (locator: string) => boolean; description: string };
  text: string;
  date: string;
  actor: string;
}[] = [
  {
    document: 'G7 Action Plan 2016',
    locator: {
      test: (locator) => locator.includes('Border Security'),
      description: 'containing "Border Security"',
    },
    text: 'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening',
    date: 'May 2016',
    actor: 'G7',
  },
  {
    document: 'APEC CTWG Workplan 2017',
    locator: { test: (locator) => locator.trim().length > 0, description: 'that is not empty' },
    text:
      'Increase cooperation and technical assistance among APEC member economies in their efforts to implement the ' +
      'Advance Passenger Information and Passenger Name Record (API/PNR) programs to secure and facilitate legitimate ' +
      'travel within the region',
    date: '28 February 2017',
    actor: 'APEC Counter-Terrorism Working Group (CTWG)',
  },
  {
    document: 'APEC CTWG Strategic Plan 2018–2022',
    locator: 'FA5',
    text:
      'Increase cooperation and technical assistance among APEC member economies in their efforts to implement the ' +
      'Advance Passenger Information and Passenger Name Record (API/PNR) programs to secure and facilitate legitimate ' +
      'travel within the region',
    date: '2018–2022',
    actor: 'APEC Counter-Terrorism Working Group (CTWG)',
  },
];

const withoutFinalStop = (text: string) => text.replace(/[.;]\s*$/, '');

interface RenderedResult {
  kind: string;
  document: string;
  locator: string;
  text: string;
  date: string;
  dateTime: string;
  actor: string;
}

interface PopupSnapshot {
  query: string;
  status: string;
  error: string | null;
  results: RenderedResult[];
}

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.stop();
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`vertical slice in ${name}`, () => {
    let session: ExtensionSession | undefined;
    const opened: PageDriver[] = [];

    beforeAll(async () => {
      session = await launchExtension(name);
    });

    afterAll(async () => {
      try {
        await Promise.allSettled(opened.map((page) => page.close()));
      } finally {
        await session?.close();
      }
    });

    async function open(page: Promise<PageDriver>): Promise<PageDriver> {
      const driver = await page;
      opened.push(driver);
      return driver;
    }

    it('highlights glossary terms on a web page, but not in a textarea or code', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await open(session!.openPage(server.url('slice.html')));

      const termIds = Object.keys(EXPECTED_HIGHLIGHTS);
      await page
        .waitForFunction(
          (ids: string[]) =>
            ids.every((id) => document.querySelector(`[data-pledgemark-term="${id}"]`)),
          termIds,
          WAIT_MS,
        )
        .catch((error: unknown) => {
          throw new Error(
            `${name}: the content script did not highlight ${termIds.join(', ')} on slice.html within ${WAIT_MS} ms ` +
              `(is the content script injected? see the browser log below): ${String(error)}`,
          );
        });

      const seen = await page.evaluate(async (ids: string[]) => {
        const textarea = document.querySelector<HTMLTextAreaElement>('#comment')!;
        const code = document.querySelector('#snippet')!;
        // The article as served, before the content script touched it.
        const served = new DOMParser().parseFromString(
          await (await fetch(location.href)).text(),
          'text/html',
        );
        const normalise = (text: string | null | undefined) =>
          (text ?? '').replace(/\s+/g, ' ').trim();
        const highlights = [...document.querySelectorAll('[data-pledgemark-term]')];
        return {
          byTerm: Object.fromEntries(
            ids.map((id) => [
              id,
              highlights
                .filter((element) => element.getAttribute('data-pledgemark-term') === id)
                .map((element) => ({
                  text: element.textContent ?? '',
                  paragraph: element.closest('p')?.id ?? '',
                })),
            ]),
          ),
          malformed: highlights
            .filter(
              (element) =>
                element.localName !== 'pledgemark' ||
                !element.classList.contains('pledgemark-term'),
            )
            .map((element) => element.outerHTML),
          highlightsInCodeOrFields: [
            ...document.querySelectorAll('textarea *, code *, pre *, input *'),
          ].map((element) => element.outerHTML),
          textareaValue: textarea.value,
          textareaChildren: textarea.children.length,
          codeHtml: code.innerHTML,
          articleUnchanged:
            normalise(document.querySelector('#story')?.textContent) ===
            normalise(served.querySelector('#story')?.textContent),
        };
      }, termIds);

      for (const id of termIds) {
        expect
          .soft(seen.byTerm[id], `${name}: highlights of "${id}" on slice.html`)
          .toEqual(EXPECTED_HIGHLIGHTS[id]);
      }
      expect
        .soft(seen.malformed, 'highlights not in <pledgemark class="pledgemark-term">')
        .toEqual([]);
      expect
        .soft(seen.highlightsInCodeOrFields, 'markup inside a textarea, code, pre or input')
        .toEqual([]);
      expect.soft(seen.textareaChildren).toBe(0);
      expect
        .soft(seen.textareaValue)
        .toBe('Does FATF grey-listing actually change anything at the border?');
      expect.soft(seen.codeHtml).toBe('API');
      expect
        .soft(seen.articleUnchanged, 'the article text is unchanged by highlighting')
        .toBe(true);
    });

    it('searches "PNR" in the popup and shows cited commitments from three documents', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const popup = await open(session!.openExtensionPage('popup.html', SEARCH_INPUT));
      await popup.type(SEARCH_INPUT, 'PNR');

      const snapshot = await settledResults(popup, 'PNR');
      expect(snapshot.error, `${name}: the popup showed an error`).toBeNull();
      expect(snapshot.query).toBe('PNR');
      expect(snapshot.results.length, 'number of results').toBeGreaterThanOrEqual(
        EXPECTED_PNR_COMMITMENTS.length,
      );
      expect(snapshot.status).toBe(`${snapshot.results.length} passages`);

      const listing = snapshot.results
        .map(
          (result) =>
            `  ${result.kind} | ${result.document} | ${result.locator} | ${result.text.slice(0, 80)}`,
        )
        .join('\n');
      for (const expected of EXPECTED_PNR_COMMITMENTS) {
        const { locator } = expected;
        const locatorMatches =
          typeof locator === 'string' ? (value: string) => value === locator : locator.test;
        const locatorDescription =
          typeof locator === 'string' ? `"${locator}"` : locator.description;
        const candidates = snapshot.results.filter(
          (result) =>
            result.document === expected.document &&
            withoutFinalStop(result.text) === expected.text,
        );
        const where = `${name}: the commitment of "${expected.document}" that reads "${expected.text}"`;
        expect(candidates.length, `${where} is not among the results:\n${listing}`).toBeGreaterThan(
          0,
        );
        const match = candidates.find(
          (result) => result.kind === 'Commitment' && locatorMatches(result.locator),
        );
        expect(
          match,
          `${where} is not shown as a Commitment with a locator ${locatorDescription}: ${JSON.stringify(candidates)}`,
        ).toBeDefined();
        expect(match!.date, `${where}: date`).toBe(expected.date);
        expect(match!.actor, `${where}: actor`).toBe(expected.actor);
      }

      for (const result of snapshot.results) {
        const label = `${result.document}, ${result.locator}`;
        expect(result.text, `${label}: passage text mentions PNR`).toMatch(/\bPNR\b/);
        expect(result.date, `${label}: shows a date`).toMatch(/\b(19|20)\d\d\b/);
        expect(result.dateTime, `${label}: <time dateTime>`).toMatch(
          /^\d{4}(-\d{2}(-\d{2})?)?(--\d{4}(-\d{2}(-\d{2})?)?)?$/,
        );
        expect(result.actor, `${label}: shows an actor`).not.toBe('');
      }
    });
  });
}

/**
 * Waits until the popup shows a final answer for `query` (results, "no passage" or an error) and
 * the list has stopped changing, so that results of a partly typed query are never read.
 */
async function settledResults(popup: PageDriver, query: string): Promise<PopupSnapshot> {
  const read = () =>
    popup.evaluate((selector: string): PopupSnapshot => {
      const text = (element: Element | null | undefined) =>
        (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const items = [
        ...document.querySelectorAll('ul[role="list"][aria-label="Results"] > li[role="listitem"]'),
      ];
      return {
        query: document.querySelector<HTMLInputElement>(selector)?.value ?? '',
        status: text(document.querySelector('p.search-status[role="status"]')),
        error: document.querySelector('.search-error[role="alert"]')
          ? text(document.querySelector('.search-error'))
          : null,
        results: items.map((item) => {
          const time = item.querySelector('article.passage time');
          return {
            kind: text(item.querySelector('article.passage .kind')),
            document: text(item.querySelector('article.passage cite.document')),
            locator: text(item.querySelector('article.passage .locator')),
            text: text(item.querySelector('article.passage .passage-text')),
            date: text(time),
            dateTime: time?.getAttribute('datetime') ?? '',
            actor: text(item.querySelector('article.passage .passage-actor')),
          };
        }),
      };
    }, SEARCH_INPUT);

  const deadline = Date.now() + WAIT_MS;
  let previous = '';
  let last: PopupSnapshot | undefined;
  for (;;) {
    last = await read();
    const final =
      last.query === query &&
      (last.error !== null || /^(\d+ passages?|No passage matches)/.test(last.status));
    const current = JSON.stringify(last);
    // Stable across two reads well beyond the popup's 120 ms debounce.
    if (final && current === previous) return last;
    previous = final ? current : '';
    if (Date.now() > deadline) {
      throw new Error(
        `The popup did not show results for "${query}" within ${WAIT_MS} ms; last seen: ${current}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
