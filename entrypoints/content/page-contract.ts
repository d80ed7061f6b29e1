import type { SenseReason } from '../../utils/sense-model';

/**
 * What Pledgemark puts on a page, and how it knows its own: the highlight element and its
 * attributes, and the record of the highlights it made.
 *
 * The page is somebody else's program, so nothing here trusts what the page can write. The
 * highlight element's name has no hyphen: it is never a custom element, so no page can define
 * it or run code on ours. Which elements are highlights, of which term and mention, is kept in a
 * record in the content script's own world, which the page can neither read nor write: an
 * element the page makes with the same tag and attributes opens no card and takes no focus.
 * Attributes stay on the elements as the public contract (styles and tests select on them), but
 * are never read back to decide anything.
 */

/** The highlight element: a plain unknown element to the page, never upgradable. */
export const HIGHLIGHT_ELEMENT = 'pledgemark';
export const HIGHLIGHT_CLASS = 'pledgemark-term';
/** The term a highlight is of (public contract: styles and tests select on it). */
export const TERM_ATTRIBUTE = 'data-pledgemark-term';
/**
 * A mention split across inline elements (`Financial <em>Action</em> Task Force`) is wrapped in
 * several elements; they share this attribute's value, unique per mention on the page.
 */
export const MENTION_ATTRIBUTE = 'data-pledgemark-mention';
/** Pledgemark's own UI on the page carries this attribute. */
export const UI_ATTRIBUTE = 'data-pledgemark-ui';

/**
 * One mention as the highlighter made it: its term, why it was taken in its sense (for an
 * ambiguous alias) and every element it is wrapped in.
 */
interface MadeMention {
  termId: string;
  /** The alias it was found through, by its index in the matcher. */
  aliasIndex: number;
  because: SenseReason | null;
  fragments: HTMLElement[];
}

/** Weakly held: a highlight the page removes is forgotten with it. */
const made = new WeakMap<Element, MadeMention>();
/**
 * The open shadow roots highlights were made in, to step into them: weakly held, so that a root
 * the page drops is forgotten (`knownShadowRoots` keeps each from being listed twice).
 */
const highlightedShadowRoots = new Set<WeakRef<ShadowRoot>>();
const knownShadowRoots = new WeakSet<ShadowRoot>();

/**
 * Records the elements the highlighter wrapped one mention in, in document order. Called by the
 * highlighter only, right after it made them.
 */
export function recordMention(
  termId: string,
  fragments: HTMLElement[],
  because: SenseReason | null = null,
  aliasIndex = -1,
): void {
  const mention: MadeMention = { termId, aliasIndex, because, fragments };
  for (const fragment of fragments) made.set(fragment, mention);
  const root = fragments[0]?.getRootNode();
  if (root && isShadowRoot(root) && !knownShadowRoots.has(root)) {
    knownShadowRoots.add(root);
    highlightedShadowRoots.add(new WeakRef(root));
  }
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The shadow roots with highlights that are still on a page, by their host. */
function shadowRootsByHost(): Map<Element, ShadowRoot> {
  const byHost = new Map<Element, ShadowRoot>();
  for (const reference of highlightedShadowRoots) {
    const root = reference.deref();
    if (!root) highlightedShadowRoots.delete(reference);
    else if (root.host.isConnected) byHost.set(root.host, root);
  }
  return byHost;
}

/** Whether the element is a highlight Pledgemark made (not one the page forged). */
export function isOurHighlight(node: unknown): node is HTMLElement {
  return typeof node === 'object' && node !== null && made.has(node as Element);
}

/** Why the highlight's occurrence was taken in its sense; null if its alias is unambiguous. */
export function senseReasonOf(highlight: Element): SenseReason | null {
  return made.get(highlight)?.because ?? null;
}

/** The alias a highlight Pledgemark made was found through (its index in the matcher), or null. */
export function aliasIndexOf(highlight: Element): number | null {
  const index = made.get(highlight)?.aliasIndex;
  return index === undefined || index < 0 ? null : index;
}

/** The term of a highlight Pledgemark made; null for anything else. */
export function termOf(highlight: Element): string | null {
  return made.get(highlight)?.termId ?? null;
}

/** The highlight Pledgemark made that an event target sits in, if any. */
export function highlightAt(target: EventTarget | Node | null): HTMLElement | null {
  const node = target as Node | null;
  if (!node || typeof (node as Node).nodeType !== 'number') return null;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const highlight = element?.closest(HIGHLIGHT_ELEMENT) ?? null;
  return isOurHighlight(highlight) ? highlight : null;
}

/** An opaque key for the mention a highlight belongs to: one per mention, whatever its fragments. */
export function mentionKey(highlight: Node): object | undefined {
  return made.get(highlight as Element);
}

/** Two fragments of one mention (a phrase split across inline elements) are the same mention. */
export function sameMention(a: Element, b: Element): boolean {
  return a === b || (made.get(a) !== undefined && made.get(a) === made.get(b));
}

/** Every fragment of the mention a highlight belongs to still on the page, in document order. */
export function mentionFragments(highlight: HTMLElement): HTMLElement[] {
  const fragments = made.get(highlight)?.fragments.filter((fragment) => fragment.isConnected);
  return fragments && fragments.length > 0 ? fragments : [highlight];
}

/**
 * The first fragment of each mention Pledgemark made in a document, in the order a reader meets
 * them: those in an open shadow root come where its host is.
 */
export function mentionHeads(document: Document): HTMLElement[] {
  const seen = new Set<MadeMention>();
  const heads: HTMLElement[] = [];
  const rootsByHost = shadowRootsByHost();
  const collect = (tree: Document | ShadowRoot) => {
    const hosts = [...rootsByHost.keys()].filter((host) => host.getRootNode() === tree);
    const items: Element[] = [...tree.querySelectorAll<HTMLElement>(HIGHLIGHT_ELEMENT), ...hosts];
    // DOCUMENT_POSITION_FOLLOWING: b comes after a.
    if (hosts.length > 0) items.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    for (const item of items) {
      const shadowRoot = rootsByHost.get(item);
      if (shadowRoot) {
        collect(shadowRoot);
        continue;
      }
      const mention = made.get(item);
      if (!mention || seen.has(mention)) continue;
      seen.add(mention);
      heads.push(item as HTMLElement);
    }
  };
  collect(document);
  return heads;
}

/**
 * The mention to go to from `current` (or, with none, from the top of the viewport) in the
 * given direction, wrapping around the page's ends.
 */
export function adjacentMention(
  heads: readonly HTMLElement[],
  current: HTMLElement | null,
  direction: 'next' | 'previous',
): HTMLElement | null {
  if (heads.length === 0) return null;
  const index = current ? heads.findIndex((head) => sameMention(head, current)) : -1;
  if (index >= 0) {
    return heads[(index + (direction === 'next' ? 1 : heads.length - 1)) % heads.length]!;
  }
  const below = heads.findIndex((head) => head.getBoundingClientRect().top >= 0);
  if (direction === 'next') return heads[below >= 0 ? below : 0]!;
  return heads[(below > 0 ? below : heads.length) - 1]!;
}
