import { CardTrigger, type OpenedBy } from './card-trigger';
import type { CardData } from './card-view';
import { TermCardUi } from './term-card-ui';

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
}

/**
 * The hover card and what opens it, owned together: the trigger (hover with intent, tap, Escape,
 * trusted events only) and the card's UI (a closed shadow root on a plain `div`, built at its
 * first opening). It takes one data port and puts nothing on the page that `destroy()` does not
 * take away. A card that cannot be built is logged and stays closed; it never stops highlighting.
 */
export class CardController {
  private readonly ui: TermCardUi;
  private readonly trigger: CardTrigger;

  constructor(port: CardPort, options: CardControllerOptions = {}) {
    const document = options.document ?? window.document;
    const trust = options.trustSyntheticEvents ? { trustSyntheticEvents: true } : {};
    this.ui = new TermCardUi({
      ...port,
      ...trust,
      document,
      onHideTerm: (termId) => port.hideTerm(termId),
      onNotThisMeaning: (termId, alias, where) => port.correctSense(termId, alias, where),
      onShowTerm: (termId) => port.showTerm(termId),
      onPointerInCard: (inside) => this.trigger.pointerInCard(inside),
    });
    this.trigger = new CardTrigger({
      ...trust,
      document,
      open: (highlight, openedBy, point) => this.ui.open(highlight, openedBy, point),
      close: (returnFocus) => this.ui.close(returnFocus),
      isInCard: (node) => this.ui.contains(node),
      openFor: () => this.ui.openFor,
      settings: () => port.triggerSettings(),
    });
  }

  /** The highlight whose card is open, if any. */
  get openFor(): HTMLElement | null {
    return this.ui.openFor;
  }

  /** Test seam: the card's closed shadow root, once built. */
  get shadowRootForTests(): ShadowRoot | null {
    return this.ui.shadowRootForTests;
  }

  /** Opens the card of a highlight Pledgemark made (the keyboard commands do). */
  open(highlight: HTMLElement, openedBy: OpenedBy, point: { x: number; y: number } | null): void {
    this.ui.open(highlight, openedBy, point);
  }

  close(returnFocus: boolean): void {
    this.ui.close(returnFocus);
  }

  /** The site's hidden terms changed (a term shown again from the popup ends its notice). */
  hiddenTermsChanged(hidden: ReadonlySet<string>): void {
    this.ui.hiddenTermsChanged(hidden);
  }

  /** Takes the card, its notice and its listeners off the page. */
  destroy(): void {
    this.trigger.destroy();
    this.ui.destroy();
  }
}
