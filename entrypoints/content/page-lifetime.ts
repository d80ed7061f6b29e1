import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often an instance looks whether its extension is still there (see `PageLifetime`). */
export const EXTENSION_CHECK_MS = 1_000;

/**
 * Where a frame's current instance is kept: a property of the content script's own global object,
 * which the page cannot read or write (Chrome's isolated world, Firefox's sandbox). It is shared
 * by the content script instances of one extension in one frame (Chrome keeps one isolated world
 * per extension and frame, across reloads of the extension), and only by them.
 */
const CURRENT: unique symbol = Symbol.for('pledgemark.page-lifetime');

/**
 * What one instance leaves in `CURRENT` for the next: kept this small and plain so that an
 * instance of a later version can still end one of an earlier version.
 */
interface Predecessor {
  end(reason: 'superseded'): void;
}

/**
 * Why a lifetime ended: the extension is gone (reloaded, updated, disabled or removed: the
 * script is orphaned), a newer instance started in the same frame, or `end()` was called.
 */
export type EndReason = 'orphaned' | 'superseded' | 'ended';

export interface PageLifetimeOptions {
  /**
   * Test seam. Whether the extension this script belongs to is still there: an orphaned content
   * script sees no `browser.runtime.id` (Chrome), and a page cannot change that.
   */
  extensionIsThere?: () => boolean;
  /** Test seam. The content script's own global object, where `CURRENT` is kept. */
  scope?: object;
  /** Test seam. The page's window: its timers, and the moments to look again. */
  window?: Window;
  /** How often to look whether the extension is still there. */
  checkEveryMs?: number;
  /**
   * The framework's own context (WXT's `ctx`). Its invalidation is only a reason to look:
   * a page that knows the extension id can send the event that invalidates it.
   */
  framework?: Pick<ContentScriptContext, 'onInvalidated'>;
}

/** Whether `browser.runtime` still answers with the extension's id: false once orphaned. */
function extensionIsThere(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/**
 * How long Pledgemark runs in one frame, decided by the extension and never by the page: it ends
 * when the extension is gone or a newer instance of this content script starts in this frame,
 * and everything registered with it is then taken down.
 *
 * It replaces WXT's start handshake. WXT's `ContentScriptContext` posts its start to the page
 * (unless `noScriptStartedPostMessage`), and ends on a `document` event named with the
 * extension id from any other start: a page that knows the id (a published extension's id is
 * public) can send that event. Here a newer instance is found in the content script's own
 * global object, out of the page's reach, and the extension's presence is read from
 * `browser.runtime.id`: every `EXTENSION_CHECK_MS`, whenever the page is shown or focused, when
 * WXT's context says it is invalidated, and whenever `isValid` is read. No port to the
 * background is needed: an MV3 service worker going idle would close it while the extension is
 * there, and in Chromium `runtime.id` is still set when an orphan's port closes (measured).
 *
 * In Firefox an extension's reload, disabling or removal destroys its content scripts'
 * sandboxes: none of their code runs after that, this included (measured on Firefox ESR 153:
 * no timer, event or port disconnection reaches them), so what they put on the page stays
 * unless the instance Firefox injects after a reload takes it down.
 *
 * Like WXT's context, it offers `onInvalidated`, `setTimeout`, `setInterval`,
 * `requestAnimationFrame` and `addEventListener` bound to it, and `signal` for anything else.
 * Unlike it, a callback registered after the end runs at once (so that what is made while a
 * start is still awaiting something is taken down too), and each callback runs even when one
 * before it throws.
 */
export class PageLifetime {
  private readonly controller = new AbortController();
  private readonly callbacks = new Set<() => void>();
  private endedFor: EndReason | null = null;
  private readonly isThere: () => boolean;
  private readonly window: Window;

  private constructor(options: PageLifetimeOptions) {
    this.isThere = options.extensionIsThere ?? extensionIsThere;
    this.window = options.window ?? window;
  }

  /**
   * Starts this frame's lifetime: ends the instance that was running in this frame, if any, and
   * starts looking whether the extension is still there.
   */
  static start(options: PageLifetimeOptions = {}): PageLifetime {
    const lifetime = new PageLifetime(options);
    const scope = (options.scope ?? globalThis) as { [CURRENT]?: Predecessor };
    const previous = scope[CURRENT];
    const self: Predecessor = { end: (reason) => lifetime.end(reason) };
    scope[CURRENT] = self;
    lifetime.onInvalidated(() => {
      if (scope[CURRENT] === self) delete scope[CURRENT];
    });
    if (previous) run(() => previous.end('superseded'));
    lifetime.watch(options);
    return lifetime;
  }

  /** Aborted when the lifetime ends. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the lifetime ended, or null while it runs. */
  get endReason(): EndReason | null {
    return this.endedFor;
  }

  /** Whether the extension is gone: its APIs no longer answer, and throw when touched. */
  get isOrphaned(): boolean {
    return !this.isThere();
  }

  /** Whether the lifetime runs; reading it looks whether the extension is still there. */
  get isValid(): boolean {
    this.check();
    return this.endedFor === null;
  }

  /**
   * Looks whether the extension is still there, and ends the lifetime if it is not. Returns
   * whether the lifetime still runs.
   */
  check(): boolean {
    if (this.endedFor === null && !this.isThere()) this.end('orphaned');
    return this.endedFor === null;
  }

  /**
   * Calls `callback` when the lifetime ends, or at once if it has. Returns a function that
   * removes it.
   */
  onInvalidated(callback: () => void): () => void {
    if (this.endedFor !== null) {
      run(callback);
      return () => {};
    }
    // A wrapper, so that one callback registered twice runs twice and is removed once.
    const entry = () => callback();
    this.callbacks.add(entry);
    return () => this.callbacks.delete(entry);
  }

  /** `setTimeout`, cancelled when the lifetime ends; the handler runs only while it runs. */
  setTimeout(handler: () => void, timeout?: number): number {
    if (!this.isValid) return 0;
    const id = this.window.setTimeout(() => {
      removeClear();
      if (this.isValid) handler();
    }, timeout);
    const removeClear = this.onInvalidated(() => this.window.clearTimeout(id));
    return id;
  }

  /** `setInterval`, cleared when the lifetime ends; the handler runs only while it runs. */
  setInterval(handler: () => void, timeout?: number): number {
    if (!this.isValid) return 0;
    const id = this.window.setInterval(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => this.window.clearInterval(id));
    return id;
  }

  /** `requestAnimationFrame`, cancelled when the lifetime ends. */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    if (!this.isValid) return 0;
    const id = this.window.requestAnimationFrame((time) => {
      removeCancel();
      if (this.isValid) callback(time);
    });
    const removeCancel = this.onInvalidated(() => this.window.cancelAnimationFrame(id));
    return id;
  }

  /** `target.addEventListener`, removed when the lifetime ends. */
  addEventListener(
    target: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    if (this.endedFor !== null) return;
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /** Ends the lifetime (once): aborts `signal`, then runs each callback in turn. */
  end(reason: EndReason = 'ended'): void {
    if (this.endedFor !== null) return;
    this.endedFor = reason;
    this.controller.abort(reason);
    const callbacks = [...this.callbacks];
    this.callbacks.clear();
    callbacks.forEach(run);
  }

  /** Looks whether the extension is still there on a timer and whenever the page is shown. */
  private watch({ checkEveryMs = EXTENSION_CHECK_MS, framework }: PageLifetimeOptions): void {
    // A page can fire these events itself: all they do is make this instance look.
    const look = () => void this.check();
    const interval = this.window.setInterval(look, checkEveryMs);
    this.onInvalidated(() => this.window.clearInterval(interval));
    this.addEventListener(this.window.document, 'visibilitychange', look);
    this.addEventListener(this.window, 'pageshow', look);
    this.addEventListener(this.window, 'focus', look);
    if (framework) this.onInvalidated(framework.onInvalidated(look));
  }
}

/**
 * A WXT content script context that lives exactly as long as a `PageLifetime`, for the WXT APIs
 * that take one (`createShadowRootUi`): unlike the one WXT's entry makes, it neither announces
 * itself to the page nor ends on anything the page sends.
 */
export class LifetimeContext extends ContentScriptContext {
  constructor(
    lifetime: PageLifetime,
    options?: ContentScriptContext['options'],
    contentScriptName = 'content',
  ) {
    super(contentScriptName, options);
    lifetime.onInvalidated(() => this.notifyInvalidated());
  }

  /** Replaced by `PageLifetime.start`: nothing is sent to the page. */
  override stopOldScripts(): void {}

  /** Replaced by `PageLifetime.start`: nothing the page sends is listened to. */
  override listenForNewerScripts(): void {}
}

/** Runs a teardown callback; its error is logged without stopping the others. */
function run(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    console.error('Pledgemark: a teardown step failed', error);
  }
}
