/**
 * Cooperative time slicing for work on the page: do a little, then give the main thread back so
 * that no task blocks the reader for long.
 */

export const SLICE_MS = 8;

/** Counts time spent in the current slice. */
export class TimeSlice {
  private started = 0;

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.restart();
  }

  restart(): void {
    this.started = this.now();
  }

  get exhausted(): boolean {
    return this.now() - this.started >= this.budgetMs;
  }
}

interface YieldingWindow {
  scheduler?: {
    postTask?: (callback: () => void, options: { priority: 'background' }) => Promise<void>;
  };
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Gives the main thread back to the page (input, rendering, its own scripts) and resolves when
 * the work may go on: as a background-priority task where the browser has `scheduler.postTask`,
 * else after a zero-delay timer. Either lets a due frame render first; waiting for true idleness
 * instead would starve the work on a page that is never idle (a ticker, an animation loop).
 * Rejects with the signal's reason once the work is cancelled.
 */
export async function yieldToPage(window: YieldingWindow, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  const postTask = window.scheduler?.postTask;
  if (typeof postTask === 'function') {
    await postTask.call(window.scheduler, () => {}, { priority: 'background' });
  } else {
    await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
  }
  if (signal.aborted) throw signal.reason;
}
