import { highlightAt, sameMention } from './page-contract';

export type OpenedBy = 'pointer' | 'touch' | 'keyboard';

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

  private onPointerOver(event: PointerEvent): void {
    if (!this.trusted(event) || event.pointerType === 'touch') return;
    const highlight = highlightAt(event.target);
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
    if (!this.trusted(event) || event.pointerType === 'touch') return;
    const from = highlightAt(event.target);
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
    if (this.deps.isInCard(event.target as Node | null)) return;
    const highlight = highlightAt(event.target);
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
