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

interface RenderingWindow extends YieldingWindow {
  requestAnimationFrame?: (callback: () => void) => unknown;
  document: { hidden?: boolean };
}

/** Longest wait for a frame: a page that stopped rendering must not stop the work. */
export const FRAME_WAIT_MS = 100;

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

/**
 * Resolves once the page has rendered its next frame, then yields: work that reads the layout
 * (hit tests) then finds it done by the page's own rendering instead of forcing it inside our
 * task. A hidden document renders no frames and is only yielded to.
 */
export async function afterNextFrame(window: RenderingWindow, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  const requestFrame = window.requestAnimationFrame;
  if (typeof requestFrame === 'function' && window.document.hidden !== true) {
    await new Promise<void>((resolve) => {
      requestFrame.call(window, () => resolve());
      window.setTimeout(resolve, FRAME_WAIT_MS);
    });
  }
  await yieldToPage(window, signal);
}
