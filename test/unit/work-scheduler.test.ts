import { describe, expect, it, vi } from 'vitest';
import {
  afterNextFrame,
  FRAME_WAIT_MS,
  TimeSlice,
  yieldToPage,
} from '../../entrypoints/content/work-scheduler';

/** A window whose timers and tasks run only when the test says so. */
function fakeWindow(withPostTask: boolean) {
  const timers: (() => void)[] = [];
  const tasks: string[] = [];
  const window = {
    setTimeout: (callback: () => void) => timers.push(callback),
    ...(withPostTask
      ? {
          scheduler: {
            postTask: (callback: () => void, { priority }: { priority: string }) => {
              tasks.push(priority);
              callback();
              return Promise.resolve();
            },
          },
        }
      : {}),
  };
  return { window, timers, tasks };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('yieldToPage', () => {
  it('goes on as a background task, or after a timer where there is no scheduler', async () => {
    const modern = fakeWindow(true);
    await yieldToPage(modern.window, new AbortController().signal);
    expect(modern.tasks).toEqual(['background']);
    expect(modern.timers).toHaveLength(0);

    const old = fakeWindow(false);
    const yielded = yieldToPage(old.window, new AbortController().signal);
    expect(await settled(yielded)).toBe(false);
    expect(old.timers).toHaveLength(1);
    old.timers.shift()!();
    await expect(yielded).resolves.toBeUndefined();
  });

  it('rejects once the work is cancelled, before or while it waits', async () => {
    const { window, timers } = fakeWindow(false);
    const cancelled = new AbortController();
    cancelled.abort(new Error('stopped'));
    await expect(yieldToPage(window, cancelled.signal)).rejects.toThrow('stopped');

    const later = new AbortController();
    const yielded = yieldToPage(window, later.signal);
    later.abort(new Error('stopped while waiting'));
    timers.shift()!();
    await expect(yielded).rejects.toThrow('stopped while waiting');
  });
});

describe('afterNextFrame', () => {
  /** A window without a scheduler, whose frames and timers run only when the test says so. */
  function renderingWindow(hidden: boolean) {
    const frames: (() => void)[] = [];
    const timers: { callback: () => void; ms: number }[] = [];
    const window = {
      document: { hidden },
      requestAnimationFrame: (callback: () => void) => frames.push(callback),
      setTimeout: (callback: () => void, ms: number) => timers.push({ callback, ms }),
    };
    return { window, frames, timers };
  }

  it('waits for the page’s next frame, then yields once more', async () => {
    const { window, frames, timers } = renderingWindow(false);
    const after = afterNextFrame(window, new AbortController().signal);
    expect(frames).toHaveLength(1);
    expect(timers.map(({ ms }) => ms)).toEqual([FRAME_WAIT_MS]);
    expect(await settled(after)).toBe(false);
    frames.shift()!();
    expect(await settled(after)).toBe(false);
    // The yield after the frame: a zero-delay timer here, as there is no scheduler.
    expect(timers.at(-1)!.ms).toBe(0);
    timers.pop()!.callback();
    await expect(after).resolves.toBeUndefined();
  });

  it('goes on without a frame after a while, and at once in a hidden document', async () => {
    const stalled = renderingWindow(false);
    const after = afterNextFrame(stalled.window, new AbortController().signal);
    stalled.timers.shift()!.callback();
    await Promise.resolve();
    stalled.timers.shift()!.callback();
    await expect(after).resolves.toBeUndefined();

    const hidden = renderingWindow(true);
    const afterHidden = afterNextFrame(hidden.window, new AbortController().signal);
    expect(hidden.frames).toHaveLength(0);
    expect(hidden.timers.map(({ ms }) => ms)).toEqual([0]);
    hidden.timers.shift()!.callback();
    await expect(afterHidden).resolves.toBeUndefined();
  });

  it('rejects once the work is cancelled while it waits for the frame', async () => {
    const { window, frames, timers } = renderingWindow(false);
    const cancelled = new AbortController();
    const after = afterNextFrame(window, cancelled.signal);
    cancelled.abort(new Error('stopped'));
    frames.shift()!();
    await expect(after).rejects.toThrow('stopped');
    expect(timers).toHaveLength(1);
  });
});

describe('TimeSlice', () => {
  it('is exhausted once its budget is spent, and starts again on restart', () => {
    const now = vi.fn(() => 0);
    const slice = new TimeSlice(8, now);
    now.mockReturnValue(7.9);
    expect(slice.exhausted).toBe(false);
    now.mockReturnValue(8);
    expect(slice.exhausted).toBe(true);
    slice.restart();
    expect(slice.exhausted).toBe(false);
  });
});
