import { joinSpans, lineSpan, type SourceLine, type SourceSpan } from './source-text';

/** One non-empty source line, with its list marker (if any) cut off. */
export interface Block {
  span: SourceSpan;
  /** The leading list marker as written ("-", "·"), or null. */
  bullet: string | null;
  /** Leading white space before the marker, in characters (nested lists are indented). */
  indent: number;
}

const BULLET = /^(\s*)([-·•])\s+/;

export function readBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const bullet = BULLET.exec(line.text);
    blocks.push({
      span: lineSpan(line, bullet ? bullet[0].length : 0),
      bullet: bullet ? bullet[2]! : null,
      indent: (bullet ? bullet[1]! : /^\s*/.exec(line.text)![0]).length,
    });
  }
  return blocks;
}

const SENTENCE_END = /[.;:!?]["”’)*\]]*$/;
/** A line that stops on one of these words was cut mid-phrase, whatever the next line looks like. */
const DANGLING_WORD = /\s(?:the|a|an|of|for|to|in|on|at|by|with|and|or|that|from)$/;
/** Numbered or lettered list items ("1. ", "a. ", "(ii) ") start a block of their own. */
const LIST_ITEM = /^\(?(?:\d+|[A-Za-z]|[ivx]+)[.)]\s/;
const STARTS_LOWER = /^["“‘(]?\p{Ll}/u;

/** Title-case lines ("Border Security", "Security Cooperation Between China and Russia"). */
export function isTitleLike(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3);
  if (words.length === 0) return true;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.6;
}

function looksLikeHeading(block: Block): boolean {
  const text = block.span.text;
  return (
    block.bullet === null && !SENTENCE_END.test(text) && (text.length < 40 || isTitleLike(text))
  );
}

/**
 * True when `next` continues the paragraph `previous` that a page break cut: the first ends
 * mid-sentence and the second starts in lower case or the first stops on a word such as "of", or (for a cut before a capitalised word) the
 * first is body text that stops without punctuation and the second is body text, not a heading.
 */
export function continuesParagraph(previous: Block, next: Block): boolean {
  const prevText = previous.span.text;
  if (next.bullet !== null || LIST_ITEM.test(next.span.text) || SENTENCE_END.test(prevText)) {
    return false;
  }
  if (STARTS_LOWER.test(next.span.text) || DANGLING_WORD.test(prevText)) return true;
  if (prevText.endsWith(',')) return false;
  return !looksLikeHeading(previous) && !looksLikeHeading(next);
}

/** Merges paragraphs split at page breaks; `isBoundary` marks blocks that never merge. */
export function repairPageBreaks(
  blocks: Block[],
  isBoundary: (block: Block) => boolean = () => false,
): Block[] {
  const repaired: Block[] = [];
  for (const block of blocks) {
    const previous = repaired.at(-1);
    if (
      previous &&
      !isBoundary(previous) &&
      !isBoundary(block) &&
      continuesParagraph(previous, block)
    ) {
      repaired[repaired.length - 1] = { ...previous, span: joinSpans(previous.span, block.span) };
    } else {
      repaired.push(block);
    }
  }
  return repaired;
}
