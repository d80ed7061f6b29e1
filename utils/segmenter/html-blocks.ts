import type { Block, TableOrigin } from './blocks';
import { readMarker, type Marker } from './markers';
import { runSteps, segmentBlocks } from './segment';
import type { SegmentedDocument, SegmentOptions, SegmentProgress } from './types';

/**
 * HTML → blocks: the one part of the segmenter that needs the DOM (a parsed `Document`, or
 * `DOMParser` for a string), kept apart so everything else can run in a worker. Headings,
 * paragraphs, list items and table rows become blocks, their structure taken from the markup;
 * the text the blocks' ranges point into is built alongside, a block per paragraph.
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never content: scripts, styles, navigation, forms, media and the like. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'MAP',
  'DIALOG',
  'MENU',
  'HEAD',
]);
const SKIPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alert',
]);
/** Elements that end the paragraph before them and start their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'HEADER',
  'HR',
  'MAIN',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
]);
const HEADING = /^H([1-6])$/;

function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (SKIPPED_ROLES.has(element.getAttribute('role') ?? '')) return true;
  if (/display\s*:\s*none/i.test(element.getAttribute('style') ?? '')) return true;
  // A page's own header and footer, not an article's.
  const pageFurniture = element.tagName === 'HEADER' || element.tagName === 'FOOTER';
  return pageFurniture && !element.parentElement?.closest('article, main');
}

function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads a document's content into blocks and the text they point into. */
class HtmlReader {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];
  private inline: string[] = [];
  private readonly lists: { ordered: boolean; next: number }[] = [];
  /** The marker of the list item whose first paragraph is still to come. */
  private itemMarker: Marker | null = null;
  private tables = 0;

  text(): string {
    return this.parts.join('');
  }

  private append(text: string): number {
    if (this.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return start;
  }

  private addBlock(
    text: string,
    details: { level?: number; cells?: string[]; headerRow?: boolean; table?: TableOrigin },
  ): void {
    const start = this.append(text);
    const read = details.cells ? { marker: null, length: 0 } : readMarker(text);
    const listMarker = this.itemMarker;
    this.itemMarker = null;
    this.blocks.push({
      start: start + read.length,
      end: start + text.length,
      markerStart: start,
      marker: read.marker ?? listMarker,
      indent: Math.max(0, this.lists.length - 1),
      level: details.level ?? null,
      cells: details.cells ?? null,
      headerRow: details.headerRow ?? false,
      table: details.table ?? null,
      fromMarkup: true,
      fromList: read.marker === null && listMarker !== null,
    });
  }

  private flush(): void {
    const text = folded(this.inline.join(''));
    this.inline = [];
    if (text !== '') this.addBlock(text, {});
  }

  /** The text of an element's content, skipped elements left out. */
  private inlineText(element: Element): string {
    const pieces: string[] = [];
    const collect = (node: Node) => {
      if (node.nodeType === TEXT_NODE) pieces.push(node.nodeValue ?? '');
      else if (node.nodeType === ELEMENT_NODE && !isSkipped(node as Element)) {
        if ((node as Element).tagName === 'BR') pieces.push(' ');
        node.childNodes.forEach(collect);
      }
    };
    collect(element);
    return folded(pieces.join(' '));
  }

  visit(node: Node): void {
    if (node.nodeType === TEXT_NODE) {
      this.inline.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (isSkipped(element)) return;
    const tag = element.tagName;
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush();
      const text = this.inlineText(element);
      if (text !== '') this.addBlock(text, { level: Number(heading[1]) });
    } else if (tag === 'TABLE') {
      this.flush();
      this.readTable(element as HTMLTableElement);
    } else if (tag === 'UL' || tag === 'OL') {
      this.flush();
      const start = Number(element.getAttribute('start') ?? '1');
      this.lists.push({ ordered: tag === 'OL', next: Number.isFinite(start) ? start : 1 });
      element.childNodes.forEach((child) => this.visit(child));
      this.flush();
      this.lists.pop();
    } else if (tag === 'LI') {
      this.flush();
      this.itemMarker = this.nextListMarker();
      element.childNodes.forEach((child) => this.visit(child));
      this.flush();
      this.itemMarker = null;
    } else if (tag === 'BR') {
      this.inline.push(' ');
    } else if (BLOCK_TAGS.has(tag)) {
      this.flush();
      element.childNodes.forEach((child) => this.visit(child));
      this.flush();
    } else {
      element.childNodes.forEach((child) => this.visit(child));
    }
  }

  private nextListMarker(): Marker {
    const list = this.lists.at(-1);
    const base = { upper: false, ambiguous: false, bulleted: false };
    if (!list?.ordered) return { scheme: 'bullet', value: '•', style: 'plain', ...base };
    return { scheme: 'number', value: String(list.next++), style: 'dot', ...base };
  }

  private readTable(table: HTMLTableElement): void {
    const captionElement = table.caption;
    const caption = captionElement ? this.inlineText(captionElement) || null : null;
    const origin: TableOrigin = { id: ++this.tables, caption };
    for (const row of Array.from(table.rows)) {
      const cells = Array.from(row.cells).map((cell) => this.inlineText(cell));
      const filled = cells.filter((cell) => cell !== '');
      if (filled.length === 0) continue;
      if (filled.length === 1) {
        this.addBlock(filled[0]!, {});
        continue;
      }
      const headerRow =
        row.parentElement?.tagName === 'THEAD' ||
        Array.from(row.cells).every((cell) => cell.tagName === 'TH');
      this.addBlock(cells.join('\t'), { cells, headerRow, table: origin });
    }
  }
}

/** The part of a page that holds its content: its `main`, its only `article`, else its body. */
function contentRoot(document: Document): Element {
  const main = document.querySelector('main');
  if (main) return main;
  const articles = document.querySelectorAll('article');
  if (articles.length === 1) return articles[0]!;
  return document.body ?? document.documentElement;
}

export function readHtmlBlocks(input: Document | string): { text: string; blocks: Block[] } {
  const document =
    typeof input === 'string' ? new DOMParser().parseFromString(input, 'text/html') : input;
  const reader = new HtmlReader();
  reader.visit(contentRoot(document));
  return { text: reader.text(), blocks: reader.blocks };
}

/** An HTML document → passages, in steps. */
export function* segmentHtmlSteps(
  input: Document | string,
  options: SegmentOptions,
): Generator<SegmentProgress, SegmentedDocument, void> {
  const { text, blocks } = readHtmlBlocks(input);
  return yield* segmentBlocks(text, blocks, options);
}

/** An HTML document → passages; their ranges point into the returned `text`. */
export function segmentHtml(input: Document | string, options: SegmentOptions): SegmentedDocument {
  return runSteps(segmentHtmlSteps(input, options), options.onProgress);
}
