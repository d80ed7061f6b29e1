/**
 * Part of `npm run bench`: long tasks at start-up, with the machine under load. Every saved page
 * of `../shared/pages` (scripts removed, as the main bench serves them) and the synthetic 10 MB
 * page are loaded in headless Chromium twice, with the built extension and without it, while a
 * busy neighbour process keeps one core spinning. The page records its long tasks (over 50 ms)
 * from navigation until highlighting has settled, and a trace tells which main-thread tasks
 * Pledgemark's content script ran in. The report gives, per page, the long tasks with and
 * without the extension and the longest of Pledgemark's own tasks. Writes its section of
 * BENCHMARKS.md between markers. Nothing here asserts on time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { compileMatcher } from '../../utils/term-matcher';
import { GLOSSARY } from '../../data/glossary';
import { serveSharedPages, startBenchServer } from './server';
import { mentionAliases, syntheticPage } from './synthetic-pages';
import { launchBenchProfile } from './bench-profile';
import { writeReportSection } from './report-section';
import {
  extensionOriginOf,
  ourTasks,
  TRACE_CATEGORIES,
  type OurTask,
  type TraceEvent,
} from './trace-tasks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
/** How long after load a page is watched: the content script starts at idle, then slices. */
const SETTLE_MS = 3_000;
const SETTLE_BIG_MS = 8_000;
const LONG_TASK_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}

/** The busy neighbour: one core kept spinning for the whole run. */
const neighbour = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });

const server = await startBenchServer();
const pages: { id: string; url: string; settleMs: number }[] = [];
for (const { file, url } of serveSharedPages(server)) {
  pages.push({ id: file, url, settleMs: SETTLE_MS });
}
const compiled = compileMatcher(GLOSSARY);
const big = syntheticPage(10 * 1024 * 1024, mentionAliases(compiled), { real: compiled });
pages.push({
  id: 'synthetic 10 MB',
  url: server.add('/synthetic/10mb.html', big.html),
  settleMs: SETTLE_BIG_MS,
});

/** What one page load gave: its long tasks (ms), highlights, and Pledgemark's own tasks (ms). */
interface Load {
  tasks: number[];
  highlights: number;
  /** Main-thread tasks over 10 ms in which Pledgemark's code ran (from a trace; with it only). */
  ours: OurTask[];
}

/** The long tasks of one page load, how many highlights it got and, traced, Pledgemark's tasks. */
async function measure(
  context: BrowserContext,
  page: { url: string; settleMs: number },
  extensionOrigin: string | null,
): Promise<Load> {
  const tab = await context.newPage();
  await tab.addInitScript(`
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  `);
  // Both runs are traced, so that the tracing's own cost weighs on both alike.
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(',') },
    transferMode: 'ReportEvents',
  });
  await tab.goto(page.url, { waitUntil: 'load', timeout: 120_000 });
  await tab.waitForTimeout(page.settleMs);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  const result = (await tab.evaluate(`({
    tasks: globalThis.__longTasks,
    highlights: document.querySelectorAll('[data-pledgemark-term]').length,
  })`)) as Omit<Load, 'ours'>;
  await tab.close();
  return { ...result, ours: extensionOrigin ? ourTasks(events, extensionOrigin, 10) : [] };
}

interface PageResult {
  id: string;
  with: Load;
  without: Load;
}
const results: PageResult[] = [];
const load = loadavg()[0]!;
try {
  const plain = await launchBenchProfile(null, { viewport: VIEWPORT });
  const extended = await launchBenchProfile(BUILD, { viewport: VIEWPORT });
  try {
    // Let the extension seed its database before pages are timed.
    await extended.context
      .newPage()
      .then((tab) => tab.waitForTimeout(3_000).then(() => tab.close()));
    const worker =
      extended.context.serviceWorkers()[0] ??
      (await extended.context.waitForEvent('serviceworker'));
    const extensionOrigin = extensionOriginOf(worker.url());
    for (const page of pages) {
      const without = await measure(plain.context, page, null);
      const withExtension = await measure(extended.context, page, extensionOrigin);
      results.push({ id: page.id, with: withExtension, without });
      console.log(`[startup] ${results.length}/${pages.length} ${page.id}`);
    }
  } finally {
    await plain.close();
    await extended.close();
  }
} finally {
  neighbour.kill();
  await server.stop();
}

const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);
const over = (tasks: number[]) => tasks.filter((ms) => ms > LONG_TASK_MS).length;
const added = results.filter(
  (result) =>
    over(result.with.tasks) > over(result.without.tasks) ||
    longest(result.with.tasks) > Math.max(LONG_TASK_MS, longest(result.without.tasks)),
);
const cell = (tasks: number[]) =>
  tasks.length ? `${over(tasks)} · ${longest(tasks).toFixed(0)}` : '0 · –';
const oursMs = (result: PageResult) => result.with.ours.map((task) => task.ms);
const oursOver = results.filter((result) => over(oursMs(result)) > 0);
const longestOurs = results.reduce(
  (worst, result) =>
    longest(oursMs(result)) > worst.ms ? { ms: longest(oursMs(result)), id: result.id } : worst,
  { ms: 0, id: '' },
);
/** What Pledgemark's longest task on a page did: evaluated one of its scripts, or later work. */
const longestWhat = (result: PageResult) => {
  const task = [...result.with.ours].sort((a, b) => b.ms - a.ms)[0];
  if (!task) return '–';
  return task.evaluated ? `evaluating ${task.evaluated}` : 'highlighting, or a reply';
};
const lines = [
  '## Long tasks at start-up, under load',
  '',
  `Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/startup-tasks.ts\` in headless Chromium (${cpus().length} cores, load average ${load.toFixed(2)} at the start) while a busy neighbour process kept one core spinning. Each of the ${pages.length - 1} saved pages of \`../shared/pages\` (scripts removed) and the synthetic 10 MB page was loaded without the extension and with it, and watched from navigation until ${SETTLE_MS / 1000} s after load (${SETTLE_BIG_MS / 1000} s for the 10 MB page) through the page's \`longtask\` observer, and traced (both runs, so that the tracing's cost weighs on both alike). A cell gives the tasks over ${LONG_TASK_MS} ms and the longest task (ms). "Pledgemark's tasks" are the main-thread tasks in which the trace shows its content script running (evaluating its script, or a call into its world); the frames the page renders after a highlight is written are not among them, and show in the comparison with and without. The last column says what its longest task on the page did: evaluate one of its two content scripts (\`content.js\`, the highlighter, injected at \`document_idle\`; \`card-ui.js\`, the card, at \`document_end\`), or later work (a slice of highlighting, a reply from the background).`,
  '',
  `**Pages where one of Pledgemark's own tasks took over ${LONG_TASK_MS} ms: ${oursOver.length} of ${results.length}**; its longest task: ${longestOurs.ms.toFixed(0)} ms (${longestOurs.id || 'none'}).`,
  '',
  `Pages where the run with the extension had more tasks over ${LONG_TASK_MS} ms, or a longer longest task, than the run without: ${added.length} of ${results.length} (the page's own tasks vary from run to run by more than Pledgemark's whole start).`,
  '',
  "| Page | Highlights | Without: tasks > 50 ms · longest | With: tasks > 50 ms · longest | Pledgemark's tasks: > 50 ms · longest | Its longest task |",
  '|---|---|---|---|---|---|',
  ...[...results]
    .sort((a, b) => longest(oursMs(b)) - longest(oursMs(a)))
    .map(
      (result) =>
        `| ${result.id} | ${result.with.highlights} | ${cell(result.without.tasks)} | ${cell(result.with.tasks)} | ${cell(oursMs(result))} | ${longestWhat(result)} |`,
    ),
];
const section = lines.join('\n');
await writeReportSection(REPORT, 'startup-tasks', section);
console.log(section);
