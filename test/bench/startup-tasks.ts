/**
 * Part of `npm run bench`: long tasks at start-up, with the machine under load. Every saved page
 * of `../shared/pages` (scripts removed, as the main bench serves them) and the synthetic 10 MB
 * page are loaded in headless Chromium twice, with the built extension and without it, while a
 * busy neighbour process keeps one core spinning. The page records its long tasks (over 50 ms)
 * from navigation until highlighting has settled. A long task is Pledgemark's when the run with
 * the extension has one the run without it does not: the report gives, per page, the longest
 * task with and without, and the pages where the extension adds tasks over 50 ms. Writes its
 * section of BENCHMARKS.md between markers. Nothing here asserts on time.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { format } from 'prettier';
import { compileMatcher } from '../../utils/term-matcher';
import { GLOSSARY } from '../../data/glossary';
import { QUIET_CHROMIUM_ARGS } from '../e2e/browsers';
import { startBenchServer, withoutScripts } from './server';
import { mentionAliases, syntheticPage } from './synthetic-pages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const SHARED_PAGES = resolve(ROOT, '..', 'shared', 'pages');
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const START = '<!-- startup-tasks:start -->';
const END = '<!-- startup-tasks:end -->';
/** How long after load a page is watched: the content script starts at idle, then slices. */
const SETTLE_MS = 3_000;
const SETTLE_BIG_MS = 8_000;
const LONG_TASK_MS = 50;

if (!existsSync(join(BUILD, 'manifest.json'))) {
  throw new Error(`No Chrome build in ${BUILD}: run npx wxt build first`);
}

/** The busy neighbour: one core kept spinning for the whole run. */
const neighbour = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });

const server = await startBenchServer();
const pages: { id: string; url: string; settleMs: number }[] = [];
for (const file of readdirSync(SHARED_PAGES)
  .filter((name) => name.endsWith('.html'))
  .sort()) {
  const { body } = withoutScripts(readFileSync(join(SHARED_PAGES, file)));
  pages.push({ id: file, url: server.add(`/real/${file}`, body), settleMs: SETTLE_MS });
}
const compiled = compileMatcher(GLOSSARY);
const big = syntheticPage(10 * 1024 * 1024, mentionAliases(compiled), { real: compiled });
pages.push({
  id: 'synthetic 10 MB',
  url: server.add('/synthetic/10mb.html', big.html),
  settleMs: SETTLE_BIG_MS,
});

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pledgemark-startup-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      ...(withExtension
        ? [`--disable-extensions-except=${BUILD}`, `--load-extension=${BUILD}`]
        : []),
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  return { context, dir };
}

/** The long tasks of one page load, in ms, and how many highlights it got. */
async function measure(
  context: BrowserContext,
  page: { url: string; settleMs: number },
): Promise<{ tasks: number[]; highlights: number }> {
  const tab = await context.newPage();
  await tab.addInitScript(`
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  `);
  await tab.goto(page.url, { waitUntil: 'load', timeout: 120_000 });
  await tab.waitForTimeout(page.settleMs);
  const result = await tab.evaluate(`({
    tasks: globalThis.__longTasks,
    highlights: document.querySelectorAll('[data-pledgemark-term]').length,
  })`);
  await tab.close();
  return result as { tasks: number[]; highlights: number };
}

interface PageResult {
  id: string;
  with: { tasks: number[]; highlights: number };
  without: { tasks: number[]; highlights: number };
}
const results: PageResult[] = [];
const load = loadavg()[0]!;
try {
  const plain = await launch(false);
  const extended = await launch(true);
  try {
    // Let the extension seed its database before pages are timed.
    await extended.context
      .newPage()
      .then((tab) => tab.waitForTimeout(3_000).then(() => tab.close()));
    for (const page of pages) {
      const without = await measure(plain.context, page);
      const withExtension = await measure(extended.context, page);
      results.push({ id: page.id, with: withExtension, without });
    }
  } finally {
    for (const { context, dir } of [plain, extended]) {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
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
const lines = [
  START,
  '## Long tasks at start-up, under load',
  '',
  `Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/startup-tasks.ts\` in headless Chromium (${cpus().length} cores, load average ${load.toFixed(2)} at the start) while a busy neighbour process kept one core spinning. Each of the ${pages.length - 1} saved pages of \`../shared/pages\` (scripts removed) and the synthetic 10 MB page was loaded without the extension and with it, and watched from navigation until ${SETTLE_MS / 1000} s after load (${SETTLE_BIG_MS / 1000} s for the 10 MB page) through the page's \`longtask\` observer. A cell gives the tasks over ${LONG_TASK_MS} ms and the longest task (ms).`,
  '',
  `**Pages where the extension adds a task over ${LONG_TASK_MS} ms: ${added.length} of ${results.length}.**`,
  '',
  '| Page | Highlights | Without: tasks > 50 ms · longest | With: tasks > 50 ms · longest |',
  '|---|---|---|---|',
  ...[...results]
    .sort(
      (a, b) =>
        longest(b.with.tasks) -
        longest(b.without.tasks) -
        (longest(a.with.tasks) - longest(a.without.tasks)),
    )
    .map(
      (result) =>
        `| ${result.id} | ${result.with.highlights} | ${cell(result.without.tasks)} | ${cell(result.with.tasks)} |`,
    ),
  END,
];
const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Pledgemark benchmarks\n';
const section = lines.join('\n');
const updated = report.includes(START)
  ? report.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section)
  : `${report.trimEnd()}\n\n${section}\n`;
// Formatted like the rest of the report, so that `prettier --check` stays clean after a run.
writeFileSync(REPORT, await format(updated, { parser: 'markdown' }));
console.log(section);
