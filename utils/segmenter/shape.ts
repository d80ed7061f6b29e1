import type { Block } from './blocks';
import { isChapeau, opensImperative, opensOperative, opensPreambular } from './lexicon';
import { canNumberHeading, labelWord } from './markers';
import { isSpeakerHeading } from './speakers';
import {
  endsClause,
  endsOnDanglingWord,
  isAllCaps,
  isContentsHeading,
  isDateLine,
  isFieldLine,
  isTitleLike,
  startsLower,
} from './text-shape';

/**
 * The shape of a document, read from its blocks before they are placed: which blocks are
 * headings, where the front matter ends, and whether it is a resolution (header, chapeau,
 * preamble, operative part).
 */

/** A block's cleaned text: `content` after its marker, `full` with it ("I. Background"). */
export interface BlockText {
  content: string;
  full: string;
}

export interface HeadingShape {
  /** Headings of one style are siblings; a heading of a style not yet open nests. */
  style: string;
  /** Numbered or labelled: never nested inside an unnumbered heading. */
  numbered: boolean;
  /** The level markup gives (h1–h6, Markdown #), else null. */
  level: number | null;
  /** Its part of a locator: "Section IV", "Goal 1", "Port Security". */
  segment: string;
  label: boolean;
  /** Its entry in section paths: the heading as written. */
  pathEntry: string;
  /** The title without number or label, which names what the heading holds. */
  title: string;
  /** A label alone ("Objective 3:") labels the paragraph after it. */
  labelsNext: boolean;
}

function numberedSegment(block: Block): string {
  const marker = block.marker!;
  return marker.scheme === 'label' ? marker.value : `Section ${marker.value}`;
}

function numberedStyle(block: Block): string {
  const marker = block.marker!;
  if (marker.scheme === 'label') return `label:${labelWord(marker)}`;
  if (marker.scheme === 'roman') return 'roman';
  if (marker.scheme === 'letter') return 'alpha';
  return `number:${marker.value.split('.').length}`;
}

/** The block as a heading, or null when it is not one. */
export function headingShape(block: Block, text: BlockText): HeadingShape | null {
  if (block.cells) return null;
  const { content, full } = text;
  const marker = block.marker;
  if (marker?.scheme === 'label' && content === '') {
    return {
      style: `label:${labelWord(marker)}`,
      numbered: true,
      level: block.level,
      segment: marker.value,
      label: true,
      pathEntry: marker.value,
      title: '',
      labelsNext: true,
    };
  }
  if (block.level !== null) {
    const numbered = marker !== null && canNumberHeading(marker);
    return {
      style: `h${block.level}`,
      numbered,
      level: block.level,
      segment: numbered ? numberedSegment(block) : contentsOrText(full),
      label: numbered,
      pathEntry: full,
      title: numbered ? content : full,
      labelsNext: false,
    };
  }
  if (
    block.fromMarkup ||
    content === '' ||
    endsClause(content) ||
    endsOnDanglingWord(content) ||
    startsLower(content)
  ) {
    return null;
  }
  if (marker) {
    if (!canNumberHeading(marker)) return null;
    // "Objective 1: Reduce …" states an item; "Pillar 1: Prevention" heads a section.
    if (marker.scheme === 'label' && opensImperative(content)) return null;
    const byNumber = marker.scheme === 'number' || marker.scheme === 'decimal';
    const titled = isTitleLike(content) || content.length < 40;
    if (byNumber ? !titled || content.length > 100 : content.length > 150) return null;
    return {
      style: numberedStyle(block),
      numbered: true,
      level: null,
      segment: numberedSegment(block),
      label: true,
      pathEntry: full,
      title: content,
      labelsNext: false,
    };
  }
  if (isDateLine(content) || isFieldLine(content) || isSpeakerHeading(content)) return null;
  const short = content.length < 40;
  if (!short && !((isTitleLike(content) || isAllCaps(content)) && content.length <= 100)) {
    return null;
  }
  return {
    style: isAllCaps(content) ? 'caps' : 'plain',
    numbered: false,
    level: null,
    segment: contentsOrText(content),
    label: false,
    pathEntry: contentsOrText(content),
    title: content,
    labelsNext: false,
  };
}

function contentsOrText(text: string): string {
  return isContentsHeading(text) ? 'Contents' : text;
}

/** Section names that head a document's first part, so a first line with one is no title. */
const SECTION_NAME =
  /(?:^|\s)(?:Introduction|Background|Summary|Executive Summary|Overview|Preface|Foreword|Preamble|Purpose|Scope|Mission(?: Statement)?|Vision(?: Statement)?|Objectives|Goals|Principles|Context|Conclusions?|Recommendations|Acknowledge?ments|Abstract|Contents|Annex(?:es)?|Appendix)$/i;

export interface FrontMatter {
  /** A lone title line, or -1. */
  title: number;
  /** Cover-page lines are [0, coverEnd) when there are several. */
  coverEnd: number;
  /** The heading that closes the front matter ("Introduction", "CONTENTS"), or -1. */
  heading: number;
  /** The first block after the front matter. */
  end: number;
}

/** A short line that is neither a sentence nor a list item: a header's or a cover page's. */
function isHeaderLine(block: Block, text: BlockText): boolean {
  const { content } = text;
  return (
    block.cells === null &&
    block.marker === null &&
    content !== '' &&
    content.length <= 150 &&
    !endsClause(content) &&
    !isSpeakerHeading(content) &&
    !isChapeau(content)
  );
}

/** A cover page's line: a header line that markup does not already call a heading. */
function isShortLine(block: Block, text: BlockText): boolean {
  return block.level === null && !block.fromMarkup && isHeaderLine(block, text);
}

/** A cover line that can head the body: a name ("Introduction"), not a date or a place and date. */
function canHead(text: string): boolean {
  return (
    !/\d/.test(text) &&
    !isFieldLine(text) &&
    (text.length < 40 || isTitleLike(text) || isAllCaps(text))
  );
}

/**
 * The lines before the body. One line is the title (unless it is a section name, "Our
 * Mission Statement"); several are a cover page, whose last line heads the body when body text
 * follows it ("Introduction" before a paragraph, "CONTENTS" before its entries).
 */
export function frontMatterOf(
  blocks: Block[],
  texts: BlockText[],
  isHeading: (index: number) => boolean,
): FrontMatter {
  const markupTitle = markupTitleOf(blocks);
  if (markupTitle >= 0)
    return { title: markupTitle, coverEnd: 0, heading: -1, end: markupTitle + 1 };
  let end = 0;
  while (end < blocks.length && isShortLine(blocks[end]!, texts[end]!)) end++;
  if (end === 0) return { title: -1, coverEnd: 0, heading: -1, end: 0 };
  const bodyFollows = end < blocks.length && !isHeading(end);
  const last = texts[end - 1]!.content;
  if (end === 1) {
    return bodyFollows && SECTION_NAME.test(last)
      ? { title: -1, coverEnd: 0, heading: 0, end }
      : { title: 0, coverEnd: 0, heading: -1, end };
  }
  const heading = bodyFollows && canHead(last) ? end - 1 : -1;
  const cover = heading >= 0 ? end - 1 : end;
  if (cover === 1) return { title: 0, coverEnd: 0, heading, end };
  return { title: -1, coverEnd: cover, heading, end };
}

/** The only level-1 heading (HTML h1, Markdown #), when it comes first, is the document's title. */
function markupTitleOf(blocks: Block[]): number {
  if (blocks[0]?.level !== 1) return -1;
  return blocks.filter((block) => block.level === 1).length === 1 ? 0 : -1;
}

export interface ResolutionParts {
  /** Header lines are [0, headerEnd). */
  headerEnd: number;
  /** The enacting formula ("The Security Council,"), or -1. */
  chapeau: number;
  /** Preambular paragraphs are [headerEnd or chapeau + 1, operativeStart). */
  preambleStart: number;
  operativeStart: number;
}

function isPreambular(block: Block, text: BlockText, first: boolean): boolean {
  if (block.cells) return false;
  if (block.marker?.scheme === 'preambular') return true;
  if (block.marker !== null || !/[,;]$/.test(text.content)) return false;
  return !first || opensPreambular(text.content);
}

function opensOperativePart(block: Block, text: BlockText): boolean {
  const marker = block.marker;
  if (marker) return marker.scheme === 'operative' || marker.scheme === 'number';
  return opensOperative(text.content);
}

/**
 * A resolution: short header lines, an optional chapeau, preambular paragraphs (a participle
 * first, each ending with a comma) and then operative paragraphs (numbered, or opening with an
 * operative verb). Null for any other document.
 */
export function resolutionPartsOf(blocks: Block[], texts: BlockText[]): ResolutionParts | null {
  let index = 0;
  while (index < blocks.length && isHeaderLine(blocks[index]!, texts[index]!)) index++;
  const headerEnd = index;
  let chapeau = -1;
  if (index < blocks.length && !blocks[index]!.cells && isChapeau(texts[index]!.content)) {
    chapeau = index++;
  }
  const preambleStart = index;
  while (
    index < blocks.length &&
    isPreambular(blocks[index]!, texts[index]!, index === preambleStart)
  ) {
    index++;
  }
  const preambles = index - preambleStart;
  if (preambles === 0 || (chapeau < 0 && preambles < 2) || index >= blocks.length) return null;
  if (!opensOperativePart(blocks[index]!, texts[index]!)) return null;
  return { headerEnd, chapeau, preambleStart, operativeStart: index };
}

/** What a line of a resolution's header is, when it says. */
export function headerFieldOf(text: string): string | null {
  if (/\b(?:sponsored|submitted|proposed|presented)\s+by\b|^sponsors?\s*:/i.test(text)) {
    return 'Sponsor';
  }
  if (
    /\b(?:\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))\s+(?:(?:annual|regular|special|plenary|ordinary)\s+)?(?:meeting|session|summit|conference)\b|\bat its\b.*\bmeeting\b/i.test(
      text,
    )
  ) {
    return 'Meeting';
  }
  if (isDateLine(text)) return 'Date';
  if (/^[A-Z]{1,8}\d*(?:\/[A-Z0-9.-]+){1,6}(?:\s*\(\d{4}\))?$/.test(text)) return 'Symbol';
  return null;
}
