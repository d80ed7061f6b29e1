import type { TermMatcher } from '../../utils/term-matcher';
import { PageHighlighter, type HighlightOptions, type MatchedRun } from './page-highlighter';
import { PageObserver } from './page-observer';
import { HighlightStyle } from './highlight-style';
import { BLOCK_SELECTOR, blockOf, isExcluded, walkRuns } from './text-runs';
import { TimeSlice, yieldToPage } from './work-scheduler';

/** Runs wrapped per batch at most, so that one batch's style and layout work stays small. */
const RUNS_PER_BATCH = 50;
/** Probe points across the viewport (columns × rows) that find the blocks the reader sees. */
const VIEWPORT_PROBES = { columns: 4, rows: 6 };

export interface HighlightSessionDeps {
  window: Window;
  matcher: TermMatcher;
  /** Called whenever the set of highlighted terms or their counts change. */
  onCountsChanged: (counts: ReadonlyMap<string, number>) => void;
  /** Test seam: the page's mark budget. */
  maxMarks?: number;
}

/**
 * Highlighting on one page, from start to teardown: the blocks in the viewport first, then the
 * rest of the page in short slices that yield to the page between them, then whatever the page adds later (through the observer).
 * `stop()` cancels work in flight, disconnects the observer and removes every highlight.
 */
export class HighlightSession {
  private highlighter: PageHighlighter | null = null;
  private observer: PageObserver | null = null;
  private abort: AbortController | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly style = new HighlightStyle();

  constructor(private readonly deps: HighlightSessionDeps) {}

  get active(): boolean {
    return this.highlighter !== null;
  }

  /** Starts (or restarts) highlighting; resolves when the initial pass over the page is done. */
  start(options: HighlightOptions): Promise<void> {
    this.stop();
    const { document } = this.deps.window;
    const root = document.body ?? document.documentElement;
    const abort = new AbortController();
    this.abort = abort;
    this.highlighter = new PageHighlighter(this.deps.matcher, options, this.deps.maxMarks);
    this.observer = new PageObserver(
      (blocks) => this.enqueue(abort.signal, () => this.scan(blocks, abort.signal)),
      () => this.enqueue(abort.signal, () => this.scan([root], abort.signal)),
    );
    this.observer.observe(root);
    return this.enqueue(abort.signal, async () => {
      this.wrapViewport(root);
      await this.scan([root], abort.signal);
    });
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.observer?.disconnect();
    this.observer = null;
    this.style.removeAll();
    if (this.highlighter) {
      this.highlighter.unhighlight();
      this.highlighter = null;
      this.deps.onCountsChanged(new Map());
    }
  }

  private enqueue(signal: AbortSignal, work: () => Promise<void>): Promise<void> {
    const next = this.queue
      .then(() => (signal.aborted ? undefined : work()))
      .catch((error: unknown) => {
        if (!signal.aborted) console.error('Pledgemark: highlighting failed', error);
      });
    this.queue = next;
    return next;
  }

  /** Wraps, in one go, the blocks under probe points spread over the viewport. */
  private wrapViewport(root: Element): void {
    const { window } = this.deps;
    const { document } = window;
    const blocks = new Set<Element>();
    const width = window.innerWidth;
    const height = window.innerHeight;
    for (let column = 0; column < VIEWPORT_PROBES.columns; column++) {
      for (let row = 0; row < VIEWPORT_PROBES.rows; row++) {
        const x = ((column + 0.5) * width) / VIEWPORT_PROBES.columns;
        const y = ((row + 0.5) * height) / VIEWPORT_PROBES.rows;
        const element = document.elementFromPoint?.(x, y);
        if (!element || !root.contains(element) || isExcluded(element)) continue;
        const block = blockOf(element, root);
        // The root itself would mean the whole page in one task: the sliced pass covers it.
        if (block && block !== root && block !== document.documentElement) blocks.add(block);
      }
    }
    const matched: MatchedRun[] = [];
    // A probe between paragraphs lands on their container, which may hold most of the page:
    // only blocks that hold no other block are read here; the sliced pass reads the rest.
    for (const block of blocks) {
      if (block.querySelector(BLOCK_SELECTOR)) continue;
      for (const run of walkRuns(block)) {
        const found = this.highlighter!.match(run);
        if (found) matched.push(found);
      }
    }
    this.wrap(matched);
  }

  /** Reads the subtrees in time slices, then wraps what it found in bounded batches. */
  private async scan(roots: Node[], signal: AbortSignal): Promise<void> {
    const { window } = this.deps;
    const highlighter = this.highlighter!;
    const slice = new TimeSlice();
    const pendingRoots = [...roots];
    const matched: MatchedRun[] = [];
    for (let i = 0; i < pendingRoots.length; i++) {
      const runs = walkRuns(pendingRoots[i]!, (shadowRoot) => {
        pendingRoots.push(shadowRoot);
        this.observer?.observe(shadowRoot);
        this.style.ensure(shadowRoot);
      });
      for (const run of runs) {
        const found = highlighter.match(run);
        if (found) matched.push(found);
        if (slice.exhausted) {
          await yieldToPage(window, signal);
          slice.restart();
        }
      }
    }
    for (let start = 0; start < matched.length; start += RUNS_PER_BATCH) {
      if (highlighter.full) break;
      this.wrap(matched.slice(start, start + RUNS_PER_BATCH));
      if (slice.exhausted && start + RUNS_PER_BATCH < matched.length) {
        await yieldToPage(window, signal);
        slice.restart();
      }
    }
  }

  private wrap(matched: readonly MatchedRun[]): void {
    if (matched.length === 0 || !this.highlighter) return;
    // Added with the first highlights, not before the viewport probes: a new stylesheet would
    // make the first probe recompute the whole page's style.
    this.style.ensure(this.deps.window.document);
    const made = this.highlighter.wrap(matched);
    // Our own writes are not page changes to react to.
    this.observer?.discardPending();
    if (made > 0) this.deps.onCountsChanged(this.highlighter.termCounts());
  }
}
