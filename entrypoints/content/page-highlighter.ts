import Mark from 'mark.js';
import type { TermMatcher, TermMention } from '../../utils/term-matcher';

/** The public contract of a highlight: tests and later features select on it. */
export const TERM_ATTRIBUTE = 'data-pledgemark-term';
export const HIGHLIGHT_ELEMENT = 'pledgemark-term';
export const HIGHLIGHT_CLASS = 'pledgemark-term';

/** Never highlighted: code, form fields, editable text and whatever is not prose. */
export const EXCLUDED_SELECTOR = [
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
  '[contenteditable]',
  'svg',
  'math',
  'title',
  'head',
  HIGHLIGHT_ELEMENT,
  '[data-pledgemark-ui]',
].join(', ');

const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'LABEL',
]);

interface Run {
  block: Element;
  nodes: Text[];
}

interface MarkRange {
  start: number;
  length: number;
  termId: string;
}

/**
 * Owns mark.js. Text is read block by block (a paragraph, list item, cell…), so that a phrase
 * split across inline elements is still one mention; each block's mentions are wrapped by one
 * `markRanges` call scoped to that block, which keeps mark.js linear in the page size.
 */
export class PageHighlighter {
  constructor(
    private readonly root: Element,
    private readonly matcher: TermMatcher,
  ) {}

  /** Highlights the whole subtree and returns how often each term was found. */
  highlight(): Map<string, number> {
    const runs = collectRuns(this.root);
    const texts = runs.map(runText);
    // A term named unambiguously anywhere on the page confirms its ambiguous aliases.
    const confirmed = this.matcher.confirmedTerms(texts);
    const counts = new Map<string, number>();
    const rangesByBlock = new Map<Element, MarkRange[]>();
    runs.forEach((run, i) => {
      const mentions = this.matcher.findMentions(texts[i]!, confirmed);
      if (mentions.length === 0) return;
      const ranges = rangesByBlock.get(run.block) ?? [];
      ranges.push(...toBlockRanges(run, mentions));
      rangesByBlock.set(run.block, ranges);
    });
    for (const [block, ranges] of rangesByBlock) {
      new Mark(block as HTMLElement).markRanges(ranges, {
        element: HIGHLIGHT_ELEMENT,
        className: HIGHLIGHT_CLASS,
        exclude: [EXCLUDED_SELECTOR],
        each: (element, range) => {
          const termId = (range as MarkRange).termId;
          element.setAttribute(TERM_ATTRIBUTE, termId);
        },
      });
      for (const range of ranges) counts.set(range.termId, (counts.get(range.termId) ?? 0) + 1);
    }
    return counts;
  }

  /** Removes every highlight and merges the text nodes back as they were. */
  unhighlight(): void {
    new Mark(this.root as HTMLElement).unmark({
      element: HIGHLIGHT_ELEMENT,
      className: HIGHLIGHT_CLASS,
    });
  }
}

function runText(run: Run): string {
  return run.nodes.map((node) => node.data).join('');
}

function isExcluded(element: Element | null): boolean {
  return element !== null && element.closest(EXCLUDED_SELECTOR) !== null;
}

function blockOf(node: Text, root: Element): Element {
  let element = node.parentElement;
  while (element && element !== root && INLINE_TAGS.has(element.tagName)) {
    element = element.parentElement;
  }
  return element ?? root;
}

/** Groups the subtree's visible text nodes into runs of inline text within one block. */
function collectRuns(root: Element): Run[] {
  const runs: Run[] = [];
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      isExcluded(node.parentElement) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let current: Run | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = blockOf(node, root);
    if (current && current.block === block && isInlineIn(node, block)) {
      current.nodes.push(node);
    } else {
      current = { block, nodes: [node] };
      runs.push(current);
    }
  }
  return runs;
}

/** Whether a text node sits in its block through inline elements only. */
function isInlineIn(node: Text, block: Element): boolean {
  for (
    let element = node.parentElement;
    element && element !== block;
    element = element.parentElement
  ) {
    if (!INLINE_TAGS.has(element.tagName)) return false;
  }
  return true;
}

/**
 * Translates a run's mention offsets into offsets in the text mark.js sees for the block: the
 * concatenation of every text node under the block whose parent is not excluded.
 */
function toBlockRanges(run: Run, mentions: TermMention[]): MarkRange[] {
  const walker = run.block.ownerDocument.createTreeWalker(run.block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.matches(EXCLUDED_SELECTOR)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let offset = 0;
  const first = run.nodes[0];
  for (
    let node = walker.nextNode() as Text | null;
    node && node !== first;
    node = walker.nextNode() as Text | null
  ) {
    offset += node.data.length;
  }
  return mentions.map((mention) => ({
    start: offset + mention.start,
    length: mention.end - mention.start,
    termId: mention.termId,
  }));
}
