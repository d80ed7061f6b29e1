import { render } from 'preact';

/** How long the notice stays, unless the pointer or focus is on it. */
export const HIDE_NOTICE_MS = 8_000;

/** A term the reader just hid on a site. */
export interface HiddenTerm {
  termId: string;
  /** How the page wrote it, as the reader saw it highlighted. */
  text: string;
  host: string;
}

export interface HideNoticeDeps {
  /** The reader chose Undo: show the term on its host again. */
  onUndo: (hidden: HiddenTerm) => void;
  /** Test seam: synthetic events are trusted in tests only. */
  trustSyntheticEvents?: boolean;
}

/**
 * The notice after "Hide this term on this site": names the term and the site and offers Undo for
 * a few seconds. Its element is a live region (`role="status"`) that stays in the card's shadow
 * root (which also holds its style, `hide-notice.css`), empty between notices, so that screen
 * readers announce each notice as it appears. It stays while the pointer or focus is on it;
 * Escape or its close button dismiss it. Only trusted events count: the page cannot undo or
 * dismiss.
 */
export class HideNotice {
  /** The live region; the caller puts it in the shadow root. */
  readonly element: HTMLDivElement;
  private current: HiddenTerm | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pointerInside = false;
  private focusInside = false;
  private readonly abort = new AbortController();

  constructor(private readonly deps: HideNoticeDeps) {
    const element = document.createElement('div');
    element.className = 'pm-notice-region';
    element.setAttribute('role', 'status');
    const options = { signal: this.abort.signal };
    element.addEventListener('pointerenter', () => this.hold({ pointer: true }), options);
    element.addEventListener('pointerleave', () => this.hold({ pointer: false }), options);
    element.addEventListener('focusin', () => this.hold({ focus: true }), options);
    element.addEventListener(
      'focusout',
      (event) => {
        if (!element.contains(event.relatedTarget as Node | null)) this.hold({ focus: false });
      },
      options,
    );
    element.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.trusted(event) && this.current) {
          event.preventDefault();
          this.dismiss();
        }
      },
      options,
    );
    this.element = element;
  }

  /** The term the notice is about, while it shows. */
  get shown(): HiddenTerm | null {
    return this.current;
  }

  /** Shows the notice (in place of any earlier one); with `takeFocus`, focus moves to Undo. */
  show(hidden: HiddenTerm, takeFocus: boolean): void {
    this.current = hidden;
    render(
      <div class="pm-notice pm-theme">
        <p class="pm-notice-text">
          “{hidden.text}” hidden on {hidden.host}.
        </p>
        <button type="button" class="pm-notice-undo" onClick={(event) => this.undo(event)}>
          Undo
        </button>
        <button
          type="button"
          class="pm-notice-close"
          aria-label="Dismiss"
          onClick={(event) => {
            if (this.trusted(event)) this.dismiss();
          }}
        >
          ×
        </button>
      </div>,
      this.element,
    );
    if (takeFocus) this.element.querySelector<HTMLButtonElement>('.pm-notice-undo')?.focus();
    this.schedule();
  }

  dismiss(): void {
    this.clearTimer();
    this.current = null;
    this.pointerInside = false;
    this.focusInside = false;
    render(null, this.element);
  }

  destroy(): void {
    this.dismiss();
    this.abort.abort();
    this.element.remove();
  }

  private undo(event: Event): void {
    const hidden = this.current;
    if (!hidden || !this.trusted(event)) return;
    this.dismiss();
    this.deps.onUndo(hidden);
  }

  private trusted(event: Event): boolean {
    return event.isTrusted || this.deps.trustSyntheticEvents === true;
  }

  /** The notice does not go away under the reader's pointer or focus; leaving it starts over. */
  private hold(change: { pointer?: boolean; focus?: boolean }): void {
    this.pointerInside = change.pointer ?? this.pointerInside;
    this.focusInside = change.focus ?? this.focusInside;
    if (this.current) this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.pointerInside || this.focusInside) return;
    this.timer = setTimeout(() => this.dismiss(), HIDE_NOTICE_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
