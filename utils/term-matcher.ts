import type { AliasConfirmation, TermAlias } from '../data/corpus-types';

/**
 * Finds glossary terms in text. The glossary compiles into two combined regular expressions (one
 * case-sensitive for acronyms, one case-insensitive for phrases) plus a lookup table from a
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
  version: 1;
  aliases: MatcherAlias[];
  caseSensitiveSource: string;
  caseInsensitiveSource: string;
}

export interface TermMention {
  termId: string;
  aliasIndex: number;
  start: number;
  end: number;
}

interface TermLike {
  id: string;
  aliases: TermAlias[];
}

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
  // Longest first, so that the alternation prefers "UN Security Council resolution 2354" over "UN".
  const source = (caseSensitive: boolean) =>
    aliases
      .filter((alias) => alias.caseSensitive === caseSensitive)
      .map((alias) => alias.text)
      .sort((a, b) => b.length - a.length)
      .map(aliasPattern)
      .join('|');
  return {
    version: 1,
    aliases,
    caseSensitiveSource: source(true),
    caseInsensitiveSource: source(false),
  };
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export class TermMatcher {
  private readonly caseSensitive: RegExp | null;
  private readonly caseInsensitive: RegExp | null;
  private readonly lookup = new Map<string, number>();

  constructor(readonly compiled: CompiledMatcher) {
    const build = (source: string, flags: string) =>
      source ? new RegExp(`(?:${source})${SUFFIX}`, flags) : null;
    this.caseSensitive = build(compiled.caseSensitiveSource, 'g');
    this.caseInsensitive = build(compiled.caseInsensitiveSource, 'gi');
    compiled.aliases.forEach((alias, index) => {
      const key = `${alias.caseSensitive ? 'S' : 'I'}:${foldAliasText(alias.text, alias.caseSensitive)}`;
      if (!this.lookup.has(key)) this.lookup.set(key, index);
    });
  }

  get aliases(): readonly MatcherAlias[] {
    return this.compiled.aliases;
  }

  /**
   * All mentions in one block of text, longest match first where two overlap. Ambiguous aliases
   * count only when their confirming context holds: a confirming word in this block, or (when the
   * alias allows it) a term the caller already saw unambiguously elsewhere on the page.
   */
  findMentions(text: string, confirmedOnPage: ReadonlySet<string> = new Set()): TermMention[] {
    const candidates = [
      ...this.scan(text, this.caseSensitive, true),
      ...this.scan(text, this.caseInsensitive, false),
    ].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const mentions: TermMention[] = [];
    let lastEnd = -1;
    let lowerText: string | null = null;
    for (const candidate of candidates) {
      if (candidate.start < lastEnd) continue;
      const confirm = this.compiled.aliases[candidate.aliasIndex]!.confirm;
      if (confirm) {
        lowerText ??= text.toLowerCase();
        if (!isConfirmed(confirm, lowerText, confirmedOnPage.has(candidate.termId))) continue;
      }
      mentions.push(candidate);
      lastEnd = candidate.end;
    }
    return mentions;
  }

  /** Terms that the texts mention through an alias that needs no confirmation. */
  confirmedTerms(texts: Iterable<string>): Set<string> {
    const confirmed = new Set<string>();
    for (const text of texts) {
      for (const mention of this.findMentions(text)) {
        if (!this.isAmbiguous(mention.aliasIndex)) confirmed.add(mention.termId);
      }
    }
    return confirmed;
  }

  /** Whether an alias needs confirmation (so a mention through it does not confirm the term). */
  isAmbiguous(aliasIndex: number): boolean {
    return this.compiled.aliases[aliasIndex]?.confirm != null;
  }

  private scan(text: string, pattern: RegExp | null, caseSensitive: boolean): TermMention[] {
    if (!pattern) return [];
    const found: TermMention[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      // `\b` only knows ASCII letters, so word boundaries are checked by hand.
      if (WORD_CHAR.test(text[start - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) {
        pattern.lastIndex = start + 1;
        continue;
      }
      const aliasIndex = this.aliasIndexOf(match[0], caseSensitive);
      if (aliasIndex !== undefined) {
        const termId = this.compiled.aliases[aliasIndex]!.termId;
        found.push({ termId, aliasIndex, start, end });
      }
    }
    return found;
  }

  private aliasIndexOf(matched: string, caseSensitive: boolean): number | undefined {
    const prefix = caseSensitive ? 'S:' : 'I:';
    const folded = foldAliasText(matched, caseSensitive);
    return (
      this.lookup.get(prefix + folded) ?? this.lookup.get(prefix + folded.replace(/(?:'s|s)$/i, ''))
    );
  }
}

function isConfirmed(
  confirm: AliasConfirmation,
  lowerText: string,
  termConfirmedOnPage: boolean,
): boolean {
  if (confirm.pageHasUnambiguousAlias && termConfirmedOnPage) return true;
  return (confirm.sameBlock ?? []).some((word) => lowerText.includes(word.toLowerCase()));
}
