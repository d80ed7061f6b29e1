import type { AliasConfirmation, TermAlias, TermCategory } from '../data/corpus-types';

/**
 * Finds glossary terms in text. The glossary compiles into combined regular expressions
 * (case-sensitive ones for acronyms, case-insensitive ones for phrases) plus a lookup table from a
 * match's folded text to its alias. The compiled form is plain data, built once at build time and
 * shipped to the content script, which never sees the rest of the corpus.
 */

export interface MatcherAlias {
  termId: string;
  text: string;
  caseSensitive: boolean;
  confirm: AliasConfirmation | null;
}

export interface CompiledMatcher {
  version: 2;
  aliases: MatcherAlias[];
  termCategories: Record<string, TermCategory>;
  /** Alternations, each short enough for V8 to keep optimising the expression. */
  caseSensitiveSources: string[];
  caseInsensitiveSources: string[];
}

export interface TermMention {
  termId: string;
  aliasIndex: number;
  start: number;
  end: number;
}

/** A match before the page-level confirmation of ambiguous aliases is known. */
export interface TermCandidate extends TermMention {
  /** The alias needs a confirming context. */
  ambiguous: boolean;
  /** A confirming word occurs in the same block. */
  confirmedInBlock: boolean;
  /** The alias is also confirmed by an unambiguous mention of its term elsewhere on the page. */
  confirmedByPage: boolean;
}

interface TermLike {
  id: string;
  category: TermCategory;
  aliases: TermAlias[];
}

/** V8 stops optimising a regular expression whose source passes about 20 KB. */
export const MAX_PATTERN_SOURCE = 12_000;

const DASHES = '\\-\\u2010-\\u2015\\u2212';
const APOSTROPHES = "'\\u2018\\u2019";
const SPACE = '[\\s\\u00a0]+';
/** "FATF's", "FTFs": a possessive or plural after any alias. */
const SUFFIX = `(?:[${APOSTROPHES}]s|s)?`;

/** An alias with no lower-case letter is an acronym and is matched case-sensitively. */
export function isCaseSensitive(alias: TermAlias): boolean {
  return alias.caseSensitive ?? !/\p{Ll}/u.test(alias.text);
}

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

/** Folds the variants a pattern accepts, so a match can be looked up by its text. */
export function foldAliasText(text: string, caseSensitive: boolean): string {
  const folded = text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  return caseSensitive ? folded : folded.toLowerCase();
}

export function compileMatcher(terms: TermLike[]): CompiledMatcher {
  const aliases: MatcherAlias[] = [];
  for (const term of terms) {
    for (const alias of term.aliases) {
      aliases.push({
        termId: term.id,
        text: alias.text,
        caseSensitive: isCaseSensitive(alias),
        confirm: alias.confirm ?? null,
      });
    }
  }
  // Longest first, so that an alternation prefers "UN Security Council resolution 2354" over
  // "UN Security Council"; overlaps between alternations are settled by length when scanning.
  const sources = (caseSensitive: boolean) => {
    const patterns = [
      ...new Set(
        aliases
          .filter((alias) => alias.caseSensitive === caseSensitive)
          .map((alias) => alias.text)
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .map(aliasPattern),
      ),
    ];
    const chunks: string[] = [];
    let chunk = '';
    for (const pattern of patterns) {
      if (chunk && chunk.length + pattern.length + 1 > MAX_PATTERN_SOURCE) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk = chunk ? `${chunk}|${pattern}` : pattern;
    }
    if (chunk) chunks.push(chunk);
    return chunks;
  };
  return {
    version: 2,
    aliases,
    termCategories: Object.fromEntries(terms.map((term) => [term.id, term.category])),
    caseSensitiveSources: sources(true),
    caseInsensitiveSources: sources(false),
  };
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces between words (or with particles glued on, as in Korean). */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether a neighbouring character makes a match part of a longer word. */
function continuesWord(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);
}

export class TermMatcher {
  private readonly patterns: { pattern: RegExp; caseSensitive: boolean }[];
  private readonly lookup = new Map<string, number>();

  constructor(readonly compiled: CompiledMatcher) {
    const build = (source: string, caseSensitive: boolean) => ({
      pattern: new RegExp(`(?:${source})${SUFFIX}`, caseSensitive ? 'g' : 'gi'),
      caseSensitive,
    });
    this.patterns = [
      ...compiled.caseSensitiveSources.map((source) => build(source, true)),
      ...compiled.caseInsensitiveSources.map((source) => build(source, false)),
    ];
    compiled.aliases.forEach((alias, index) => {
      const key = lookupKey(alias.text, alias.caseSensitive);
      if (!this.lookup.has(key)) this.lookup.set(key, index);
    });
  }

  get aliases(): readonly MatcherAlias[] {
    return this.compiled.aliases;
  }

  categoryOf(termId: string): TermCategory | undefined {
    return this.compiled.termCategories[termId];
  }

  /**
   * Every match in one block of text, longest first where two overlap, with what is known about
   * the confirmation of ambiguous aliases from the block alone.
   */
  scan(text: string): TermCandidate[] {
    const found: TermMention[] = [];
    for (const { pattern, caseSensitive } of this.patterns)
      this.scanWith(text, pattern, caseSensitive, found);
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const candidates: TermCandidate[] = [];
    let lastEnd = -1;
    let lowerText: string | null = null;
    for (const mention of found) {
      if (mention.start < lastEnd) continue;
      lastEnd = mention.end;
      const confirm = this.compiled.aliases[mention.aliasIndex]!.confirm;
      if (confirm) lowerText ??= text.toLowerCase();
      candidates.push({
        ...mention,
        ambiguous: confirm !== null,
        confirmedInBlock:
          confirm !== null &&
          (confirm.sameBlock ?? []).some((word) => lowerText!.includes(word.toLowerCase())),
        confirmedByPage: confirm?.pageHasUnambiguousAlias === true,
      });
    }
    return candidates;
  }

  /**
   * All mentions in one block of text. Ambiguous aliases count only when their confirming context
   * holds: a confirming word in this block, or (when the alias allows it) a term the caller saw
   * unambiguously elsewhere on the page.
   */
  findMentions(text: string, confirmedOnPage: ReadonlySet<string> = new Set()): TermMention[] {
    return this.scan(text)
      .filter((candidate) => isAccepted(candidate, confirmedOnPage))
      .map(({ termId, aliasIndex, start, end }) => ({ termId, aliasIndex, start, end }));
  }

  /** Terms that the texts mention through an alias that needs no confirmation. */
  confirmedTerms(texts: Iterable<string>): Set<string> {
    const confirmed = new Set<string>();
    for (const text of texts) {
      for (const candidate of this.scan(text)) {
        if (!candidate.ambiguous) confirmed.add(candidate.termId);
      }
    }
    return confirmed;
  }

  /** Whether an alias needs confirmation (so a mention through it does not confirm the term). */
  isAmbiguous(aliasIndex: number): boolean {
    return this.compiled.aliases[aliasIndex]?.confirm != null;
  }

  private scanWith(
    text: string,
    pattern: RegExp,
    caseSensitive: boolean,
    found: TermMention[],
  ): void {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      // `\b` only knows ASCII letters, so word boundaries are checked by hand.
      if (continuesWord(text[start - 1]) || continuesWord(text[end])) {
        pattern.lastIndex = start + 1;
        continue;
      }
      const aliasIndex = this.aliasIndexOf(match[0], caseSensitive);
      if (aliasIndex !== undefined) {
        found.push({ termId: this.compiled.aliases[aliasIndex]!.termId, aliasIndex, start, end });
      }
    }
  }

  private aliasIndexOf(matched: string, caseSensitive: boolean): number | undefined {
    return (
      this.lookup.get(lookupKey(matched, caseSensitive)) ??
      this.lookup.get(lookupKey(matched.replace(/(?:['\u2018\u2019]s|s)$/i, ''), caseSensitive))
    );
  }
}

/** Whether a candidate is a mention, given the terms the page names unambiguously. */
export function isAccepted(
  candidate: TermCandidate,
  confirmedOnPage: ReadonlySet<string>,
): boolean {
  return (
    !candidate.ambiguous ||
    candidate.confirmedInBlock ||
    (candidate.confirmedByPage && confirmedOnPage.has(candidate.termId))
  );
}

function lookupKey(text: string, caseSensitive: boolean): string {
  return `${caseSensitive ? 'S' : 'I'}:${foldAliasText(text, caseSensitive)}`;
}
