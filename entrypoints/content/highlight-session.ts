import { SILENT_PAGE, type PageSense, type TermMatcher } from '../../utils/term-matcher';
import {
  PageHighlighter,
  type HighlightOptions,
  type MatchedRun,
  type PlannedRun,
} from './page-highlighter';
import { PageObserver } from './page-observer';
import { copyWithoutHighlights } from './copy-without-highlights';
import { mentionHeads } from './page-contract';
import { BLOCK_SELECTOR, blockOf, isExcluded, walkRuns } from './text-runs';
import { afterNextFrame, TimeSlice, yieldToPage } from './work-scheduler';

/** Runs wrapped per batch at most, so that one batch's style and layout work stays small. */
const RUNS_PER_BATCH = 50;
/**
 * Above this many runs to wrap, a page is big enough that wrapping all of it would cost more
 * rendering than the reader gains: every frame after a DOM write re-renders in proportion to the
 * page (about 100 ms on a 10 MB page, however small the write). Blocks are then wrapped as they
 * come within a screen of the viewport; their mentions count on the page from the start.
 */
export const EAGER_MAX_RUNS = 300;
/** How far beyond the viewport a waiting block is wrapped: a screen above and below. */
const NEAR_VIEWPORT_MARGIN = '100% 0px';
/** Holes left in the waiting blocks' order before it is compacted. */
const COMPACT_SLACK = 64;
/** Runs read between two looks at the clock (a clock read is not free either). */
const RUNS_PER_CLOCK_CHECK = 16;
/** Probe points across the viewport (columns × rows) that find the blocks the reader sees. */
const VIEWPORT_PROBES = { columns: 4, rows: 6 };
/**
 * The viewport pass runs unsliced, before the first yield: it stops at this budget (a hit test
 * costs in proportion to the page, and one leaf block may hold most of it); the sliced pass
 * reads whatever it left.
 */
const VIEWPORT_PASS_MS = 8;

export interface HighlightSessionDeps {
  window: Window;
  matcher: TermMatcher;
  /** Called whenever the set of highlighted terms or their counts change. */
  onCountsChanged: (counts: ReadonlyMap<string, number>) => void;
  /**
   * Called when what the page's own text tells (terms named outright, its topic) grows: a host
   * page shares it with its same-origin frames.
   */
  onOwnSenseChanged?: (sense: PageSense) => void;
  /** Test seam: the page's mark budget. */
  maxMarks?: number;
  /** Test seam: how many runs are wrapped at once before waiting for the viewport. */
  eagerMaxRuns?: number;
  /** Test seam: synthetic events (a copy) are trusted in tests only. */
  trustSyntheticEvents?: boolean;
}

/**
 * Highlighting on one page, from start to teardown: the blocks in the viewport first, then the
 * rest of the page in short slices that yield to the page between them (on a big page, each
 * block as it nears the viewport), then whatever the page adds later (through the observer).
 * `stop()` cancels work in flight, disconnects the observers and removes every highlight.
 */
export class HighlightSession {
  private highlighter: PageHighlighter | null = null;
  private observer: PageObserver | null = null;
  private nearViewport: IntersectionObserver | null = null;
  /** Planned runs of blocks not yet near the viewport, by block. */
  private readonly waiting = new Map<Element, PlannedRun[]>();
  /** The blocks that waited, in the order they were planned (document order, then later additions). */
  private waitingOrder: Element[] = [];
  private readonly waitingPosition = new Map<Element, number>();
  private abort: AbortController | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** What the session was started with, to start again on a page that replaced itself. */
  private options: HighlightOptions | null = null;
  /** The host page's evidence, when this is a same-origin frame of it. */
  private hostSense: PageSense = SILENT_PAGE;
  /** The page's own evidence as last announced: terms named outright, and its topic. */
  private announced = { termsNamed: 0, securityTopic: false };
  private stopCopying: (() => void) | null = null;
  private matcher: TermMatcher;

  constructor(private readonly deps: HighlightSessionDeps) {
    this.matcher = deps.matcher;
  }

  get active(): boolean {
    return this.highlighter !== null;
  }

  /** How many of the page's text nodes are split by highlights: it follows the page, never grows. */
  get splitNodes(): number {
    return this.highlighter?.splitNodes ?? 0;
  }

  /** Starts (or restarts) highlighting; resolves when the initial pass over the page is done. */
  start(options: HighlightOptions): Promise<void> {
    this.stop();
    const { document } = this.deps.window;
    // An editable document (an editor in designMode) is never touched.
    if (document.designMode === 'on') return Promise.resolve();
    const root = document.body ?? document.documentElement;
    this.options = options;
    const abort = new AbortController();
    this.abort = abort;
    this.highlighter = new PageHighlighter(
      this.matcher,
      options,
      this.deps.maxMarks,
      this.hostSense,
    );
    this.announced = { termsNamed: 0, securityTopic: false };
    this.observer = new PageObserver({
      onRecords: (records) => this.repair(records),
      onBlocksChanged: (blocks) =>
        this.enqueue(abort.signal, () => this.scan(blocks, abort.signal)),
      onOverflow: () => this.enqueue(abort.signal, () => this.scan([root], abort.signal)),
    });
    // The document itself, so that a page that swaps its body or rewrites itself is followed.
    this.observer.observe(document);
    this.stopCopying = copyWithoutHighlights(document, this.deps.trustSyntheticEvents);
    const { IntersectionObserver } = this.deps.window as Window & typeof globalThis;
    if (typeof IntersectionObserver === 'function') {
      this.nearViewport = new IntersectionObserver(
        (entries) => this.wrapWaiting(entries, abort.signal),
        { rootMargin: NEAR_VIEWPORT_MARGIN },
      );
    }
    return this.enqueue(abort.signal, async () => {
      // Hit tests after the page has laid itself out: never its first layout inside our task.
      await afterNextFrame(this.deps.window, abort.signal);
      this.wrapViewport(root);
      // Let the viewport's highlights render before the rest of the page is read.
      await yieldToPage(this.deps.window, abort.signal);
      await this.scan([root], abort.signal);
    });
  }

  /**
   * Highlights fewer terms (a term hidden, a category turned off): their highlights go and the
   * rest stay, with no pass over the whole page again. Text that held a removed highlight is
   * read again in the same task, so that a mention beside it never blinks out.
   */
  narrow(options: HighlightOptions): Promise<void> {
    const signal = this.abort?.signal;
    if (!this.highlighter || !signal) return this.start(options);
    this.options = options;
    // Queued behind any pass in flight, so that what it planned under the old options is seen.
    return this.enqueue(signal, async () => {
      const highlighter = this.highlighter;
      if (!highlighter) return;
      const blocks = [...this.waiting.keys()];
      const { restored, waiting } = highlighter.narrow(
        options,
        mentionHeads(this.deps.window.document),
        blocks.flatMap((block) => this.waiting.get(block)!),
      );
      // Our own writes are not page changes to react to.
      this.observer?.discardPending();
      const waitingByBlock = new Map<Element, PlannedRun[]>();
      for (const entry of waiting) {
        const runs = waitingByBlock.get(entry.run.block);
        if (runs) runs.push(entry);
        else waitingByBlock.set(entry.run.block, [entry]);
      }
      for (const block of blocks) {
        const runs = waitingByBlock.get(block);
        if (runs) this.waiting.set(block, runs);
        else this.takeWaiting(block);
      }
      this.compactWaiting();
      this.deps.onCountsChanged(highlighter.termCounts());
      const reread = new Set<Element>();
      for (const node of restored) {
        const block = node.isConnected ? blockOf(node, node.getRootNode()) : null;
        if (block) reread.add(block);
      }
      if (reread.size > 0) await this.scan([...reread], signal);
    });
  }

  /**
   * Takes the evidence of the page this is a same-origin frame of: occurrences left out for a
   * neutral context that it now takes are read again.
   */
  adoptHostSense(host: PageSense): void {
    this.hostSense = host;
    const signal = this.abort?.signal;
    if (!this.highlighter || !signal) return;
    this.highlighter.adoptHostSense(host);
    this.redecide(signal);
  }

  /**
   * Highlights with another matcher (the reader's terms changed): a running session starts again
   * with it, as it was started; its highlights are made anew.
   */
  useMatcher(matcher: TermMatcher): Promise<void> {
    this.matcher = matcher;
    return this.highlighter && this.options ? this.start(this.options) : Promise.resolve();
  }

  /** What the page's own text tells so far (none while highlighting is off). */
  ownSense(): PageSense {
    return this.highlighter?.ownSense() ?? SILENT_PAGE;
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.stopCopying?.();
    this.stopCopying = null;
    this.observer?.disconnect();
    this.observer = null;
    this.nearViewport?.disconnect();
    this.nearViewport = null;
    this.clearWaiting();
    if (this.highlighter) {
      this.highlighter.unhighlight();
      this.highlighter = null;
      this.deps.onCountsChanged(new Map());
    }
  }

  /**
   * Wraps every block still waiting for the viewport (before moving through the highlights with
   * the keyboard, which must reach all of them); resolves when they are wrapped.
   */
  wrapAllWaiting(): Promise<void> {
    const signal = this.abort?.signal;
    if (!signal) return Promise.resolve();
    // Queued behind any pass in flight, whose plan may add to what waits.
    return this.enqueue(signal, () => {
      const planned = [...this.waiting.values()].flat();
      for (const block of this.waiting.keys()) this.nearViewport?.unobserve(block);
      this.clearWaiting();
      return this.wrapInBatches(planned, signal);
    });
  }

  /** Resolves when the work queued so far (reading, wrapping) is done. */
  idle(): Promise<void> {
    return this.queue;
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

  /**
   * Wraps, in one go, the blocks under probe points spread over the viewport, nearest the
   * centre first, within a time budget.
   */
  private wrapViewport(root: Element): void {
    const { window } = this.deps;
    const { document } = window;
    const slice = new TimeSlice(VIEWPORT_PASS_MS);
    const blocks = new Set<Element>();
    const width = window.innerWidth;
    const height = window.innerHeight;
    const probes: { x: number; y: number }[] = [];
    for (let column = 0; column < VIEWPORT_PROBES.columns; column++) {
      for (let row = 0; row < VIEWPORT_PROBES.rows; row++) {
        probes.push({
          x: ((column + 0.5) * width) / VIEWPORT_PROBES.columns,
          y: ((row + 0.5) * height) / VIEWPORT_PROBES.rows,
        });
      }
    }
    const fromCentre = ({ x, y }: { x: number; y: number }) =>
      Math.hypot(x - width / 2, y - height / 2);
    probes.sort((a, b) => fromCentre(a) - fromCentre(b));
    for (const { x, y } of probes) {
      if (slice.exhausted) break;
      let element: Element | null | undefined;
      try {
        element = document.elementFromPoint?.(x, y);
      } catch {
        // A frame without layout (hidden, or not yet laid out) has no point to probe in Firefox:
        // the sliced pass reads it all.
        break;
      }
      if (!element || !root.contains(element) || isExcluded(element)) continue;
      const block = blockOf(element, root);
      // The root itself would mean the whole page in one task: the sliced pass covers it.
      if (block && block !== root && block !== document.documentElement) blocks.add(block);
    }
    const matched: MatchedRun[] = [];
    // A probe between paragraphs lands on their container, which may hold most of the page:
    // only blocks that hold no other block are read here; the sliced pass reads the rest.
    reading: for (const block of blocks) {
      if (block.querySelector(BLOCK_SELECTOR)) continue;
      for (const run of walkRuns(block)) {
        const found = this.highlighter!.match(run);
        if (found) matched.push(found);
        if (slice.exhausted) break reading;
      }
    }
    this.wrap(this.plan(matched));
  }

  /**
   * Reads the subtrees in time slices, plans what it found, then wraps it in bounded batches, or
   * leaves it to wait for the viewport when there is much of it.
   */
  private async scan(roots: Node[], signal: AbortSignal): Promise<void> {
    const { window } = this.deps;
    const highlighter = this.highlighter!;
    const slice = new TimeSlice();
    const pendingRoots = [...roots];
    const matched: MatchedRun[] = [];
    let read = 0;
    for (let i = 0; i < pendingRoots.length; i++) {
      const runs = walkRuns(pendingRoots[i]!, (shadowRoot) => {
        pendingRoots.push(shadowRoot);
        this.observer?.observe(shadowRoot);
      });
      for (const run of runs) {
        const found = highlighter.match(run);
        if (found) matched.push(found);
        if (++read % RUNS_PER_CLOCK_CHECK === 0 && slice.exhausted) {
          await yieldToPage(window, signal);
          slice.restart();
        }
      }
    }
    const dropped = this.dropWaitingUnder(roots);
    // Planned in parts too: a big page has thousands of runs to check and count.
    const planned: PlannedRun[] = [];
    const seenRuns = new Set<Text>();
    for (let start = 0; start < matched.length; start += RUNS_PER_CLOCK_CHECK) {
      planned.push(
        ...highlighter.plan(matched.slice(start, start + RUNS_PER_CLOCK_CHECK), seenRuns),
      );
      if (slice.exhausted) {
        await yieldToPage(window, signal);
        slice.restart();
      }
    }
    if (planned.length > 0 || dropped) this.deps.onCountsChanged(highlighter.termCounts());
    const eagerMaxRuns = this.deps.eagerMaxRuns ?? EAGER_MAX_RUNS;
    if (this.nearViewport && planned.length > eagerMaxRuns) {
      await this.wait(planned, signal, slice);
    } else {
      await this.wrapInBatches(planned, signal, slice);
    }
    this.redecide(signal);
    this.announceOwnSense();
  }

  /** Tells `onOwnSenseChanged` when the page's own evidence grew since it last did. */
  private announceOwnSense(): void {
    const sense = this.highlighter?.ownSense();
    if (!sense || !this.deps.onOwnSenseChanged) return;
    const { termsNamed, securityTopic } = sense;
    if (
      termsNamed.size === this.announced.termsNamed &&
      securityTopic === this.announced.securityTopic
    ) {
      return;
    }
    this.announced = { termsNamed: termsNamed.size, securityTopic };
    this.deps.onOwnSenseChanged(sense);
  }

  /**
   * What this reading told of the page (terms it names outright, its topic) may now take
   * occurrences left out earlier for a neutral context: their blocks are read again, whole.
   */
  private redecide(signal: AbortSignal): void {
    const highlighter = this.highlighter;
    const blocks = highlighter?.takeRedecidable() ?? [];
    if (!highlighter || blocks.length === 0) return;
    let released = false;
    for (const block of blocks) released = highlighter.releaseWithin(block) || released;
    // Our own writes are not page changes to react to.
    this.observer?.discardPending();
    if (released) this.deps.onCountsChanged(highlighter.termCounts());
    void this.enqueue(signal, () => this.scan(blocks, signal));
  }

  /** Planned runs wait for their blocks to come near the viewport (observed a part at a time). */
  private async wait(planned: readonly PlannedRun[], signal: AbortSignal, slice: TimeSlice) {
    for (let index = 0; index < planned.length; index++) {
      const entry = planned[index]!;
      const block = entry.run.block;
      const runs = this.waiting.get(block);
      if (runs) runs.push(entry);
      else {
        this.waiting.set(block, [entry]);
        this.waitingPosition.set(block, this.waitingOrder.push(block) - 1);
        this.nearViewport?.observe(block);
      }
      if ((index + 1) % RUNS_PER_CLOCK_CHECK === 0 && slice.exhausted) {
        await yieldToPage(this.deps.window, signal);
        slice.restart();
      }
    }
  }

  /** What waits in the subtrees being read again is dropped: the new reading replaces it. */
  private dropWaitingUnder(roots: readonly Node[]): boolean {
    if (this.waiting.size === 0 || !this.highlighter) return false;
    const rereadRoots = new Set(roots);
    let dropped = false;
    for (const [block, runs] of this.waiting) {
      let node: Node | null = block;
      while (node && !rereadRoots.has(node)) node = node.parentNode;
      if (!node) continue;
      this.takeWaiting(block);
      for (const entry of runs) this.highlighter.forget(entry);
      dropped = true;
    }
    this.compactWaiting();
    return dropped;
  }

  /** Removes a block from those waiting; its runs, if it was waiting. */
  private takeWaiting(block: Element): PlannedRun[] | undefined {
    const runs = this.waiting.get(block);
    if (!runs) return undefined;
    this.waiting.delete(block);
    this.waitingPosition.delete(block);
    this.nearViewport?.unobserve(block);
    return runs;
  }

  /** Closes the holes blocks taken from the waiting order leave, so removed elements can go. */
  private compactWaiting(): void {
    if (this.waiting.size === 0) this.clearWaiting();
    else if (this.waitingOrder.length > 2 * this.waiting.size + COMPACT_SLACK) {
      this.waitingOrder = this.waitingOrder.filter((waiting) => this.waiting.has(waiting));
      this.waitingOrder.forEach((waiting, position) => this.waitingPosition.set(waiting, position));
    }
  }

  private clearWaiting(): void {
    this.waiting.clear();
    this.waitingOrder = [];
    this.waitingPosition.clear();
  }

  /** Plans matched runs; the page's counts change with them. */
  private plan(matched: readonly MatchedRun[]): PlannedRun[] {
    const highlighter = this.highlighter;
    if (!highlighter || matched.length === 0) return [];
    const planned = highlighter.plan(matched);
    if (planned.length > 0) this.deps.onCountsChanged(highlighter.termCounts());
    return planned;
  }

  /**
   * The waiting blocks that came near the viewport are wrapped, with the blocks that follow them
   * up to a full batch: on a big page the frame after a DOM write costs about the same whatever
   * its size, so a reader moving down meets one such frame per batch instead of one per screen.
   */
  private wrapWaiting(entries: IntersectionObserverEntry[], signal: AbortSignal): void {
    const planned: PlannedRun[] = [];
    // Positions are in this order; it is compacted only once the batch is taken.
    const order = this.waitingOrder;
    let last = -1;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const position = this.waitingPosition.get(entry.target);
      const runs = this.takeWaiting(entry.target);
      if (!runs) continue;
      planned.push(...runs);
      last = Math.max(last, position ?? -1);
    }
    if (planned.length === 0) return;
    for (let next = last + 1; next < order.length && planned.length < RUNS_PER_BATCH; next++) {
      const runs = this.takeWaiting(order[next]!);
      if (runs) planned.push(...runs);
    }
    this.compactWaiting();
    void this.enqueue(signal, () => this.wrapInBatches(planned, signal));
  }

  private async wrapInBatches(
    planned: readonly PlannedRun[],
    signal: AbortSignal,
    slice = new TimeSlice(),
  ): Promise<void> {
    for (let start = 0; start < planned.length; start += RUNS_PER_BATCH) {
      this.wrap(planned.slice(start, start + RUNS_PER_BATCH));
      if (slice.exhausted && start + RUNS_PER_BATCH < planned.length) {
        await yieldToPage(this.deps.window, signal);
        slice.restart();
      }
    }
  }

  /**
   * The page changed text we wrapped: it is given back at once (see `WrappedText`), and its
   * blocks are read again.
   */
  private repair(records: readonly MutationRecord[]): readonly Node[] {
    const highlighter = this.highlighter;
    if (!highlighter) return [];
    const { document } = this.deps.window;
    // The page became an editor: none of ours may end up in what the reader types.
    if (document.designMode === 'on') {
      this.stop();
      return [];
    }
    const restored = highlighter.repair(records);
    let changed = restored.length > 0;
    let replaced = false;
    for (const record of records) {
      if (record.type === 'attributes' && isEditable(record.target as HTMLElement)) {
        changed = highlighter.releaseWithin(record.target as Element) || changed;
      } else if (record.type === 'childList' && record.removedNodes.length > 0) {
        // A new body (Turbo and its kind) or a rewritten document: a new page to read.
        replaced ||=
          record.target === document ||
          (record.target === document.documentElement &&
            [...record.removedNodes].some((node) => node.nodeName === 'BODY'));
      }
    }
    if (replaced && this.options) {
      const options = this.options;
      // Unless highlighting was stopped meanwhile (paused, the site turned off).
      queueMicrotask(() => {
        if (this.highlighter === highlighter) void this.start(options);
      });
      return [];
    }
    if (changed) this.deps.onCountsChanged(highlighter.termCounts());
    return restored;
  }

  private wrap(planned: readonly PlannedRun[]): void {
    if (planned.length === 0 || !this.highlighter) return;
    const dropped = this.highlighter.wrap(planned);
    // Our own writes are not page changes to react to.
    this.observer?.discardPending();
    // Runs the page changed since they were planned are not wrapped: the counts shrink.
    if (dropped > 0) this.deps.onCountsChanged(this.highlighter.termCounts());
  }
}

/** Whether the page made an element editable (its own attribute, or inherited). */
function isEditable(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
