import type { Handlers, TabProtocol } from '../../utils/messaging';
import type { CardController } from './card-controller';
import type { ContentController } from './content-controller';
import type { HighlightSession } from './highlight-session';
import { fromPageSenseView, toPageSenseView } from './host-sense';
import { adjacentMention, highlightAt, mentionHeads, termOf } from './page-contract';
import { pageForImport } from './page-for-import';

/**
 * What a tab answers to the extension: the keyboard command that toggles highlighting, "On this
 * page" (its terms), moving to the next or previous highlight with its card open, and the sense
 * evidence a top frame shares with its same-origin frames (`takesHostSense`: this is one), and
 * the page itself for the import view's "This page".
 */
export function tabHandlers(
  document: Document,
  session: HighlightSession,
  controller: ContentController,
  cards: CardController,
  takesHostSense: boolean,
): Handlers<TabProtocol> {
  return {
    getPageSense: async () => toPageSenseView(session.ownSense()),
    adoptHostSense: async (sense) => {
      if (takesHostSense) session.adoptHostSense(fromPageSenseView(sense));
      return null;
    },
    toggleHighlighting: async () => ({ active: await controller.toggle() }),
    getPageTerms: async () => controller.pageTerms(),
    pageForImport: async () => pageForImport(document),
    focusHighlight: async ({ direction, termId }) => {
      // On a big page, blocks far from the viewport are not wrapped yet: the move must reach them.
      await session.wrapAllWaiting();
      // Go on from the open card's highlight, or from the one the reader last went to.
      const focused = highlightAt(deepActiveElement(document));
      const heads = mentionHeads(document).filter(
        (head) => termId === undefined || termOf(head) === termId,
      );
      const target = adjacentMention(heads, cards.openFor ?? focused, direction);
      if (!target) return { found: false, index: 0, total: 0 };
      cards.close(false);
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      cards.open(target, 'keyboard', null);
      return { found: true, index: heads.indexOf(target) + 1, total: heads.length };
    },
  };
}

/** The focused element, inside open shadow roots too (the document only sees their host). */
function deepActiveElement(document: Document): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
