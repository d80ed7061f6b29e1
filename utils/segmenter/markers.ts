import { isMonthName } from './text-shape';

/**
 * List and numbering markers at the start of a block: bullets, the UN Editorial Manual's
 * paragraph numbering (1. → (a) → (i) → a. → i., with "a)" and "i)" as in French and Spanish),
 * decimal numbering, draft markers ("OP 3", "PP 2") and labels ("R1.", "Objective 3:").
 */

export type MarkerScheme =
  'bullet' | 'number' | 'decimal' | 'letter' | 'roman' | 'label' | 'operative' | 'preambular';

/** How the marker is punctuated: "1." (dot), "(a)" (paren), "a)" (close-paren), "•" (plain). */
export type MarkerStyle = 'dot' | 'paren' | 'close-paren' | 'plain';

export interface Marker {
  scheme: MarkerScheme;
  /**
   * As written, without punctuation: "3", "1.2", "b", "iv", "R1", "Objective 3"; for a
   * bullet, its character.
   */
  value: string;
  style: MarkerStyle;
  /** "A." rather than "a.", "IV." rather than "iv.". */
  upper: boolean;
  /** "i", "v" or "x": a letter or a Roman numeral; the list around it decides. */
  ambiguous: boolean;
  /** Written after a bullet ("- 1.1 Hold …"): an item of a list, never a heading's number. */
  bulleted: boolean;
}

export interface MarkedText {
  marker: Marker | null;
  /** Characters the marker and the white space after it take at the start of the text. */
  length: number;
}

const BULLET = /^([-–—•·▪◦●○■□►➢✓*])\s+(?:[-–—•·▪◦●○■*]\s+)*/u;
const DRAFT_PARAGRAPH = /^(OP|PP)\s?(\d{1,3})\.?(?:\s+|$)/;
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+(?!\p{Ll})|$)/u;
const NUMBER = /^(\d{1,3})([.)])(?:\s+|$)/;
const PARENTHESISED = /^\((\d{1,3}|[a-z]{1,2}|[ivxlc]{1,7}|[A-Z]|[IVXLC]{1,7})\)(?:\s+|$)/;
const CLOSE_PAREN = /^([a-z]|[ivxlc]{2,7}|[A-Z])\)(?:\s+|$)/;
const DOTTED = /^([a-z]|[ivxlc]{2,7}|[A-Z]|[IVXLC]{2,7})\.(?:\s+|$)/;
/** "R1.", "SO2:": letters and a number, closed by punctuation. */
const TOKEN_LABEL = /^([A-Z]{1,4}\d{1,3}(?:\.\d{1,3})?)[.:)](?:\s+|$)/;
/** "Objective 3:", "Goal 1: …", "Section 2. …", "Part IV – …", "Key Action 2" alone. */
const WORD_LABEL =
  /^((?:[A-Z][a-z]{2,} ){1,2}?)(\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7})(?:\s*[:.]\s*|\s+[–—-]\s+|\s*$)/;
/** An initial ("H. E. Luo"), not a list marker. */
const INITIAL_FOLLOWS = /^[A-Z]\.(?:\s|$)/;
const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const NOT_LABEL_WORDS = new Set(['Page', 'No', 'Tel', 'Fax', 'Vol', 'Room']);

function isRoman(value: string): boolean {
  return value !== '' && ROMAN.test(value);
}

function letterOrRoman(value: string, style: MarkerStyle): Marker {
  const upper = value === value.toUpperCase();
  const ambiguous = /^[ivx]$/i.test(value);
  const roman = value.length > 1 ? isRoman(value) : ambiguous;
  return { scheme: roman ? 'roman' : 'letter', value, style, upper, ambiguous, bulleted: false };
}

function marked(marker: Marker, match: RegExpExecArray): MarkedText {
  return { marker, length: match[0].length };
}

/** Reads the marker at the start of `text` (which has no leading white space). */
export function readMarker(text: string): MarkedText {
  const match = BULLET.exec(text);
  if (match) {
    // "- 1.1 Hold a meeting": the number, not the dash, places the item.
    const numbered = readNumbering(text.slice(match[0].length));
    if (numbered.marker) {
      return {
        marker: { ...numbered.marker, bulleted: true },
        length: match[0].length + numbered.length,
      };
    }
    return marked(
      {
        scheme: 'bullet',
        value: match[1]!,
        style: 'plain',
        upper: false,
        ambiguous: false,
        bulleted: false,
      },
      match,
    );
  }
  return readNumbering(text);
}

function readNumbering(text: string): MarkedText {
  let match = DRAFT_PARAGRAPH.exec(text);
  if (match) {
    const scheme = match[1] === 'OP' ? 'operative' : 'preambular';
    return marked(
      { scheme, value: match[2]!, style: 'plain', upper: true, ambiguous: false, bulleted: false },
      match,
    );
  }
  match = DECIMAL.exec(text);
  if (match) {
    return marked(
      {
        scheme: 'decimal',
        value: match[1]!,
        style: 'dot',
        upper: false,
        ambiguous: false,
        bulleted: false,
      },
      match,
    );
  }
  match = NUMBER.exec(text);
  if (match) {
    const style = match[2] === '.' ? 'dot' : 'close-paren';
    return marked(
      {
        scheme: 'number',
        value: match[1]!,
        style,
        upper: false,
        ambiguous: false,
        bulleted: false,
      },
      match,
    );
  }
  match = PARENTHESISED.exec(text);
  if (match) {
    const value = match[1]!;
    if (/^\d+$/.test(value)) {
      return marked(
        {
          scheme: 'number',
          value,
          style: 'paren',
          upper: false,
          ambiguous: false,
          bulleted: false,
        },
        match,
      );
    }
    if (value.length === 1 || isRoman(value)) return marked(letterOrRoman(value, 'paren'), match);
  }
  match = CLOSE_PAREN.exec(text) ?? DOTTED.exec(text);
  if (match && (match[1]!.length === 1 || isRoman(match[1]!))) {
    const rest = text.slice(match[0].length);
    const upper = /^[A-Z]+$/.test(match[1]!);
    if (!(upper && INITIAL_FOLLOWS.test(rest))) {
      const style = match[0].includes(')') ? 'close-paren' : 'dot';
      return marked(letterOrRoman(match[1]!, style), match);
    }
  }
  match = TOKEN_LABEL.exec(text);
  if (match) {
    return marked(
      {
        scheme: 'label',
        value: match[1]!,
        style: 'plain',
        upper: true,
        ambiguous: false,
        bulleted: false,
      },
      match,
    );
  }
  match = WORD_LABEL.exec(text);
  if (match) {
    const words = match[1]!.trim();
    if (!words.split(' ').some((word) => isMonthName(word) || NOT_LABEL_WORDS.has(word))) {
      return marked(
        {
          scheme: 'label',
          value: `${words} ${match[2]!}`,
          style: 'plain',
          upper: true,
          ambiguous: false,
          bulleted: false,
        },
        match,
      );
    }
  }
  return { marker: null, length: 0 };
}

/** The word of a label marker ("Objective" of "Objective 3", "SO" of "SO2"). */
export function labelWord(marker: Marker): string {
  const { value } = marker;
  return value.includes(' ')
    ? value.slice(0, value.lastIndexOf(' '))
    : value.replace(/[\d.]+$/, '');
}

/**
 * Whether the marker can number a heading ("1.", "1.2", "IV.", "A.", "Goal 1:"), not only a
 * list item ("(a)", "ii.", "-").
 */
export function canNumberHeading(marker: Marker): boolean {
  if (marker.bulleted) return false;
  switch (marker.scheme) {
    case 'label':
      return true;
    case 'number':
    case 'decimal':
      return marker.style === 'dot';
    case 'letter':
    case 'roman':
      return marker.upper && marker.style === 'dot';
    default:
      return false;
  }
}
