/**
 * The page side of the benchmark: bundled by esbuild into an IIFE and injected into every bench
 * page before its own content loads (`page.addInitScript`). It exposes `window.__pmBench`, which
 * the harness drives through `page.evaluate`: `setup()` once the page has loaded, then `run()` of
 * exactly one variant per fresh page.
 */
import Mark from 'mark.js';
import { HighlightSession } from '../../../entrypoints/content/highlight-session';
import * as pageHighlighter from '../../../entrypoints/content/page-highlighter';
import {
  HIGHLIGHT_CLASS,
  HIGHLIGHT_ELEMENT,
  TERM_ATTRIBUTE,
} from '../../../entrypoints/content/page-contract';
import {
  blockOf,
  EXCLUDED_SELECTOR,
  walkRuns,
  type TextRun,
} from '../../../entrypoints/content/text-runs';
import * as workScheduler from '../../../entrypoints/content/work-scheduler';
import {
  foldAliasText,
  isAccepted,
  pageSense,
  SILENT_PAGE,
  TermMatcher,
  type TermCandidate,
} from '../../../utils/term-matcher';
import { combinedAliasSources } from '../combined-regexp';
import {
  SCROLL_SCREENS,
  type FrameDetail,
  type PageSetup,
  type RunOptions,
  type RunOutcome,
  type Variant,
} from '../protocol';

/** The name the CSS Custom Highlight candidate registers its ranges under. */
const HIGHLIGHT_NAME = 'pledgemark';
/** Pledgemark's plural and possessive forms, as a RegExp suffix. */
const SUFFIX = "(?:['\\u2018\\u2019]s|s)?";
/** Where an alias may start and end for the naive peer (mark.js `accuracy: exactly`). */
const LIMITERS = [',', '.', ';', ':', '!', '?', '"', "'", '(', ')', '[', ']', '/', '-'].concat([
  '\u2013',
  '\u2014',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
]);
/**
 * Pledgemark's limits, mirrored by the candidate renderer and the match-only pass. Looked up by
 * name so that the bench keeps running while these constants move between modules.
 */
const limit = (name: string, fallback: number): number => {
  const value = (pageHighlighter as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : fallback;
};
const MAX_MARKS_PER_PAGE = limit('MAX_MARKS_PER_PAGE', 10_000);
const MAX_RUN_LENGTH = limit('MAX_RUN_LENGTH', Infinity);
/** The candidate renderer slices and yields exactly as Pledgemark does, whichever way that is. */
const { TimeSlice } = workScheduler;
type Yield = (window: Window, signal: AbortSignal) => Promise<void>;
const yieldToPage: Yield = (() => {
  const exports = workScheduler as Record<string, unknown>;
  const found = exports['yieldToPage'] ?? exports['whenIdle'];
  if (typeof found === 'function') return found as Yield;
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();
/**
 * First-viewport timing only needs the first highlights made (the viewport pass comes first):
 * recording stops after these, so that the observer costs Pledgemark little.
 */
const FIRST_VIEWPORT_WINDOW = 300;

let matcher: TermMatcher | null = null;

function setup({ compiled, css }: PageSetup): void {
  matcher = new TermMatcher(compiled);
  const style = document.createElement('style');
  style.textContent = css;
  (document.head ?? document.documentElement).append(style);
}

type Partial = Omit<
  RunOutcome,
  'scriptMs' | 'longestTaskMs' | 'longTasks' | 'longestFrameMs' | 'longFrames'
>;

class CapExceeded extends Error {}

const root = () => document.body ?? document.documentElement;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function inViewport(rect: DOMRect): boolean {
  return (
    (rect.width > 0 || rect.height > 0) &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < window.innerHeight &&
    rect.left < window.innerWidth
  );
}

function aliasTexts(caseSensitive: boolean): string[] {
  return [
    ...new Set(
      matcher!.aliases.filter((alias) => alias.caseSensitive === caseSensitive).map((a) => a.text),
    ),
  ];
}

function termLookup(): (text: string) => string {
  const byText = new Map<string, string>();
  for (const alias of matcher!.aliases) {
    const key = foldAliasText(alias.text, false);
    if (!byText.has(key)) byText.set(key, alias.termId);
  }
  return (text) => {
    const key = foldAliasText(text, false);
    return byText.get(key) ?? byText.get(key.replace(/(?:['\u2018\u2019]s|s)$/, '')) ?? '?';
  };
}

const countMarks = () => document.querySelectorAll(HIGHLIGHT_ELEMENT).length;

function floor(): Partial {
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  let textChars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textChars += (node as Text).data.length;
    textNodes++;
  }
  return { count: null, firstViewportMs: null, textChars, textNodes };
}

function runsOnly(): Partial {
  let runs = 0;
  let textChars = 0;
  for (const run of walkRuns(root())) {
    runs++;
    textChars += run.text.length;
  }
  return { count: null, firstViewportMs: null, runs, textChars };
}

/** Pledgemark's matching over the whole page, without wrapping: the count it should reach. */
function matchOnly(): Partial {
  let runs = 0;
  const confirmedOnPage = new Set<string>();
  const all: TermCandidate[] = [];
  for (const run of walkRuns(root())) {
    runs++;
    if (run.text.length > MAX_RUN_LENGTH) continue;
    for (const candidate of matcher!.scan(run.text)) {
      if (!candidate.ambiguous) confirmedOnPage.add(candidate.termId);
      all.push(candidate);
    }
  }
  const page = pageSense(confirmedOnPage);
  const count = all.filter((candidate) => isAccepted(matcher!, candidate, page)).length;
  return { count, firstViewportMs: null, runs };
}

function naive(t0: number, { capMs }: RunOptions): Partial {
  const termOf = termLookup();
  const total = aliasTexts(false).length + aliasTexts(true).length;
  let done = 0;
  let current = '';
  let made = 0;
  const check = () => {
    if (performance.now() - t0 > capMs) throw new CapExceeded();
  };
  const options = (caseSensitive: boolean): Mark.MarkOptions => ({
    element: HIGHLIGHT_ELEMENT,
    className: HIGHLIGHT_CLASS,
    exclude: [EXCLUDED_SELECTOR],
    separateWordSearch: false,
    diacritics: false,
    caseSensitive,
    acrossElements: false,
    accuracy: { value: 'exactly', limiters: LIMITERS },
    filter: (_node, term) => {
      if (term !== current) {
        current = term;
        done++;
        check();
      }
      return true;
    },
    noMatch: () => {
      done++;
      check();
    },
    each: (element) => {
      element.setAttribute(TERM_ATTRIBUTE, termOf(current));
      made++;
    },
  });
  try {
    // Phrases case-insensitively, acronyms case-sensitively: mark.js has one flag per call.
    new Mark(root()).mark(aliasTexts(false), options(false));
    new Mark(root()).mark(aliasTexts(true), options(true));
  } catch (error) {
    if (error instanceof CapExceeded) {
      return {
        count: made,
        firstViewportMs: null,
        capped: { aliasesDone: done, aliasesTotal: total },
      };
    }
    return { count: made, firstViewportMs: null, error: errorMessage(error) };
  }
  return { count: countMarks(), firstViewportMs: performance.now() - t0 };
}

function markRegExp(t0: number): Partial {
  const sources = combinedAliasSources(matcher!.aliases);
  const alternatives = [
    // Phrases first, so that "APEC Counter-Terrorism Task Force" beats the acronym "APEC".
    ...(sources.caseInsensitive ? [`(?i:${sources.caseInsensitive})`] : []),
    ...(sources.caseSensitive ? [sources.caseSensitive] : []),
  ];
  const source = `(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})${SUFFIX}(?![\\p{L}\\p{N}_])`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gu');
  } catch (error) {
    return {
      count: 0,
      firstViewportMs: null,
      error: errorMessage(error),
      regexSourceLength: source.length,
    };
  }
  const termOf = termLookup();
  try {
    new Mark(root()).markRegExp(regex, {
      element: HIGHLIGHT_ELEMENT,
      className: HIGHLIGHT_CLASS,
      exclude: [EXCLUDED_SELECTOR],
      acrossElements: false,
      each: (element) => element.setAttribute(TERM_ATTRIBUTE, termOf(element.textContent ?? '')),
    });
  } catch (error) {
    return {
      count: countMarks(),
      firstViewportMs: null,
      error: errorMessage(error),
      regexSourceLength: source.length,
    };
  }
  return {
    count: countMarks(),
    firstViewportMs: performance.now() - t0,
    regexSourceLength: source.length,
  };
}

/** Work done after the clock stopped: finding which highlight reached the viewport first. */
type Finish = () => Pick<RunOutcome, 'firstViewportMs' | 'viewportProbe'>;

/**
 * The last run's diagnostics (hit-test probes, rectangles of the highlights made), taken by
 * `diagnose()` once the harness has read the run's metrics: their cost is not the run's.
 */
let pendingDiagnostics: Finish | null = null;

function diagnose(): Pick<RunOutcome, 'firstViewportMs' | 'viewportProbe'> | Record<string, never> {
  const finish = pendingDiagnostics;
  pendingDiagnostics = null;
  return finish ? finish() : {};
}

/** The largest block under a 6 × 10 grid of probes over the viewport, and its share of the text. */
function probeViewport(): RunOutcome['viewportProbe'] {
  const body = root();
  const total = (body.textContent ?? '').length || 1;
  let largest: Element | null = null;
  let chars = 0;
  for (let column = 0; column < 6; column++) {
    for (let row = 0; row < 10; row++) {
      const x = ((column + 0.5) * window.innerWidth) / 6;
      const y = ((row + 0.5) * window.innerHeight) / 10;
      const element = document.elementFromPoint(x, y);
      if (!element || !body.contains(element)) continue;
      const block = blockOf(element, body);
      if (!block || block === body || block === document.documentElement) continue;
      const length = (block.textContent ?? '').length;
      if (length > chars) [largest, chars] = [block, length];
    }
  }
  if (!largest) return undefined;
  const name =
    largest.tagName.toLowerCase() +
    (largest.id ? `#${largest.id}` : '') +
    (largest.classList.length ? `.${[...largest.classList].slice(0, 2).join('.')}` : '');
  return { block: name, chars, share: chars / total };
}

/**
 * Reading on: a screen down per frame, up to `SCROLL_SCREENS` or the page's end, then one frame
 * more. One loop for `pledgemarkScroll` and its baseline `noopScroll`, so that they scroll alike.
 */
async function readOn(
  settle?: () => Promise<void>,
  eachScreen?: (screen: number) => void,
): Promise<NonNullable<RunOutcome['scrolled']>> {
  const height = () => document.documentElement.scrollHeight;
  let screens = 0;
  while (screens < SCROLL_SCREENS && scrollY + innerHeight < height()) {
    scrollBy(0, innerHeight);
    eachScreen?.(screens);
    screens++;
    await nextFrame();
  }
  await nextFrame();
  await settle?.();
  return { screens, share: Math.min(1, ((screens + 1) * innerHeight) / height()) };
}

/**
 * Reading on while the page writes: every other screen, one empty element (as a highlight would
 * be, inline and layout-neutral) is added to the element at the viewport's centre. Removed after.
 */
async function writeScroll(): Promise<Partial> {
  const added: Element[] = [];
  const scrolled = await readOn(undefined, (screen) => {
    if (screen % 2 !== 0) return;
    const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    if (!target) return;
    added.push(target.appendChild(document.createElement(HIGHLIGHT_ELEMENT)));
  });
  for (const element of added) element.remove();
  return { count: null, elements: added.length, firstViewportMs: null, scrolled };
}

async function pledgemark(t0: number, scroll = false): Promise<Partial & { finish: Finish }> {
  let scrolledScreens: RunOutcome['scrolled'];
  // Which highlights were made when: the records of our own observer, taken synchronously each
  // time the session reports new counts (right after each of its wraps).
  const made: { t: number; elements: Element[] }[] = [];
  let recorded = 0;
  const collect = (records: MutationRecord[], t: number) => {
    const elements: Element[] = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === HIGHLIGHT_ELEMENT.toUpperCase()) elements.push(node as Element);
      }
    }
    if (elements.length) made.push({ t, elements });
    recorded += elements.length;
    if (recorded >= FIRST_VIEWPORT_WINDOW) observer.disconnect();
  };
  const observer = new MutationObserver((records) => collect(records, performance.now()));
  observer.observe(root(), { childList: true, subtree: true });
  let slices = 0;
  let counted = 0;
  const session = new HighlightSession({
    window,
    matcher: matcher!,
    onCountsChanged: (counts) => {
      slices++;
      counted = [...counts.values()].reduce((sum, count) => sum + count, 0);
      if (recorded < FIRST_VIEWPORT_WINDOW) collect(observer.takeRecords(), performance.now());
    },
  });
  await session.start({ density: 'every', includeTerm: () => true });
  // Blocks near the viewport are wrapped as they come: wait for the last of them.
  if (scroll) scrolledScreens = await readOn(() => session.idle());
  observer.disconnect();
  const finish: Finish = () => {
    const viewportProbe = probeViewport();
    for (const { t, elements } of made) {
      for (const element of elements) {
        if (inViewport(element.getBoundingClientRect())) {
          return { firstViewportMs: t - t0, viewportProbe };
        }
      }
    }
    return { firstViewportMs: null, viewportProbe };
  };
  return {
    count: counted,
    elements: countMarks(),
    ...(scrolledScreens ? { scrolled: scrolledScreens } : {}),
    firstViewportMs: null,
    slices,
    finish,
  };
}

/**
 * The candidate renderer: the same runs, matching and acceptance as Pledgemark (ambiguous aliases
 * confirmed in their block at once, by the page once the page is read), sliced and yielding as
 * Pledgemark does, but each mention becomes a StaticRange in one registered Highlight: no DOM
 * writes. Chromium rebuilds every highlight marker in each frame after a highlight changed, so
 * ranges are committed in batches that double in size (the first as soon as there is one):
 * O(log n) rebuilds instead of one per slice, which made this quadratic.
 */
async function cssHighlight(t0: number): Promise<Partial & { finish: Finish }> {
  const highlight = new Highlight();
  CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  const confirmedOnPage = new Set<string>();
  const deferred: { run: TextRun; candidate: TermCandidate }[] = [];
  const commits: { t: number; size: number }[] = [];
  const ranges: StaticRange[] = [];
  let committed = 0;
  const signal = new AbortController().signal;
  const slice = new TimeSlice();
  let slices = 1;
  const add = (run: TextRun, candidate: TermCandidate) => {
    if (ranges.length >= MAX_MARKS_PER_PAGE) return;
    const range = toRange(run, candidate.start, candidate.end);
    if (range) ranges.push(range);
  };
  const commit = () => {
    for (let index = committed; index < ranges.length; index++) highlight.add(ranges[index]!);
    committed = ranges.length;
    commits.push({ t: performance.now(), size: committed });
  };
  for (const run of walkRuns(root())) {
    const candidates = run.text.length > MAX_RUN_LENGTH ? [] : matcher!.scan(run.text);
    for (const candidate of candidates) {
      if (!candidate.ambiguous) confirmedOnPage.add(candidate.termId);
    }
    for (const candidate of candidates) {
      if (isAccepted(matcher!, candidate, SILENT_PAGE)) add(run, candidate);
      else if (candidate.verdict?.because.kind === 'neutral') deferred.push({ run, candidate });
    }
    if (slice.exhausted) {
      if (ranges.length - committed > Math.max(0, committed - 1)) commit();
      await yieldToPage(window, signal);
      slice.restart();
      slices++;
    }
  }
  const page = pageSense(confirmedOnPage);
  for (const { run, candidate } of deferred) {
    if (isAccepted(matcher!, candidate, page)) add(run, candidate);
  }
  commit();
  const finish: Finish = () => {
    const probe = document.createRange();
    for (let index = 0; index < Math.min(ranges.length, FIRST_VIEWPORT_WINDOW); index++) {
      const range = ranges[index]!;
      probe.setStart(range.startContainer, range.startOffset);
      probe.setEnd(range.endContainer, range.endOffset);
      if (inViewport(probe.getBoundingClientRect())) {
        const when = commits.find(({ size }) => size > index);
        return { firstViewportMs: when ? when.t - t0 : null };
      }
    }
    return { firstViewportMs: null };
  };
  return { count: highlight.size, firstViewportMs: null, slices, finish };
}

function toRange(run: TextRun, start: number, end: number): StaticRange | null {
  let offset = 0;
  let startContainer: Text | null = null;
  let startOffset = 0;
  for (const node of run.nodes) {
    const length = node.data.length;
    if (!startContainer && start < offset + length) {
      startContainer = node;
      startOffset = start - offset;
    }
    if (startContainer && end <= offset + length) {
      return new StaticRange({
        startContainer,
        startOffset,
        endContainer: node,
        endOffset: end - offset,
      });
    }
    offset += length;
  }
  return null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function run(variant: Variant, options: RunOptions): Promise<RunOutcome> {
  const tasks: PerformanceEntry[] = [];
  const frames: PerformanceEntry[] = [];
  const observe = (type: string, into: PerformanceEntry[]) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return null;
    const observer = new PerformanceObserver((list) => into.push(...list.getEntries()));
    observer.observe({ type, buffered: true });
    return observer;
  };
  const taskObserver = observe('longtask', tasks);
  const frameObserver = observe('long-animation-frame', frames);
  const since = performance.now();
  // The measured work runs in a task of its own, as a content script's would.
  await nextTask();
  const t0 = performance.now();
  let partial: Partial & { finish?: Finish };
  switch (variant) {
    case 'noop':
      partial = { count: null, firstViewportMs: null };
      break;
    case 'floor':
      partial = floor();
      break;
    case 'runs':
      partial = runsOnly();
      break;
    case 'match':
      partial = matchOnly();
      break;
    case 'naive':
      partial = naive(t0, options);
      break;
    case 'markRegExp':
      partial = markRegExp(t0);
      break;
    case 'pledgemark':
      partial = await pledgemark(t0);
      break;
    case 'noopScroll':
      partial = { count: null, firstViewportMs: null, scrolled: await readOn() };
      break;
    case 'writeScroll':
      partial = await writeScroll();
      break;
    case 'pledgemarkScroll':
      partial = await pledgemark(t0, true);
      break;
    case 'cssHighlight':
      partial = await cssHighlight(t0);
      break;
  }
  const scriptMs = performance.now() - t0;
  const { finish, ...measured } = partial;
  pendingDiagnostics = finish ?? null;
  // One forced style and layout, then a rendered frame, so that the rendering cost is counted.
  void (document.body ?? document.documentElement).getBoundingClientRect();
  await nextFrame();
  await nextFrame();
  const overlapping = (entries: PerformanceEntry[]) =>
    entries.filter((entry) => entry.startTime + entry.duration > since);
  const take = () => {
    if (taskObserver) tasks.push(...taskObserver.takeRecords());
    if (frameObserver) frames.push(...frameObserver.takeRecords());
  };
  // Chromium can report a very long frame hundreds of milliseconds late: every long task lies in
  // a long animation frame, so wait (up to 1 s) until each one has its frame.
  const uncovered = () =>
    overlapping(tasks).some(
      (task) =>
        !frames.some(
          (frame) =>
            frame.startTime <= task.startTime + 1 &&
            frame.startTime + frame.duration >= task.startTime + task.duration - 1,
        ),
    );
  take();
  for (let waited = 0; frameObserver && uncovered() && waited < 1_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    take();
  }
  taskObserver?.disconnect();
  frameObserver?.disconnect();
  // 0 when the browser reported no entry, i.e. nothing above 50 ms.
  const longest = (entries: PerformanceEntry[]) =>
    entries.length ? Math.max(...entries.map((entry) => entry.duration)) : 0;
  const runTasks = overlapping(tasks);
  const runFrames = overlapping(frames);
  const worstFrame = runFrames.reduce<PerformanceEntry | null>(
    (worst, entry) => (!worst || entry.duration > worst.duration ? entry : worst),
    null,
  );
  const firstFrame = runFrames.find(
    (frame) => frame.startTime <= t0 && frame.startTime + frame.duration >= t0,
  );
  return {
    ...(worstFrame ? { longestFrameDetail: frameDetail(worstFrame as LongAnimationFrame) } : {}),
    ...(firstFrame ? { firstFrameDetail: frameDetail(firstFrame as LongAnimationFrame) } : {}),
    ...measured,
    scriptMs,
    longestTaskMs: taskObserver ? longest(runTasks) : null,
    longTasks: runTasks.length,
    longestFrameMs: frameObserver ? longest(runFrames) : null,
    longFrames: runFrames.length,
  };
}

interface LongAnimationFrame extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: {
    duration: number;
    invoker: string;
    sourceFunctionName: string;
    forcedStyleAndLayoutDuration: number;
  }[];
}

function frameDetail(frame: LongAnimationFrame): FrameDetail {
  const end = frame.startTime + frame.duration;
  const scripts = [...(frame.scripts ?? [])].sort((a, b) => b.duration - a.duration);
  const top = scripts[0];
  return {
    durationMs: frame.duration,
    scriptMs: scripts.reduce((sum, script) => sum + script.duration, 0),
    topScript: top
      ? `${top.invoker}${top.sourceFunctionName ? ` → ${top.sourceFunctionName}` : ''} ` +
        `(${Math.round(top.duration)} ms)`
      : '',
    topScriptMs: top?.duration ?? 0,
    beforeRenderMs: (frame.renderStart > 0 ? frame.renderStart : end) - frame.startTime,
    forcedStyleLayoutMs: scripts.reduce(
      (sum, script) => sum + script.forcedStyleAndLayoutDuration,
      0,
    ),
    renderMs: frame.renderStart > 0 ? end - frame.renderStart : 0,
    styleLayoutMs: frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0,
  };
}

/**
 * What the content script pays before its first match: building the matcher's trie from the
 * compiled glossary, then a first scan; and a second scan of the same text for comparison. Call
 * on a fresh page, after setup.
 */
function firstScan(): { firstMs: number; secondMs: number } {
  const text = 'Officials met the Financial Action Task Force (FATF) on border security.';
  const t0 = performance.now();
  matcher = new TermMatcher(matcher!.compiled);
  matcher.scan(text);
  const t1 = performance.now();
  matcher!.scan(text);
  return { firstMs: t1 - t0, secondMs: performance.now() - t1 };
}

declare global {
  interface Window {
    __pmBench: {
      setup: typeof setup;
      run: typeof run;
      diagnose: typeof diagnose;
      firstScan: typeof firstScan;
    };
  }
}

window.__pmBench = { setup, run, diagnose, firstScan };
