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

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Resolves when the browser is idle (or after `timeoutMs` at the latest, so that work on a busy
 * page still progresses). Rejects with the signal's reason when the work is cancelled.
 */
export function whenIdle(window: IdleWindow, signal: AbortSignal, timeoutMs = 200): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => (signal.aborted ? reject(signal.reason) : resolve());
    if (window.requestIdleCallback) window.requestIdleCallback(done, { timeout: timeoutMs });
    else window.setTimeout(done, 0);
  });
}
