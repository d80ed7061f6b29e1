import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import '../../components/term-card.css';
import { normalizeHost } from '../../utils/settings';
import { CardView, type CardViewProps } from './card-view';
import type { OpenedBy } from './card-trigger';
import { HideNotice } from './hide-notice';
import { mentionFragments, termOf, UI_ATTRIBUTE } from './page-contract';

/** The longest mention the hide notice quotes whole. */
const MAX_NOTICE_TEXT = 80;

export type CardDeps = Omit<
  CardViewProps,
  'termId' | 'takeFocus' | 'onSwitchTerm' | 'onClose' | 'onRendered' | 'copy'
> & {
  /** The page's host name, where "Hide this term on this site" hides the term. */
  hostname: string;
  /** Undo of a hide: the term is highlighted on this host again. */
  onShowTerm: (termId: string) => void;
};

/**
 * The hover card on the page: a closed shadow root (its styles cannot leak in or out, the page
 * cannot reach into it) anchored with floating-ui to the line of the highlight the reader is on.
 * It follows scrolling and closes when its highlight leaves the page.
 */
export class TermCardUi {
  private anchor: HTMLElement | null = null;
  private lineIndex = 0;
  private stopFollowing: (() => void) | null = null;
  private mounted = false;
  /** The click being dispatched in the card, while its handlers run. */
  private click: MouseEvent | null = null;
  /** After "Hide this term on this site": the term and site, with Undo. */
  private readonly notice: HideNotice;
  /**
   * The positioned box inside the shadow root. The host element itself cannot be positioned:
   * the shadow root's reset (`:host { all: initial !important }`) wins over inline styles.
   */
  private readonly floating: HTMLDivElement;

  private constructor(
    private readonly ui: ShadowRootContentScriptUi<HTMLElement>,
    private readonly deps: CardDeps,
    private readonly onPointerInCard: (inside: boolean) => void,
  ) {
    this.floating = document.createElement('div');
    this.floating.className = 'pm-floating';
    this.floating.hidden = true;
    this.notice = new HideNotice({ onUndo: ({ termId }) => this.deps.onShowTerm(termId) });
  }

  static async create(
    ctx: ContentScriptContext,
    deps: CardDeps,
    onPointerInCard: (inside: boolean) => void,
  ): Promise<TermCardUi> {
    const ui = await createShadowRootUi(ctx, {
      name: 'pledgemark-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      isolateEvents: true,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    return new TermCardUi(ui, deps, onPointerInCard);
  }

  get openFor(): HTMLElement | null {
    return this.anchor;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.ui.shadowHost || this.ui.shadowHost.contains(node));
  }

  open(highlight: HTMLElement, openedBy: OpenedBy, point: { x: number; y: number } | null): void {
    const termId = termOf(highlight);
    if (!termId) return;
    this.mount();
    this.anchor = highlight;
    this.lineIndex = lineUnder(mentionFragments(highlight), point);
    this.show(termId, openedBy === 'keyboard');
    this.stopFollowing?.();
    this.stopFollowing = autoUpdate(this.reference(), this.floating, () => this.place());
  }

  close(returnFocus: boolean): void {
    const anchor = this.anchor;
    if (!anchor) return;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.anchor = null;
    render(null, this.floating);
    this.floating.hidden = true;
    if (returnFocus && anchor.isConnected) anchor.focus({ preventScroll: true });
  }

  destroy(): void {
    this.close(false);
    this.notice.destroy();
    if (this.mounted) this.ui.remove();
    this.mounted = false;
  }

  private mount(): void {
    if (this.mounted) return;
    this.ui.mount();
    this.mounted = true;
    this.ui.shadowHost.setAttribute(UI_ATTRIBUTE, 'card');
    // The notice's live region is in place before any notice, so that each one is announced.
    this.ui.uiContainer.append(this.floating, this.notice.element);
    this.floating.addEventListener('pointerenter', () => this.onPointerInCard(true));
    this.floating.addEventListener('pointerleave', () => this.onPointerInCard(false));
    // The card's buttons act on clicks: the one being dispatched tells whether the reader made
    // it (and with the keyboard: a click from Enter or Space has no click count).
    this.floating.addEventListener('click', (event) => (this.click = event), { capture: true });
    this.floating.addEventListener('click', () => (this.click = null));
  }

  /**
   * "Hide this term on this site", chosen by the reader (never by the page): the card closes, the
   * term is hidden (its highlights go) and the notice offers Undo, with focus on it when the
   * reader used the keyboard.
   */
  private hide(termId: string): void {
    const click = this.click;
    this.click = null;
    if (!click?.isTrusted) return;
    const anchor = this.anchor;
    const text = anchor ? mentionText(anchor) : '';
    this.close(false);
    this.deps.onHideTerm(termId);
    const host = normalizeHost(this.deps.hostname);
    // Where there is no host (a local file) nothing was hidden, and there is nothing to undo.
    if (host) this.notice.show({ termId, text: text || termId, host }, click.detail === 0);
  }

  private show(termId: string, takeFocus: boolean): void {
    this.floating.hidden = false;
    render(
      <CardView
        key={termId}
        {...this.deps}
        termId={termId}
        takeFocus={takeFocus}
        copy={(text) => copyText(text, this.ui.uiContainer)}
        onSwitchTerm={(next) => this.show(next, true)}
        onHideTerm={(hidden) => this.hide(hidden)}
        onClose={() => this.close(true)}
        onRendered={() => this.place()}
      />,
      this.floating,
    );
  }

  /** A virtual element: the line box of the highlight under the pointer (it may wrap). */
  private reference() {
    const anchor = this.anchor!;
    return {
      contextElement: anchor,
      getBoundingClientRect: () => {
        const rects = mentionFragments(anchor).flatMap((fragment) => [
          ...fragment.getClientRects(),
        ]);
        return rects[Math.min(this.lineIndex, rects.length - 1)] ?? anchor.getBoundingClientRect();
      },
    };
  }

  private place(): void {
    const anchor = this.anchor;
    if (!anchor) return;
    if (!anchor.isConnected) {
      this.close(false);
      return;
    }
    const floating = this.floating;
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
function mentionText(highlight: HTMLElement): string {
  const fragments = mentionFragments(highlight);
  const range = document.createRange();
  range.setStartBefore(fragments[0] ?? highlight);
  range.setEndAfter(fragments.at(-1) ?? highlight);
  const text = range.toString().replace(/\s+/g, ' ').trim();
  return text.length > MAX_NOTICE_TEXT ? `${text.slice(0, MAX_NOTICE_TEXT - 1)}…` : text;
}

/** Copies text; falls back to a hidden text field where the async clipboard is refused. */
async function copyText(text: string, container: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('aria-hidden', 'true');
    field.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    container.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    if (!copied) throw new Error('The browser refused to copy');
  }
}
