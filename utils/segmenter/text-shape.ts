/** What a line of text looks like: the shape tests the stages share. */

/** Ends a sentence or a clause that introduces what follows (closing quotes and brackets aside). */
const SENTENCE_END = /[.;:!?]["”’)*\]]*$/;
/** A line stopping on one of these words was cut mid-phrase, whatever the next line looks like. */
const DANGLING_WORD = /\s(?:the|a|an|of|for|to|in|on|at|by|with|and|or|that|from)$/i;
const STARTS_LOWER = /^["“‘(]?\p{Ll}/u;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** "13-15 December 2021", "December 22, 2020", "May 2016", "7 March 2031". */
const DATE_LINE = new RegExp(
  `^(?:\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},\\s*\\d{4}|${MONTH}\\s+\\d{4})$`,
  'i',
);
const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');

/**
 * The end of a text, enough for the tests of how it ends: a pattern anchored at the end would
 * otherwise be tried at every position of a long line.
 */
function tail(text: string): string {
  return text.length > 24 ? text.slice(-24) : text;
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(tail(text));
}

/** Ends like a sentence or a clause: ".", ";", ":", "!", "?" or ",". */
export function endsClause(text: string): boolean {
  return endsSentence(text) || /,["”’)]*$/.test(tail(text));
}

export function endsOnDanglingWord(text: string): boolean {
  return DANGLING_WORD.test(tail(text));
}

export function startsLower(text: string): boolean {
  return STARTS_LOWER.test(text);
}

/** Title case is judged on texts up to this length; a longer text is prose. */
const TITLE_LENGTH_LIMIT = 300;

/** Of a text's words longer than three letters, how many there are and how many are capitalised. */
export interface WordCase {
  words: number;
  capitalised: number;
}

export function wordCaseOf(text: string): WordCase {
  if (text.length > TITLE_LENGTH_LIMIT) return { words: 1, capitalised: 0 };
  const words = text.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3);
  return { words: words.length, capitalised: words.filter((word) => /^\p{Lu}/u.test(word)).length };
}

export function isTitleCase({ words, capitalised }: WordCase, length: number): boolean {
  if (length > TITLE_LENGTH_LIMIT) return false;
  return words === 0 || capitalised / words >= 0.6;
}

/** Title-case lines ("Port Security", "Cooperation Between the Coastal States"). */
export function isTitleLike(text: string): boolean {
  return isTitleCase(wordCaseOf(text), text.length);
}

/** Upper-case letters and no lower-case ones ("CONTENTS", "MINISTRY OF FOREIGN AFFAIRS"). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text);
}

export function isMonthName(word: string): boolean {
  return MONTH_WORD.test(word);
}

/** "Purpose: Consideration", "Agenda item: 7": a field of a cover page, not a heading. */
export function isFieldLine(text: string): boolean {
  return /^[\p{L} .]{2,40}:\s+\S/u.test(text);
}

/** A table-of-contents line: dot leaders and a page number ("Introduction ........ 3"). */
export function isContentsEntry(text: string): boolean {
  return /(?:\.{3}|…)\s*(?:\d{1,4}|[ivxlc]{1,6})$/i.test(tail(text));
}

export function isContentsHeading(text: string): boolean {
  return /^(?:table of )?contents$/i.test(text);
}
