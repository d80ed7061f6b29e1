import Mark from 'mark.js';
import { isAccepted, type TermCandidate, type TermMatcher } from '../../utils/term-matcher';
import {
  EXCLUDED_SELECTOR,
  HIGHLIGHT_ELEMENT,
  isRunIntact,
  toBlockRanges,
  type BlockRange,
  type TextRun,
} from './text-runs';

/** The public contract of a highlight: tests and later features select on it. */
export const TERM_ATTRIBUTE = 'data-pledgemark-term';
/**
 * A mention split across inline elements (`Financial <em>Action</em> Task Force`) is wrapped in
 * several elements; they share this attribute's value, unique per mention on the page.
 */
export const MENTION_ATTRIBUTE = 'data-pledgemark-mention';
export const HIGHLIGHT_CLASS = 'pledgemark-term';
export { HIGHLIGHT_ELEMENT };

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
}

/** Most marks one page gets: past this the page is not prose worth annotating term by term. */
export const MAX_MARKS_PER_PAGE = 10_000;

/** A run with the matches found in it, waiting to be wrapped. */
export interface MatchedRun {
  run: TextRun;
  candidates: TermCandidate[];
}

/**
 * Owns mark.js and the highlights on one page. Matching and wrapping are separate steps so that
 * the caller can match the whole page first (which tells which ambiguous aliases the page
 * confirms) and wrap in small, viewport-first batches. Each block is wrapped by one `markRanges`
 * call scoped to it, which keeps mark.js linear in the size of the page.
 */
export class PageHighlighter {
  /** Terms the page names through an unambiguous alias. */
  readonly confirmedOnPage = new Set<string>();
  private readonly counts = new Map<string, number>();
  private readonly markedBlocks = new Set<Element>();
  private marks = 0;
  private mentionSequence = 0;

  constructor(
    private readonly matcher: TermMatcher,
    private readonly options: HighlightOptions,
    private readonly maxMarks = MAX_MARKS_PER_PAGE,
  ) {}

  /** Whether the page's mark budget is spent. */
  get full(): boolean {
    return this.marks >= this.maxMarks;
  }

  match(run: TextRun): MatchedRun | null {
    if (run.text.length > MAX_RUN_LENGTH) return null;
    const candidates = this.matcher.scan(run.text);
    if (candidates.length === 0) return null;
    for (const candidate of candidates) {
      if (!candidate.ambiguous) this.confirmedOnPage.add(candidate.termId);
    }
    return { run, candidates };
  }

  /** Wraps the accepted mentions of the runs, one mark.js call per block. Returns marks made. */
  wrap(matched: readonly MatchedRun[]): number {
    const byBlock = new Map<Element, { run: TextRun; mentions: TermCandidate[] }[]>();
    const chosenTerms = new Set<string>();
    const seenRuns = new Set<Text>();
    let budget = this.maxMarks - this.marks;
    for (const { run, candidates } of matched) {
      // The same text may be offered twice (a block inside another); it is wrapped once.
      if (seenRuns.has(run.nodes[0]!) || !isRunIntact(run)) continue;
      seenRuns.add(run.nodes[0]!);
      const mentions: TermCandidate[] = [];
      for (const candidate of candidates) {
        if (budget <= 0) break;
        if (!this.shouldWrap(candidate, chosenTerms)) continue;
        mentions.push(candidate);
        chosenTerms.add(candidate.termId);
        budget--;
      }
      if (mentions.length === 0) continue;
      const runs = byBlock.get(run.block) ?? [];
      runs.push({ run, mentions });
      byBlock.set(run.block, runs);
    }
    let made = 0;
    for (const [block, runs] of byBlock) {
      const ranges = toBlockRanges(block, runs).map((range) => ({
        ...range,
        mention: ++this.mentionSequence,
      }));
      if (ranges.length === 0) continue;
      this.markedBlocks.add(block);
      const wrapped = new Set<number>();
      new Mark(block as HTMLElement).markRanges(ranges, {
        element: HIGHLIGHT_ELEMENT,
        className: HIGHLIGHT_CLASS,
        exclude: [EXCLUDED_SELECTOR],
        each: (element, range) => {
          const { termId, mention } = range as BlockRange & { mention: number };
          element.setAttribute(TERM_ATTRIBUTE, termId);
          element.setAttribute(MENTION_ATTRIBUTE, String(mention));
          // A mention split across inline elements is wrapped in several pieces: count it once.
          if (wrapped.has(mention)) return;
          wrapped.add(mention);
          this.counts.set(termId, (this.counts.get(termId) ?? 0) + 1);
        },
      });
      made += wrapped.size;
    }
    this.marks += made;
    return made;
  }

  /** How often each term was highlighted. */
  termCounts(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /** Removes every highlight; mark.js merges the split text nodes back. */
  unhighlight(): void {
    for (const block of this.markedBlocks) {
      new Mark(block as HTMLElement).unmark({
        element: HIGHLIGHT_ELEMENT,
        className: HIGHLIGHT_CLASS,
      });
    }
    this.markedBlocks.clear();
    this.marks = 0;
    this.counts.clear();
    this.confirmedOnPage.clear();
  }

  private shouldWrap(candidate: TermCandidate, chosenTerms: ReadonlySet<string>): boolean {
    if (!this.options.includeTerm(candidate.termId)) return false;
    if (!isAccepted(candidate, this.confirmedOnPage)) return false;
    return (
      this.options.density === 'every' ||
      !(this.counts.has(candidate.termId) || chosenTerms.has(candidate.termId))
    );
  }
}
