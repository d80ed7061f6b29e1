import type { SenseRule, TermAlias, TermCategory } from './corpus-types';
import {
  compileSenseRule,
  contextAround,
  foldContext,
  decideFromContext,
  decideOnPage,
  isSecurityTopic,
  type CompiledSenseRule,
  type NearbyTerm,
  type SenseVerdict,
} from './sense-model';

/**
 * Finds glossary terms in text. The glossary compiles into plain data (every alias with its term,
 * case rule and confirming context, and the aliases' character trie), built once at build time
 * and shipped to the content script, which never sees the rest of the corpus.
 */

export interface MatcherAlias {
  termId: string;
  text: string;
  caseSensitive: boolean;
  /** How an ambiguous alias's occurrences are decided; null for an unambiguous alias. */
  sense: SenseRule | null;
}

export interface CompiledMatcher {
  version: 5;
  /** Every alias of every term, in glossary order: the first alias of a spelling wins. */
  aliases: MatcherAlias[];
  termCategories: Record<string, TermCategory>;
  trie: CompiledTrie;
}

/** The aliases' character trie as plain arrays (see `buildTrie`). */
export interface CompiledTrie {
  /** The folded character code of each symbol. */
  symbolCodes: number[];
  /** Where each node's edges start in `edgeSymbol`, and one past the last node's. */
  edgeStart: number[];
  /** The symbol of each edge; edge `e` leads to node `e + 1`. */
  edgeSymbol: number[];
  /** Pairs of a node and an alias that ends there, in glossary order. */
  ends: number[];
}

export interface TermMention {
  termId: string;
  aliasIndex: number;
  start: number;
  end: number;
}

/** A match, with what its own context says of its sense, before the page's evidence is known. */
export interface TermCandidate extends TermMention {
  /** The alias needs its sense decided. */
  ambiguous: boolean;
  /** For an ambiguous alias, the verdict of the occurrence's own context; else null. */
  verdict: SenseVerdict | null;
}

/** What a page says as a whole, for occurrences whose own context is neutral. */
export interface PageSense {
  /** Terms the page names through an unambiguous alias. */
  termsNamed: ReadonlySet<string>;
  /** Whether the page is about the security sense (`isSecurityTopic` of `termsNamed`). */
  securityTopic: boolean;
}

/** A page that says nothing: neutral occurrences stay out. */
export const SILENT_PAGE: PageSense = { termsNamed: new Set(), securityTopic: false };

/** The page evidence of the terms a page names outright. */
export function pageSense(termsNamed: ReadonlySet<string>): PageSense {
  return { termsNamed, securityTopic: isSecurityTopic(termsNamed) };
}

/**
 * The evidence of a frame that is part of a host page (a same-origin frame): the terms either
 * names outright, and the host's topic if the frame's own text does not make it one.
 */
export function withHostSense(own: ReadonlySet<string>, host: PageSense): PageSense {
  if (host.termsNamed.size === 0 && !host.securityTopic) return pageSense(own);
  const termsNamed = new Set([...own, ...host.termsNamed]);
  return { termsNamed, securityTopic: host.securityTopic || isSecurityTopic(termsNamed) };
}

/** A document of the corpus as evidence: it is about the security sense by definition. */
export function corpusSense(termsNamed: ReadonlySet<string>): PageSense {
  return { termsNamed, securityTopic: true };
}

export interface TermLike {
  id: string;
  category: TermCategory;
  aliases: TermAlias[];
}

/** An alias with no lower-case letter is an acronym and is matched case-sensitively. */
export function isCaseSensitive(alias: TermAlias): boolean {
  return alias.caseSensitive ?? !/\p{Ll}/u.test(alias.text);
}

const APOSTROPHE = /['\u2018\u2019]/;
const SPACE = /[\s\u00a0]/;

/** Folds the variants a match accepts (dashes, apostrophes, runs of white space, case). */
export function foldAliasText(text: string, caseSensitive: boolean): string {
  const folded = text
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ');
  if (caseSensitive) return folded;
  const lower = folded.toLowerCase();
  // A character whose lower case is longer (U+0130) keeps its case: offsets must stay aligned.
  return lower.length === folded.length
    ? lower
    : [...folded]
        .map((char) => (char.toLowerCase().length === 1 ? char.toLowerCase() : char))
        .join('');
}

export function compileMatcher(terms: TermLike[]): CompiledMatcher {
  const aliases: MatcherAlias[] = [];
  for (const term of terms) {
    for (const alias of term.aliases) {
      aliases.push({
        termId: term.id,
        text: alias.text,
        caseSensitive: isCaseSensitive(alias),
        sense: alias.sense ?? null,
      });
    }
  }
  return {
    version: 5,
    aliases,
    termCategories: Object.fromEntries(terms.map((term) => [term.id, term.category])),
    trie: buildTrie(aliases),
  };
}

/**
 * The terms a compiled matcher was made from, in their order, each with its aliases: compiling
 * them again gives the same matcher. The background adds the reader's terms to the packaged
 * matcher this way, without the glossary's sources.
 */
export function termsOfMatcher(compiled: CompiledMatcher): TermLike[] {
  const aliasesOf = new Map<string, TermAlias[]>();
  for (const { termId, text, caseSensitive, sense } of compiled.aliases) {
    const alias: TermAlias = { text, caseSensitive, ...(sense ? { sense } : {}) };
    const aliases = aliasesOf.get(termId) ?? [];
    aliases.push(alias);
    aliasesOf.set(termId, aliases);
  }
  return Object.entries(compiled.termCategories).map(([id, category]) => ({
    id,
    category,
    aliases: aliasesOf.get(id) ?? [],
  }));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces between words (or with particles glued on, as in Korean). */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const WORD = 1;
const NOT_WORD = 2;
/**
 * Whether each UTF-16 code unit continues a word, filled in as codes are met: the scan asks for
 * every character of the page, which a RegExp test per character would make the slowest step.
 */
const wordCodes = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) {
  wordCodes[code] = /[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? WORD : NOT_WORD;
}
// The large blocks of scripts written without spaces are filled at once: a Chinese or Japanese
// page has thousands of distinct characters, each of which would cost its own RegExp tests.
for (const [from, to] of [
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
]) {
  wordCodes.fill(NOT_WORD, from!, to! + 1);
}

function isWordCode(code: number): boolean {
  let known = wordCodes[code]!;
  if (known === 0) {
    const char = String.fromCharCode(code);
    known = WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char) ? WORD : NOT_WORD;
    wordCodes[code] = known;
  }
  return known === WORD;
}

/** Whether the character at `index` makes a match next to it part of a longer word. */
function continuesWord(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
}

function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 128 && SPACE.test(String.fromCharCode(code)))
  );
}

/** A hyphen between two letters: "counter-terrorism" is also written spaced and joined. */
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;

/**
 * The folded spellings an alias is matched by: its own, and for a hyphenated name the spaced and
 * joined forms newsrooms also print ("counter terrorism", "counterterrorism"). An acronym (matched
 * by its case) keeps its one spelling: "ICPO-INTERPOL" is not written otherwise.
 */
function spellingsOf(alias: { text: string; caseSensitive: boolean }): string[] {
  const folded = foldAliasText(alias.text, false);
  const spaced = folded.replace(INNER_HYPHEN, ' ');
  if (alias.caseSensitive || spaced === folded) return [folded];
  return [...new Set([folded, spaced, folded.replace(INNER_HYPHEN, '')])];
}

/** A soft hyphen, which a page may put inside any word: it is read past, as a reader does. */
const SOFT_HYPHEN = 0xad;

const NO_NODE = -1;
const NO_SYMBOL = -1;

/**
 * Builds the glossary's character trie over folded text, nodes numbered breadth-first so that a
 * node's children are consecutive: the edge at index `e` leads to node `e + 1`. Done when the
 * matcher is compiled, so that a page's content script only copies arrays at start-up.
 */
function buildTrie(aliases: readonly { text: string; caseSensitive: boolean }[]): CompiledTrie {
  // Symbols are UTF-16 code units, as the scan reads the page's text.
  const symbolOf = new Map<number, number>();
  const symbolCodes: number[] = [];
  // Children by (node, symbol), keyed by small integers; a map per node would cost more.
  const childOf = new Map<number, number>();
  const parents: number[] = [NO_NODE];
  const symbols: number[] = [NO_SYMBOL];
  const endsAt: number[][] = [[]];
  const spellings = aliases.flatMap((alias, aliasIndex) =>
    spellingsOf(alias).map((spelling) => ({ spelling, aliasIndex })),
  );
  const symbolCount = new Set(spellings.map(({ spelling }) => spelling).join('')).size + 1;
  spellings.forEach(({ spelling, aliasIndex }) => {
    let node = 0;
    for (let i = 0; i < spelling.length; i++) {
      const code = spelling.charCodeAt(i);
      let symbol = symbolOf.get(code);
      if (symbol === undefined) {
        symbol = symbolCodes.length;
        symbolOf.set(code, symbol);
        symbolCodes.push(code);
      }
      const key = node * symbolCount + symbol;
      let child = childOf.get(key);
      if (child === undefined) {
        child = parents.length;
        parents.push(node);
        symbols.push(symbol);
        endsAt.push([]);
        childOf.set(key, child);
      }
      node = child;
    }
    if (!endsAt[node]!.includes(aliasIndex)) endsAt[node]!.push(aliasIndex);
  });
  const childrenOf: number[][] = parents.map(() => []);
  for (let node = 1; node < parents.length; node++) childrenOf[parents[node]!]!.push(node);
  // Breadth-first renumbering: the root is 0, then each node's children in a row.
  const order: number[] = [0];
  for (let i = 0; i < order.length; i++) order.push(...childrenOf[order[i]!]!);
  const edgeStart: number[] = [];
  const edgeSymbol: number[] = [];
  const ends: number[] = [];
  let nextEdge = 0;
  order.forEach((oldNode, node) => {
    edgeStart.push(nextEdge);
    for (const child of childrenOf[oldNode]!) {
      edgeSymbol.push(symbols[child]!);
      nextEdge++;
    }
    for (const aliasIndex of endsAt[oldNode]!) ends.push(node, aliasIndex);
  });
  edgeStart.push(nextEdge);
  return { symbolCodes, edgeStart, edgeSymbol, ends };
}

/**
 * The glossary as a character trie over folded text. Scanning walks it from each word start, so
 * its cost follows the length of the text and barely the number of aliases (a RegExp
 * alternation tries every alias at every position). Edges are kept as flat arrays: the
 * matcher is loaded in every frame of every page, and must be cheap to load and to hold.
 */
class AliasTrie {
  /** Text character code to symbol; ASCII in a table, the rest (rare) in a map. */
  private readonly asciiSymbols = new Int16Array(128).fill(NO_SYMBOL);
  private readonly otherSymbols = new Map<number, number>();
  private spaceSymbol = NO_SYMBOL;
  /** Children of the root by symbol: nearly every word start stops or passes here. */
  private readonly rootChildren: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeSymbol: Int32Array;
  /** The aliases that end at each node, in glossary order. */
  readonly aliasesAt: (number[] | undefined)[];

  constructor(trie: CompiledTrie) {
    this.edgeStart = Int32Array.from(trie.edgeStart);
    this.edgeSymbol = Int32Array.from(trie.edgeSymbol);
    this.rootChildren = new Int32Array(trie.symbolCodes.length).fill(NO_NODE);
    for (let edge = this.edgeStart[0]!; edge < this.edgeStart[1]!; edge++) {
      this.rootChildren[this.edgeSymbol[edge]!] = edge + 1;
    }
    this.aliasesAt = new Array<number[] | undefined>(trie.edgeStart.length - 1);
    for (let i = 0; i < trie.ends.length; i += 2) {
      (this.aliasesAt[trie.ends[i]!] ??= []).push(trie.ends[i + 1]!);
    }
    trie.symbolCodes.forEach((code, symbol) =>
      this.registerVariants(String.fromCharCode(code), symbol),
    );
  }

  /** The symbol of a character of page text, or NO_SYMBOL when no alias uses it. */
  symbolAt(code: number): number {
    return code < 128 ? this.asciiSymbols[code]! : (this.otherSymbols.get(code) ?? NO_SYMBOL);
  }

  isSpace(symbol: number): boolean {
    return symbol === this.spaceSymbol;
  }

  /** The node a match starting with this character code begins at, or NO_NODE. */
  rootChildOf(code: number): number {
    const symbol = this.symbolAt(code);
    return symbol === NO_SYMBOL ? NO_NODE : this.rootChildren[symbol]!;
  }

  child(node: number, symbol: number): number {
    for (let edge = this.edgeStart[node]!, end = this.edgeStart[node + 1]!; edge < end; edge++) {
      if (this.edgeSymbol[edge] === symbol) return edge + 1;
    }
    return NO_NODE;
  }

  /** Every character of page text that folds to `folded` gets its symbol. */
  private registerVariants(folded: string, symbol: number): void {
    const variants: string[] =
      folded === '-'
        ? ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']
        : folded === "'"
          ? ["'", '\u2018', '\u2019']
          : folded === ' '
            ? [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2028', '\u2029']
                .concat(['\u202f', '\u205f', '\u3000', '\ufeff'])
                .concat(Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)))
            : [folded, folded.toUpperCase()].filter((variant) => variant.length === 1);
    if (folded === ' ') this.spaceSymbol = symbol;
    for (const variant of variants) {
      const code = variant.charCodeAt(0);
      if (code < 128) this.asciiSymbols[code] = symbol;
      else this.otherSymbols.set(code, symbol);
    }
  }
}

export class TermMatcher {
  private readonly trie: AliasTrie;
  /** Each alias's folded text with its case kept, to check case-sensitive matches. */
  private readonly caseKeys: string[];

  /** Each ambiguous alias's sense rule, ready to test contexts; compiled on first use. */
  private readonly senseRules = new Map<number, CompiledSenseRule>();

  constructor(readonly compiled: CompiledMatcher) {
    this.trie = new AliasTrie(compiled.trie);
    this.caseKeys = compiled.aliases.map((alias) => foldAliasText(alias.text, true));
  }

  get aliases(): readonly MatcherAlias[] {
    return this.compiled.aliases;
  }

  categoryOf(termId: string): TermCategory | undefined {
    return this.compiled.termCategories[termId];
  }

  /**
   * Every match in one block of text, leftmost first and longest at each start, with what is
   * known about the confirmation of ambiguous aliases from the block alone.
   */
  scan(text: string, surroundings = ''): TermCandidate[] {
    const matches: TermMention[] = [];
    const length = text.length;
    let start = 0;
    let afterWordChar = false;
    while (start < length) {
      const code = text.charCodeAt(start);
      const node = afterWordChar ? NO_NODE : this.trie.rootChildOf(code);
      const match = node === NO_NODE ? null : this.longestMatchFrom(text, start, node);
      if (!match) {
        afterWordChar = isWordCode(code);
        start++;
        continue;
      }
      matches.push({
        termId: this.compiled.aliases[match.aliasIndex]!.termId,
        aliasIndex: match.aliasIndex,
        start,
        end: match.end,
      });
      start = match.end;
      afterWordChar = continuesWord(text, start - 1);
    }
    return matches.map((match) => {
      const sense = this.compiled.aliases[match.aliasIndex]!.sense;
      if (!sense) return { ...match, ambiguous: false, verdict: null };
      return {
        ...match,
        ambiguous: true,
        verdict: this.decideContext(text, match, matches, surroundings),
      };
    });
  }

  /** The verdict of an ambiguous occurrence's own context: its words and the terms near it. */
  private decideContext(
    text: string,
    match: TermMention,
    matches: readonly TermMention[],
    surroundings: string,
  ): SenseVerdict {
    let rule = this.senseRules.get(match.aliasIndex);
    if (!rule) {
      rule = compileSenseRule(this.compiled.aliases[match.aliasIndex]!.sense!);
      this.senseRules.set(match.aliasIndex, rule);
    }
    // What the reader sees around a short text (a table cell's column header) is context too.
    const context = `${contextAround(text, match.start, match.end)} ${foldContext(surroundings)}`;
    // Terms named outright within the context's reach.
    const reach = context.length;
    const nearby: NearbyTerm[] = matches
      .filter(
        (other) =>
          other !== match &&
          !this.isAmbiguous(other.aliasIndex) &&
          Math.abs(other.start - match.start) <= reach,
      )
      .map((other) => ({ termId: other.termId, text: text.slice(other.start, other.end) }));
    return decideFromContext(rule, context, nearby);
  }

  /**
   * All mentions in one block of text: unambiguous ones, and ambiguous ones that their context
   * confirms or, when it is neutral, the page's evidence.
   */
  findMentions(text: string, page: PageSense = SILENT_PAGE): TermMention[] {
    return this.scan(text)
      .filter((candidate) => isAccepted(this, candidate, page))
      .map(({ termId, aliasIndex, start, end }) => ({ termId, aliasIndex, start, end }));
  }

  /**
   * Terms that the texts name outright: through an alias that needs no confirmation, or one
   * that its own context confirms (a page that writes "G7 leaders" names the G7).
   */
  confirmedTerms(texts: Iterable<string>): Set<string> {
    const confirmed = new Set<string>();
    for (const text of texts) {
      for (const candidate of this.scan(text)) {
        if (namesTerm(candidate)) confirmed.add(candidate.termId);
      }
    }
    return confirmed;
  }

  /** Whether an alias needs its sense decided (so a mention through it names nothing outright). */
  isAmbiguous(aliasIndex: number): boolean {
    return this.compiled.aliases[aliasIndex]?.sense != null;
  }

  /** Whether a candidate's neutral context may be settled by the page's evidence. */
  takesPageEvidence(candidate: TermMention): boolean {
    return this.compiled.aliases[candidate.aliasIndex]?.sense?.pageEvidence === true;
  }

  /** The final verdict on a candidate, given the page: its context's, or the page's if neutral. */
  verdictOn(candidate: TermCandidate, page: PageSense): SenseVerdict | null {
    if (!candidate.verdict) return null;
    const rule = this.compiled.aliases[candidate.aliasIndex]!.sense!;
    return decideOnPage(candidate.verdict, rule, candidate.termId, {
      namesTerm: page.termsNamed.has(candidate.termId),
      securityTopic: page.securityTopic,
    });
  }

  /** Walks the trie from a word start; the longest alias that ends on a word boundary wins. */
  private longestMatchFrom(
    text: string,
    start: number,
    firstNode: number,
  ): { aliasIndex: number; end: number } | null {
    const length = text.length;
    let best: { aliasIndex: number; end: number } | null = null;
    let node = firstNode;
    let position = start + 1;
    for (;;) {
      const ending = this.trie.aliasesAt[node];
      if (ending) {
        const found = this.aliasEndingAt(text, start, position, ending);
        if (found) best = found;
      }
      if (position >= length) break;
      const code = text.charCodeAt(position);
      if (code === SOFT_HYPHEN) {
        position++;
        continue;
      }
      const symbol = this.trie.symbolAt(code);
      if (symbol === NO_SYMBOL) break;
      const next = this.trie.child(node, symbol);
      if (next === NO_NODE) break;
      node = next;
      position++;
      // A space in an alias stands for any run of white space in the text.
      if (this.trie.isSpace(symbol)) {
        while (position < length && isSpaceCode(text.charCodeAt(position))) position++;
      }
    }
    return best;
  }

  /**
   * The alias among `ending` that the text from `start` to `end` spells (case-sensitive ones
   * must match their case; they come first), with an optional possessive or plural, if a word
   * boundary follows.
   */
  private aliasEndingAt(
    text: string,
    start: number,
    end: number,
    ending: readonly number[],
  ): { aliasIndex: number; end: number } | null {
    const next = text[end];
    // Most prefixes of a longer word ("UN" in "under") stop here, before any slicing.
    if (continuesWord(text, end) && next !== 's' && next !== 'S') return null;
    let chosen: number | undefined;
    for (const aliasIndex of ending) {
      const alias = this.compiled.aliases[aliasIndex]!;
      if (alias.caseSensitive) {
        const spelled = text.slice(start, end).replaceAll('\u00ad', '');
        if (foldAliasText(spelled, true) === this.caseKeys[aliasIndex]) {
          chosen = aliasIndex;
          break;
        }
      } else {
        chosen ??= aliasIndex;
      }
    }
    if (chosen === undefined) return null;
    const caseSensitive = this.compiled.aliases[chosen]!.caseSensitive;
    // "FATF's", "FTFs": a possessive or a plural belongs to the mention.
    const isS = (index: number) => text[index] === 's' || (!caseSensitive && text[index] === 'S');
    let suffixEnd = end;
    if (APOSTROPHE.test(text[end] ?? '') && isS(end + 1)) suffixEnd = end + 2;
    else if (isS(end)) suffixEnd = end + 1;
    if (!continuesWord(text, suffixEnd)) return { aliasIndex: chosen, end: suffixEnd };
    // "FATF'sx": the apostrophe still ends the word "FATF".
    if (suffixEnd !== end && !continuesWord(text, end)) return { aliasIndex: chosen, end };
    return null;
  }
}

/** Whether a candidate names its term outright: unambiguous, or confirmed by its context. */
export function namesTerm(candidate: TermCandidate): boolean {
  return !candidate.ambiguous || candidate.verdict!.accepted;
}

/** Whether a candidate is a mention, given what the page says. */
export function isAccepted(
  matcher: TermMatcher,
  candidate: TermCandidate,
  page: PageSense,
): boolean {
  return !candidate.ambiguous || matcher.verdictOn(candidate, page)!.accepted;
}

/**
 * How often each passage of one document mentions each term. A document is on-topic as a whole,
 * so an ambiguous alias counts when its confirming context holds in the passage or the document
 * uses the term's unambiguous form somewhere. The build links the built-in corpus this way, the
 * background each document the reader adds.
 */
export function documentTermCounts(
  matcher: TermMatcher,
  passageTexts: readonly string[],
): Map<string, number>[] {
  const sense = corpusSense(matcher.confirmedTerms(passageTexts));
  return passageTexts.map((text) => {
    const counts = new Map<string, number>();
    for (const mention of matcher.findMentions(text, sense)) {
      counts.set(mention.termId, (counts.get(mention.termId) ?? 0) + 1);
    }
    return counts;
  });
}
