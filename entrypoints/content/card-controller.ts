import { CardTrigger } from './card-trigger';
import {
  providedCardUi,
  type CardData,
  type CardUi,
  type CardUiDeps,
  type CardUiFactory,
  type OpenedBy,
} from './card-ui-slot';
import { aliasIndexOf, mentionFragments, senseReasonOf, termOf } from './page-contract';

/**
 * Everything the card needs from outside the page, in one port: the background's lookups and
 * clips, the clipboard, the extension's views, the site's hidden terms and the page's counts.
 */
export interface CardPort extends CardData {
  /** The page's host name, where "Hide this term on this site" hides a term. */
  hostname: string;
  hideTerm: (termId: string) => void;
  /** "Not this meaning": the alias is no longer highlighted on this host, or anywhere. */
  correctSense: (termId: string, alias: string, where: 'site' | 'everywhere') => void;
  /** Undo of a hide: the term is highlighted on this host again. */
  showTerm: (termId: string) => void;
  /** When a resting pointer opens the card, read afresh at each hover. */
  triggerSettings: () => { hoverDelayMs: number; cardTrigger: 'hover' | 'modifier' };
}

export interface CardControllerOptions {
  /** Test seam: the page's document. */
  document?: Document;
  /** Test seam: synthetic events are trusted in tests only. */
  trustSyntheticEvents?: boolean;
  /**
   * Where the card's UI comes from: by default, what the card's own content script left for this
   * one (see card-ui-slot.ts), looked up when a card first opens.
   */
  cardUi?: () => CardUiFactory | null;
}

/**
 * The hover card and what opens it, owned together: the trigger (hover with intent, tap, Escape,
 * trusted events only) and the card's UI (a closed shadow root on a plain `div`, made when a card
 * first opens). It takes one data port and puts nothing on the page that `destroy()` does not
 * take away. A card that cannot be made or built is logged and stays closed; it never stops
 * highlighting.
 */
export class CardController {
  private ui: CardUi | null = null;
  private readonly uiDeps: CardUiDeps;
  private readonly cardUi: () => CardUiFactory | null;
  private hiddenTerms: ReadonlySet<string> | null = null;
  private missingUiLogged = false;
  /** After `destroy()`, nothing builds a card again (a keyboard command may still be under way). */
  private destroyed = false;
  private readonly trigger: CardTrigger;

  constructor(port: CardPort, options: CardControllerOptions = {}) {
    const document = options.document ?? window.document;
    const trust = options.trustSyntheticEvents ? { trustSyntheticEvents: true } : {};
    this.cardUi = options.cardUi ?? (() => providedCardUi());
    this.uiDeps = {
      ...port,
      ...trust,
      document,
      mentionOf: (highlight) => {
        const termId = termOf(highlight);
        return termId === null
          ? null
          : { termId, aliasIndex: aliasIndexOf(highlight), because: senseReasonOf(highlight) };
      },
      fragmentsOf: mentionFragments,
      onHideTerm: (termId) => port.hideTerm(termId),
      onNotThisMeaning: (termId, alias, where) => port.correctSense(termId, alias, where),
      onShowTerm: (termId) => port.showTerm(termId),
      onPointerInCard: (inside) => this.trigger.pointerInCard(inside),
    };
    this.trigger = new CardTrigger({
      ...trust,
      document,
      open: (highlight, openedBy, point) => this.open(highlight, openedBy, point),
      close: (returnFocus) => this.close(returnFocus),
      isInCard: (node) => this.ui?.contains(node) ?? false,
      openFor: () => this.openFor,
      settings: () => port.triggerSettings(),
    });
  }

  /** The highlight whose card is open, if any. */
  get openFor(): HTMLElement | null {
    return this.ui?.openFor ?? null;
  }

  /** Test seam: the card's closed shadow root, once built. */
  get shadowRootForTests(): ShadowRoot | null {
    return this.ui?.shadowRootForTests ?? null;
  }

  /** Opens the card of a highlight Pledgemark made (the keyboard commands do). */
  open(highlight: HTMLElement, openedBy: OpenedBy, point: { x: number; y: number } | null): void {
    this.madeUi()?.open(highlight, openedBy, point);
  }

  close(returnFocus: boolean): void {
    this.ui?.close(returnFocus);
  }

  /** The site's hidden terms changed (a term shown again from the popup ends its notice). */
  hiddenTermsChanged(hidden: ReadonlySet<string>): void {
    this.hiddenTerms = hidden;
    this.ui?.hiddenTermsChanged(hidden);
  }

  /** Takes the card, its notice and its listeners off the page. */
  destroy(): void {
    this.destroyed = true;
    this.trigger.destroy();
    this.ui?.destroy();
    this.ui = null;
  }

  /** The card's UI, made at the first opening; null (logged once) if it cannot be made here. */
  private madeUi(): CardUi | null {
    if (this.ui || this.destroyed) return this.ui;
    try {
      const factory = this.cardUi();
      if (!factory) throw new Error("the card's script has not run in this frame");
      this.ui = factory(this.uiDeps);
      if (this.hiddenTerms) this.ui.hiddenTermsChanged(this.hiddenTerms);
    } catch (error) {
      if (!this.missingUiLogged) console.warn('Pledgemark cannot show its card here.', error);
      this.missingUiLogged = true;
    }
    return this.ui;
  }
}
