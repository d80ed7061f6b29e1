/**
 * Part of `npm run bench`: what 1,000 terms of the reader's cost.
 *
 * - **Recompiling the matcher** with them, as the background does after every change to the
 *   reader's terms: `withUserTerms` (the packaged matcher and theirs compiled into one) and
 *   reading the result as a content script does (`new TermMatcher`), in Node.
 * - **The content script as a page loads**, in headless Chromium with the built extension
 *   (`.output/chrome-mv3`), in two profiles: one with the glossary only, one whose database holds
 *   the 1,000 terms (written as the reader's, then compiled by the background at its next start).
 *   Each of the first saved pages of `../shared/pages` is loaded in both in turn, traced: a start
 *   is the main-thread time of every task in which Pledgemark ran, from navigation until 1.5 s
 *   after load; and the tab's JavaScript heap then (the page's and the content script's worlds).
 *
 * Nothing asserts on time. Writes its section of BENCHMARKS.md. Environment: TERM_PAGES (default
 * 12), TERM_REPS (default 3), CHROMIUM_PATH, BENCH_OUT.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withUserTerms } from '../../entrypoints/background/matcher-service';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { launchBenchProfile, type BenchProfile } from './bench-profile';
import { bundleForPage } from './page-bundle';
import { writeReportSection } from './report-section';
import { serveSharedPages, startBenchServer } from './server';
import { syntheticUserTerms } from './synthetic-terms';
import { extensionOriginOf, ourTasks, TRACE_CATEGORIES, type TraceEvent } from './trace-tasks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const PAGES = Number(process.env.TERM_PAGES ?? 12);
const REPS = Number(process.env.TERM_REPS ?? 3);
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const TERMS = 1_000;
const COMPILE_REPS = 15;
const COMPILE_TARGET_MS = 300;
const START_TARGET_RATIO = 1.2;
const SETTLE_MS = 1_500;

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}
const log = (message: string) => console.log(`[user-terms] ${message}`);
const loadBefore = loadavg();
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const p90 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] ?? NaN;
};

// ── Recompiling ──────────────────────────────────────────────────────────────────────────────

const packaged = JSON.parse(
  readFileSync(join(ROOT, 'data', 'generated', 'matcher.json'), 'utf8'),
) as CompiledMatcher;
const terms = syntheticUserTerms(TERMS);
const compileMs: number[] = [];
const loadMs: number[] = [];
let combined: CompiledMatcher = packaged;
for (let rep = -1; rep < COMPILE_REPS; rep++) {
  let started = performance.now();
  combined = withUserTerms(packaged, terms);
  const compiled = performance.now() - started;
  started = performance.now();
  new TermMatcher(combined);
  const loaded = performance.now() - started;
  if (rep < 0) continue;
  compileMs.push(compiled);
  loadMs.push(loaded);
}
const sizes = {
  packaged: JSON.stringify(packaged).length,
  combined: JSON.stringify(combined).length,
};
log(`compile ${median(compileMs).toFixed(1)} ms, load ${median(loadMs).toFixed(1)} ms`);

// ── The content script as a page loads ──────────────────────────────────────────────────────

interface Profile extends BenchProfile {
  origin: string;
}

async function launch(withTerms: boolean, seedBundle: string): Promise<Profile> {
  const profile = await launchBenchProfile(BUILD);
  const { context } = profile;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = extensionOriginOf(worker.url());
  const extensionPage = await context.newPage();
  await extensionPage.goto(`${origin}/popup.html#clips`);
  await extensionPage.waitForTimeout(2_000);
  if (withTerms) {
    await extensionPage.evaluate(seedBundle);
    const stored = await extensionPage.evaluate((count) => window.__pmSeedUserTerms(count), TERMS);
    if (stored !== TERMS) throw new Error(`${stored} terms stored, not ${TERMS}`);
    // A background started again compiles the matcher with them (and stores it) when asked.
    const cdp = await context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  const aliases = await extensionPage.evaluate(async () => {
    const api = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    };
    const answer = (await api.chrome.runtime.sendMessage({
      channel: 'pledgemark/v1',
      name: 'loadMatcher',
      request: {},
    })) as { ok: boolean; value?: { aliases: unknown[] } };
    return answer.value?.aliases.length ?? 0;
  });
  const expected = withTerms ? combined.aliases.length : packaged.aliases.length;
  if (aliases !== expected) throw new Error(`the matcher has ${aliases} aliases, not ${expected}`);
  await extensionPage.close();
  return { ...profile, origin };
}

interface StartSample {
  ms: number;
  heapMb: number;
}

async function startOnce({ context, origin }: Profile, url: string): Promise<StartSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(',') },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await page.close();
  const ms = ourTasks(events, origin, 0).reduce((sum, task) => sum + task.ms, 0);
  return { ms, heapMb: usedSize / 1e6 };
}

const seedBundle = await bundleForPage(join(ROOT, 'test', 'bench', 'page', 'user-terms-seed.ts'));
const server = await startBenchServer();
const served = serveSharedPages(server, PAGES);
const files = served.map((page) => page.file);
const urls = served.map((page) => page.url);
const samples = { glossary: [] as StartSample[], terms: [] as StartSample[] };
const profiles: Profile[] = [];
try {
  const glossary = await launch(false, seedBundle);
  profiles.push(glossary);
  const withTerms = await launch(true, seedBundle);
  profiles.push(withTerms);
  for (let rep = 0; rep < REPS; rep++) {
    for (const [i, url] of urls.entries()) {
      // Alternate which profile goes first, so that neither always meets a warmer machine.
      const order =
        (rep + i) % 2 === 0 ? (['glossary', 'terms'] as const) : (['terms', 'glossary'] as const);
      for (const which of order) {
        samples[which].push(await startOnce(which === 'glossary' ? glossary : withTerms, url));
      }
      log(`${rep + 1}/${REPS} ${files[i]}`);
    }
  }
} finally {
  for (const profile of profiles) await profile.close();
  await server.stop();
}

const startGlossary = median(samples.glossary.map((sample) => sample.ms));
const startTerms = median(samples.terms.map((sample) => sample.ms));
const ratio = startTerms / startGlossary;
const heapGlossary = median(samples.glossary.map((sample) => sample.heapMb));
const heapTerms = median(samples.terms.map((sample) => sample.heapMb));
const compileMedian = median(compileMs);
const ms = (value: number) => value.toFixed(1);
const markdown = `## Terms of the reader's own: recompiling and starting with 1,000

Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/user-terms.ts\` (${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} at the start), with ${TERMS.toLocaleString('en')} synthetic terms (\`synthetic-terms.ts\`: named bodies and programmes with one or two other spellings each, every fifth an acronym with cues and vetoes). Medians / 90th percentiles in milliseconds.

| | ${COMPILE_REPS} runs, Node ${process.version} |
| --- | --- |
| Recompiling the matcher (the packaged one and the reader's terms, \`withUserTerms\`) | ${ms(compileMedian)} / ${ms(p90(compileMs))} |
| Reading it as a content script does (\`new TermMatcher\`) | ${ms(median(loadMs))} / ${ms(p90(loadMs))} |
| Size as sent to a page (JSON) | ${(sizes.combined / 1e3).toFixed(0)} KB (glossary only: ${(sizes.packaged / 1e3).toFixed(0)} KB) |

**Recompiling with ${TERMS.toLocaleString('en')} terms: ${ms(compileMedian)} ms** (target: under ${COMPILE_TARGET_MS} ms): ${compileMedian < COMPILE_TARGET_MS ? '✅ met' : '❌ missed'}.

The content script as a page loads, in headless Chromium with the built extension: the main-thread time of every task in which Pledgemark ran, from navigation until ${SETTLE_MS / 1000} s after load (receiving and reading the matcher, reading and highlighting the page), and the tab's JavaScript heap then (after a garbage collection; the page's world and the content script's). The first ${PAGES} saved pages of \`../shared/pages\` (scripts removed), ${REPS} loads each per profile, the two profiles alternating.

| Profile | Loads | Pledgemark's main-thread time | Tab's JS heap |
| --- | --- | --- | --- |
| Glossary only | ${samples.glossary.length} | ${ms(startGlossary)} / ${ms(p90(samples.glossary.map((s) => s.ms)))} | ${heapGlossary.toFixed(1)} MB |
| With ${TERMS.toLocaleString('en')} terms of the reader's | ${samples.terms.length} | ${ms(startTerms)} / ${ms(p90(samples.terms.map((s) => s.ms)))} | ${heapTerms.toFixed(1)} MB |

**With ${TERMS.toLocaleString('en')} terms the content script starts in ${ratio.toFixed(2)}× the time** (target: within ${START_TARGET_RATIO}×): ${ratio <= START_TARGET_RATIO ? '✅ met' : '❌ missed'}; **memory per tab: ${(heapTerms - heapGlossary).toFixed(1)} MB more** (median heap ${heapTerms.toFixed(1)} MB against ${heapGlossary.toFixed(1)} MB).
`;
await writeReportSection(REPORT, 'user-terms', markdown);
log(`start ${ms(startGlossary)} → ${ms(startTerms)} ms (${ratio.toFixed(2)}×)`);
