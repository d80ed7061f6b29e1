/**
 * Compares how long the content script takes to start on a page in two builds of the extension:
 * a baseline (`BASELINE_BUILD`, a Chrome build of an earlier commit) and this one
 * (`.output/chrome-mv3`). Each of the first saved pages of `../shared/pages` is loaded with
 * each build in turn, several times, in headless Chromium, and traced: a start is the time V8
 * spends compiling and running `content-scripts/content.js` and, where there is one, the card's
 * `content-scripts/card-ui.js` (their top level and `main` up to its first wait). The report
 * gives the medians and their ratio. Nothing asserts on time. Writes its section of
 * BENCHMARKS.md. Environment: BASELINE_BUILD (required), BASELINE_LABEL, START_PAGES (default
 * 12), START_REPS (default 3), CHROMIUM_PATH, BENCH_OUT.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBenchProfile } from './bench-profile';
import { writeReportSection } from './report-section';
import { serveSharedPages, startBenchServer } from './server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const BASELINE = process.env.BASELINE_BUILD;
const BASELINE_LABEL = process.env.BASELINE_LABEL ?? BASELINE ?? '';
const PAGES = Number(process.env.START_PAGES ?? 12);
const REPS = Number(process.env.START_REPS ?? 3);
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const SCRIPTS = ['content-scripts/content.js', 'content-scripts/card-ui.js'];

if (!BASELINE || !existsSync(join(BASELINE, 'manifest.json'))) {
  throw new Error('Set BASELINE_BUILD to the .output/chrome-mv3 directory of the build to compare');
}
const log = (message: string) => console.log(`[content-start] ${message}`);
const loadBefore = loadavg();

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string }; fileName?: string; url?: string };
}

/** Milliseconds V8 spent compiling and running the content scripts during one page load. */
async function startOnce(build: string, url: string): Promise<number> {
  const { context, close } = await launchBenchProfile(build);
  try {
    // The first page of a profile pays for the extension's install; measure the next one.
    const warm = await context.newPage();
    await warm.waitForTimeout(2_000);
    await warm.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['v8', 'v8.execute', 'devtools.timeline'] },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1_500);
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    let total = 0;
    for (const event of events) {
      if (event.ph !== 'X' || (event.name !== 'v8.compile' && event.name !== 'v8.run')) continue;
      const source = event.args?.data?.url ?? event.args?.fileName ?? event.args?.url ?? '';
      if (source.startsWith('chrome-extension://') && SCRIPTS.some((s) => source.endsWith(s))) {
        total += (event.dur ?? 0) / 1000;
      }
    }
    return total;
  } finally {
    await close();
  }
}

const server = await startBenchServer();
const served = serveSharedPages(server, PAGES);
const files = served.map((page) => page.file);
const urls = served.map((page) => page.url);
const samples = { baseline: [] as number[], current: [] as number[] };
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const [i, url] of urls.entries()) {
      // Alternate which build goes first, so that neither always meets a warmer machine.
      const order =
        (rep + i) % 2 === 0
          ? (['baseline', 'current'] as const)
          : (['current', 'baseline'] as const);
      for (const which of order) {
        samples[which].push(await startOnce(which === 'baseline' ? BASELINE : BUILD, url));
      }
      log(`${rep + 1}/${REPS} ${files[i]}`);
    }
  }
} finally {
  await server.stop();
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const baseline = median(samples.baseline);
const current = median(samples.current);
const ratio = current / baseline;
const markdown = `## Content script start, against a baseline build

Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/content-start.ts\` in headless Chromium (${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} at the start): the time V8 spends compiling and running Pledgemark's content scripts (\`content.js\` and, where the build has it, \`card-ui.js\`) as a page loads, over the first ${PAGES} saved pages of \`../shared/pages\` (scripts removed), ${REPS} loads each per build, the two builds alternating. Baseline: ${BASELINE_LABEL}.

| Build | Loads | Median start |
| ----- | ----- | ------------ |
| Baseline | ${samples.baseline.length} | ${baseline.toFixed(1)} ms |
| This one | ${samples.current.length} | ${current.toFixed(1)} ms |

**This build starts in ${ratio.toFixed(2)}× the baseline's time** (target: within 1.1×): ${ratio <= 1.1 ? '✅ met' : '❌ missed'}.
`;
await writeReportSection(REPORT, 'content-start', markdown);
log(
  `baseline ${baseline.toFixed(1)} ms, this build ${current.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
);
