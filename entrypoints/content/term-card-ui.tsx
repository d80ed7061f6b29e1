import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import '../../components/term-card.css';
import { CardView, type CardViewProps } from './card-view';
import { mentionFragments, type OpenedBy } from './card-trigger';
import { TERM_ATTRIBUTE } from './page-highlighter';
import { UI_ATTRIBUTE } from './text-runs';

export type CardDeps = Omit<
  CardViewProps,
  'termId' | 'takeFocus' | 'onSwitchTerm' | 'onClose' | 'onRendered' | 'copy'
>;

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
    const termId = highlight.getAttribute(TERM_ATTRIBUTE);
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
    if (this.mounted) this.ui.remove();
    this.mounted = false;
  }

  private mount(): void {
    if (this.mounted) return;
    this.ui.mount();
    this.mounted = true;
    this.ui.shadowHost.setAttribute(UI_ATTRIBUTE, 'card');
    this.ui.uiContainer.append(this.floating);
    this.floating.addEventListener('pointerenter', () => this.onPointerInCard(true));
    this.floating.addEventListener('pointerleave', () => this.onPointerInCard(false));
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
