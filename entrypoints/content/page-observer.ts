import { HIGHLIGHT_ELEMENT, UI_ATTRIBUTE } from './page-contract';
import { blockOf, isBlock } from './text-runs';

export interface PageObserverOptions {
  /** How long to gather a burst of mutations before reacting, in ms. */
  delayMs: number;
  /** Above this many changed blocks in one burst, one full rescan replaces per-block work. */
  maxBlocksPerBurst: number;
  /** The longest the delay grows to when a page keeps mutating (a loop, a ticker). */
  maxDelayMs: number;
}

export const DEFAULT_OBSERVER_OPTIONS: PageObserverOptions = {
  delayMs: 150,
  maxBlocksPerBurst: 400,
  maxDelayMs: 5_000,
};

const OWN_NODES = `${HIGHLIGHT_ELEMENT}, [${UI_ATTRIBUTE}]`;

export interface PageObserverHandlers {
  /**
   * Every batch of records, as it arrives (in the microtask after the page's writes, before the
   * delay): for work that cannot wait. Returns nodes whose blocks are to be read again.
   */
  onRecords?: (records: readonly MutationRecord[]) => readonly Node[];
  /** The blocks whose text changed in a burst, once it settles. */
  onBlocksChanged: (blocks: Node[]) => void;
  /** A burst too big to follow block by block: read everything again. */
  onOverflow: () => void;
}

/**
 * The one MutationObserver of the content script. It gathers the blocks whose text changed
 * (added subtrees, edited text), coalesces bursts, ignores Pledgemark's own mutations (the caller
 * discards the records its writes cause) and backs off when a page mutates without pause.
 */
export class PageObserver {
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private overflowed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delayMs: number;
  private lastFlush = 0;

  constructor(
    private readonly handlers: PageObserverHandlers,
    private readonly options: PageObserverOptions = DEFAULT_OBSERVER_OPTIONS,
    MutationObserverImpl: typeof MutationObserver = MutationObserver,
  ) {
    this.delayMs = options.delayMs;
    this.observer = new MutationObserverImpl((records) => this.collect(records));
  }

  observe(root: Node): void {
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      // An element made editable must lose its highlights before anything is typed into them.
      attributeFilter: ['contenteditable'],
    });
  }

  /** Drops the records of mutations made so far: called right after Pledgemark's own writes. */
  discardPending(): void {
    this.observer.takeRecords();
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    this.overflowed = false;
  }

  private collect(records: MutationRecord[]): void {
    const reread = this.handlers.onRecords?.(records) ?? [];
    // What that handler wrote is ours, not the page's.
    if (reread.length > 0) this.observer.takeRecords();
    for (const node of reread) this.add(node);
    for (const record of records) {
      if (this.overflowed) break;
      if (record.type === 'attributes') continue;
      if (record.type === 'characterData') {
        this.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) this.add(node);
    }
    this.schedule();
  }

  private add(node: Node): void {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!element || !element.isConnected || element.closest(OWN_NODES)) return;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) return;
    // New inline content belongs to its block; a new block is scanned as a whole.
    const target =
      isBlock(element) && node === element ? element : blockOf(node, element.getRootNode());
    if (!target) return;
    this.pending.add(target);
    if (this.pending.size > this.options.maxBlocksPerBurst) {
      this.overflowed = true;
      this.pending.clear();
    }
  }

  private schedule(): void {
    if (this.timer || (!this.overflowed && this.pending.size === 0)) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  private flush(): void {
    this.timer = null;
    const now = Date.now();
    // A page that mutates again and again right after each flush is slowed down, not chased.
    const sinceLast = now - this.lastFlush;
    this.delayMs =
      sinceLast < this.delayMs * 2
        ? Math.min(this.delayMs * 2, this.options.maxDelayMs)
        : this.options.delayMs;
    this.lastFlush = now;
    if (this.overflowed) {
      this.overflowed = false;
      this.handlers.onOverflow();
      return;
    }
    const blocks = outermost([...this.pending]);
    this.pending.clear();
    if (blocks.length > 0) this.handlers.onBlocksChanged(blocks);
  }
}

/** Keeps only the nodes that no other node of the list contains. */
function outermost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (set.has(parent)) return false;
    }
    return node.isConnected;
  });
}
