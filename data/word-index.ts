import type { AsPlainObject, Options, Query, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * MiniSearch's index of words, held in typed arrays, and a search over it that follows
 * MiniSearch's own rules (BM25+ per field, field and term boosts, prefix and typo expansion with
 * their weights, AND / OR combination, the score multiplied by how many query words matched) but
 * accumulates scores in arrays instead of an object per matching record. MiniSearch builds the
 * index; this is what searches it, because on a corpus a hundred times the size of ours a common
 * word matches tens of thousands of passages, and MiniSearch's per-record objects then cost
 * tens of milliseconds a query. Typed arrays also store and load as they are: no JSON to parse.
 *
 * `test/unit/word-index.test.ts` checks results and scores against MiniSearch's `search`.
 */

/**
 * What of MiniSearch's options the index is built and searched with. The query's words are split
 * and normalised as the records' were, so both functions are given, not left to defaults.
 */
export type WordIndexOptions = Required<
  Pick<Options<never>, 'fields' | 'tokenize' | 'processTerm'>
> &
  Pick<Options<never>, 'searchOptions'>;

/** The subset of MiniSearch's search options this search honours. */
export type WordSearchOptions = Pick<
  SearchOptions,
  'boost' | 'prefix' | 'fuzzy' | 'combineWith' | 'boostTerm' | 'weights' | 'maxFuzzy' | 'bm25'
>;

/** The index as stored in IndexedDB: typed arrays and strings, which structured cloning copies. */
export interface StoredWordIndex {
  fields: readonly string[];
  /** The index's words, sorted, joined by "\n" (no word holds one: words are letters and digits). */
  words: string;
  /** Word w in field f has the postings from `postingStarts[w * fields + f]` to the next start. */
  postingStarts: Uint32Array;
  /** Record numbers, ascending within each word and field. */
  postingRecords: Uint32Array;
  /** How often the word occurs in that field of that record. */
  postingCounts: Uint16Array;
  /** Record r's field f holds `fieldLengths[r * fields + f]` words. */
  fieldLengths: Uint16Array;
  averageFieldLengths: readonly number[];
  /** Each record's id, in record order, joined by "\n". */
  recordIds: string;
}

/** What a search matched: records in ascending order, with their scores. */
export interface WordMatch {
  records: Uint32Array;
  scores: Float64Array;
}

const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_MAX_FUZZY = 6;

/** A query word with what it expands to: itself, longer words it starts, close spellings. */
interface WordPlan {
  kind: 'word';
  /** Bit of this query word, for counting the distinct query words a record matched. */
  bit: number;
  termBoost: number;
  /** Each field's boost, in the order of the index's fields. */
  fieldBoosts: number[];
  bm25: { k: number; b: number; d: number };
  /** Index words and their weights (1 for the word itself). */
  expansions: { word: number; weight: number }[];
}

interface GroupPlan {
  kind: 'group';
  combineWith: 'AND' | 'OR' | 'AND_NOT';
  parts: QueryPlan[];
}

type QueryPlan = WordPlan | GroupPlan;

/** A query resolved against the index: run once for scores, again per record to say what matched. */
export interface PreparedQuery {
  readonly plan: QueryPlan;
  /** Words of the query per bit, for the count of matched query words. */
  readonly queryWordCount: number;
}

/** Matches under construction: ascending records, their scores and matched query-word bits. */
interface Accumulated {
  records: Uint32Array;
  scores: Float64Array;
  /** `maskWords` 32-bit words per record. */
  masks: Uint32Array;
}

export class WordIndex {
  readonly words: readonly string[];
  readonly recordIds: readonly string[];
  private readonly fieldCount: number;
  private fuzzyWords: SearchableMap<number> | null = null;
  /** Scratch space the size of the record count, reused by every query. */
  private readonly scratchScores: Float64Array;
  private readonly scratchSeen: Uint8Array;
  private readonly scratchRecords: Uint32Array;

  private constructor(
    private readonly stored: StoredWordIndex,
    private readonly options: WordIndexOptions,
  ) {
    this.words = stored.words === '' ? [] : stored.words.split('\n');
    this.recordIds = stored.recordIds === '' ? [] : stored.recordIds.split('\n');
    this.fieldCount = stored.fields.length;
    const records = this.recordIds.length;
    this.scratchScores = new Float64Array(records);
    this.scratchSeen = new Uint8Array(records);
    this.scratchRecords = new Uint32Array(records);
  }

  get recordCount(): number {
    return this.recordIds.length;
  }

  /** Reads a stored index back (`isStoredWordIndex` tells one that has every part). */
  static fromStored(stored: StoredWordIndex, options: WordIndexOptions): WordIndex {
    return new WordIndex(stored, options);
  }

  /**
   * The typed-array form of a MiniSearch index (`toJSON()`), built with `options`. Records are
   * numbered in the order MiniSearch numbered them, which is the order they were added.
   */
  static fromMiniSearch(plain: AsPlainObject, options: WordIndexOptions): WordIndex {
    const fields = options.fields;
    const fieldCount = fields.length;
    const shortIds = Object.keys(plain.documentIds)
      .map(Number)
      .sort((a, b) => a - b);
    const recordOf = new Map(shortIds.map((shortId, record) => [shortId, record]));
    const fieldIdOf = fields.map((field) => plain.fieldIds[field]!);
    const entries = [...plain.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

    let total = 0;
    for (const [, byField] of entries) {
      for (const postings of Object.values(byField)) total += Object.keys(postings).length;
    }
    const postingStarts = new Uint32Array(entries.length * fieldCount + 1);
    const postingRecords = new Uint32Array(total);
    const postingCounts = new Uint16Array(total);
    let at = 0;
    entries.forEach(([, byField], word) => {
      fieldIdOf.forEach((fieldId, field) => {
        postingStarts[word * fieldCount + field] = at;
        const postings = byField[fieldId];
        if (!postings) return;
        const pairs = Object.entries(postings)
          .map(([shortId, count]) => [recordOf.get(Number(shortId))!, count] as const)
          .sort((a, b) => a[0] - b[0]);
        for (const [record, count] of pairs) {
          postingRecords[at] = record;
          postingCounts[at] = Math.min(count, 0xffff);
          at++;
        }
      });
    });
    postingStarts[entries.length * fieldCount] = at;

    const fieldLengths = new Uint16Array(shortIds.length * fieldCount);
    shortIds.forEach((shortId, record) => {
      const lengths = plain.fieldLength[shortId] ?? [];
      fieldIdOf.forEach((fieldId, field) => {
        fieldLengths[record * fieldCount + field] = Math.min(lengths[fieldId] ?? 0, 0xffff);
      });
    });
    return new WordIndex(
      {
        fields,
        words: entries.map(([word]) => word).join('\n'),
        postingStarts,
        postingRecords,
        postingCounts,
        fieldLengths,
        averageFieldLengths: fieldIdOf.map((fieldId) => plain.averageFieldLength[fieldId] ?? 0),
        recordIds: shortIds.map((shortId) => String(plain.documentIds[shortId])).join('\n'),
      },
      options,
    );
  }

  toStored(): StoredWordIndex {
    return this.stored;
  }

  /** The index word's number, or -1. */
  private wordNumber(word: string): number {
    const at = this.lowerBound(word);
    return this.words[at] === word ? at : -1;
  }

  /** Whether the index has the word, or (if `asPrefix`) a word it starts. */
  has(word: string, asPrefix: boolean): boolean {
    const next = this.words[this.lowerBound(word)];
    if (next === undefined) return false;
    return next === word || (asPrefix && next.startsWith(word));
  }

  /** Resolves the query's words against the index: what each expands to, and with what weight. */
  prepare(query: Query, searchOptions: WordSearchOptions = {}): PreparedQuery {
    const bits = new Map<string, number>();
    const plan = this.plan(query, { ...this.options.searchOptions, ...searchOptions }, bits);
    return { plan, queryWordCount: bits.size };
  }

  /** Every record the query matches, in record order, scored as MiniSearch scores them. */
  search(prepared: PreparedQuery): WordMatch {
    const maskWords = Math.max(1, Math.ceil(prepared.queryWordCount / 32));
    const matched = this.run(prepared.plan, maskWords);
    const { records, scores, masks } = matched;
    for (let i = 0; i < records.length; i++) {
      let quality = 0;
      for (let w = 0; w < maskWords; w++) quality += bitCount(masks[i * maskWords + w]!);
      scores[i]! *= quality || 1;
    }
    return { records, scores };
  }

  /** The index words by which a record matched the query (none if it did not match). */
  matchedWords(prepared: PreparedQuery, record: number): string[] {
    const found = new Set<number>();
    this.explain(prepared.plan, record, found);
    return [...found].map((word) => this.words[word]!);
  }

  private plan(query: Query, options: SearchOptions, bits: Map<string, number>): QueryPlan {
    if (typeof query !== 'string') {
      if (typeof query === 'symbol') throw new Error('The wildcard query is not supported');
      const groupOptions = { ...options, ...query, queries: undefined };
      return {
        kind: 'group',
        combineWith: combinator(groupOptions.combineWith),
        parts: query.queries.map((part) => this.plan(part, groupOptions, bits)),
      };
    }
    const { tokenize, processTerm } = this.options;
    const terms = tokenize(query).flatMap((term) => {
      const processed = processTerm(term);
      return (Array.isArray(processed) ? processed : [processed]).filter(
        (value): value is string => typeof value === 'string' && value !== '',
      );
    });
    return {
      kind: 'group',
      combineWith: combinator(options.combineWith),
      parts: terms.map((term, i) => {
        if (!bits.has(term)) bits.set(term, bits.size);
        return this.planWord(term, i, terms, options, bits.get(term)!);
      }),
    };
  }

  private planWord(
    term: string,
    i: number,
    terms: string[],
    options: SearchOptions,
    bit: number,
  ): WordPlan {
    const fuzzy =
      typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy;
    const prefix =
      typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix;
    const termBoost =
      typeof options.boostTerm === 'function' ? options.boostTerm(term, i, terms) : 1;
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const expansions: WordPlan['expansions'] = [];
    const exact = this.wordNumber(term);
    if (exact >= 0) expansions.push({ word: exact, weight: 1 });
    if (prefix === true) {
      for (let word = this.lowerBound(term); word < this.words.length; word++) {
        const candidate = this.words[word]!;
        if (!candidate.startsWith(term)) break;
        const distance = candidate.length - term.length;
        if (distance === 0) continue;
        const weight = (weights.prefix * candidate.length) / (candidate.length + 0.3 * distance);
        expansions.push({ word, weight });
      }
    }
    if (fuzzy) {
      const ratio = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance =
        ratio < 1
          ? Math.min(options.maxFuzzy ?? DEFAULT_MAX_FUZZY, Math.round(term.length * ratio))
          : ratio;
      if (maxDistance) {
        for (const [candidate, [word, distance]] of this.fuzzyMap().fuzzyGet(term, maxDistance)) {
          // A word the query word starts is scored as a prefix match, as MiniSearch does.
          if (distance === 0 || (prefix === true && candidate.startsWith(term))) continue;
          const weight = (weights.fuzzy * candidate.length) / (candidate.length + distance);
          expansions.push({ word, weight });
        }
      }
    }
    const boost = options.boost ?? {};
    const fieldBoosts = this.stored.fields.map((field) =>
      Object.prototype.hasOwnProperty.call(boost, field) ? boost[field] || 1 : 1,
    );
    const bm25 = { ...DEFAULT_BM25, ...options.bm25 };
    return { kind: 'word', bit, termBoost, fieldBoosts, bm25, expansions };
  }

  /** MiniSearch's radix tree of the index's words, for typo expansion; built on first use. */
  fuzzyMap(): SearchableMap<number> {
    if (!this.fuzzyWords) {
      const map = new SearchableMap<number>();
      this.words.forEach((word, number) => map.set(word, number));
      this.fuzzyWords = map;
    }
    return this.fuzzyWords;
  }

  private run(plan: QueryPlan, maskWords: number): Accumulated {
    if (plan.kind === 'word') return this.runWord(plan, maskWords);
    if (plan.parts.length === 0) return allocated(0, 0);
    let combined = this.run(plan.parts[0]!, maskWords);
    for (const part of plan.parts.slice(1)) {
      const next = this.run(part, maskWords);
      combined =
        plan.combineWith === 'AND'
          ? intersect(combined, next, maskWords)
          : plan.combineWith === 'OR'
            ? union(combined, next, maskWords)
            : subtract(combined, next, maskWords);
    }
    return combined;
  }

  /** One query word: BM25+ of each of its expansions in each field, summed per record. */
  private runWord(plan: WordPlan, maskWords: number): Accumulated {
    const { fieldCount, stored, scratchScores: scores, scratchSeen: seen } = this;
    const { postingStarts, postingRecords, postingCounts, fieldLengths, averageFieldLengths } =
      stored;
    const { fieldBoosts, bm25 } = plan;
    const { k, b, d } = bm25;
    const recordCount = this.recordCount;
    const touched = this.scratchRecords;
    let touchedCount = 0;
    for (const { word, weight } of plan.expansions) {
      for (let field = 0; field < fieldCount; field++) {
        const start = postingStarts[word * fieldCount + field]!;
        const end = postingStarts[word * fieldCount + field + 1]!;
        if (start === end) continue;
        const matching = end - start;
        const inverseFrequency = Math.log(1 + (recordCount - matching + 0.5) / (matching + 0.5));
        const factor = weight * plan.termBoost * fieldBoosts[field]! * inverseFrequency;
        const lengthScale = (k * b) / averageFieldLengths[field]!;
        const lengthBase = k * (1 - b);
        for (let i = start; i < end; i++) {
          const record = postingRecords[i]!;
          const count = postingCounts[i]!;
          const length = fieldLengths[record * fieldCount + field]!;
          const score =
            factor * (d + (count * (k + 1)) / (count + lengthBase + lengthScale * length));
          if (seen[record] === 0) {
            seen[record] = 1;
            scores[record] = score;
            touched[touchedCount++] = record;
          } else scores[record]! += score;
        }
      }
    }
    const records = new Uint32Array(touchedCount);
    // Sorting few records beats reading all; reading all beats sorting many.
    if (touchedCount * 16 < recordCount) {
      records.set(touched.subarray(0, touchedCount));
      records.sort();
    } else {
      for (let record = 0, at = 0; record < recordCount; record++) {
        if (seen[record] !== 0) records[at++] = record;
      }
    }
    const result: Accumulated = {
      records,
      scores: new Float64Array(touchedCount),
      masks: new Uint32Array(touchedCount * maskWords),
    };
    const maskWord = plan.bit >>> 5;
    const maskBit = 1 << (plan.bit & 31);
    for (let i = 0; i < touchedCount; i++) {
      const record = records[i]!;
      result.scores[i] = scores[record]!;
      result.masks[i * maskWords + maskWord] = maskBit;
      seen[record] = 0;
    }
    return result;
  }

  private explain(plan: QueryPlan, record: number, found: Set<number>): boolean {
    if (plan.kind === 'word') {
      let matched = false;
      for (const { word } of plan.expansions) {
        if (this.holds(word, record)) {
          found.add(word);
          matched = true;
        }
      }
      return matched;
    }
    if (plan.parts.length === 0) return false;
    if (plan.combineWith === 'OR') {
      let matched = false;
      for (const part of plan.parts) matched = this.explain(part, record, found) || matched;
      return matched;
    }
    const local = new Set<number>();
    if (!this.explain(plan.parts[0]!, record, local)) return false;
    for (const part of plan.parts.slice(1)) {
      const partMatched = this.explain(
        part,
        record,
        plan.combineWith === 'AND' ? local : new Set(),
      );
      if (partMatched !== (plan.combineWith === 'AND')) return false;
    }
    for (const word of local) found.add(word);
    return true;
  }

  /** Whether the record holds the index word in any field. */
  private holds(word: number, record: number): boolean {
    const { postingStarts, postingRecords } = this.stored;
    for (let field = 0; field < this.fieldCount; field++) {
      let low = postingStarts[word * this.fieldCount + field]!;
      let high = postingStarts[word * this.fieldCount + field + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (postingRecords[middle]! < record) low = middle + 1;
        else high = middle;
      }
      if (
        low < postingStarts[word * this.fieldCount + field + 1]! &&
        postingRecords[low] === record
      ) {
        return true;
      }
    }
    return false;
  }

  private lowerBound(word: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]! < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function combinator(combineWith: string | undefined): GroupPlan['combineWith'] {
  const upper = (combineWith ?? 'OR').toUpperCase();
  if (upper === 'AND' || upper === 'OR' || upper === 'AND_NOT') return upper;
  throw new Error(`Invalid combination operator: ${combineWith}`);
}

/** Room for `size` records, their scores and masks. */
function allocated(size: number, maskWords: number): Accumulated {
  return {
    records: new Uint32Array(size),
    scores: new Float64Array(size),
    masks: new Uint32Array(size * maskWords),
  };
}

/** The first `count` entries of arrays filled that far. */
function firstEntries(all: Accumulated, count: number, maskWords: number): Accumulated {
  return {
    records: all.records.subarray(0, count),
    scores: all.scores.subarray(0, count),
    masks: all.masks.subarray(0, count * maskWords),
  };
}

function intersect(a: Accumulated, b: Accumulated, maskWords: number): Accumulated {
  const { records, scores, masks } = allocated(
    Math.min(a.records.length, b.records.length),
    maskWords,
  );
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.records.length && j < b.records.length) {
    const left = a.records[i]!;
    const right = b.records[j]!;
    if (left < right) i++;
    else if (right < left) j++;
    else {
      records[at] = left;
      scores[at] = a.scores[i]! + b.scores[j]!;
      for (let w = 0; w < maskWords; w++) {
        masks[at * maskWords + w] = a.masks[i * maskWords + w]! | b.masks[j * maskWords + w]!;
      }
      at++;
      i++;
      j++;
    }
  }
  return firstEntries({ records, scores, masks }, at, maskWords);
}

function union(a: Accumulated, b: Accumulated, maskWords: number): Accumulated {
  const { records, scores, masks } = allocated(a.records.length + b.records.length, maskWords);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.records.length || j < b.records.length) {
    const left = i < a.records.length ? a.records[i]! : Infinity;
    const right = j < b.records.length ? b.records[j]! : Infinity;
    const record = Math.min(left, right);
    records[at] = record;
    scores[at] = (left === record ? a.scores[i]! : 0) + (right === record ? b.scores[j]! : 0);
    for (let w = 0; w < maskWords; w++) {
      masks[at * maskWords + w] =
        (left === record ? a.masks[i * maskWords + w]! : 0) |
        (right === record ? b.masks[j * maskWords + w]! : 0);
    }
    if (left === record) i++;
    if (right === record) j++;
    at++;
  }
  return firstEntries({ records, scores, masks }, at, maskWords);
}

function subtract(a: Accumulated, b: Accumulated, maskWords: number): Accumulated {
  const keep: number[] = [];
  let j = 0;
  for (let i = 0; i < a.records.length; i++) {
    while (j < b.records.length && b.records[j]! < a.records[i]!) j++;
    if (j >= b.records.length || b.records[j] !== a.records[i]) keep.push(i);
  }
  return {
    records: Uint32Array.from(keep, (i) => a.records[i]!),
    scores: Float64Array.from(keep, (i) => a.scores[i]!),
    masks: Uint32Array.from({ length: keep.length * maskWords }, (_, at) => {
      const i = keep[Math.floor(at / maskWords)]!;
      return a.masks[i * maskWords + (at % maskWords)]!;
    }),
  };
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether a value read from storage has every part of a stored index, each of its type. */
export function isStoredWordIndex(value: unknown): value is StoredWordIndex {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Record<string, unknown>;
  return (
    Array.isArray(stored.fields) &&
    typeof stored.words === 'string' &&
    stored.postingStarts instanceof Uint32Array &&
    stored.postingRecords instanceof Uint32Array &&
    stored.postingCounts instanceof Uint16Array &&
    stored.fieldLengths instanceof Uint16Array &&
    Array.isArray(stored.averageFieldLengths) &&
    typeof stored.recordIds === 'string'
  );
}
