import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import termCardCss from '../../components/term-card.css?inline';
import { normalizeHost } from '../../utils/settings';
import cardLayerCss from './card-layer.css?inline';
import { CardView } from './card-view';
import type { CardUi, CardUiDeps, OpenedBy } from '../content/card-ui-slot';
import hideNoticeCss from './hide-notice.css?inline';
import { HideNotice } from './hide-notice';
import { describeSenseReason } from '../../utils/sense-model';
import { UI_ATTRIBUTE } from '../content/page-contract';
import { installUnfindableText } from './unfindable-text';

/** The longest mention the hide notice quotes whole. */
const MAX_NOTICE_TEXT = 80;

/** The card's whole stylesheet, in its shadow root: nothing of it goes into the page. */
const CARD_CSS = [cardLayerCss, termCardCss, hideNoticeCss].join('\n');

/**
 * Events the page could make up and aim at the card's nodes, were it ever handed one: stopped at
 * the card's shadow root, in capture phase, before any of the card's handlers sees them.
 */
const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'mouseover',
  'mouseout',
  'mouseenter',
  'mouseleave',
  'pointerdown',
  'pointerup',
  'pointerover',
  'pointerout',
  'pointerenter',
  'pointerleave',
  'pointermove',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'submit',
] as const;

/** Keys typed in the card are the card's: they do not reach the page's own shortcuts. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** What the card puts on the page, once built. */
interface Built {
  /** A plain `div`: no custom element, so nothing the page defines ever runs on it. */
  host: HTMLDivElement;
  root: ShadowRoot;
  /** The positioned box: a manual popover (top layer) where the Popover API is. */
  floating: HTMLDivElement;
  notice: HideNotice;
  popover: boolean;
  /** Follows the card's and the highlight's size without a ResizeObserver loop (see `follow`). */
  resize: ResizeObserver | null;
  undo: (() => void)[];
}

/**
 * The hover card on the page: a closed shadow root on a plain `div` (its styles cannot leak in or
 * out; the page cannot reach into it: a `div` is never a custom element, so `attachInternals()`
 * cannot hand its root to the page), drawn in the top layer as a manual popover and anchored with
 * floating-ui to the line of the highlight the reader is on. Inside a modal dialog the host goes
 * into that dialog, since everything outside a modal dialog is inert. It follows scrolling and
 * closes when its highlight leaves the page.
 *
 * The card is built when it first opens; a failure to build or show it is logged and the card
 * stays closed: it never stops highlighting.
 */
export class TermCardUi implements CardUi {
  private built: Built | null = null;
  /** The site's hidden terms as last told (see `hiddenTermsChanged`). */
  private hiddenTerms: ReadonlySet<string> | null = null;
  private anchor: HTMLElement | null = null;
  private lineIndex = 0;
  private stopFollowing: (() => void) | null = null;
  private frame: number | null = null;
  /** The click being dispatched in the card, while its handlers run. */
  private click: MouseEvent | null = null;
  private readonly document: Document;

  constructor(private readonly deps: CardUiDeps) {
    this.document = deps.document ?? window.document;
  }

  get openFor(): HTMLElement | null {
    return this.anchor;
  }

  /** Test seam: the card's shadow root (the page can never get it; the content script can). */
  get shadowRootForTests(): ShadowRoot | null {
    return this.built?.root ?? null;
  }

  contains(node: Node | null): boolean {
    const built = this.built;
    return !!node && !!built && (node === built.host || built.root.contains(node));
  }

  open(highlight: HTMLElement, openedBy: OpenedBy, point: { x: number; y: number } | null): void {
    const mention = this.deps.mentionOf(highlight);
    if (!mention) return;
    try {
      const built = this.build();
      this.mountFor(built, highlight);
      this.anchor = highlight;
      this.lineIndex = lineUnder(this.deps.fragmentsOf(highlight), point);
      const { aliasIndex } = mention;
      this.show(mention.termId, openedBy === 'keyboard', {
        senseNote: describeSenseReason(mention.because),
        alias: aliasIndex === null ? null : (this.deps.aliasText(aliasIndex) ?? null),
      });
      this.raise(built);
      this.follow(built);
    } catch (error) {
      console.warn('Pledgemark could not show its card on this page.', error);
      this.close(false);
    }
  }

  close(returnFocus: boolean): void {
    const anchor = this.anchor;
    if (!anchor) return;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.anchor = null;
    const built = this.built;
    if (built) {
      render(null, built.floating);
      if (built.popover && built.floating.matches(':popover-open')) built.floating.hidePopover();
      built.floating.hidden = true;
    }
    if (returnFocus && anchor.isConnected) anchor.focus({ preventScroll: true });
  }

  /**
   * The site's hidden terms changed: a notice about a term that was hidden and is not any more
   * (shown again from the popup) goes, its Undo having nothing left to undo.
   */
  hiddenTermsChanged(hidden: ReadonlySet<string>): void {
    const before = this.hiddenTerms;
    this.hiddenTerms = hidden;
    const shown = this.built?.notice.shown;
    if (shown && before?.has(shown.termId) && !hidden.has(shown.termId)) {
      this.built!.notice.dismiss();
    }
  }

  destroy(): void {
    this.close(false);
    const built = this.built;
    this.built = null;
    if (!built) return;
    built.notice.destroy();
    for (const undo of built.undo) undo();
    built.host.remove();
  }

  /** Builds the host, its closed shadow root and what goes in it, once. */
  private build(): Built {
    if (this.built) return this.built;
    const document = this.document;
    const host = document.createElement('div');
    host.setAttribute(UI_ATTRIBUTE, 'card');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const floating = document.createElement('div');
    floating.className = 'pm-floating';
    floating.hidden = true;
    const popover = typeof floating.showPopover === 'function';
    if (popover) floating.setAttribute('popover', 'manual');
    const notice = new HideNotice({
      onUndo: ({ termId }) => this.deps.onShowTerm(termId),
      ...(this.deps.trustSyntheticEvents ? { trustSyntheticEvents: true } : {}),
    });
    // The notice's live region is in place before any notice, so that each one is announced.
    root.append(style, floating, notice.element);

    const abort = new AbortController();
    const signal = abort.signal;
    for (const type of GUARDED_EVENTS) {
      root.addEventListener(type, (event) => this.guard(event), { capture: true, signal });
    }
    for (const type of KEY_EVENTS) {
      root.addEventListener(type, (event) => event.stopPropagation(), { signal });
    }
    floating.addEventListener('pointerenter', () => this.deps.onPointerInCard(true), { signal });
    floating.addEventListener('pointerleave', () => this.deps.onPointerInCard(false), { signal });
    // The card's buttons act on clicks: the one being dispatched tells how the reader made it
    // (with the keyboard, a click from Enter or Space has no click count).
    floating.addEventListener('click', (event) => (this.click = event), { capture: true, signal });
    floating.addEventListener('click', () => (this.click = null), { signal });
    const resize =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.placeNextFrame()) : null;
    const undo = [
      () => abort.abort(),
      () => resize?.disconnect(),
      installUnfindableText(),
      () => this.cancelFrame(),
    ];
    this.built = { host, root, floating, notice, popover, resize, undo };
    return this.built;
  }

  /** Stops an event the page made up before any of the card's handlers sees it. */
  private guard(event: Event): void {
    if (event.isTrusted || this.deps.trustSyntheticEvents === true) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  }

  /**
   * Puts the host where the highlight's card can be used: in the modal dialog the highlight is
   * in (everything outside it is inert), else at the end of the body.
   */
  private mountFor(built: Built, highlight: HTMLElement): void {
    const document = this.document;
    const parent = modalDialogOf(highlight) ?? document.body ?? document.documentElement;
    // Also back in place if the page took it out.
    if (built.host.parentNode !== parent) parent.append(built.host);
  }

  /** Shows the card in the top layer, above whatever the page put there since (a dialog). */
  private raise(built: Built): void {
    built.floating.hidden = false;
    if (!built.popover) return;
    try {
      if (built.floating.matches(':popover-open')) built.floating.hidePopover();
      built.floating.showPopover();
    } catch (error) {
      // Drawn fixed above the page instead (card-layer.css).
      console.warn('Pledgemark could not put its card in the top layer.', error);
    }
  }

  /**
   * Follows the highlight as the page scrolls and moves, and the card as it grows. floating-ui's
   * own resize handling is off: it repositions from within a ResizeObserver callback, which
   * changes the layout it observes and makes the browser report "ResizeObserver loop completed
   * with undelivered notifications" to the page's own `window.onerror` (seen in Firefox). Here the
   * observer only asks for a placement in the next frame.
   */
  private follow(built: Built): void {
    this.stopFollowing?.();
    const anchor = this.anchor!;
    const stopAuto = autoUpdate(this.reference(), built.floating, () => this.place(), {
      elementResize: false,
    });
    built.resize?.observe(built.floating);
    built.resize?.observe(anchor);
    this.stopFollowing = () => {
      stopAuto();
      built.resize?.disconnect();
      this.cancelFrame();
    };
  }

  private placeNextFrame(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.place();
    });
  }

  private cancelFrame(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  /**
   * "Hide this term on this site", chosen by the reader (never by the page): the card closes, the
   * term is hidden (its highlights go) and the notice offers Undo, with focus on it when the
   * reader used the keyboard.
   */
  private hide(termId: string): void {
    const click = this.click;
    this.click = null;
    const built = this.built;
    if (!built || !click || !(click.isTrusted || this.deps.trustSyntheticEvents)) return;
    const anchor = this.anchor;
    const text = anchor ? mentionText(this.deps.fragmentsOf(anchor), anchor) : '';
    this.close(false);
    this.deps.onHideTerm(termId);
    const host = normalizeHost(this.deps.hostname);
    // Where there is no host (a local file) nothing was hidden, and there is nothing to undo.
    if (host) built.notice.show({ termId, text: text || termId, host }, click.detail === 0);
  }

  private show(
    termId: string,
    takeFocus: boolean,
    highlight: { senseNote: string | null; alias: string | null } = {
      senseNote: null,
      alias: null,
    },
  ): void {
    const built = this.built!;
    render(
      <CardView
        key={termId}
        data={this.deps}
        termId={termId}
        senseNote={highlight.senseNote}
        alias={highlight.alias}
        onNotThisMeaning={(alias, where) => {
          this.close(true);
          this.deps.onNotThisMeaning(termId, alias, where);
        }}
        takeFocus={takeFocus}
        onSwitchTerm={(next) => this.show(next, true)}
        onHideTerm={(hidden) => this.hide(hidden)}
        onClose={() => this.close(true)}
        onRendered={() => this.place()}
      />,
      built.floating,
    );
  }

  /** A virtual element: the line box of the highlight under the pointer (it may wrap). */
  private reference() {
    const anchor = this.anchor!;
    return {
      contextElement: anchor,
      getBoundingClientRect: () => {
        const rects = this.deps
          .fragmentsOf(anchor)
          .flatMap((fragment) => [...fragment.getClientRects()]);
        return rects[Math.min(this.lineIndex, rects.length - 1)] ?? anchor.getBoundingClientRect();
      },
    };
  }

  private place(): void {
    const anchor = this.anchor;
    const built = this.built;
    if (!anchor || !built) return;
    // Gone from the page, or no longer drawn (its dialog closed): the card goes with it.
    if (!anchor.isConnected || !built.host.isConnected || anchor.checkVisibility?.() === false) {
      this.close(false);
      return;
    }
    const floating = built.floating;
    const card = floating.querySelector<HTMLElement>('.term-card-card');
    void computePosition(this.reference(), floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            card?.style.setProperty(
              'max-height',
              `${Math.max(160, Math.min(availableHeight, 560))}px`,
            );
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }
}

/**
 * The open modal dialog a highlight is in, if any, looking through the shadow roots it may be
 * in. Checked by name and `:modal`, never by `instanceof`: the page may be another window.
 */
function modalDialogOf(highlight: Element): Element | null {
  let node: Node | null = highlight;
  while (node) {
    if (node.nodeType === 1 && (node as Element).localName === 'dialog') {
      try {
        if ((node as Element).matches(':modal')) return node as Element;
      } catch {
        // No :modal in this browser: a modal dialog is the open one that draws over the page.
        if ((node as HTMLDialogElement).open) return node as Element;
      }
    }
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return null;
}

/** The index of the line box under the point, among all the mention's line boxes. */
function lineUnder(fragments: HTMLElement[], point: { x: number; y: number } | null): number {
  if (!point) return 0;
  const rects = fragments.flatMap((fragment) => [...fragment.getClientRects()]);
  const index = rects.findIndex(
    (rect) =>
      point.y >= rect.top &&
      point.y <= rect.bottom &&
      point.x >= rect.left - 1 &&
      point.x <= rect.right + 1,
  );
  return Math.max(0, index);
}

/** The mention's text as the page writes it (it may run over several highlight elements). */
function mentionText(fragments: HTMLElement[], highlight: HTMLElement): string {
  const range = highlight.ownerDocument.createRange();
  range.setStartBefore(fragments[0] ?? highlight);
  range.setEndAfter(fragments.at(-1) ?? highlight);
  const text = range.toString().replace(/\s+/g, ' ').trim();
  return text.length > MAX_NOTICE_TEXT ? `${text.slice(0, MAX_NOTICE_TEXT - 1)}…` : text;
}
