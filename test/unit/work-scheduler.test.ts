import { describe, expect, it, vi } from 'vitest';
import { TimeSlice, yieldToPage } from '../../entrypoints/content/work-scheduler';

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
