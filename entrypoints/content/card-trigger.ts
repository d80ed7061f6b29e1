import type { OpenedBy } from './card-ui-slot';
import { highlightAt, sameMention } from './page-contract';

export interface CardTriggerDeps {
  document: Document;
  /** Opens the card for a highlight; the point is where the pointer rests, if it does. */
  open: (
    highlight: HTMLElement,
    openedBy: OpenedBy,
    point: { x: number; y: number } | null,
  ) => void;
  close: (returnFocus: boolean) => void;
  /** Whether a node belongs to the card. */
  isInCard: (node: Node | null) => boolean;
  /** The highlight whose card is open, if any. */
  openFor: () => HTMLElement | null;
  settings: () => { hoverDelayMs: number; cardTrigger: 'hover' | 'modifier' };
  /** Test seam: synthetic events are trusted in tests only. */
  trustSyntheticEvents?: boolean;
}

/** How long the pointer may be off both the highlight and the card before the card closes. */
export const CLOSE_GRACE_MS = 300;

/**
 * Decides when the card opens and closes: hover with intent (the pointer rests for a moment; a
 * pointer that merely crosses a highlight opens nothing), tap, and the keyboard (Escape closes
 * and returns focus). Only trusted events count: the page cannot open, close or drive the card.
 */
export class CardTrigger {
  private readonly abort = new AbortController();
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private point: { x: number; y: number } | null = null;

  /** Open shadow roots of the page listened to for pointer moves that stay inside them. */
  private readonly roots = new WeakSet<Node>();
  /** Events already handled (one may reach both a shadow root's listener and the document's). */
  private readonly handled = new WeakSet<Event>();

  constructor(private readonly deps: CardTriggerDeps) {
    const options = { capture: true, signal: this.abort.signal };
    const { document } = deps;
    document.addEventListener('pointerover', (event) => this.onPointerOver(event), options);
    document.addEventListener('pointermove', (event) => this.onPointerMove(event), options);
    document.addEventListener('pointerout', (event) => this.onPointerOut(event), options);
    document.addEventListener('pointerdown', (event) => this.onPointerDown(event), options);
    document.addEventListener('keydown', (event) => this.onKeyDown(event), options);
  }

  /** The pointer entered or left the card itself (its host is outside the page's tree walk). */
  pointerInCard(inside: boolean): void {
    if (inside) this.cancelClose();
    else this.scheduleClose();
  }

  destroy(): void {
    this.abort.abort();
    this.cancelOpen();
    this.cancelClose();
  }

  private trusted(event: Event): boolean {
    return event.isTrusted || this.deps.trustSyntheticEvents === true;
  }

  /**
   * A pointer that moves between two nodes of one shadow root is never seen at the document: the
   * browser does not dispatch `pointerover`/`pointerout` past a shadow root that holds both
   * target and related target. So each open shadow root an event comes through (or the host the
   * pointer is on) is listened to as well, from then on.
   */
  private watchRoots(event: Event): void {
    const path = event.composedPath();
    const first = path[0] as Element | undefined;
    const roots = path.filter((node): node is ShadowRoot => (node as Node).nodeType === 11);
    if (first?.nodeType === 1 && first.shadowRoot) roots.push(first.shadowRoot);
    for (const root of roots) {
      if (this.roots.has(root)) continue;
      this.roots.add(root);
      const options = { capture: true, signal: this.abort.signal };
      root.addEventListener(
        'pointerover',
        (inner) => this.onPointerOver(inner as PointerEvent),
        options,
      );
      root.addEventListener(
        'pointerout',
        (inner) => this.onPointerOut(inner as PointerEvent),
        options,
      );
    }
  }

  /** Whether to handle an event now: trusted, and not already handled on its way. */
  private fresh(event: Event): boolean {
    if (!this.trusted(event) || this.handled.has(event)) return false;
    this.handled.add(event);
    this.watchRoots(event);
    return true;
  }

  private onPointerOver(event: PointerEvent): void {
    if (!this.fresh(event) || event.pointerType === 'touch') return;
    const highlight = highlightAt(targetOf(event));
    if (!highlight) return;
    if (this.deps.openFor() && sameMention(this.deps.openFor()!, highlight)) {
      this.cancelClose();
      return;
    }
    if (this.deps.settings().cardTrigger === 'modifier' && !event.altKey) return;
    this.point = { x: event.clientX, y: event.clientY };
    this.cancelOpen();
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      if (highlight.isConnected) this.deps.open(highlight, 'pointer', this.point);
    }, this.deps.settings().hoverDelayMs);
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.openTimer && this.trusted(event)) this.point = { x: event.clientX, y: event.clientY };
  }

  private onPointerOut(event: PointerEvent): void {
    if (!this.fresh(event) || event.pointerType === 'touch') return;
    const from = highlightAt(targetOf(event));
    if (!from) return;
    const to = event.relatedTarget as Node | null;
    const toHighlight = highlightAt(to);
    if (toHighlight && sameMention(from, toHighlight)) return;
    this.cancelOpen();
    const open = this.deps.openFor();
    if (open && sameMention(open, from) && !this.deps.isInCard(to)) this.scheduleClose();
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.trusted(event)) return;
    const target = targetOf(event);
    if (this.deps.isInCard(target)) return;
    const highlight = highlightAt(target);
    if (highlight && event.pointerType === 'touch') {
      this.deps.open(highlight, 'touch', { x: event.clientX, y: event.clientY });
      return;
    }
    // A tap or click anywhere else closes the card.
    if (this.deps.openFor() && !(highlight && sameMention(highlight, this.deps.openFor()!))) {
      this.deps.close(false);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.trusted(event) || event.key !== 'Escape' || !this.deps.openFor()) return;
    this.cancelOpen();
    this.deps.close(true);
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      this.deps.close(false);
    }, CLOSE_GRACE_MS);
  }

  private cancelOpen(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = null;
  }

  private cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }
}

/**
 * The node an event happened on. `event.target` is retargeted to the shadow host for a listener
 * outside a shadow root; the composed path's first node is the one inside (for open roots, as
 * the page's highlights are; a closed root, as the card's, still gives its host).
 */
function targetOf(event: Event): Node | null {
  const first = event.composedPath()[0] ?? event.target;
  return first && typeof (first as Node).nodeType === 'number' ? (first as Node) : null;
}
