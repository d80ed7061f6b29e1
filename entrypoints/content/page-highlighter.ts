import Mark from 'mark.js';
import type { SenseReason } from '../../utils/sense-model';
import {
  namesTerm,
  pageSense,
  SILENT_PAGE,
  withHostSense,
  type PageSense,
  type TermCandidate,
  type TermMatcher,
  type TermMention,
} from '../../utils/term-matcher';
import { HIGHLIGHT_STYLES, TONE_ATTRIBUTE, ToneReader } from './highlight-style';
import {
  aliasIndexOf,
  HIGHLIGHT_CLASS,
  HIGHLIGHT_ELEMENT,
  MENTION_ATTRIBUTE,
  mentionFragments,
  mentionKey,
  recordMention,
  TERM_ATTRIBUTE,
  termOf,
} from './page-contract';
import {
  EXCLUDED_SELECTOR,
  isRunIntact,
  toBlockRanges,
  type BlockRange,
  type TextRun,
} from './text-runs';
import { WrappedText } from './wrapped-text';

/**
 * Longest run of text that is matched. Wrapping splits text nodes, which costs time in
 * proportion to their length for every mark: a single run longer than this (a data dump, a
 * minified blob) is passed over rather than freezing the page.
 */
export const MAX_RUN_LENGTH = 100_000;

export interface HighlightOptions {
  /** Every occurrence of a term, or only its first on the page. */
  density: 'every' | 'first';
  /** Whether a term is to be highlighted at all (its category is shown, it is not hidden). */
  includeTerm: (termId: string) => boolean;
  /** Whether an alias of a term is highlighted ("Not this meaning" turns one off); all if absent. */
  includeAlias?: (termId: string, aliasIndex: number) => boolean;
}

/** Most marks one page gets: past this the page is not prose worth annotating term by term. */
export const MAX_MARKS_PER_PAGE = 10_000;

/** A run with the matches found in it, waiting to be wrapped. */
export interface MatchedRun {
  run: TextRun;
  candidates: TermCandidate[];
}

/** A mention chosen to be wrapped, with why it was taken in its sense (none if unambiguous). */
export interface PlannedMention extends TermCandidate {
  because: SenseReason | null;
}

/** A run with the mentions chosen to be wrapped in it (accepted, included, within budget). */
export interface PlannedRun {
  run: TextRun;
  mentions: PlannedMention[];
}

/**
 * Owns mark.js and the highlights on one page. Matching, planning and wrapping are separate
 * steps: the caller matches the whole page first (which tells which ambiguous aliases the page
 * confirms), plans in document order (which settles "first occurrence only" and the mark
 * budget, and gives the page's counts), and wraps the plan in small batches, the viewport
 * first. Each block is wrapped by one `markRanges` call scoped to it, which keeps mark.js linear
 * in the size of the page. The page's text nodes that wrapping splits are recorded
 * (`WrappedText`): a page that writes to them sees exactly its text at once, and removing the
 * highlights gives every node its text back without merging or detaching any.
 */
export class PageHighlighter {
  /** Terms the page names through an unambiguous alias: the page's evidence, and its topic. */
  readonly confirmedOnPage = new Set<string>();
  /**
   * Blocks with occurrences left out because their context was neutral and the page's evidence
   * did not yet take them, by term: evidence that arrives later decides them again.
   */
  private readonly undecided = new Map<string, Set<Element>>();
  /** Mentions of each term on the page: wrapped, or planned and waiting to be wrapped. */
  private readonly counts = new Map<string, number>();
  private readonly wrapped = new WrappedText();
  private marks = 0;
  private mentionSequence = 0;

  constructor(
    private readonly matcher: TermMatcher,
    private options: HighlightOptions,
    private readonly maxMarks = MAX_MARKS_PER_PAGE,
    /** The evidence of the page this one is a frame of (same origin), if any. */
    private hostSense: PageSense = SILENT_PAGE,
  ) {}

  /** What the page's own text tells: the terms it names outright, and its topic. */
  ownSense(): PageSense {
    return pageSense(this.confirmedOnPage);
  }

  /** The host page's evidence (this is a same-origin frame of it), taken from now. */
  adoptHostSense(host: PageSense): void {
    this.hostSense = host;
  }

  /** The evidence occurrences are decided with: the page's own, and its host page's. */
  private sense(): PageSense {
    return withHostSense(this.confirmedOnPage, this.hostSense);
  }

  /**
   * Highlights fewer terms from now (a term hidden, a category turned off, an alias corrected).
   * The given highlights of terms or aliases no longer included go: each text node holding one gets its whole text back, and is
   * returned to be read again (it may hold mentions of terms still included). Planned runs come
   * back with the excluded mentions taken out; runs left with none go.
   */
  narrow(
    options: HighlightOptions,
    highlights: Iterable<HTMLElement>,
    waiting: readonly PlannedRun[],
  ): { restored: Text[]; waiting: PlannedRun[] } {
    this.options = options;
    const included = (termId: string, aliasIndex: number | null) =>
      options.includeTerm(termId) &&
      (aliasIndex === null || options.includeAlias?.(termId, aliasIndex) !== false);
    const excluded = [...highlights].filter((highlight) => {
      const termId = termOf(highlight);
      return termId !== null && !included(termId, aliasIndexOf(highlight));
    });
    const released = this.wrapped.release(
      excluded.flatMap((highlight) => mentionFragments(highlight)),
    );
    this.uncount(released.removedHighlights);
    const kept: PlannedRun[] = [];
    for (const { run, mentions } of waiting) {
      const left = mentions.filter(({ termId, aliasIndex }) => included(termId, aliasIndex));
      this.forget({ run, mentions: mentions.filter((mention) => !left.includes(mention)) });
      if (left.length > 0) kept.push({ run, mentions: left });
    }
    return { restored: released.restored, waiting: kept };
  }

  /** Whether the page's mark budget is spent. */
  get full(): boolean {
    return this.marks >= this.maxMarks;
  }

  match(run: TextRun): MatchedRun | null {
    if (run.text.length > MAX_RUN_LENGTH) return null;
    const candidates = this.matcher.scan(run.text, surroundingsOf(run.block));
    if (candidates.length === 0) return null;
    for (const candidate of candidates) {
      if (namesTerm(candidate)) this.confirmedOnPage.add(candidate.termId);
    }
    return { run, candidates };
  }

  /**
   * Chooses, in document order, the mentions to wrap; they count as on the page from now. A
   * long list may be planned in parts, in order, sharing `seenRuns`.
   */
  plan(matched: readonly MatchedRun[], seenRuns = new Set<Text>()): PlannedRun[] {
    const planned: PlannedRun[] = [];
    const page = this.sense();
    for (const { run, candidates } of matched) {
      // The same text may be offered twice (a block inside another); it is planned once.
      const first = run.nodes[0]!;
      if (seenRuns.has(first) || !isRunIntact(run)) continue;
      seenRuns.add(first);
      const mentions: PlannedMention[] = [];
      for (const candidate of candidates) {
        if (this.full) break;
        if (!this.options.includeTerm(candidate.termId)) continue;
        if (this.options.includeAlias?.(candidate.termId, candidate.aliasIndex) === false) continue;
        const verdict = this.matcher.verdictOn(candidate, page);
        if (verdict && !verdict.accepted) {
          if (verdict.because.kind === 'neutral' && this.matcher.takesPageEvidence(candidate)) {
            this.leaveUndecided(candidate.termId, run.block);
          }
          continue;
        }
        if (this.options.density === 'first' && this.counts.has(candidate.termId)) continue;
        mentions.push({ ...candidate, because: verdict?.because ?? null });
        this.marks++;
        this.counts.set(candidate.termId, (this.counts.get(candidate.termId) ?? 0) + 1);
      }
      if (mentions.length === 0) continue;
      planned.push({ run, mentions });
    }
    return planned;
  }

  /**
   * Wraps planned runs, one mark.js call per block. A run the page changed since it was planned
   * is dropped (the page observer brings its new text back). Returns how many were dropped.
   */
  wrap(planned: readonly PlannedRun[]): number {
    const byBlock = new Map<Element, PlannedRun[]>();
    let dropped = 0;
    for (const entry of planned) {
      if (!isRunIntact(entry.run)) {
        this.forget(entry);
        dropped++;
        continue;
      }
      const runs = byBlock.get(entry.run.block) ?? [];
      runs.push(entry);
      byBlock.set(entry.run.block, runs);
    }
    // Every style is read before the first write: a mark's tone is its parent's, read once.
    const tones = new ToneReader();
    for (const runs of byBlock.values()) {
      for (const { run, mentions } of runs) {
        for (const parent of markedParents(run, mentions)) tones.read(parent);
      }
    }
    for (const [block, runs] of byBlock) {
      const ranges = toBlockRanges(block, runs).map((range) => ({
        ...range,
        mention: ++this.mentionSequence,
      }));
      if (ranges.length === 0) continue;
      const before = this.wrapped.snapshot(runs.flatMap(({ run }) => run.nodes));
      const mentions = new Map<
        number,
        {
          termId: string;
          aliasIndex: number;
          because: SenseReason | null;
          fragments: HTMLElement[];
        }
      >();
      new Mark(block as HTMLElement).markRanges(ranges, {
        element: HIGHLIGHT_ELEMENT,
        className: HIGHLIGHT_CLASS,
        exclude: [EXCLUDED_SELECTOR],
        each: (element, range) => {
          const { termId, mention, of } = range as BlockRange<PlannedMention> & {
            mention: number;
          };
          element.setAttribute(TERM_ATTRIBUTE, termId);
          element.setAttribute(MENTION_ATTRIBUTE, String(mention));
          // A tone that could not be read is the light one, the look of most pages.
          const tone = (element.parentElement && tones.get(element.parentElement)) || 'light';
          element.setAttribute(TONE_ATTRIBUTE, tone);
          element.setAttribute('style', HIGHLIGHT_STYLES[tone]);
          const made = mentions.get(mention) ?? {
            termId,
            aliasIndex: of.aliasIndex,
            because: of.because,
            fragments: [],
          };
          made.fragments.push(element as HTMLElement);
          mentions.set(mention, made);
        },
      });
      this.wrapped.record(before);
      for (const { termId, aliasIndex, because, fragments } of mentions.values()) {
        recordMention(termId, fragments, because, aliasIndex);
      }
    }
    return dropped;
  }

  /** Takes back a planned run that will not be wrapped (its text changed). */
  forget({ mentions }: PlannedRun): void {
    this.marks -= mentions.length;
    for (const { termId } of mentions) {
      const left = (this.counts.get(termId) ?? 0) - 1;
      if (left > 0) this.counts.set(termId, left);
      else this.counts.delete(termId);
    }
  }

  /** How often each term is highlighted on the page (wrapped or waiting to be). */
  termCounts(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /**
   * The page changed text we wrapped (these are its mutation records, read in the microtask
   * after its write): the splits it touched are undone at once, and a mention it broke goes
   * whole. Returns the page's text nodes given back, whose blocks are to be read again.
   */
  repair(records: readonly MutationRecord[]): Text[] {
    const touched = this.wrapped.repair(records);
    if (touched.removedHighlights.length === 0) return touched.restored;
    const rest = touched.removedHighlights
      .flatMap((highlight) => mentionFragments(highlight as HTMLElement))
      .filter((fragment) => fragment.isConnected);
    const released = this.wrapped.release(rest);
    this.uncount([...touched.removedHighlights, ...released.removedHighlights]);
    return [...touched.restored, ...released.restored];
  }

  /** An element became editable: the highlights in it go, so that nothing of ours is edited. */
  releaseWithin(element: Element): boolean {
    const { removedHighlights } = this.wrapped.releaseWithin(element);
    this.uncount(removedHighlights);
    return removedHighlights.length > 0;
  }

  /** How many of the page's text nodes are split by highlights now. */
  get splitNodes(): number {
    return this.wrapped.size;
  }

  /**
   * Removes every highlight: each text node wrapping split gets its whole text back, and no node
   * of the page's is merged or detached.
   */
  unhighlight(): void {
    this.wrapped.restoreAll();
    this.marks = 0;
    this.counts.clear();
    this.confirmedOnPage.clear();
    this.undecided.clear();
  }

  /** Mentions whose highlights are gone no longer count on the page. */
  private uncount(highlights: readonly Node[]): void {
    const seen = new Set<object>();
    for (const highlight of highlights) {
      const key = mentionKey(highlight);
      const termId = termOf(highlight as Element);
      if (!key || !termId || seen.has(key)) continue;
      seen.add(key);
      this.marks--;
      const left = (this.counts.get(termId) ?? 0) - 1;
      if (left > 0) this.counts.set(termId, left);
      else this.counts.delete(termId);
    }
  }

  private leaveUndecided(termId: string, block: Element): void {
    const blocks = this.undecided.get(termId) ?? new Set<Element>();
    blocks.add(block);
    this.undecided.set(termId, blocks);
  }

  /**
   * The blocks whose neutral occurrences the page's evidence now takes (the page named their
   * term outright, or became a page about security, since they were read): they are to be read
   * again. Each is handed out once; blocks no longer on the page are dropped.
   */
  takeRedecidable(): Element[] {
    const page = this.sense();
    if (!page.securityTopic) return [];
    const blocks: Element[] = [];
    for (const [termId, waiting] of this.undecided) {
      if (!page.termsNamed.has(termId)) continue;
      this.undecided.delete(termId);
      for (const block of waiting) if (block.isConnected) blocks.push(block);
    }
    return blocks;
  }
}

/**
 * The elements the run's mentions will be wrapped in: the parents of the text nodes they
 * overlap (mark.js puts each mark where its text was). Mentions come leftmost first.
 */
function markedParents(run: TextRun, mentions: readonly TermMention[]): Set<Element> {
  const parents = new Set<Element>();
  let next = 0;
  let start = 0;
  for (const node of run.nodes) {
    const end = start + node.data.length;
    while (next < mentions.length && mentions[next]!.end <= start) next++;
    if (next === mentions.length) break;
    if (mentions[next]!.start < end && node.parentElement) parents.add(node.parentElement);
    start = end;
  }
  return parents;
}

/**
 * What a reader sees around a table cell and reads with it: its column's header and the table's
 * caption ("1373" alone in a cell under "Resolution"). Empty for any other block.
 */
function surroundingsOf(block: Element): string {
  if (block.localName !== 'td' && block.localName !== 'th') return '';
  const cell = block as HTMLTableCellElement;
  const table = cell.closest('table');
  if (!table) return '';
  const headerRow = table.tHead?.rows[0] ?? table.rows[0];
  const header =
    headerRow && headerRow !== cell.parentElement
      ? (headerRow.cells[cell.cellIndex]?.textContent ?? '')
      : '';
  return `${header} ${table.caption?.textContent ?? ''}`.slice(0, 300);
}
