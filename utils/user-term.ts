import {
  TERM_CATEGORIES,
  type SenseRule,
  type Term,
  type TermAlias,
  type TermCategory,
} from './corpus-types';
import { isCaseSensitive } from './term-matcher';

/**
 * A term the reader adds, as the term form hands it to the background, and the checks both sides
 * run on it: the form to say at once what to fix, the background because a message may come from
 * anywhere in the extension and must not be trusted to have been checked.
 */

export const MAX_USER_TERMS = 2_000;
export const MAX_TERM_ALIASES = 30;
export const MAX_TERM_TEXT_LENGTH = 200;
export const MAX_SENSE_WORDS = 50;
export const MAX_DEFINITION_LENGTH = 2_000;
/** The prefix of every term the reader added: their ids never meet the glossary's. */
export const USER_TERM_PREFIX = 'user-';

/** What the reader wrote in the term form. */
export interface TermDraft {
  label: string;
  /** Other spellings: acronyms, short forms, other languages. */
  aliases: string[];
  category: TermCategory;
  definition: string;
  /**
   * Words that confirm an ambiguous acronym's sense near it, and words of its other senses that
   * rule it out. Both empty: every occurrence counts.
   */
  cues: string[];
  vetoes: string[];
}

/** A term the reader added, stored beside the glossary's and shaped like them. */
export interface UserTerm extends Term {
  addedByUser: true;
  addedAt: string;
  updatedAt: string;
}

export function isUserTermId(termId: string): boolean {
  return termId.startsWith(USER_TERM_PREFIX);
}

/** The spellings a draft names, label first, each once (the same letters in another case count). */
export function draftSpellings(draft: Pick<TermDraft, 'label' | 'aliases'>): string[] {
  const seen = new Set<string>();
  return [draft.label, ...draft.aliases]
    .map((text) => text.trim().replace(/\s+/g, ' '))
    .filter((text) => {
      if (text === '' || seen.has(text)) return false;
      seen.add(text);
      return true;
    });
}

/** Whether a spelling is an acronym (no lower-case letter), whose sense the cues decide. */
export function isAcronym(text: string): boolean {
  return isCaseSensitive({ text });
}

/** A comma- or line-separated list as its items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const isStringList = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) &&
  value.length <= max &&
  value.every((item) => typeof item === 'string' && item.length <= MAX_TERM_TEXT_LENGTH);

/** What is wrong with a request's draft as data (types and sizes); null when it holds together. */
export function termDraftShapeProblem(draft: unknown): string | null {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    return 'draft must be an object';
  }
  const { label, aliases, category, definition, cues, vetoes, ...rest } = draft as Record<
    string,
    unknown
  >;
  if (Object.keys(rest).length > 0) return `draft has unknown fields: ${Object.keys(rest)}`;
  if (typeof label !== 'string' || label.length > MAX_TERM_TEXT_LENGTH) {
    return `draft.label must be a string of at most ${MAX_TERM_TEXT_LENGTH} characters`;
  }
  if (!isStringList(aliases, MAX_TERM_ALIASES)) {
    return `draft.aliases must be at most ${MAX_TERM_ALIASES} strings`;
  }
  if (!(TERM_CATEGORIES as readonly unknown[]).includes(category)) {
    return `draft.category must be one of ${TERM_CATEGORIES.join(', ')}`;
  }
  if (typeof definition !== 'string' || definition.length > MAX_DEFINITION_LENGTH) {
    return `draft.definition must be a string of at most ${MAX_DEFINITION_LENGTH} characters`;
  }
  if (!isStringList(cues, MAX_SENSE_WORDS) || !isStringList(vetoes, MAX_SENSE_WORDS)) {
    return `draft.cues and draft.vetoes must be at most ${MAX_SENSE_WORDS} strings each`;
  }
  return null;
}

/** What the reader must fix in a draft, in words; null when nothing. */
export function termDraftProblem(draft: TermDraft): string | null {
  const spellings = draftSpellings(draft);
  if (spellings.length === 0) return 'Give the term a name.';
  if (spellings.some((text) => text.length < 2)) {
    return 'A term or alias of one character would be found everywhere: use two or more.';
  }
  if (!spellings.some((text) => /[\p{L}\p{N}]/u.test(text))) {
    return 'A term needs at least one letter or digit.';
  }
  const senseWords = [...draft.cues, ...draft.vetoes].map((word) => word.trim());
  if (senseWords.some((word) => word === '')) return 'A cue or veto is empty.';
  if (draft.vetoes.length > 0 && draft.cues.length === 0) {
    return 'Give at least one cue with the vetoes: an ambiguous acronym is highlighted where a cue stands near it.';
  }
  if (senseWords.length > 0 && !spellings.some(isAcronym)) {
    return (
      'Cues and vetoes decide the sense of an acronym (a spelling in capitals, such as ETIM); ' +
      'this term has none.'
    );
  }
  return null;
}

/**
 * The aliases a draft becomes. Each acronym carries the draft's cues and vetoes as its sense rule,
 * as the glossary's ambiguous acronyms do: a cue near an occurrence confirms it, a veto rules it
 * out unless a cue stands beside it, and with neither it counts on a page about security that
 * names the term in full. The other spellings are taken wherever they stand.
 */
export function draftAliases(draft: TermDraft): TermAlias[] {
  const cues = draft.cues.map((word) => word.trim());
  const vetoes = draft.vetoes.map((word) => word.trim());
  const sense: SenseRule | null =
    cues.length > 0
      ? { class: 'cue', cues, ...(vetoes.length > 0 ? { vetoes } : {}), pageEvidence: true }
      : null;
  return draftSpellings(draft).map((text) =>
    sense && isAcronym(text) ? { text, sense } : { text },
  );
}

/** The form's fields for a term already added, to edit it. */
export function termToDraft(term: Term): TermDraft {
  const sense = term.aliases.find((alias) => alias.sense)?.sense;
  return {
    label: term.label,
    aliases: term.aliases.map((alias) => alias.text).filter((text) => text !== term.label),
    category: term.category,
    definition: term.definition,
    cues: sense?.cues ?? [],
    vetoes: sense?.vetoes ?? [],
  };
}
