import { cleanInline } from './clean';
import { splitLines, type SourceLine } from './lines';
import { canNumberHeading, readMarker, type Marker } from './markers';
import { isSpeakerHeading } from './speakers';
import {
  endsOnDanglingWord,
  endsSentence,
  isContentsEntry,
  isTitleCase,
  startsLower,
  wordCaseOf,
  type WordCase,
} from './text-shape';

/** The table a row belongs to, where markup says so. */
export interface TableOrigin {
  id: number;
  caption: string | null;
}

/**
 * A paragraph, heading, list item or table row: the unit the structure stage places. Its lines
 * are joined already (page breaks repaired) and its list marker read.
 */
export interface Block {
  /** [start, end) of the block's content in the text, after its marker. */
  start: number;
  end: number;
  /** Where the block starts with its marker: a heading keeps its number ("I. Background"). */
  markerStart: number;
  marker: Marker | null;
  /** Leading white space of its first line, or its list depth in markup. */
  indent: number;
  /** A heading's level given by markup (HTML h1–h6, Markdown #), else null. */
  level: number | null;
  /** A table row's raw cells (tab-separated in text), else null. */
  cells: string[] | null;
  /** A header row by markup (th cells): no guessing needed. */
  headerRow: boolean;
  /** Which table a row belongs to, where markup says. */
  table: TableOrigin | null;
  /** Structure comes from markup, so the guesses plain text needs (headings, cover pages) are off. */
  fromMarkup: boolean;
  /** The marker comes from list markup (ol, ul), so `indent` is the item's nesting depth. */
  fromList: boolean;
}

/**
 * A block that lines may still join, with what the joining rules look at, kept up to date line
 * by line so that a long paragraph is never scanned again.
 */
interface OpenBlock {
  block: Block;
  /** The cleaned text of its last line. */
  lastLine: string;
  /** Length of its cleaned text. */
  length: number;
  wordCase: WordCase;
  /** Nothing joins onto it: a speaker heading, a label on its own, a speech's title. */
  closed: boolean;
}

const FILE_SIZE_FOOTER = /^\d+(?:[.,]\d+)?\s*[KMG]i?B(?:\s+\d+\s+files?(?:\(s\))?)?$/i;
const PAGE_NUMBER =
  /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const MARKDOWN_HEADING = /^(#{1,6})\s+/;

function isNoise(text: string): boolean {
  return FILE_SIZE_FOOTER.test(text) || PAGE_NUMBER.test(text);
}

/** Could head what follows: the joining rules never run a heading into a paragraph. */
function looksLikeHeading(
  lastLine: string,
  length: number,
  wordCase: WordCase,
  marker: Marker | null,
): boolean {
  if (endsSentence(lastLine)) return false;
  if (marker === null) return length < 40 || isTitleCase(wordCase, length);
  return canNumberHeading(marker) && length <= 150;
}

/**
 * The width plain text was wrapped at, when it was (most lines end near one width and run on
 * into the next line), else null. Text extracted from PDFs and web pages has a line per paragraph.
 */
function wrapWidth(lines: SourceLine[]): number | null {
  const lengths = lines.map((line) => line.text.trimEnd().length);
  const nonEmpty = lengths.filter((length) => length > 0);
  if (nonEmpty.length < 8) return null;
  const sorted = [...nonEmpty].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  if (width < 40 || width > 110) return null;
  let runOn = 0;
  for (let i = 0; i + 1 < lengths.length; i++) {
    if (lengths[i]! >= 0.75 * width && lengths[i + 1]! > 0) runOn++;
  }
  return runOn >= Math.max(3, nonEmpty.length * 0.3) ? width : null;
}

/**
 * Whether a line continues the open block: a page break or a wrap cut the paragraph. The line
 * must start in lower case or follow a dangling word, or both must be body text, not headings.
 */
function continuesBlock(
  open: OpenBlock,
  text: string,
  blankBefore: boolean,
  wrap: number | null,
): boolean {
  if (wrap !== null && !blankBefore && open.lastLine.length >= 0.7 * wrap) return true;
  if (endsSentence(open.lastLine)) return false;
  if (startsLower(text) || endsOnDanglingWord(open.lastLine)) return true;
  if (open.lastLine.endsWith(',')) return false;
  const openHeading = looksLikeHeading(
    open.lastLine,
    open.length,
    open.wordCase,
    open.block.marker,
  );
  return !openHeading && !looksLikeHeading(text, text.length, wordCaseOf(text), null);
}

/**
 * Text → blocks: lines joined into paragraphs across page breaks and wraps, noise left out
 * (page numbers, file-size footers, the title repeated as a running header), markers read and
 * tab-separated lines taken as table rows.
 */
export function readTextBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const wrap = wrapWidth(lines);
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;
  let title: string | null = null;
  let blankBefore = false;
  let afterSpeakerHeading = false;
  let loneMarker: { marker: Marker; start: number; indent: number } | null = null;

  const push = (block: Block, clean: string, closed: boolean) => {
    blocks.push(block);
    open = { block, lastLine: clean, length: clean.length, wordCase: wordCaseOf(clean), closed };
  };

  for (const line of lines) {
    const indent = /^[ \u00a0]*/.exec(line.text)![0].length;
    const content = line.text.slice(indent).trimEnd();
    const clean = cleanInline(content);
    if (clean === '' || isNoise(clean)) {
      blankBefore = true;
      continue;
    }
    if (title === null) title = clean;
    else if (clean === title) {
      // The title printed again as a running header or footer.
      blankBefore = true;
      continue;
    }
    const contentStart = line.start + indent;
    const contentEnd = contentStart + content.length;
    const wasAfterSpeakerHeading = afterSpeakerHeading;
    afterSpeakerHeading = false;

    const cells = content.split('\t');
    if (cells.length > 1 && cells.filter((cell) => cleanInline(cell) !== '').length >= 2) {
      blocks.push({
        start: contentStart,
        end: contentEnd,
        markerStart: contentStart,
        marker: null,
        indent,
        level: null,
        cells,
        headerRow: false,
        table: null,
        fromMarkup: false,
        fromList: false,
      });
      open = null;
      loneMarker = null;
      blankBefore = false;
      continue;
    }

    const markdown = MARKDOWN_HEADING.exec(content);
    if (markdown) {
      push(
        {
          start: contentStart + markdown[0].length,
          end: contentEnd,
          markerStart: contentStart + markdown[0].length,
          marker: null,
          indent,
          level: markdown[1]!.length,
          cells: null,
          headerRow: false,
          table: null,
          fromMarkup: false,
          fromList: false,
        },
        cleanInline(content.slice(markdown[0].length)),
        true,
      );
      loneMarker = null;
      blankBefore = false;
      continue;
    }

    const read = readMarker(content);
    const rest = content.slice(read.length);
    if (read.marker && read.marker.scheme !== 'label' && cleanInline(rest) === '') {
      // A number on a line of its own ("1." then the paragraph): it marks the next line.
      loneMarker = { marker: read.marker, start: contentStart, indent };
      continue;
    }
    const marker = read.marker ?? loneMarker?.marker ?? null;
    const markerStart = read.marker ? contentStart : (loneMarker?.start ?? contentStart);
    const blockIndent = read.marker ? indent : (loneMarker?.indent ?? indent);
    const restClean = cleanInline(rest);
    const labelAlone = read.marker?.scheme === 'label' && restClean === '';
    const speakerHeading = marker === null && isSpeakerHeading(clean);
    const speechTitle =
      wasAfterSpeakerHeading && marker === null && !endsSentence(clean) && clean.length < 150;
    const closed = labelAlone || speakerHeading || speechTitle || isContentsEntry(clean);

    // `open` is assigned inside `push`, which the compiler's narrowing does not see.
    const current = open as OpenBlock | null;
    if (
      current &&
      marker === null &&
      !closed &&
      !current.closed &&
      continuesBlock(current, clean, blankBefore, wrap)
    ) {
      const added = wordCaseOf(clean);
      current.block.end = contentEnd;
      current.lastLine = clean;
      current.length += 1 + clean.length;
      current.wordCase = {
        words: current.wordCase.words + added.words,
        capitalised: current.wordCase.capitalised + added.capitalised,
      };
    } else {
      push(
        {
          start: contentStart + read.length,
          end: contentEnd,
          markerStart,
          marker,
          indent: blockIndent,
          level: null,
          cells: null,
          headerRow: false,
          table: null,
          fromMarkup: false,
          fromList: false,
        },
        labelAlone ? clean : restClean,
        closed,
      );
    }
    afterSpeakerHeading = speakerHeading;
    loneMarker = null;
    blankBefore = false;
  }
  return blocks;
}
