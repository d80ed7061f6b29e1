/**
 * Part of `npm run bench`: a pack of 50 documents exported and imported, as a reader does it, in
 * headless Chromium with the built extension. The reader's corpus holds 50 documents, segmented
 * as the import view segments them, and 20 terms of their own: first the five built-in source
 * texts (`data/sources`, 6 to 141 KB) ten times each, each copy marked so that its content hash
 * differs; then, in a profile of its own, 50 resolution-style texts of about 50 KB each made of
 * the corpus's sentences. In the packs view (`popup.html#packs`) the bench
 * times "Export pack" to the status offering the file; then, everything deleted, the file chosen
 * under "Pack file" to the preview shown, and "Import pack" to the status saying it was imported
 * (the background answers once every document is stored, linked and in the search index). Long
 * tasks in the view are recorded throughout. Nothing asserts on time. Writes its section of
 * BENCHMARKS.md. Environment: CHROMIUM_PATH, PACK_DOCUMENTS (default 50), PACK_REPS (default 3),
 * BENCH_OUT.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { DocumentDraft } from '../../utils/document-draft';
import { CHANNEL, type Result } from '../../utils/messaging';
import { segmentText } from '../../utils/segmenter';
import type { TermDraft } from '../../utils/user-term';
import type { AddedDocumentView, SearchResponse, UserTermView } from '../../utils/views';
import { launchBenchProfile } from './bench-profile';
import {
  clickButton,
  frameWhen,
  longestTaskSince,
  resolutionText,
  WATCH_LONG_TASKS,
} from './extension-page';
import { writeReportSection } from './report-section';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const DOCUMENTS = Number(process.env.PACK_DOCUMENTS ?? 50);
const REPS = Number(process.env.PACK_REPS ?? 3);
const LONG_DOCUMENT_BYTES = 50 * 1024;
const SOURCES = join(ROOT, 'data', 'sources');
const TERMS = 20;
const TARGET_MS = 5_000;

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}
const log = (message: string) => console.log(`[packs] ${message}`);
const loadBefore = loadavg();

function draftOf(title: string, text: string): DocumentDraft {
  return {
    title,
    issuingBody: 'Bench Council',
    date: '2026-12-08',
    kind: 'resolution',
    origin: { kind: 'paste' },
    text,
    passages: segmentText(text, { issuingBody: 'Bench Council' }).passages,
  };
}

/** The built-in source texts, ten copies of each, as the reader's documents. */
function builtInCopies(): DocumentDraft[] {
  const texts = readdirSync(SOURCES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(SOURCES, name), 'utf8'));
  return Array.from({ length: DOCUMENTS }, (_, i) =>
    draftOf(
      `Resolution ${i + 1} on Shared Counter-Terrorism Commitments (bench)`,
      `${texts[i % texts.length]}\n\nResolution ${i + 1} on Shared Counter-Terrorism Commitments (bench copy).\n`,
    ),
  );
}

/** Resolution-style texts of about 50 KB made of the corpus's sentences. */
const longDocuments = (): DocumentDraft[] =>
  Array.from({ length: DOCUMENTS }, (_, rep) =>
    draftOf(
      `Resolution ${rep + 1} on Shared Counter-Terrorism Commitments (bench)`,
      resolutionText(rep, LONG_DOCUMENT_BYTES),
    ),
  );

const terms: TermDraft[] = Array.from({ length: TERMS }, (_, i) => ({
  label: `Operation Bench ${i + 1}`,
  aliases: [`OB${i + 1}`],
  category: 'programme',
  definition: '',
  cues: ['operation'],
  vetoes: [],
}));

/** One call to the background from the extension page, as the views make it. */
async function ask<T>(page: Page, name: string, request: object = {}): Promise<T> {
  const answer = (await page.evaluate(
    ([channel, name, request]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ channel, name, request }),
    [CHANNEL, name, request] as const,
  )) as Result<T>;
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value;
}

async function deleteEverything(page: Page): Promise<void> {
  for (const document of await ask<AddedDocumentView[]>(page, 'listAddedDocuments')) {
    await ask(page, 'deleteDocument', { documentId: document.id });
  }
  for (const view of await ask<UserTermView[]>(page, 'listUserTerms')) {
    await ask(page, 'deleteTerm', { termId: view.term.id });
  }
}

interface Sample {
  exportMs: number;
  previewMs: number;
  importMs: number;
  /** A search sent once the import answered, until it answers with an imported document. */
  searchAfterMs: number;
  fileBytes: number;
  longestTaskMs: number;
}

const statusIs = (index: number, pattern: string) =>
  `new RegExp(${JSON.stringify(pattern)}).test(document.querySelectorAll('.packs [role="status"]')[${index}]?.textContent ?? '')`;

async function exportAndImport(page: Page, folder: string, rep: number): Promise<Sample> {
  await page.reload();
  await page.waitForSelector('#pack-file');
  const exporting = await clickButton(page, 'Export pack');
  const exported = await frameWhen(page, statusIs(0, `^Your pack holds ${DOCUMENTS} documents`));
  const text = await page.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('.packs a[download]')!;
    return (await fetch(link.href)).text();
  });
  const file = join(folder, `pack-${rep}.json`);
  writeFileSync(file, text);
  const exportTasks = await longestTaskSince(page, exporting);

  await deleteEverything(page);
  await page.reload();
  await page.waitForSelector('#pack-file');
  const choosing = await page.evaluate(() => performance.now());
  await page.setInputFiles('#pack-file', file);
  const previewed = await frameWhen(page, `document.querySelector('.pack-preview') !== null`);
  const importing = await clickButton(page, 'Import pack');
  const imported = await frameWhen(page, statusIs(1, `^Imported ${DOCUMENTS} documents`));
  const searching = performance.now();
  const found = await ask<SearchResponse>(page, 'search', {
    query: `Resolution ${DOCUMENTS} on Shared Counter-Terrorism Commitments bench`,
  });
  const searchAfterMs = performance.now() - searching;
  if (!found.passages.some((hit) => hit.passage.document.addedByUser)) {
    throw new Error('the imported documents were not found');
  }
  return {
    searchAfterMs,
    exportMs: exported - exporting,
    previewMs: previewed - choosing,
    importMs: imported - importing,
    fileBytes: statSync(file).size,
    longestTaskMs: Math.max(exportTasks, await longestTaskSince(page, choosing)),
  };
}

/** Adds the documents and terms to a fresh profile, then exports and imports them `REPS` times. */
async function measure(drafts: readonly DocumentDraft[]): Promise<Sample[]> {
  const profile = await launchBenchProfile(BUILD, { viewport: { width: 1000, height: 800 } });
  const folder = mkdtempSync(join(tmpdir(), 'pledgemark-packs-bench-'));
  const samples: Sample[] = [];
  try {
    const { context } = profile;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    await context.addInitScript(WATCH_LONG_TASKS);
    const page = await context.newPage();
    await page.goto(`${origin}/popup.html#packs`);
    await page.waitForSelector('#pack-file');
    log(`adding ${DOCUMENTS} documents and ${TERMS} terms`);
    for (const draft of drafts) await ask(page, 'addDocument', { draft });
    for (const draft of terms) await ask(page, 'saveTerm', { draft });
    for (let rep = 0; rep < REPS; rep++) {
      const sample = await exportAndImport(page, folder, rep);
      log(
        `export ${sample.exportMs.toFixed(0)} ms, preview ${sample.previewMs.toFixed(0)} ms, import ` +
          `${sample.importMs.toFixed(0)} ms, file ${(sample.fileBytes / 1e6).toFixed(1)} MB, longest task ` +
          `${sample.longestTaskMs.toFixed(0)} ms`,
      );
      samples.push(sample);
    }
  } finally {
    await profile.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return samples;
}

const results: { label: string; passages: number; samples: Sample[] }[] = [];
for (const [label, drafts] of [
  ['the five built-in documents, ten copies each (6 to 141 KB)', builtInCopies()],
  [`resolution-style texts of ${LONG_DOCUMENT_BYTES / 1024} KB each`, longDocuments()],
] as const) {
  const passages = drafts.reduce((sum, draft) => sum + draft.passages.length, 0);
  results.push({ label, passages, samples: await measure(drafts) });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const totalOf = (sample: Sample) => sample.exportMs + sample.previewMs + sample.importMs;
const rows = results.map(({ label, passages, samples }) => {
  const pick = (key: keyof Sample) => samples.map((sample) => sample[key]);
  const totals = samples.map(totalOf);
  const longest = Math.max(...pick('longestTaskMs'));
  return `| ${label} (${passages.toLocaleString('en')} passages, ${(median(pick('fileBytes')) / 1e6).toFixed(1)} MB file) | ${ms(median(pick('exportMs')))} | ${ms(median(pick('previewMs')))} | ${ms(median(pick('importMs')))} | **${ms(median(totals))}** (slowest ${ms(Math.max(...totals))}) | ${ms(median(pick('searchAfterMs')))} | ${longest === 0 ? 'none over 50 ms' : ms(longest)} |`;
});
const verdicts = results.map(({ label, samples }) => {
  const slowest = Math.max(...samples.map(totalOf));
  return `| A pack of ${DOCUMENTS} documents (${label}) exports and imports in under 5 s | ${slowest < TARGET_MS ? '✅ met' : '❌ missed'} (slowest ${ms(slowest)}) |`;
});
const markdown = `## Exporting and importing a pack

Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/packs.ts\` in headless Chromium with the built extension (${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} at the start), ${REPS} runs per size. The reader's corpus holds ${DOCUMENTS} documents and ${TERMS} terms of their own. In the packs view (\`popup.html#packs\`): "Export pack" to the status offering the file; then, with everything deleted, the file chosen under "Pack file" to the preview shown (the file read, checked and sealed, and compared with the corpus); then "Import pack" to the status saying it was imported, when every document is stored, linked to every term and in the search index, and every term is highlighted; "A search sent then" is how long a search for the last document's title takes to answer with it. Times are medians, to the first frame showing the outcome; the total is the three together.

| Documents | Export | Preview | Import | Export and import | A search sent then | Longest task in the view |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

| Target | Result |
| ------ | ------ |
${verdicts.join('\n')}
`;
await writeReportSection(REPORT, 'packs', markdown);
log(`written to ${REPORT}`);
