/**
 * Part of `npm run bench`: adding and deleting the reader's own documents, as a reader does it,
 * in headless Chromium with the built extension. The import view (`popup.html#import`) is given
 * a 50 KB pasted text; the bench times, from the paste, the first frame showing the passages
 * found, then from "Add to corpus" the status saying it was added (the background answers once
 * the document is stored and merged into the search index, so it is searchable then; a search
 * for its words follows, timed too), then deleting it. Long tasks in the import view are
 * recorded throughout. Done with the shipped corpus and with a synthetic one 100× larger in the
 * extension's own database. Nothing asserts on time. Writes its section of BENCHMARKS.md.
 * Environment: CHROMIUM_PATH, ADDED_BENCH_REPS (default 5), BENCH_OUT.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHANNEL } from '../../utils/messaging';
import { QUIET_CHROMIUM_ARGS } from '../e2e/browsers';
import { bundleForPage } from './page-bundle';
import {
  clickButton,
  frameWhen,
  longestTaskSince,
  resolutionText,
  WATCH_LONG_TASKS,
} from './extension-page';
import type { SearchBench } from './page/search-speed';
import { writeReportSection } from './report-section';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const REPS = Number(process.env.ADDED_BENCH_REPS ?? 5);
const LARGE_SCALE = 100;
const PASTE_BYTES = 50 * 1024;
const SHIPPED_HASH = (
  JSON.parse(readFileSync(join(ROOT, 'data', 'generated', 'corpus-hash.json'), 'utf8')) as {
    hash: string;
  }
).hash;

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}
const log = (message: string) => console.log(`[added-documents] ${message}`);
const loadBefore = loadavg();

interface Sample {
  /** From the paste to the first frame listing the passages found. */
  passagesShownMs: number;
  passages: number;
  /** From "Add to corpus" to the status saying it was added (stored, indexed, searchable). */
  addedMs: number;
  /** Then a search for its words, answered with it. */
  searchMs: number;
  /** From "Delete for good" to the status saying it was deleted (and gone from the index). */
  deletedMs: number;
  /** The longest task in the import view from the paste to the deletion (0: none over 50 ms). */
  longestTaskMs: number;
}

/** Runs in the import view: the status line's text. */
function statusText(): string {
  return (document.querySelector('.import [role="status"]')?.textContent ?? '').trim();
}

async function addAndDelete(context: BrowserContext, origin: string, rep: number): Promise<Sample> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/popup.html#import`);
    await page.waitForSelector('#import-text');
    const text = resolutionText(rep, PASTE_BYTES);
    const pasted = await page.evaluate((value) => {
      const field = document.querySelector<HTMLTextAreaElement>('#import-text')!;
      const started = performance.now();
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return started;
    }, text);
    const shown = await frameWhen(page, `document.querySelector('.import-passages') !== null`);
    const passages = await page.evaluate(() =>
      Number(/^(\d+)/.exec(document.querySelector('.import-passages h3')?.textContent ?? '')?.[1]),
    );
    await page.fill('#import-issuer', 'Bench Council');
    const clicked = await clickButton(page, 'Add to corpus');
    const added = await frameWhen(
      page,
      `/^Added/.test(document.querySelector('.import [role="status"]')?.textContent ?? '')`,
    ).catch(async (error: unknown) => {
      throw new Error(`not added: “${await page.evaluate(statusText)}”`, { cause: error });
    });
    const searchMs = await page.evaluate(
      async ([channel, rep]) => {
        const runtime = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime;
        const started = performance.now();
        const answer = (await runtime.sendMessage({
          channel,
          name: 'search',
          request: { query: `Resolution ${rep + 1} Shared Counter-Terrorism Commitments bench` },
        })) as {
          ok: boolean;
          value?: { passages: { passage: { document: { addedByUser?: boolean } } }[] };
        };
        const ms = performance.now() - started;
        if (!answer.ok || !answer.value?.passages.some((hit) => hit.passage.document.addedByUser)) {
          throw new Error('the added document was not found');
        }
        return ms;
      },
      [CHANNEL, rep] as const,
    );
    await page.waitForSelector('.import-added-list button[aria-label^="Delete"]');
    await clickButton(
      page,
      `Delete “Resolution ${rep + 1} on Shared Counter-Terrorism Commitments (bench)”`,
    );
    const deleting = await clickButton(page, 'Delete for good');
    const deleted = await frameWhen(
      page,
      `/^Deleted/.test(document.querySelector('.import [role="status"]')?.textContent ?? '')`,
    );
    const longestTaskMs = await longestTaskSince(page, pasted);
    return {
      passagesShownMs: shown - pasted,
      passages,
      addedMs: added - clicked,
      searchMs,
      deletedMs: deleted - deleting,
      longestTaskMs,
    };
  } finally {
    await page.close();
  }
}

async function measure(scale: number, searchBundle: string): Promise<Sample[]> {
  const profile = mkdtempSync(join(tmpdir(), 'pledgemark-added-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${BUILD}`,
      `--load-extension=${BUILD}`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    await context.addInitScript(WATCH_LONG_TASKS);
    const extensionPage = await context.newPage();
    await extensionPage.goto(`${origin}/corpus.json`);
    const ask = (request: object) =>
      extensionPage.evaluate(
        ([channel, request]) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
            }
          ).chrome.runtime.sendMessage({ channel, name: 'search', request }),
        [CHANNEL, request] as const,
      );
    await ask({ query: 'PNR' });
    if (scale > 1) {
      const cdp = await context.newCDPSession(extensionPage);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await extensionPage.evaluate(searchBundle);
      await extensionPage.evaluate(
        ([scale, hash]) =>
          (
            window as unknown as { __pmSearchBench: SearchBench }
          ).__pmSearchBench.seedExtensionDatabase(scale, hash),
        [scale, SHIPPED_HASH] as const,
      );
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    // The background has its index loaded, as when the reader searched a moment ago.
    await ask({ query: 'PNR' });
    const samples: Sample[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const sample = await addAndDelete(context, origin, rep);
      log(
        `${scale}×: passages shown ${sample.passagesShownMs.toFixed(0)} ms (${sample.passages}), added ` +
          `${sample.addedMs.toFixed(0)} ms, search ${sample.searchMs.toFixed(0)} ms, deleted ` +
          `${sample.deletedMs.toFixed(0)} ms, longest task ${sample.longestTaskMs.toFixed(0)} ms`,
      );
      samples.push(sample);
    }
    return samples;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const max = (values: readonly number[]) => Math.max(...values);
const ms = (value: number) => `${value.toFixed(0)} ms`;
/** A long task's length; 0 when the view had none (the browser reports tasks over 50 ms). */
const longTask = (value: number) => (value === 0 ? 'none' : ms(value));

const searchBundle = await bundleForPage(join(ROOT, 'test', 'bench', 'page', 'search-speed.ts'));
const results = new Map<number, Sample[]>();
for (const scale of [1, LARGE_SCALE]) results.set(scale, await measure(scale, searchBundle));

const rows = [...results].map(([scale, samples]) => {
  const pick = (key: keyof Sample) => samples.map((sample) => sample[key]);
  return `| ${scale}× | ${median(pick('passages'))} | ${ms(median(pick('passagesShownMs')))} (max ${ms(max(pick('passagesShownMs')))}) | ${ms(median(pick('addedMs')))} (max ${ms(max(pick('addedMs')))}) | ${ms(median(pick('searchMs')))} | ${ms(median(pick('deletedMs')))} (max ${ms(max(pick('deletedMs')))}) | ${longTask(max(pick('longestTaskMs')))} |`;
});
const all = [...results.values()].flat();
const large = results.get(LARGE_SCALE)!;
const verdict = (met: boolean) => (met ? '✅ met' : '❌ missed');
const markdown = `## Adding and deleting your own documents

Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/added-documents.ts\` in headless Chromium with the built extension (${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} at the start), ${REPS} documents per corpus size. Each is a ${PASTE_BYTES / 1024} KB resolution-style text pasted into the import view (\`popup.html#import\`), added with "Add to corpus", searched for and deleted. Times are from the reader's action to the first frame showing its outcome; the background answers "added" once the document is stored and merged into the stored search index, so it is searchable from then on. The 100× corpus is the synthetic one of the popup bench, in the extension's own database.

| Corpus | Passages found | Passages shown | Added | Search for it | Deleted | Longest task over 50 ms in the view |
| ------ | -------------- | -------------- | ----- | ------------- | ------- | ----------------------------------- |
${rows.join('\n')}

| Target | Result |
| ------ | ------ |
| 50 KB pasted: passages shown under 1 s | ${verdict(all.every((sample) => sample.passagesShownMs < 1000))} (slowest ${ms(max(all.map((sample) => sample.passagesShownMs)))}) |
| 50 KB pasted: added and searchable under 2 s | ${verdict(all.every((sample) => sample.passagesShownMs + sample.addedMs < 2000))} (slowest paste to added ${ms(max(all.map((sample) => sample.passagesShownMs + sample.addedMs)))}) |
| Adding or deleting at 100×: under 1 s | ${verdict(large.every((sample) => sample.addedMs < 1000 && sample.deletedMs < 1000))} (slowest ${ms(max(large.flatMap((sample) => [sample.addedMs, sample.deletedMs])))}) |
| No task over 100 ms in the view | ${verdict(all.every((sample) => sample.longestTaskMs <= 100))} (longest: ${longTask(max(all.map((sample) => sample.longestTaskMs)))}) |
`;
await writeReportSection(REPORT, 'added-documents', markdown);
log(`written to ${REPORT}`);
