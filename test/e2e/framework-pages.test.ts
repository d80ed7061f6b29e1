/**
 * Highlighting on pages that real Preact, React and Vue apps keep updating: the live blog of
 * `test/fixtures/frameworks/` (a status line and a counter updated in place, a keyed list of
 * headlines reordered, retitled, an item removed and re-added, every changing text carrying
 * terms), bundled from npm at set-up and served on 127.0.0.1.
 *
 * A framework keeps references to the text nodes it made and writes into them (`node.data = …`).
 * After each step the test holds the page to what the app's state says, with no help from the
 * DOM:
 *
 * - (a) the app's visible text equals the text its state gives, right after the step (once the
 *   framework has written it and one microtask has run: before anything is painted) and again
 *   500 ms later, and once it is highlighted again;
 * - (b) the terms in the new text are highlighted again within a few seconds;
 * - (c) the page raised no error (a framework that finds the DOM changed under it throws, e.g.
 *   "Failed to execute 'insertBefore' on 'Node'");
 * - (d) every text node the framework holds is still in its element, and reads what the app last
 *   wrote into it (its own text plus the highlights split off after it).
 *
 * Pausing must remove every highlight without detaching or merging the app's text nodes, and the
 * app must go on updating the page correctly while paused. A control run in Chromium without
 * the extension shows that the apps themselves do what their state says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, StepName } from '../fixtures/frameworks/live-blog';
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
import {
  FRAMEWORKS,
  launchPlainChromium,
  startFrameworkServer,
  type AppPage,
  type Framework,
  type FrameworkServer,
  type PlainBrowser,
} from './framework-bundles';

/** How long the terms of a changed text may take to be highlighted again. */
const REHIGHLIGHT_MS = 3_000;
/** How long highlights may take to come back after resuming. */
const RESUME_MS = 10_000;
/** The second look at the page after a step. */
const SETTLE_MS = 500;

/** The status line moves on, a "Breaking" badge comes and goes before it, the counter counts. */
const STATUS_STEPS: StepName[] = ['tick', 'tick', 'breaking-on', 'tick', 'breaking-off', 'tick'];
/** The keyed list is reordered, an item rewritten, one removed and added back, reordered again. */
const LIST_STEPS: StepName[] = ['reorder', 'retitle', 'remove', 'readd', 'reorder'];
/** While highlighting is paused, every kind of change once. */
const PAUSED_STEPS: StepName[] = ['tick', 'breaking-on', 'tick', 'retitle', 'remove', 'readd'];

let server: FrameworkServer;
beforeAll(async () => {
  server = await startFrameworkServer();
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a framework's page and waits for the app's first render. */
async function openApp(
  open: (url: string) => Promise<AppPage>,
  framework: Framework,
): Promise<AppPage> {
  const page = await open(server.pageUrl(framework));
  await page.waitForFunction(
    () => window.fixture !== undefined && window.fixture.snapshot().committed === 0,
    null,
    WAIT_MS,
  );
  return page;
}

/** What the page shows and what the state says it should, and the errors raised since last time. */
function snapshot(page: AppPage): Promise<Snapshot> {
  return page.evaluate(() => {
    const taken = window.fixture.snapshot();
    window.fixture.takeErrors();
    return taken;
  }, null);
}

/**
 * Runs one step and looks at the page right after it: once the framework has written the step to
 * the DOM (synchronously for Preact and React, in Vue's flush) and one more microtask has run, so
 * that the mutation records of that write have been delivered, before anything is painted.
 */
function step(page: AppPage, name: StepName): Promise<Snapshot> {
  return page.evaluate(async (stepName: StepName) => {
    await window.step(stepName);
    await Promise.resolve();
    const taken = window.fixture.snapshot();
    window.fixture.takeErrors();
    return taken;
  }, name);
}

function texts(regions: Record<string, { text: string | null }>, root: string) {
  return {
    root,
    ...Object.fromEntries(Object.entries(regions).map(([key, region]) => [key, region.text])),
  };
}

function terms(regions: Record<string, { terms: string[] }>) {
  return Object.fromEntries(Object.entries(regions).map(([key, region]) => [key, region.terms]));
}

/**
 * The text nodes the framework holds, as the page has them and as they should be. Highlighting
 * on, a node may be split: it must still be in its element and read what the app wrote. Without
 * highlighting (`strict`), its own data must be exactly that.
 */
function held(snap: Snapshot, strict: boolean) {
  const actual: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const report of snap.held) {
    if (!report.captured) {
      actual[report.key] = 'never captured';
      expected[report.key] = 'captured at mount';
      continue;
    }
    actual[report.key] = report.nodes.map((node) => ({
      connected: node.connected,
      inElement: node.inElement,
      reads: node.reads,
      ...(strict ? { data: node.data } : {}),
    }));
    expected[report.key] = report.nodes.map((node) => ({
      connected: true,
      inElement: true,
      reads: node.wrote,
      ...(strict ? { data: node.wrote } : {}),
    }));
  }
  return { actual, expected };
}

/** (a), (c) and (d) on one look at the page. `strict`: no highlighting expected. */
function checkPage(snap: Snapshot, label: string, strict: boolean): void {
  expect
    .soft(texts(snap.actual.regions, snap.actual.root), `${label}: (a) the visible text`)
    .toEqual(texts(snap.expected.regions, snap.expected.root));
  expect.soft(snap.errors, `${label}: (c) errors raised by the page`).toEqual([]);
  // A framework that threw half-way through a render never reports it done.
  expect
    .soft(snap.committed, `${label}: (c) the framework finished rendering the step`)
    .toBe(snap.version);
  const nodes = held(snap, strict);
  expect
    .soft(nodes.actual, `${label}: (d) the text nodes the framework holds`)
    .toEqual(nodes.expected);
  if (strict) expect.soft(snap.highlights, `${label}: highlights on the page`).toBe(0);
  // The fixture's own soundness (each element's text nodes, captured at mount, were the ones the
  // app wrote): a failure here is a bug of the test, not of the extension.
  expect.soft(snap.problems, `${label}: the fixture captured the nodes it wrote`).toEqual([]);
}

/** (b): every region's terms highlighted, in order, within `timeout`; then (a) and (c) again. */
async function checkHighlighted(
  page: AppPage,
  label: string,
  timeout = REHIGHLIGHT_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  const errors: string[] = [];
  let snap: Snapshot;
  for (;;) {
    snap = await snapshot(page);
    errors.push(...snap.errors);
    const done =
      JSON.stringify(terms(snap.actual.regions)) === JSON.stringify(terms(snap.expected.regions));
    if (done || Date.now() >= deadline) break;
    await sleep(100);
  }
  expect
    .soft(terms(snap.actual.regions), `${label}: (b) the terms highlighted within ${timeout} ms`)
    .toEqual(terms(snap.expected.regions));
  checkPage({ ...snap, errors }, `${label}, highlighted`, false);
}

/** One step: looked at right after it, again 500 ms later, then once highlighted again. */
async function runStep(
  page: AppPage,
  name: StepName,
  label: string,
  mode: 'highlighting' | 'paused' | 'control',
): Promise<void> {
  const strict = mode !== 'highlighting';
  checkPage(await step(page, name), `${label}, right after the step`, strict);
  // Without the extension nothing happens later on the page: the control skips this wait.
  if (mode === 'control') return;
  await sleep(SETTLE_MS);
  checkPage(await snapshot(page), `${label}, ${SETTLE_MS} ms later`, strict);
  if (mode === 'highlighting') await checkHighlighted(page, label);
}

/** Clicks the popup's "On" (pause) or "Paused…" (resume) control, as dynamic-pages does. */
async function setPaused(popup: PageDriver, paused: boolean): Promise<void> {
  await popup.evaluate((pause: boolean) => {
    const label = [...document.querySelectorAll('.controls label')].find((candidate) =>
      pause ? candidate.textContent === 'On' : candidate.textContent?.startsWith('Paused'),
    );
    if (!label) throw new Error(`No ${pause ? '"On"' : '"Paused…"'} control in the popup`);
    (label.querySelector('input') as HTMLInputElement).click();
  }, paused);
}

const BROWSERS: BrowserName[] = ['Chromium', 'Firefox'];

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`framework pages in ${name}`, () => {
    let session: ExtensionSession;
    beforeAll(async () => {
      session = await launchExtension(name);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('highlights every phrase the apps show, on a static page', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const page = await session.openPage(server.staticUrl);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('p[data-terms]')].every(
            (paragraph) =>
              paragraph.querySelectorAll('[data-pledgemark-term]').length >=
              (paragraph.getAttribute('data-terms') ?? '').split(' ').filter(Boolean).length,
          ),
        null,
        WAIT_MS,
      );
      const found = await page.evaluate(
        () =>
          [...document.querySelectorAll('p[data-terms]')].map((paragraph) => ({
            text: paragraph.textContent,
            terms: [...paragraph.querySelectorAll('[data-pledgemark-term]')]
              .map((mark) => mark.getAttribute('data-pledgemark-term'))
              .join(' '),
            expected: paragraph.getAttribute('data-terms'),
          })),
        null,
      );
      expect(found.map(({ text, terms }) => ({ text, terms }))).toEqual(
        found.map(({ text, expected }) => ({ text, terms: expected })),
      );
      await page.close();
    });

    for (const framework of FRAMEWORKS) {
      it(`${framework}: the live status line and the counter stay right while they update in place`, async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openApp((url) => session.openPage(url), framework);
        await checkHighlighted(page, `${framework} on load`, WAIT_MS);
        for (const [index, stepName] of STATUS_STEPS.entries()) {
          await runStep(
            page,
            stepName,
            `${framework} step ${index + 1} (${stepName})`,
            'highlighting',
          );
        }
        await page.close();
      });

      it(`${framework}: the keyed list of headlines stays right while it is reordered, rewritten, and an item removed and added back`, async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openApp((url) => session.openPage(url), framework);
        await checkHighlighted(page, `${framework} on load`, WAIT_MS);
        for (const [index, stepName] of LIST_STEPS.entries()) {
          await runStep(
            page,
            stepName,
            `${framework} step ${index + 1} (${stepName})`,
            'highlighting',
          );
        }
        await page.close();
      });

      it(`${framework}: pausing leaves the app's text nodes in place, and the app keeps updating while paused`, async (context) => {
        dumpLogsOnFailure(context, name, session);
        const page = await openApp((url) => session.openPage(url), framework);
        await checkHighlighted(page, `${framework} on load`, WAIT_MS);
        const popup = await session.openExtensionPage('popup.html', 'input[type="search"]');
        await popup.waitForSelector('.controls input[type="checkbox"]', WAIT_MS);
        try {
          await setPaused(popup, true);
          await page.waitForFunction(
            () => document.querySelector('pledgemark') === null,
            null,
            WAIT_MS,
          );
          checkPage(await snapshot(page), `${framework} paused`, true);
          for (const [index, stepName] of PAUSED_STEPS.entries()) {
            await runStep(
              page,
              stepName,
              `${framework} paused, step ${index + 1} (${stepName})`,
              'paused',
            );
          }
        } finally {
          // Resume, so that the other tests in this browser see highlighting on.
          await setPaused(popup, false);
        }
        await checkHighlighted(page, `${framework} resumed`, RESUME_MS);
        await popup.close();
        await page.close();
      });
    }
  });
}

describe.skipIf(shouldSkip(TARGETS.Chromium))(
  'framework fixtures in Chromium without the extension (the control)',
  () => {
    let browser: PlainBrowser;
    beforeAll(async () => {
      browser = await launchPlainChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const framework of FRAMEWORKS) {
      it(`${framework}: the app shows what its state says through every step`, async (context) => {
        context.onTestFailed(() => console.error(browser?.logs.join('\n') || '(no log)'));
        const page = await openApp((url) => browser.openPage(url), framework);
        checkPage(await snapshot(page), `${framework} on load`, true);
        const steps = [...STATUS_STEPS, ...LIST_STEPS, ...PAUSED_STEPS];
        for (const [index, stepName] of steps.entries()) {
          await runStep(page, stepName, `${framework} step ${index + 1} (${stepName})`, 'control');
        }
        await page.close();
      });
    }
  },
);
