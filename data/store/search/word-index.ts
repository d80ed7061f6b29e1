import type { Options, Query, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * An index of words held in typed arrays, built and searched by MiniSearch's own rules (BM25+
 * per field, field and term boosts, prefix and typo expansion with their weights, AND / OR
 * combination, the score multiplied by how many query words matched), but accumulating scores in
 * arrays instead of an object per matching record. On a corpus a hundred times ours a common word
 * matches tens of thousands of passages, and MiniSearch's own index then misses the search target
 * (the search-engine benchmark in BENCHMARKS.md). Typed arrays also store and load as they are,
 * and an index takes records in (`merge`) and out (`without`) by copying postings, without
 * reading any text again. MiniSearch's radix tree (`SearchableMap`) finds typos.
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
   * The index of `records`, each with an `id` and the options' fields, built as MiniSearch's
   * `addAll` builds its own: a word's count per field and record after `processTerm`, a field's
   * length as its number of distinct words before it. Records are numbered in the order given.
   */
  static build(records: readonly { id: string }[], options: WordIndexOptions): WordIndex {
    const { fields, tokenize, processTerm } = options;
    const fieldCount = fields.length;
    /** Per word and field, pairs of a record and the word's count in that field. */
    const postings = new Map<string, number[][]>();
    const fieldLengths = new Uint16Array(records.length * fieldCount);
    records.forEach((record, number) => {
      fields.forEach((field, f) => {
        const value = (record as Record<string, unknown>)[field];
        const tokens = tokenize(typeof value === 'string' ? value : '', field);
        fieldLengths[number * fieldCount + f] = Math.min(new Set(tokens).size, 0xffff);
        const counts = new Map<string, number>();
        for (const token of tokens) {
          const processed = processTerm(token, field);
          for (const word of Array.isArray(processed) ? processed : [processed]) {
            if (typeof word === 'string' && word !== '')
              counts.set(word, (counts.get(word) ?? 0) + 1);
          }
        }
        for (const [word, count] of counts) {
          let byField = postings.get(word);
          if (!byField) {
            byField = Array.from({ length: fieldCount }, () => []);
            postings.set(word, byField);
          }
          byField[f]!.push(number, count);
        }
      });
    });
    const words = [...postings.keys()].sort(compareWords);
    let total = 0;
    for (const byField of postings.values()) for (const pairs of byField) total += pairs.length / 2;
    const postingStarts = new Uint32Array(words.length * fieldCount + 1);
    const postingRecords = new Uint32Array(total);
    const postingCounts = new Uint16Array(total);
    let at = 0;
    words.forEach((word, w) => {
      postings.get(word)!.forEach((pairs, f) => {
        postingStarts[w * fieldCount + f] = at;
        for (let i = 0; i < pairs.length; i += 2) {
          postingRecords[at] = pairs[i]!;
          postingCounts[at] = Math.min(pairs[i + 1]!, 0xffff);
          at++;
        }
      });
    });
    postingStarts[words.length * fieldCount] = at;
    return WordIndex.of(
      { words, postingStarts, postingRecords, postingCounts, fieldLengths },
      records.map((record) => record.id),
      options,
    );
  }

  /**
   * One index of the records of all `parts`, in their order (the first part's records first):
   * the same index as building it from all their records at once, made by copying postings,
   * without reading any text again.
   */
  static merge(parts: readonly WordIndex[], options: WordIndexOptions): WordIndex {
    const fieldCount = options.fields.length;
    for (const part of parts) {
      if (part.stored.fields.join('\n') !== options.fields.join('\n')) {
        throw new Error('merged indexes must have the same fields, in the same order');
      }
    }
    const words = [...new Set(parts.flatMap((part) => part.words))].sort(compareWords);
    const firstRecord: number[] = [];
    let records = 0;
    for (const part of parts) {
      firstRecord.push(records);
      records += part.recordCount;
    }
    const total = parts.reduce((sum, part) => sum + part.stored.postingRecords.length, 0);
    const postingStarts = new Uint32Array(words.length * fieldCount + 1);
    const postingRecords = new Uint32Array(total);
    const postingCounts = new Uint16Array(total);
    /** Each part's next word: both lists are sorted, so one pass walks them together. */
    const cursors = parts.map(() => 0);
    let at = 0;
    words.forEach((word, w) => {
      const having = parts.flatMap((part, p) => (part.words[cursors[p]!] === word ? [p] : []));
      for (let f = 0; f < fieldCount; f++) {
        postingStarts[w * fieldCount + f] = at;
        for (const p of having) {
          const {
            postingStarts: starts,
            postingRecords: from,
            postingCounts: counts,
          } = parts[p]!.stored;
          const slot = cursors[p]! * fieldCount + f;
          for (let i = starts[slot]!; i < starts[slot + 1]!; i++) {
            postingRecords[at] = from[i]! + firstRecord[p]!;
            postingCounts[at] = counts[i]!;
            at++;
          }
        }
      }
      for (const p of having) cursors[p]!++;
    });
    postingStarts[words.length * fieldCount] = at;
    const fieldLengths = new Uint16Array(records * fieldCount);
    parts.forEach((part, p) =>
      fieldLengths.set(part.stored.fieldLengths, firstRecord[p]! * fieldCount),
    );
    return WordIndex.of(
      { words, postingStarts, postingRecords, postingCounts, fieldLengths },
      parts.flatMap((part) => part.recordIds),
      options,
    );
  }

  /**
   * This index without the records `leaves` picks: the same index as building it from the
   * other records alone, in their order. Words no record has any more are dropped.
   */
  without(leaves: (recordId: string) => boolean): WordIndex {
    const { fieldCount, stored } = this;
    const renumbered = new Int32Array(this.recordCount).fill(-1);
    const keptIds: string[] = [];
    this.recordIds.forEach((id, record) => {
      if (leaves(id)) return;
      renumbered[record] = keptIds.length;
      keptIds.push(id);
    });
    const postingRecords = new Uint32Array(stored.postingRecords.length);
    const postingCounts = new Uint16Array(stored.postingRecords.length);
    const starts: number[] = [];
    const keptWords: string[] = [];
    let at = 0;
    this.words.forEach((word, w) => {
      const wordStart = at;
      const fieldStarts: number[] = [];
      for (let f = 0; f < fieldCount; f++) {
        fieldStarts.push(at);
        const slot = w * fieldCount + f;
        for (let i = stored.postingStarts[slot]!; i < stored.postingStarts[slot + 1]!; i++) {
          const record = renumbered[stored.postingRecords[i]!]!;
          if (record < 0) continue;
          postingRecords[at] = record;
          postingCounts[at] = stored.postingCounts[i]!;
          at++;
        }
      }
      if (at === wordStart) return;
      keptWords.push(word);
      starts.push(...fieldStarts);
    });
    starts.push(at);
    const fieldLengths = new Uint16Array(keptIds.length * fieldCount);
    renumbered.forEach((record, old) => {
      if (record < 0) return;
      fieldLengths.set(
        stored.fieldLengths.subarray(old * fieldCount, (old + 1) * fieldCount),
        record * fieldCount,
      );
    });
    return WordIndex.of(
      {
        words: keptWords,
        postingStarts: Uint32Array.from(starts),
        postingRecords: postingRecords.slice(0, at),
        postingCounts: postingCounts.slice(0, at),
        fieldLengths,
      },
      keptIds,
      this.options,
    );
  }

  /** An index of these postings, its field averages taken from the field lengths. */
  private static of(
    postings: Pick<
      StoredWordIndex,
      'postingStarts' | 'postingRecords' | 'postingCounts' | 'fieldLengths'
    > & { words: readonly string[] },
    recordIds: readonly string[],
    options: WordIndexOptions,
  ): WordIndex {
    const { words, ...arrays } = postings;
    return new WordIndex(
      {
        fields: options.fields,
        words: words.join('\n'),
        ...arrays,
        averageFieldLengths: averageLengths(arrays.fieldLengths, options.fields.length),
        recordIds: recordIds.join('\n'),
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

/** Words in code-unit order, the order `lowerBound` searches. */
function compareWords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each field's average length over every record, as MiniSearch averages them. */
function averageLengths(fieldLengths: Uint16Array, fieldCount: number): number[] {
  const records = fieldLengths.length / fieldCount;
  const totals = new Array<number>(fieldCount).fill(0);
  for (let i = 0; i < fieldLengths.length; i++) totals[i % fieldCount]! += fieldLengths[i]!;
  return totals.map((total) => (records === 0 ? 0 : total / records));
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
