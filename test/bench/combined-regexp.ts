import type { MatcherAlias } from '../../utils/term-matcher';

/**
 * The peer the bench compares against: every alias in one RegExp alternation, as a highlighter
 * built on mark.js `markRegExp` would write it. Dashes, apostrophes and white space accept the
 * same variants as Pledgemark's matcher; longer aliases come first so the alternation prefers them.
 */

const DASHES = '\\-\\u2010-\\u2015\\u2212';
const APOSTROPHES = "'\\u2018\\u2019";
const SPACE = '[\\s\\u00a0]+';

function aliasPattern(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) =>
      [...word]
        .map((char) => {
          if (/[-\u2010-\u2015\u2212]/.test(char)) return `[${DASHES}]`;
          if (/['\u2018\u2019]/.test(char)) return `[${APOSTROPHES}]`;
          return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        })
        .join(''),
    )
    .join(SPACE);
}

/** The alternation of the case-sensitive aliases and that of the case-insensitive ones. */
export function combinedAliasSources(aliases: readonly MatcherAlias[]): {
  caseSensitive: string;
  caseInsensitive: string;
} {
  const alternation = (caseSensitive: boolean) =>
    [
      ...new Set(
        aliases
          .filter((alias) => alias.caseSensitive === caseSensitive)
          .map((alias) => alias.text)
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .map(aliasPattern),
      ),
    ].join('|');
  return { caseSensitive: alternation(true), caseInsensitive: alternation(false) };
}
