/**
 * Part of `npm run bench`: adding a 100-page PDF, as a reader does it, in headless Chromium with
 * the built extension. The PDF is made by the tests' own writer (`test/fixtures/pdf/make-pdf.ts`):
 * 100 pages of numbered paragraphs in Helvetica with a running footer, about 480 words a page.
 * In the import view (`popup.html#import`) the bench times the file chosen under "File" to the
 * first frame listing the passages found (pdf.js reading every page, then the segmenter), then
 * "Add to corpus" to the status saying it was added (stored, linked and in the search index).
 * Long tasks in the view are recorded from the file's choice to the end. Nothing asserts on
 * time. Writes its section of BENCHMARKS.md. Environment: CHROMIUM_PATH, PDF_PAGES (default
 * 100), PDF_REPS (default 3), BENCH_OUT.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { makePdf, type PdfPageSpec } from '../fixtures/pdf/make-pdf';
import { launchBenchProfile } from './bench-profile';
import { clickButton, frameWhen, longestTaskSince, WATCH_LONG_TASKS } from './extension-page';
import { writeReportSection } from './report-section';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const PAGES = Number(process.env.PDF_PAGES ?? 100);
const REPS = Number(process.env.PDF_REPS ?? 3);
const PARAGRAPHS_PER_PAGE = 8;
const TARGET_MS = 20_000;
const TASK_TARGET_MS = 100;

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}
const log = (message: string) => console.log(`[pdf-import] ${message}`);
const loadBefore = loadavg();

const VOCABULARY = (
  'member states shall collect passenger data at borders and share information on foreign ' +
  'terrorist fighters with the committee while respecting human rights law and the rule of law ' +
  'the council urges all states to prevent financing of terrorism through cash couriers'
).split(' ');

/** A numbered paragraph of about sixty words, different for each place in the document. */
function paragraph(n: number, rep: number): string {
  const words = Array.from(
    { length: 58 },
    (_, i) => VOCABULARY[(n * 13 + i * 7 + rep) % VOCABULARY.length]!,
  );
  return `${n}. Decides that ${words.join(' ')}.`;
}

function benchPdf(rep: number): Uint8Array {
  const pages: PdfPageSpec[] = Array.from({ length: PAGES }, (_, page) => ({
    ...(page === 0 ? { heading: `Bench resolution ${rep + 1} on border data` } : {}),
    paragraphs: Array.from({ length: PARAGRAPHS_PER_PAGE - (page === 0 ? 1 : 0) }, (_, i) =>
      paragraph(page * PARAGRAPHS_PER_PAGE + i + 1, rep),
    ),
    footer: `BENCH/${rep + 1}`,
  }));
  return makePdf({ title: `Bench resolution ${rep + 1} on border data`, pages });
}

interface Sample {
  readMs: number;
  passages: number;
  addMs: number;
  longestTaskMs: number;
}

async function addPdf(page: Page, file: string): Promise<Sample> {
  await page.reload();
  await page.waitForSelector('#import-file');
  const chosen = await page.evaluate(() => performance.now());
  await page.setInputFiles('#import-file', file);
  const shown = await frameWhen(page, `document.querySelector('.import-passages') !== null`);
  const passages = await page.evaluate(() =>
    Number(/^(\d+)/.exec(document.querySelector('.import-passages h3')?.textContent ?? '')?.[1]),
  );
  await page.fill('#import-issuer', 'Bench Council');
  const adding = await clickButton(page, 'Add to corpus');
  const added = await frameWhen(
    page,
    `/^Added/.test(document.querySelector('.import [role="status"]')?.textContent ?? '')`,
  );
  return {
    readMs: shown - chosen,
    passages,
    addMs: added - adding,
    longestTaskMs: await longestTaskSince(page, chosen),
  };
}

const folder = mkdtempSync(join(tmpdir(), 'pledgemark-pdf-bench-'));
const profile = await launchBenchProfile(BUILD, { viewport: { width: 1000, height: 800 } });
const samples: Sample[] = [];
let fileBytes = 0;
try {
  const { context } = profile;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  await context.addInitScript(WATCH_LONG_TASKS);
  const page = await context.newPage();
  await page.goto(`${origin}/popup.html#import`);
  for (let rep = 0; rep < REPS; rep++) {
    const file = join(folder, `bench-${rep}.pdf`);
    writeFileSync(file, benchPdf(rep));
    fileBytes = statSync(file).size;
    const sample = await addPdf(page, file);
    log(
      `read ${sample.readMs.toFixed(0)} ms (${sample.passages} passages), added ` +
        `${sample.addMs.toFixed(0)} ms, longest task ${sample.longestTaskMs.toFixed(0)} ms`,
    );
    samples.push(sample);
  }
} finally {
  await profile.close();
  rmSync(folder, { recursive: true, force: true });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const pick = (key: keyof Sample) => samples.map((sample) => sample[key]);
const totals = samples.map((sample) => sample.readMs + sample.addMs);
const longest = Math.max(...pick('longestTaskMs'));
const longTask = (value: number) => (value === 0 ? 'none over 50 ms' : ms(value));
const verdict = (met: boolean) => (met ? '✅ met' : '❌ missed');
const markdown = `## Adding a 100-page PDF

Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/pdf-import.ts\` in headless Chromium with the built extension (${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} at the start), ${REPS} runs. Each PDF (made by \`test/fixtures/pdf/make-pdf.ts\`, ${(fileBytes / 1024).toFixed(0)} KB) has ${PAGES} pages of ${PARAGRAPHS_PER_PAGE} numbered paragraphs of about 60 words with a running footer. In the import view: the file chosen under "File" to the first frame listing the passages found (pdf.js reading every page in its packaged worker, the text put in reading order, the segmenter in its worker), then "Add to corpus" to the status saying it was added (stored, linked to the terms, in the search index).

| | Median | Slowest |
| --- | --- | --- |
| Read: file chosen to passages shown | ${ms(median(pick('readMs')))} | ${ms(Math.max(...pick('readMs')))} |
| Added: "Add to corpus" to added | ${ms(median(pick('addMs')))} | ${ms(Math.max(...pick('addMs')))} |
| **Both** | **${ms(median(totals))}** | ${ms(Math.max(...totals))} |

Passages found: ${median(pick('passages'))}. Longest task in the import view: ${longTask(longest)}.

| Target | Result |
| ------ | ------ |
| A 100-page text PDF imported in under 20 s | ${verdict(totals.every((total) => total < TARGET_MS))} (slowest ${ms(Math.max(...totals))}) |
| No task over 100 ms in the import page | ${verdict(longest <= TASK_TARGET_MS)} (longest: ${longTask(longest)}) |
`;
await writeReportSection(REPORT, 'pdf-import', markdown);
log(`written to ${REPORT}`);
