import type { TermMention } from '../../utils/term-matcher';
import { HIGHLIGHT_ELEMENT, UI_ATTRIBUTE } from './page-contract';

/**
 * Reading a page's text for matching. Text is grouped into runs: the text nodes of one block (a
 * paragraph, list item, cell…) joined through inline elements, so that a phrase split across
 * `<a>` or `<em>` is still one phrase, and text in different blocks never runs together.
 */

/** Elements whose text is never read for terms: code, form fields, non-prose, our own marks. */
const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'title',
  'head',
  'iframe',
  'object',
  HIGHLIGHT_ELEMENT,
]);

/** The same rule as `excludesText`, with editable text and Pledgemark's UI, as a selector. */
export const EXCLUDED_SELECTOR = [
  ...EXCLUDED_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  `[${UI_ATTRIBUTE}]`,
].join(', ');

/**
 * Whether an element's text is never read: the same rule as `EXCLUDED_SELECTOR` (which mark.js
 * is given), checked without a selector match, as it runs for every element of the page.
 */
export function excludesText(element: Element): boolean {
  if (EXCLUDED_TAGS.has(element.localName) || element.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Elements that start a new block of text; every other element is treated as inline. By local
 * name, which HTML has in lower case (in XHTML documents too): no case conversion per element.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Block elements that can hold text (a line break or a rule cannot), as a selector. */
export const BLOCK_SELECTOR = [...BLOCK_TAGS]
  .filter((tag) => tag !== 'br' && tag !== 'hr')
  .join(', ');

export interface TextRun {
  /** The block the run's text belongs to: mark.js is scoped to it. */
  block: Element;
  nodes: Text[];
  text: string;
}

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

export function isExcluded(element: Element | null): boolean {
  return element !== null && element.closest(EXCLUDED_SELECTOR) !== null;
}

/** The nearest block ancestor of a node, or the scan's root. */
export function blockOf(node: Node, root: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && element !== root && !isBlock(element)) element = element.parentElement;
  return element;
}

/**
 * Elements that separate the text around them: line breaks and rules ("Task<br>Force"), and
 * footnote markers ("Strategy<sup>2</sup>" is not the word "Strategy2").
 */
const BREAK_TAGS = new Set(['br', 'hr', 'img', 'sup', 'sub']);

/**
 * Walks a subtree (element, document or shadow root) in document order and yields its runs one
 * at a time, so that a caller can stop after any run and resume later. Open shadow roots met on
 * the way are reported to `onShadowRoot` instead of being entered. Block lookups are memoised,
 * so a page nested thousands of levels deep is still read in linear time.
 */
export function* walkRuns(
  root: Node,
  onShadowRoot: (shadowRoot: ShadowRoot) => void = () => {},
): Generator<TextRun, void, undefined> {
  if (root.nodeType === Node.ELEMENT_NODE && isExcluded(root as Element)) return;
  const document = root.ownerDocument ?? (root as Document);
  const rootElement = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
  const blocks = new Map<Element, Element>();
  const nearestBlock = (element: Element): Element => {
    const path: Element[] = [];
    let current: Element | null = element;
    let block: Element | undefined;
    while (current && current !== rootElement && !isBlock(current)) {
      block = blocks.get(current);
      if (block) break;
      path.push(current);
      current = current.parentElement;
    }
    block ??= current ?? rootElement ?? element;
    for (const visited of path) blocks.set(visited, block);
    return block;
  };
  let broken = false;
  // A plain walker, no filter callback: excluded subtrees are skipped by hand, which is cheaper
  // than a call into script for every node of the page.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: TextRun | null = null;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType !== Node.TEXT_NODE) {
      const element = node as Element;
      if (excludesText(element)) {
        // Text on either side of an existing highlight is not one phrase.
        if (element.localName === HIGHLIGHT_ELEMENT) broken = true;
        node = nextOutsideSubtree(walker);
        continue;
      }
      if (BREAK_TAGS.has(element.localName)) broken = true;
      if (element.shadowRoot) onShadowRoot(element.shadowRoot);
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    node = walker.nextNode();
    const parent = text.parentElement;
    if (!parent) continue;
    const block = nearestBlock(parent);
    if (
      current &&
      current.block === block &&
      !broken &&
      !isLayoutBoundary(current.nodes.at(-1)!, current.text, text)
    ) {
      current.nodes.push(text);
      current.text += text.data;
      continue;
    }
    broken = false;
    if (current && /\S/.test(current.text)) yield current;
    current = { block, nodes: [text], text: text.data };
  }
  if (current && /\S/.test(current.text)) yield current;
}

/** A letter or digit, in any script: where two meet, joining the text makes one word of them. */
const WORD_EDGE = /[\p{L}\p{N}]/u;
/** Computed displays that keep text on the line it shares with its neighbours. */
const INLINE_DISPLAYS = new Set(['inline', 'contents', 'ruby', 'ruby-text']);

/**
 * Whether the layout separates two adjacent text nodes of one block that would otherwise run
 * into one word (a time stamp and a headline in sibling spans of a flex row: "12:05FATF…"). Read
 * from computed styles only where a letter or digit meets another across elements, which is
 * rare in prose, so the page's styles are rarely consulted.
 */
function isLayoutBoundary(previous: Text, previousText: string, next: Text): boolean {
  if (previous.parentElement === next.parentElement) return false;
  if (!WORD_EDGE.test(previousText.at(-1) ?? '') || !WORD_EDGE.test(next.data[0] ?? '')) {
    return false;
  }
  const view = next.ownerDocument.defaultView;
  if (!view) return false;
  const separates = (from: Element | null, common: Node) => {
    for (
      let element = from;
      element && !element.contains(common);
      element = element.parentElement
    ) {
      // An unknown display (a document without styles) separates nothing.
      const { display } = view.getComputedStyle(element);
      if (display && !INLINE_DISPLAYS.has(display)) return true;
    }
    return false;
  };
  const common = commonAncestor(previous, next);
  if (!common) return false;
  return separates(previous.parentElement, common) || separates(next.parentElement, common);
}

function commonAncestor(a: Node, b: Node): Node | null {
  const range = a.ownerDocument!.createRange();
  range.setStartBefore(a);
  range.setEndAfter(b);
  return range.commonAncestorContainer;
}

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
function nextOutsideSubtree(walker: TreeWalker): Node | null {
  let sibling = walker.nextSibling();
  while (!sibling) {
    if (!walker.parentNode()) return null;
    sibling = walker.nextSibling();
  }
  return sibling;
}

export interface BlockRange<M extends TermMention = TermMention> {
  start: number;
  length: number;
  termId: string;
  /** The mention the range is of. */
  of: M;
}

/**
 * Translates runs' mention offsets into offsets in the text mark.js sees for their block: the
 * concatenation of every text node under the block whose parent is not excluded. One walk of the
 * block serves all its runs.
 */
export function toBlockRanges<M extends TermMention>(
  block: Element,
  runs: readonly { run: TextRun; mentions: readonly M[] }[],
): BlockRange<M>[] {
  const startOf = new Map<Text, number>();
  const firstNodes = new Set(runs.map(({ run }) => run.nodes[0]));
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && excludesText(node.parentElement)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (firstNodes.has(node)) {
      startOf.set(node, offset);
      if (startOf.size === firstNodes.size) break;
    }
    offset += node.data.length;
  }
  return runs.flatMap(({ run, mentions }) => {
    const runStart = startOf.get(run.nodes[0]!);
    if (runStart === undefined) return [];
    return mentions.map((mention) => ({
      start: runStart + mention.start,
      length: mention.end - mention.start,
      termId: mention.termId,
      of: mention,
    }));
  });
}

/** Whether a run still reads as it did when it was matched (dynamic pages change under us). */
export function isRunIntact(run: TextRun): boolean {
  let text = '';
  for (const node of run.nodes) {
    if (!node.isConnected || node.parentElement?.closest(HIGHLIGHT_ELEMENT)) return false;
    text += node.data;
  }
  return text === run.text;
}
