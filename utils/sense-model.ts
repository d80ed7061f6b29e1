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

import type { SenseRule } from './corpus-types';

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
  cues: PhraseSet | null;
  vetoes: PhraseSet | null;
}

/** Lower case, dashes as "-", curly apostrophes straight, runs of white space as one space. */
export function foldContext(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ');
}

/** Words (letters and digits) and single signs: "cve-2024" is "cve", "-", "2024". */
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

interface Phrase {
  tokens: string[];
  /** The last token is a stem: any word it starts counts. */
  stem: boolean;
}

/**
 * Phrases ready to find in a context, by their first token (or, for a one-word stem, kept
 * apart): a context is read once, token by token, however many phrases a rule has.
 */
export interface PhraseSet {
  byFirst: Map<string, Phrase[]>;
  stems: Phrase[];
}

/**
 * Phrases matched as whole words (a phrase that ends in a dash or other sign, such as "cve-",
 * needs no word end there), the last word with an optional plural or possessive. A phrase
 * ending in "*" is a stem: "terroris*" is "terrorism", "terrorists"…
 */
function phraseSet(phrases: readonly string[] | undefined): PhraseSet | null {
  if (!phrases || phrases.length === 0) return null;
  const set: PhraseSet = { byFirst: new Map(), stems: [] };
  for (const written of phrases) {
    const stem = written.trim().endsWith('*');
    const tokens = foldContext(written.trim().replace(/\*$/, '')).match(TOKEN) ?? [];
    if (tokens.length === 0) continue;
    const phrase = { tokens, stem };
    if (stem && tokens.length === 1) {
      set.stems.push(phrase);
      continue;
    }
    const list = set.byFirst.get(tokens[0]!) ?? [];
    list.push(phrase);
    // Longest first at each start, so that the phrase reported is the most telling one.
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    set.byFirst.set(tokens[0]!, list);
  }
  return set;
}

/** Whether a context's token is the phrase's last word (its plural too, or its stem's word). */
function lastWordMatches(token: string, word: string, stem: boolean): boolean {
  if (stem) return token.startsWith(word);
  return token === word || (/[\p{L}\p{N}]$/u.test(word) && token === `${word}s`);
}

/** The first phrase of the set in a folded context, as written there; null if none. */
function findPhrase(set: PhraseSet | null, context: string): string | null {
  if (!set) return null;
  const tokens = [...context.matchAll(TOKEN)];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]![0];
    const starting = [
      ...(set.byFirst.get(first) ?? []),
      // A one-word phrase in the plural ("passengers").
      ...(first.endsWith('s') ? (set.byFirst.get(first.slice(0, -1)) ?? []) : []),
    ];
    for (const phrase of starting) {
      const last = phrase.tokens.length - 1;
      let k = 0;
      for (; k < last; k++) if (tokens[i + k]?.[0] !== phrase.tokens[k]) break;
      const end = tokens[i + last];
      if (k === last && end && lastWordMatches(end[0], phrase.tokens[last]!, phrase.stem)) {
        return context.slice(tokens[i]!.index, end.index + end[0].length);
      }
    }
    for (const phrase of set.stems) {
      if (first.startsWith(phrase.tokens[0]!)) return first;
    }
  }
  return null;
}

export function compileSenseRule(rule: SenseRule): CompiledSenseRule {
  return { rule, cues: phraseSet(rule.cues), vetoes: phraseSet(rule.vetoes) };
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
  const veto = findPhrase(compiled.vetoes, context);
  const cue = rule.class === 'cue' || !veto ? findPhrase(compiled.cues, context) : null;
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

/**
 * The card's line on why an occurrence was taken in its sense, short enough for one line; null
 * for an alias that needs no reason (unambiguous) or a verdict that is no highlight.
 */
export function describeSenseReason(reason: SenseReason | null): string | null {
  switch (reason?.kind) {
    case 'cue':
      return `“${reason.cue}” in the same passage`;
    case 'cue-term':
      return `“${reason.text}” in the same passage`;
    case 'page':
      return 'the page names it in full and is about security';
    default:
      return null;
  }
}
