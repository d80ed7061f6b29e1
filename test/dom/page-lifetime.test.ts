import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  EXTENSION_CHECK_MS,
  LifetimeContext,
  PageLifetime,
  type PageLifetimeOptions,
} from '../../entrypoints/content/page-lifetime';

/** The event WXT's context ends on: named with the extension id, which a page may know. */
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

/** What a page that knows the extension id can send: WXT's start event, with a fresh id. */
function forgeStart(messageId = `forged-${Math.random()}`): void {
  document.dispatchEvent(
    new CustomEvent(STARTED, { detail: { contentScriptName: 'content', messageId } }),
  );
}

const EXTENSION_ID = fakeBrowser.runtime.id;

/** The extension is reloaded or removed: an orphaned content script sees no runtime id. */
function orphan(): void {
  (fakeBrowser.runtime as { id?: string }).id = undefined;
}

const started: PageLifetime[] = [];
/** Each test's own content script world, unless it shares one on purpose. */
function start(options: PageLifetimeOptions = {}): PageLifetime {
  const lifetime = PageLifetime.start({ scope: {}, ...options });
  started.push(lifetime);
  return lifetime;
}

beforeEach(() => {
  fakeBrowser.reset();
  // reset() puts the id back on the fake's internal object, not on the one `orphan` changed.
  (fakeBrowser.runtime as { id?: string }).id = EXTENSION_ID;
  vi.useFakeTimers();
});
afterEach(() => {
  for (const lifetime of started.splice(0)) lifetime.end();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('PageLifetime', () => {
  it('runs while the extension is there, and ends within a check once it is gone', () => {
    const lifetime = start();
    const teardown = vi.fn();
    lifetime.onInvalidated(teardown);
    vi.advanceTimersByTime(10 * EXTENSION_CHECK_MS);
    expect(lifetime.isValid).toBe(true);
    expect(lifetime.isOrphaned).toBe(false);
    expect(teardown).not.toHaveBeenCalled();

    orphan();
    expect(lifetime.isOrphaned).toBe(true);
    vi.advanceTimersByTime(EXTENSION_CHECK_MS);
    expect(lifetime.endReason).toBe('orphaned');
    expect(lifetime.signal.aborted).toBe(true);
    expect(teardown).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * EXTENSION_CHECK_MS);
    expect(teardown).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the page is shown again', () => document.dispatchEvent(new Event('visibilitychange'))],
    [
      'the page comes back from the back-forward cache',
      () => window.dispatchEvent(new Event('pageshow')),
    ],
    ['the window gets focus', () => window.dispatchEvent(new Event('focus'))],
  ])('looks again at once when %s', (_when, event) => {
    const lifetime = start();
    orphan();
    event();
    expect(lifetime.endReason).toBe('orphaned');
  });

  it('is not ended by those events while the extension is there, whoever sends them', () => {
    const lifetime = start();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pageshow'));
    window.dispatchEvent(new Event('focus'));
    expect(lifetime.isValid).toBe(true);
  });

  it('survives the start event a page forges, which ends WXT’s own context', () => {
    const ctx = new ContentScriptContext('content');
    const lifetime = start({ framework: ctx });
    const teardown = vi.fn();
    lifetime.onInvalidated(teardown);
    for (let i = 0; i < 5; i++) forgeStart();
    expect(ctx.signal.aborted).toBe(true);
    expect(lifetime.isValid).toBe(true);
    expect(teardown).not.toHaveBeenCalled();
  });

  it('takes WXT’s context ending as a reason to look: an orphan ends at once', () => {
    const ctx = new ContentScriptContext('content');
    const lifetime = start({ framework: ctx, checkEveryMs: 60_000 });
    orphan();
    // What a genuinely newer instance's WXT context sends (after a reload, in Chrome).
    forgeStart();
    expect(lifetime.endReason).toBe('orphaned');
  });

  it('is ended by a newer instance in the same content script world, and only there', () => {
    const world = {};
    const elsewhere = {};
    const first = start({ scope: world });
    const other = start({ scope: elsewhere });
    const teardown = vi.fn();
    first.onInvalidated(teardown);
    const second = start({ scope: world });
    expect(first.endReason).toBe('superseded');
    expect(teardown).toHaveBeenCalledTimes(1);
    expect(second.isValid).toBe(true);
    expect(other.isValid).toBe(true);
    // The newest one is the one a later instance ends.
    const third = start({ scope: world });
    expect(second.endReason).toBe('superseded');
    expect(third.isValid).toBe(true);
  });

  it('ends an instance of another version, which left only its `end` in the world', () => {
    const end = vi.fn();
    const world = { [Symbol.for('pledgemark.page-lifetime')]: { end } };
    start({ scope: world });
    expect(end).toHaveBeenCalledWith('superseded');
  });

  it('leaves nothing in the world once it has ended', () => {
    const world = {};
    const lifetime = start({ scope: world });
    expect(Object.getOwnPropertySymbols(world)).toHaveLength(1);
    lifetime.end();
    expect(Object.getOwnPropertySymbols(world)).toHaveLength(0);
  });

  it('runs every teardown step in turn, even after one that throws', () => {
    const lifetime = start();
    const steps: string[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    lifetime.onInvalidated(() => steps.push('highlights'));
    lifetime.onInvalidated(() => {
      throw new Error('Extension context invalidated.');
    });
    lifetime.onInvalidated(() => steps.push('card'));
    const removed = lifetime.onInvalidated(() => steps.push('removed'));
    removed();
    lifetime.end();
    lifetime.end();
    expect(steps).toEqual(['highlights', 'card']);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('runs a teardown step registered after the end at once', () => {
    const lifetime = start();
    lifetime.end();
    const late = vi.fn();
    lifetime.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('runs timers only while it runs', () => {
    const lifetime = start();
    const early = vi.fn();
    const cancelled = vi.fn();
    lifetime.setTimeout(early, 100);
    vi.advanceTimersByTime(100);
    expect(early).toHaveBeenCalledTimes(1);

    lifetime.setTimeout(cancelled, 100);
    const ticks = vi.fn();
    lifetime.setInterval(ticks, 10);
    vi.advanceTimersByTime(30);
    expect(ticks).toHaveBeenCalledTimes(3);
    lifetime.end();
    vi.advanceTimersByTime(1_000);
    expect(cancelled).not.toHaveBeenCalled();
    expect(ticks).toHaveBeenCalledTimes(3);
    expect(lifetime.setTimeout(early, 0)).toBe(0);
  });

  it('does not run a timer that comes due after the extension went', () => {
    const lifetime = start({ checkEveryMs: 60_000 });
    const report = vi.fn();
    lifetime.setTimeout(report, 500);
    orphan();
    vi.advanceTimersByTime(500);
    expect(report).not.toHaveBeenCalled();
    expect(lifetime.endReason).toBe('orphaned');
  });

  it('removes its event listeners when it ends', () => {
    const lifetime = start();
    const target = new EventTarget();
    const listener = vi.fn();
    lifetime.addEventListener(target, 'ping', listener);
    target.dispatchEvent(new Event('ping'));
    lifetime.end();
    target.dispatchEvent(new Event('ping'));
    lifetime.addEventListener(target, 'ping', listener);
    target.dispatchEvent(new Event('ping'));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('LifetimeContext', () => {
  it('tells the page nothing and ignores what it sends, but ends with its lifetime', () => {
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    const lifetime = start();
    const ctx = new LifetimeContext(lifetime, { cssInjectionMode: 'ui' });
    expect(dispatched).not.toHaveBeenCalled();
    expect(posted).not.toHaveBeenCalled();
    // What createShadowRootUi reads and registers.
    expect(ctx.options?.cssInjectionMode).toBe('ui');
    const removeUi = vi.fn();
    ctx.onInvalidated(removeUi);

    forgeStart();
    expect(ctx.isValid).toBe(true);
    expect(removeUi).not.toHaveBeenCalled();

    lifetime.end();
    expect(ctx.isValid).toBe(false);
    expect(removeUi).toHaveBeenCalledTimes(1);
  });
});
