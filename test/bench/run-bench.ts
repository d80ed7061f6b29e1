/**
 * `npm run bench`: one headless Chromium run comparing, on the same pages, a bare text read (the
 * floor), mark.js used naively, mark.js with one combined RegExp, Pledgemark's HighlightSession and
 * a CSS Custom Highlight API renderer; writes BENCHMARKS.md. Nothing here asserts on time: the
 * machine is shared and noisy, so the report gives ratios measured within this one run.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium); BENCH_CAP_MS (the naive peer's cap,
 * default 5000, which keeps the whole bench around 8 minutes on a busy 2-core machine);
 * BENCH_PAGES (comma-separated page ids, e.g. `100kb,2mb`; the report then says it is partial);
 * BENCH_REPS (measured runs per variant where cheap, default 3); BENCH_OUT (report path,
 * default BENCHMARKS.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { GLOSSARY } from '../../data/glossary';
import { compileMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { describeGlossary, largeGlossary } from './large-glossary';
import type { PageSetup, RunOutcome, Variant } from './protocol';
import {
  summariseProfile,
  writeReport,
  type BenchPage,
  type BenchResults,
  type GlossaryId,
  type Measurement,
  type Row,
} from './report';
import { bundleForPage } from './page-bundle';
import { startBenchServer, withoutScripts } from './server';
import { mentionAliases, syntheticPage, vocabularyClashes } from './synthetic-pages';
import { QUIET_CHROMIUM_ARGS } from '../e2e/browsers';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED_PAGES = resolve(PROJECT_ROOT, '..', 'shared', 'pages');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CAP_MS = Number(process.env.BENCH_CAP_MS ?? 5_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const ONLY = process.env.BENCH_PAGES?.split(',').map((id) => id.trim().toLowerCase());
const OUT = resolve(PROJECT_ROOT, process.env.BENCH_OUT ?? 'BENCHMARKS.md');
const CONTENT_SCRIPTS_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3', 'content-scripts');
/** What every frame of every page loads: the content script and the card's own script. */
const CONTENT_SCRIPTS = ['content.js', 'card-ui.js'];
const CONTENT_SCRIPT = join(CONTENT_SCRIPTS_DIR, 'content.js');
/** A variant whose first measured run takes longer than this is not repeated. */
const SLOW_MS = 10_000;
/** The page whose diagnostic variants are repeated (the findings' breakdown); elsewhere run once. */
const BREAKDOWN_PAGE = '2mb';
/** The CSS Custom Highlight candidate is for the largest pages: run from this size up. */
const CSS_CANDIDATE_MIN_BYTES = 1.5 * 1024 * 1024;
/** From this size up, the mark.js peers run once (seconds per run, far from Pledgemark's times). */
const PEERS_ONCE_MIN_BYTES = 1.5 * 1024 * 1024;
/** Above this page size the diagnostic variants (walkRuns alone, matching alone) are not run. */
const DIAGNOSTICS_MAX_BYTES = 3 * 1024 * 1024;
const LARGE_ALIAS_COUNT = 3_000;
const VIEWPORT = { width: 1280, height: 800 };
const KB = 1024;
const MB = 1024 * 1024;

const SYNTHETIC_SIZES = [
  { id: '100kb', label: '100 KB', bytes: 100 * KB },
  { id: '1mb', label: '1 MB', bytes: 1 * MB },
  { id: '2mb', label: '2 MB', bytes: 2 * MB },
  { id: '10mb', label: '10 MB', bytes: 10 * MB },
];
const REAL_PAGES = [
  'readability-v8-blog.html',
  'readability-wikipedia.html',
  'readability-nytimes-1.html',
  'readability-yahoo-2.html',
  'postlight-www-reddit-com-image.html',
];

/** Variants that do not depend on the glossary run once per page. */
const CONTENT_VARIANTS: Variant[] = ['noop', 'noopScroll', 'writeScroll', 'floor', 'runs'];
const DIAGNOSTICS = new Set<Variant>(['runs', 'match']);
const GLOSSARY_VARIANTS: Variant[] = [
  'match',
  'naive',
  'markRegExp',
  'pledgemark',
  'pledgemarkScroll',
  'cssHighlight',
];

const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`);
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; set CHROMIUM_PATH to its executable.`);
  }
  const loadBefore = loadavg();

  // ── Glossaries ────────────────────────────────────────────────────────────────────────────
  const compiled: Record<GlossaryId, CompiledMatcher> = {
    real: compileMatcher(GLOSSARY),
    large: compileMatcher(largeGlossary(GLOSSARY, LARGE_ALIAS_COUNT)),
  };
  const shippedPath = join(PROJECT_ROOT, 'data', 'generated', 'matcher.json');
  const shipped = existsSync(shippedPath)
    ? JSON.stringify(JSON.parse(readFileSync(shippedPath, 'utf8'))) ===
      JSON.stringify(compiled.real)
      ? 'identical to data/generated/matcher.json'
      : 'DIFFERS from data/generated/matcher.json (stale build?)'
    : 'data/generated/matcher.json not built';
  const notes: string[] = [];
  const clashes = vocabularyClashes(compiled.large);
  if (clashes.length) notes.push(`Synthetic vocabulary matching an alias: ${clashes.join('; ')}`);

  // ── Page-side bundle ──────────────────────────────────────────────────────────────────────
  const bundled = await bundleForPage(join(PROJECT_ROOT, 'test', 'bench', 'page', 'bench-page.ts'));
  const bundle = `${bundled}\n//# sourceURL=pm-bench.js\n`;
  // Marks carry their own inline style; the Custom Highlight variant needs its rule.
  const css =
    '::highlight(pledgemark) { background-color: rgba(255, 196, 0, 0.3); ' +
    'text-decoration: underline rgba(191, 120, 0, 0.85); }\n';

  // ── Pages ─────────────────────────────────────────────────────────────────────────────────
  const server = await startBenchServer();
  const pages: BenchPage[] = [];
  const mentionable = mentionAliases(compiled.real);
  for (const size of SYNTHETIC_SIZES) {
    if (ONLY && !ONLY.includes(size.id)) continue;
    // Matching 10 MB in Node with 3,000 aliases takes seconds: the large glossary's expected count
    // is checked on the smaller pages, whose prose comes from the same vocabulary.
    const checked = size.bytes > 2 * MB ? { real: compiled.real } : compiled;
    const page = syntheticPage(size.bytes, mentionable, checked);
    for (const [glossary, expected] of page.expected) {
      const found = page.candidates.get(glossary) ?? expected;
      if (found !== expected || expected !== page.mentionsInserted) {
        notes.push(
          `Synthetic ${size.label} with the ${glossary} glossary: ${page.mentionsInserted} mentions ` +
            `inserted, ${found} candidates, ${expected} accepted (the generator should make these equal).`,
        );
      }
    }
    const big = size.bytes > 2 * MB;
    pages.push({
      id: size.id,
      label: `synthetic ${size.label}`,
      kind: 'synthetic',
      bytes: Buffer.byteLength(page.html),
      url: server.add(`/synthetic/${size.id}.html`, page.html),
      glossaries: ['real', 'large'],
      reps: big ? 1 : REPS,
      warmup: size.bytes < 2 * MB,
      mentionsInserted: page.mentionsInserted,
      expected: {
        real: page.expected.get('real')!,
        large: page.expected.get('large') ?? page.expected.get('real')!,
      },
      expectedLargeAssumed: !page.expected.has('large'),
    });
  }
  const realPagesFound = existsSync(SHARED_PAGES);
  if (realPagesFound) {
    for (const file of REAL_PAGES) {
      const id = file.replace(/\.html$/, '');
      if (ONLY && !ONLY.includes(id)) continue;
      const path = join(SHARED_PAGES, file);
      if (!existsSync(path)) {
        notes.push(`Real page ${file} is missing from ${SHARED_PAGES}: skipped.`);
        continue;
      }
      const raw = readFileSync(path);
      const { body, scriptsRemoved } = withoutScripts(raw);
      pages.push({
        id,
        label: file,
        kind: 'real',
        bytes: raw.length,
        url: server.add(`/real/${file}`, body),
        glossaries: ['real'],
        reps: REPS,
        warmup: false,
        scriptsRemoved,
      });
    }
  } else {
    notes.push(
      `The real pages folder ${SHARED_PAGES} (../shared/pages beside the repository) was not ` +
        'found: the real-page rows are skipped.',
    );
  }
  log(`${pages.length} pages ready; glossaries: real ${describeGlossary(GLOSSARY)}`);

  // ── Browser ───────────────────────────────────────────────────────────────────────────────
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...QUIET_CHROMIUM_ARGS,
      // Offline: every host but the bench server fails at once instead of timing out.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: bundle });

  const rows: Row[] = [];
  const naiveCappedOn = new Map<GlossaryId, string>();
  const profiles: BenchResults['profiles'] = [];
  const firstScans: BenchResults['firstScans'] = { real: [], large: [] };
  try {
    for (const page of pages) {
      log(`${page.label} (${(page.bytes / KB).toFixed(0)} KB)`);
      const diagnostics = page.bytes <= DIAGNOSTICS_MAX_BYTES;
      const keep = (variant: Variant, glossary: GlossaryId = 'real') =>
        (diagnostics || !DIAGNOSTICS.has(variant)) &&
        (variant !== 'cssHighlight' || page.bytes >= CSS_CANDIDATE_MIN_BYTES) &&
        (variant !== 'pledgemarkScroll' || glossary === 'real') &&
        // One 3,000-alias RegExp over 10 MB is seconds in one task; the 2 MB row makes the point.
        !(variant === 'markRegExp' && glossary === 'large' && !diagnostics);
      const jobs: Row[] = [
        ...CONTENT_VARIANTS.filter((v) => keep(v)).map((v) => newRow(page, v, 'real')),
        ...page.glossaries.flatMap((glossary) =>
          GLOSSARY_VARIANTS.filter((v) => keep(v, glossary)).map((v) => newRow(page, v, glossary)),
        ),
      ];
      for (const job of jobs) {
        const cappedOn = job.variant === 'naive' ? naiveCappedOn.get(job.glossary) : undefined;
        if (cappedOn && page.kind === 'synthetic') {
          job.skipped = `not run: already over the ${CAP_MS / 1000} s cap on the smaller ${cappedOn} page`;
        }
      }
      rows.push(...jobs);
      if (page.warmup) {
        await measure(context, page, 'pledgemark', compiled.real, css).catch(() => null);
      }
      for (let round = 0; round < page.reps; round++) {
        for (const job of jobs) {
          if (job.skipped) continue;
          const first = job.runs[0];
          // The naive peer, diagnostics (but on the breakdown page), and slow, capped or failed
          // variants run once.
          const once =
            job.variant === 'naive' ||
            // A 3,000-alias RegExp, or any mark.js run on a large page, takes seconds in one
            // task whatever the noise: one run says it.
            (job.variant === 'markRegExp' &&
              (job.glossary === 'large' || page.bytes >= PEERS_ONCE_MIN_BYTES)) ||
            (DIAGNOSTICS.has(job.variant) &&
              (page.id !== BREAKDOWN_PAGE || job.glossary !== 'real'));
          if (first && (once || first.scriptMs > SLOW_MS)) continue;
          if (first && (first.capped || first.error)) continue;
          const result = await measure(
            context,
            page,
            job.variant,
            compiled[job.glossary],
            css,
          ).catch((error: unknown) => failed(error));
          job.runs.push(result);
          if (result.capped && page.kind === 'synthetic')
            naiveCappedOn.set(job.glossary, page.label);
          log(`  ${job.variant.padEnd(12)} ${job.glossary.padEnd(5)} ${describe(result)}`);
        }
      }
    }

    // ── RegExp compilation on first use, on a near-empty page ──────────────────────────────
    const blank = server.add('/blank.html', '<!doctype html><title>blank</title><p>Blank.</p>');
    for (const glossary of ['real', 'large'] as const) {
      for (let round = 0; round < REPS; round++) {
        const tab = await context.newPage();
        try {
          await tab.goto(blank);
          const setup: PageSetup = { compiled: compiled[glossary], css };
          await tab.evaluate((arg) => window.__pmBench.setup(arg), setup);
          firstScans[glossary].push(await tab.evaluate(() => window.__pmBench.firstScan()));
        } finally {
          await tab.close();
        }
      }
    }

    // ── Profiled Pledgemark runs, to see where its time goes ───────────────────────────────
    // On the breakdown page, and on the real page whose synchronous start took longest.
    const profiled = pages.find((page) => page.id === BREAKDOWN_PAGE);
    const startTask = (page: BenchPage) =>
      Math.max(
        0,
        ...(
          rows.find((row) => row.pageId === page.id && row.variant === 'pledgemark')?.runs ?? []
        ).map((run) => run.firstFrameDetail?.topScriptMs ?? 0),
      );
    const slowStart = pages
      .filter((page) => page.kind === 'real' && startTask(page) >= 50)
      .sort((a, b) => startTask(b) - startTask(a))[0];
    for (const [page, purpose] of [
      [profiled, 'whole run'],
      [slowStart, 'slow start'],
    ] as const) {
      if (!page) continue;
      log(`CPU profile of Pledgemark on ${page.label}`);
      const raw = await measure(context, page, 'pledgemark', compiled.real, css, true);
      profiles.push({
        page: page.label,
        purpose,
        scriptMs: raw.scriptMs,
        summary: summariseProfile(raw.profile!, bundle),
      });
    }
  } finally {
    await context.close();
    const chromiumVersion = browser.version();
    await browser.close();
    await server.stop();

    const bundleInfo = contentScriptSize();
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGB: totalmem() / 1024 ** 3,
        os: `${osName()} (Linux ${release()})`,
        chromium: chromiumVersion,
        node: process.version,
        loadBefore,
        loadAfter: loadavg(),
      },
      glossaries: {
        real: { compiled: compiled.real, note: shipped },
        large: { compiled: compiled.large, note: 'real glossary + invented aliases' },
      },
      capMs: CAP_MS,
      reps: REPS,
      partial: ONLY !== undefined,
      realPagesFound,
      pages,
      rows,
      profiles,
      firstScans,
      bundle: bundleInfo,
      notes,
      totalSeconds: (Date.now() - startedAt) / 1000,
      viewport: VIEWPORT,
    };
    await writeReport(OUT, results);
    writeFileSync(join('/tmp', 'pledgemark-bench-results.json'), JSON.stringify(results, null, 1));
    log(`wrote ${OUT}`);
  }
}

function newRow(page: BenchPage, variant: Variant, glossary: GlossaryId): Row {
  return { pageId: page.id, variant, glossary, runs: [] };
}

function failed(error: unknown): Measurement {
  return {
    scriptMs: NaN,
    count: null,
    firstViewportMs: null,
    longestTaskMs: null,
    longTasks: 0,
    longestFrameMs: null,
    longFrames: 0,
    error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    styleLayoutMs: NaN,
    taskMs: NaN,
    heapBeforeMB: NaN,
    heapAfterMB: NaN,
  };
}

function describe(result: Measurement): string {
  const parts = [`script ${result.scriptMs.toFixed(1)} ms`, `task ${result.taskMs.toFixed(0)} ms`];
  if (result.count !== null) parts.push(`count ${result.count}`);
  if (result.firstViewportMs !== null)
    parts.push(`viewport ${result.firstViewportMs.toFixed(1)} ms`);
  if (result.longestTaskMs) parts.push(`longtask ${result.longestTaskMs.toFixed(0)} ms`);
  if (result.longestFrameMs) parts.push(`frame ${result.longestFrameMs.toFixed(0)} ms`);
  if (result.capped)
    parts.push(`CAPPED ${result.capped.aliasesDone}/${result.capped.aliasesTotal}`);
  if (result.error) parts.push(`ERROR ${result.error}`);
  return parts.join(', ');
}

type Metrics = Record<string, number>;

async function getMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** One fresh tab, one variant: load, set up, settle, measure, close. */
async function measure(
  context: BrowserContext,
  page: BenchPage,
  variant: Variant,
  compiled: CompiledMatcher,
  css: string,
  withProfile = false,
): Promise<Measurement & { profile?: unknown }> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(page.url, { waitUntil: 'load', timeout: 180_000 });
    const setup: PageSetup = { compiled, css };
    await tab.evaluate((arg) => window.__pmBench.setup(arg), setup);
    // Let the page finish its own post-load rendering, then start from a collected heap.
    await tab.evaluate(
      () =>
        new Promise<void>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))),
        ),
    );
    await cdp.send('HeapProfiler.collectGarbage');
    if (withProfile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const before = await getMetrics(cdp);
    const outcome: RunOutcome = await tab.evaluate(
      (arg) => window.__pmBench.run(arg.variant, arg.options),
      { variant, options: { capMs: CAP_MS } },
    );
    const after = await getMetrics(cdp);
    const profile = withProfile ? (await cdp.send('Profiler.stop')).profile : undefined;
    // After the metrics and the profile: the diagnostics' hit tests are the harness's cost.
    Object.assign(outcome, await tab.evaluate(() => window.__pmBench.diagnose()));
    const delta = (name: string) => ((after[name] ?? NaN) - (before[name] ?? NaN)) * 1000;
    return {
      ...outcome,
      styleLayoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      taskMs: delta('TaskDuration'),
      otherMs: delta('TaskOtherDuration'),
      heapBeforeMB: (before.JSHeapUsedSize ?? NaN) / MB,
      heapAfterMB: (after.JSHeapUsedSize ?? NaN) / MB,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await tab.close();
  }
}

function contentScriptSize(): BenchResults['bundle'] {
  if (!existsSync(CONTENT_SCRIPT)) {
    log('content script not built: running the corpus build and `npx wxt build`');
    spawnSync('npx', ['tsx', 'data/build/build-corpus.ts'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (!existsSync(CONTENT_SCRIPT)) return null;
  }
  const parts = CONTENT_SCRIPTS.map((name) => {
    const source = readFileSync(join(CONTENT_SCRIPTS_DIR, name));
    return { name, rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  });
  return {
    path: `.output/chrome-mv3/content-scripts/{${CONTENT_SCRIPTS.join(',')}}`,
    parts,
    rawBytes: parts.reduce((sum, part) => sum + part.rawBytes, 0),
    gzipBytes: parts.reduce((sum, part) => sum + part.gzipBytes, 0),
    builtAt: statSync(CONTENT_SCRIPT).mtime.toISOString(),
  };
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? 'Linux';
  } catch {
    return process.platform;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
