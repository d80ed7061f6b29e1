import type { SegmentedDocument } from '../segmenter/types';

/**
 * A PDF's text as a reader reads it: the text pieces pdf.js gives for each page (strings at
 * positions, in whatever order the file wrote them) put into lines, columns and paragraphs, with
 * running headers, footers and page numbers left out, and each page's place in the text kept so
 * that a passage's locator can say which page it is on. Pure: pdf.js is not needed here.
 */

/** One piece of text on a page, in PDF space (points, y upwards from the bottom). */
export interface PdfTextPiece {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /**
   * Set upright, not turned: a diagonal watermark ("DRAFT") or a turned table heading is left
   * out rather than cut into the paragraphs around it.
   */
  upright: boolean;
}

export interface PdfPageText {
  /** 1 for the first page. */
  pageNumber: number;
  pieces: PdfTextPiece[];
}

/** A run of text on one baseline, with no wide gap in it (a column's line, a table cell). */
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  /** Whether it is the only line on its baseline (a page number is; a table's cell is not). */
  alone: boolean;
}

/** More horizontal space than this (in ems) between two pieces on a line parts them. */
const PART_GAP_EM = 1.5;
/** A gap wider than this (in ems) between pieces is a space even where the PDF wrote none. */
const SPACE_GAP_EM = 0.15;
/** Lines narrower than this share of the text's width may be a column's. */
const COLUMN_LINE_SHARE = 0.6;
/** A column of text is at least this many ems wide (a newsletter's narrowest is about 15). */
const MIN_COLUMN_EMS = 12;
/** Most lines of a column of text run at least this share of its width. */
const COLUMN_FILL = 0.6;
/** A column holds at least this many lines; fewer beside a gap are a table or a margin note. */
const MIN_COLUMN_LINES = 3;
/** A vertical gap over this many times the usual line spacing starts a paragraph. */
const PARAGRAPH_GAP = 1.4;
/** A line this much larger or smaller than the one before is a heading, or ends one. */
const FONT_CHANGE = 1.15;
/** Text that ends a sentence, or a list item. */
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;
/** A numbered or bulleted paragraph's start: "12.", "(a)", "iv)", "•". */
const STARTS_ITEM = /^(\(?\d{1,3}[.)]\s|\(?[a-z]{1,4}\)\s|[•▪◦‣–-]\s)/;

/** The lines of a page: pieces on one baseline joined, and parted where a wide gap is. */
function pageLines(pieces: readonly PdfTextPiece[]): Line[] {
  const sorted = pieces
    .filter(
      (piece) =>
        piece.text.trim() !== '' &&
        piece.upright &&
        [piece.x, piece.y, piece.width, piece.fontSize].every(Number.isFinite) &&
        piece.fontSize > 0,
    )
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    // Same baseline: within a third of the font size (superscripts ride a little higher).
    if (row && Math.abs(row[0]!.y - piece.y) <= Math.max(row[0]!.fontSize, piece.fontSize) / 3) {
      row.push(piece);
    } else {
      rows.push([piece]);
    }
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const first = lines.length;
    let line: Line | null = null;
    for (const piece of row) {
      const gap = line ? piece.x - line.x1 : 0;
      const em = Math.max(piece.fontSize, line?.fontSize ?? 0);
      if (!line || gap > PART_GAP_EM * em) {
        line = {
          text: piece.text,
          x0: piece.x,
          x1: piece.x + piece.width,
          y: piece.y,
          fontSize: piece.fontSize,
          alone: true,
        };
        lines.push(line);
        continue;
      }
      const spaced = /\s$/.test(line.text) || /^\s/.test(piece.text);
      line.text += !spaced && gap > SPACE_GAP_EM * em ? ` ${piece.text}` : piece.text;
      line.x1 = Math.max(line.x1, piece.x + piece.width);
      line.fontSize = Math.max(line.fontSize, piece.fontSize);
    }
    if (lines.length - first > 1) for (const parted of lines.slice(first)) parted.alone = false;
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines;
}

/**
 * Lines in reading order. Where narrow lines leave a vertical gap free across the page (a
 * gutter), the page has columns: lines wider than a column (a title, a full-width table) part it
 * into bands, and each band is read column by column, left first. Columns within a column (three
 * on a page) are found the same way.
 */
function readingOrder(lines: Line[], depth = 0): Line[] {
  const byHeight = (a: Line, b: Line) => b.y - a.y || a.x0 - b.x0;
  const gutter = depth < 3 ? findGutter(lines) : null;
  if (gutter === null) return [...lines].sort(byHeight);
  const ordered: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    const left = band.filter((line) => line.x1 <= gutter);
    const right = band.filter((line) => line.x0 >= gutter);
    ordered.push(...readingOrder(left, depth + 1), ...readingOrder(right, depth + 1));
    band = [];
  };
  for (const line of [...lines].sort(byHeight)) {
    if (line.x0 < gutter && line.x1 > gutter) {
      flush();
      ordered.push(line);
    } else {
      band.push(line);
    }
  }
  flush();
  return ordered;
}

/** The x of the widest vertical gap that no column-wide line crosses, with columns both sides. */
function findGutter(lines: readonly Line[]): number | null {
  if (lines.length < 2 * MIN_COLUMN_LINES) return null;
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const narrow = lines.filter((line) => line.x1 - line.x0 < COLUMN_LINE_SHARE * (right - left));
  const spans = narrow.map((line) => [line.x0, line.x1] as const).sort((a, b) => a[0] - b[0]);
  const em = median(lines.map((line) => line.fontSize));
  let best: { at: number; width: number } | null = null;
  let reach = spans[0]?.[1] ?? right;
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach > em && (best === null || x0 - reach > best.width)) {
      const at = (reach + x0) / 2;
      const leftLines = narrow.filter((line) => line.x1 <= at);
      const rightLines = narrow.filter((line) => line.x0 >= at);
      if (isColumn(leftLines) && isColumn(rightLines)) best = { at, width: x0 - reach };
    }
    reach = Math.max(reach, x1);
  }
  return best?.at ?? null;
}

/**
 * Whether lines beside a gap are a column of text: enough of them, wide enough for prose, most
 * running the column's width. A table's cells are read row by row instead.
 */
function isColumn(lines: readonly Line[]): boolean {
  if (lines.length < MIN_COLUMN_LINES) return false;
  const span =
    Math.max(...lines.map((line) => line.x1)) - Math.min(...lines.map((line) => line.x0));
  const em = median(lines.map((line) => line.fontSize));
  return (
    span >= MIN_COLUMN_EMS * em &&
    median(lines.map((line) => line.x1 - line.x0)) >= COLUMN_FILL * span
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Whether `next` starts a paragraph of its own after `previous`, in reading order. */
function startsParagraph(previous: Line, next: Line, spacing: number, columnWidth: number) {
  const larger = Math.max(previous.fontSize, next.fontSize);
  const smaller = Math.min(previous.fontSize, next.fontSize);
  if (larger / smaller > FONT_CHANGE) return true;
  if (STARTS_ITEM.test(next.text)) return true;
  const drop = previous.y - next.y;
  // Upwards (the next column) or far down: a paragraph goes on only mid-sentence.
  if (drop <= 0 || drop > PARAGRAPH_GAP * spacing) {
    return ENDS_SENTENCE.test(previous.text) || !/^[\p{Ll}]/u.test(next.text);
  }
  // A short line that ends a sentence ends its paragraph, gap or none.
  return ENDS_SENTENCE.test(previous.text) && previous.x1 - previous.x0 < 0.75 * columnWidth;
}

/**
 * The usual distance between one baseline and the next on a page: the most common one (lines
 * within paragraphs share it; gaps between paragraphs vary), or, with too few lines to tell, a
 * little more than the type's size.
 */
function lineSpacing(lines: readonly Line[]): number {
  const drops = lines
    .slice(1)
    .map((line, i) => Math.round((lines[i]!.y - line.y) * 2) / 2)
    .filter((drop) => drop > 0);
  if (drops.length < 3) return 1.2 * median(lines.map((line) => line.fontSize));
  const counts = new Map<number, number>();
  for (const drop of drops) counts.set(drop, (counts.get(drop) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** A line's text with its digits as one mark: page 3's footer reads as page 4's. */
const shapeOf = (text: string) => text.replace(/\d+/g, '#').toLowerCase();
/** "12", "Page 3 of 40", "- 7 -", "iv": a page number, when it stands alone at a page's edge. */
const PAGE_NUMBER =
  /^(page\s+)?(\d{1,4}|(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3}))(\s*(of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

/**
 * The lines that repeat at the top or the bottom of pages (running headers and footers, page
 * numbers): left out of the text, where they would cut paragraphs in two.
 */
function runningLines(pages: readonly Line[][]): Set<Line> {
  const edges = pages.map((lines) => {
    const sorted = [...lines].sort((a, b) => b.y - a.y);
    return [...sorted.slice(0, 2), ...sorted.slice(-2)];
  });
  const seen = new Map<string, number>();
  for (const lines of edges) {
    for (const shape of new Set(lines.map((line) => shapeOf(line.text)))) {
      seen.set(shape, (seen.get(shape) ?? 0) + 1);
    }
  }
  const repeated = (line: Line) => {
    const count = seen.get(shapeOf(line.text)) ?? 0;
    return pages.length >= 3 && count >= Math.max(3, pages.length / 2);
  };
  return new Set(
    edges.flat().filter((line) => (line.alone && PAGE_NUMBER.test(line.text)) || repeated(line)),
  );
}

export interface PdfText {
  /** The paragraphs of every page, a blank line between each. */
  text: string;
  /** Where each page's text starts (UTF-16 offsets), for the pages that have text. */
  pageStarts: { pageNumber: number; offset: number }[];
  /** Pages with no text on them (scanned, or blank). */
  pagesWithoutText: number[];
}

/** The document's text in reading order, paragraph by paragraph, each page's start kept. */
export function pdfText(pages: readonly PdfPageText[]): PdfText {
  const linesOfPages = pages.map((page) => pageLines(page.pieces));
  const running = runningLines(linesOfPages);
  const paragraphs: string[] = [];
  const pageStarts: PdfText['pageStarts'] = [];
  const pagesWithoutText: number[] = [];
  let length = 0;
  let last: Line | null = null;
  let lastSpacing = 0;
  for (const [i, page] of pages.entries()) {
    const lines = readingOrder(linesOfPages[i]!.filter((line) => !running.has(line)));
    if (lines.length === 0) {
      pagesWithoutText.push(page.pageNumber);
      continue;
    }
    const spacing = lineSpacing(lines);
    const width = Math.max(...lines.map((line) => line.x1 - line.x0));
    // A table's row: lines side by side on one baseline, next to each other in reading order.
    const besidePrevious = lines.map((line, j) => j > 0 && sameRow(lines[j - 1]!, line));
    const inRow = (j: number) => besidePrevious[j] === true || besidePrevious[j + 1] === true;
    for (const [j, line] of lines.entries()) {
      // A row's cells make one paragraph, a row of its own. Across a page break a paragraph goes
      // on only mid-sentence, as across columns.
      const continues =
        last !== null &&
        (besidePrevious[j]! ||
          (!inRow(j) &&
            !inRow(j - 1) &&
            (j === 0
              ? !ENDS_SENTENCE.test(last.text) &&
                /^\p{Ll}/u.test(line.text) &&
                last.fontSize === line.fontSize
              : !startsParagraph(last, line, Math.max(spacing, lastSpacing), width))));
      const joined =
        !continues || joinsWithoutSpace(last!.text, line.text) ? line.text : ` ${line.text}`;
      const separator = !continues && paragraphs.length > 0 ? 2 : 0;
      if (j === 0) pageStarts.push({ pageNumber: page.pageNumber, offset: length + separator });
      if (continues) paragraphs[paragraphs.length - 1] += joined;
      else paragraphs.push(joined);
      length += separator + joined.length;
      last = line;
    }
    lastSpacing = spacing;
  }
  return { text: paragraphs.join('\n\n'), pageStarts, pagesWithoutText };
}

/** Whether `next` stands right of `line` on its baseline: the next cell of a table's row. */
function sameRow(line: Line, next: Line): boolean {
  return (
    Math.abs(line.y - next.y) <= Math.max(line.fontSize, next.fontSize) / 3 && next.x0 >= line.x1
  );
}

/**
 * Whether two lines of a paragraph join with no space: after a hyphen (kept: "counter-" and
 * "terrorism"), and between Chinese or Japanese characters, which have none.
 */
function joinsWithoutSpace(before: string, after: string): boolean {
  return before.endsWith('-') || (CJK.test(before.at(-1) ?? '') && CJK.test(after[0] ?? ''));
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** The page a text offset is on: the last page starting at or before it. */
export function pageAt(pageStarts: PdfText['pageStarts'], offset: number): number {
  let page = pageStarts[0]?.pageNumber ?? 1;
  for (const start of pageStarts) {
    if (start.offset > offset) break;
    page = start.pageNumber;
  }
  return page;
}

/** A passage's locator with its page: "Para. 12" on page 4 is "p. 4, para. 12". */
export function pageLocator(page: number, locator: string): string {
  return `p. ${page}, ${locator.replace(/^Para\./, 'para.')}`;
}

/** A segmented PDF's passages, each cited with the page it starts on. */
export function withPageLocators(
  document: SegmentedDocument,
  pageStarts: PdfText['pageStarts'],
): SegmentedDocument {
  return {
    ...document,
    passages: document.passages.map((passage) => ({
      ...passage,
      locator: pageLocator(pageAt(pageStarts, passage.range[0]), passage.locator),
    })),
  };
}
