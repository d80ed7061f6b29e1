/**
 * The sense model: whether one occurrence of an ambiguous alias is the corpus's sense of its term,
 * decided from the occurrence's own context, and why. Pure data in, a verdict out: the same
 * function runs in the build, the content script and the tests.
 *
 * An ambiguous alias carries a `SenseRule` in the glossary:
 * - a veto (a word of one of its other senses) near the occurrence rules it out, whatever the
 *   page says elsewhere; for a `cue` alias a cue next to it still wins, for a `cue-no-veto`
 *   alias nothing does;
 * - a cue (a word or phrase of the corpus's sense) or a cue term (a mention of a related glossary
 *   term, such as PNR next to API) near the occurrence confirms it;
 * - an occurrence with neither is neutral: it is taken only when the rule allows page evidence,
 *   the page names the term through an unambiguous alias, and the page as a whole is about the
 *   security sense (`isSecurityTopic`). Evidence the page gives later decides it again.
 */

/** How an alias's occurrences are decided. */
export type SenseClass = 'cue' | 'cue-no-veto';

/** What the glossary says about an ambiguous alias's sense. */
export interface SenseRule {
  class: SenseClass;
  /**
   * Words or phrases (any case; a plural or possessive is the same word; a final "*" makes a
   * stem) that confirm it.
   */
  cues: string[];
  /** Glossary term ids whose mention near the occurrence confirms it. */
  cueTerms?: string[];
  /** Words or phrases of the alias's other senses, which rule it out near the occurrence. */
  vetoes?: string[];
  /** Whether a neutral occurrence may be taken on the page's word (see above). */
  pageEvidence?: boolean;
}

/** How many words on each side of an occurrence make its context. */
export const CONTEXT_WORDS = 20;

/** Why an occurrence was taken in its sense or not: what the card shows, and the tests check. */
export type SenseReason =
  | { kind: 'cue'; cue: string }
  | { kind: 'cue-term'; termId: string; text: string }
  | { kind: 'page'; termId: string }
  | { kind: 'veto'; veto: string }
  | { kind: 'neutral' };

export interface SenseVerdict {
  accepted: boolean;
  because: SenseReason;
}

/** A rule made ready to test contexts: its phrases as one expression each. */
export interface CompiledSenseRule {
  rule: SenseRule;
  cues: RegExp | null;
  vetoes: RegExp | null;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** Lower case, dashes as "-", curly apostrophes straight, runs of white space as one space. */
export function foldContext(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ');
}

/**
 * One expression for a list of phrases, matched at word boundaries (a phrase that ends in a
 * dash or other sign, such as "cve-", needs no boundary there), with an optional plural or
 * possessive. A phrase ending in "*" is a stem: "terroris*" is "terrorism", "terrorists"…
 */
function phrasesPattern(phrases: readonly string[] | undefined): RegExp | null {
  if (!phrases || phrases.length === 0) return null;
  const atWordStart: string[] = [];
  const anywhere: string[] = [];
  // Longest first, so that the reported phrase is the most telling one.
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const stem = phrase.trim().endsWith('*');
    const folded = foldContext(phrase.trim().replace(/\*$/, ''));
    const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    // A stem takes the rest of its word, so that the cue reported is the word as written.
    const tail = stem
      ? '[\\p{L}\\p{N}]*'
      : /[\p{L}\p{N}]$/u.test(folded)
        ? `(?:'?s)?${NOT_WORD_AFTER}`
        : '';
    (/^[\p{L}\p{N}]/u.test(folded) ? atWordStart : anywhere).push(`${escaped}${tail}`);
  }
  // One boundary check before the whole alternation: the engine tries the phrases only where a
  // word starts, not at every character.
  const parts = [
    ...(atWordStart.length ? [`${NOT_WORD_BEFORE}(?:${atWordStart.join('|')})`] : []),
    ...anywhere,
  ];
  return new RegExp(parts.join('|'), 'u');
}

export function compileSenseRule(rule: SenseRule): CompiledSenseRule {
  return { rule, cues: phrasesPattern(rule.cues), vetoes: phrasesPattern(rule.vetoes) };
}

/**
 * The context of an occurrence at `start`–`end` in `text`: up to `CONTEXT_WORDS` words on each
 * side (within `text`, which is one block of the page), the occurrence included, folded.
 */
export function contextAround(text: string, start: number, end: number): string {
  let from = start;
  for (let words = 0; from > 0 && words <= CONTEXT_WORDS;) {
    from--;
    if (/\s/.test(text[from]!) && from > 0 && !/\s/.test(text[from - 1]!)) words++;
  }
  let to = end;
  for (let words = 0; to < text.length && words <= CONTEXT_WORDS; to++) {
    if (/\s/.test(text[to]!) && to > 0 && !/\s/.test(text[to - 1]!)) words++;
  }
  return foldContext(text.slice(from, to));
}

/** The first phrase of a pattern found in a folded context, as written there. */
function found(pattern: RegExp | null, context: string): string | null {
  if (!pattern) return null;
  return pattern.exec(context)?.[0] ?? null;
}

/** A glossary term mentioned near the occurrence. */
export interface NearbyTerm {
  termId: string;
  /** How the page wrote it. */
  text: string;
}

/** What the page as a whole says, for neutral occurrences. */
export interface PageEvidence {
  /** The page names the term through an alias that needs no confirmation. */
  namesTerm: boolean;
  /** The page is about the security sense (see `isSecurityTopic`). */
  securityTopic: boolean;
}

/**
 * How many corpus terms a page must name through unambiguous aliases to be about the security
 * sense: one mention in a footer does not make a page about border data.
 */
export const SECURITY_TOPIC_TERMS = 3;

/** The page's topic from the corpus's own vocabulary: the glossary terms it names outright. */
export function isSecurityTopic(termsNamedOnPage: ReadonlySet<string>): boolean {
  return termsNamedOnPage.size >= SECURITY_TOPIC_TERMS;
}

/** What an occurrence's own context says: cue, cue term, veto, or nothing (neutral). */
export function decideFromContext(
  compiled: CompiledSenseRule,
  context: string,
  nearbyTerms: readonly NearbyTerm[],
): SenseVerdict {
  const { rule } = compiled;
  const veto = found(compiled.vetoes, context);
  const cue = rule.class === 'cue' || !veto ? found(compiled.cues, context) : null;
  if (cue) return { accepted: true, because: { kind: 'cue', cue } };
  if (veto) return { accepted: false, because: { kind: 'veto', veto } };
  const cueTerm = nearbyTerms.find((nearby) => rule.cueTerms?.includes(nearby.termId));
  if (cueTerm) {
    return {
      accepted: true,
      because: { kind: 'cue-term', termId: cueTerm.termId, text: cueTerm.text },
    };
  }
  return { accepted: false, because: { kind: 'neutral' } };
}

/** A neutral occurrence is taken on the page's word, where its rule allows it. */
export function decideOnPage(
  fromContext: SenseVerdict,
  rule: Pick<SenseRule, 'pageEvidence'>,
  termId: string,
  page: PageEvidence,
): SenseVerdict {
  if (fromContext.because.kind !== 'neutral') return fromContext;
  if (rule.pageEvidence && page.namesTerm && page.securityTopic) {
    return { accepted: true, because: { kind: 'page', termId } };
  }
  return fromContext;
}

/** Decides one occurrence of an ambiguous alias of `termId`: its context, then the page. */
export function decideSense(
  compiled: CompiledSenseRule,
  termId: string,
  context: string,
  nearbyTerms: readonly NearbyTerm[],
  page: PageEvidence,
): SenseVerdict {
  return decideOnPage(
    decideFromContext(compiled, context, nearbyTerms),
    compiled.rule,
    termId,
    page,
  );
}
