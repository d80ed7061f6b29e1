/**
 * What the bench harness (Node) and the page-side bundle (`page/bench-page.ts`, run in Chromium)
 * exchange. Plain, serialisable data only.
 */
import type { CompiledMatcher } from '../../utils/term-matcher';

export const VARIANTS = [
  /** Nothing: the baseline whose style, layout and task time is subtracted from the others. */
  'noop',
  /** A bare TreeWalker read of every text node: the floor no highlighter can beat. */
  'floor',
  /** Diagnostic: Pledgemark's `walkRuns` over the page, without matching. */
  'runs',
  /** Diagnostic: `walkRuns` + `TermMatcher.scan` over the page, without wrapping. */
  'match',
  /** mark.js `mark(allAliases)`, as a naive integration would call it. */
  'naive',
  /** mark.js `markRegExp` with one RegExp of all aliases. */
  'markRegExp',
  /** The real thing: `HighlightSession.start()`, awaited. */
  'pledgemark',
  /**
   * Baseline of `pledgemarkScroll`: the same reading on with no highlighter, so that the
   * browser's own cost of scrolling the page (its long tasks and frames) can be told apart.
   */
  'noopScroll',
  /**
   * No highlighter either, but reading on while the page itself adds one empty inline element
   * near the viewport every other screen: what any DOM write costs the next frame on this page.
   */
  'writeScroll',
  /**
   * `HighlightSession.start()`, then reading on: one screen down per frame, up to
   * `SCROLL_SCREENS` screens, while blocks that come near the viewport are wrapped.
   */
  'pledgemarkScroll',
  /** Candidate renderer: Pledgemark's matching, CSS Custom Highlight API ranges instead of elements. */
  'cssHighlight',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** The most screens the reading variant scrolls through. */
export const SCROLL_SCREENS = 40;

export interface PageSetup {
  compiled: CompiledMatcher;
  /** Injected as a `<style>` element before the run, as the extension injects its CSS. */
  css: string;
}

export interface RunOptions {
  /** The naive peer gives up after this long (checked between its per-alias passes). */
  capMs: number;
}

export interface RunOutcome {
  /** performance.now() around the call; for async variants until the promise resolves. */
  scriptMs: number;
  /**
   * Highlights on the page after the run (elements, or ranges for cssHighlight). For Pledgemark,
   * the mentions it counts on the page, whether their block is wrapped yet or still waits for
   * the viewport.
   */
  count: number | null;
  /** Pledgemark: highlight elements on the page when the run ended. */
  elements?: number;
  /** The reading-on variants: screens scrolled, and the share of the page's height covered. */
  scrolled?: { screens: number; share: number };
  /** From the start of the call until the first highlight inside the first viewport existed. */
  firstViewportMs: number | null;
  /**
   * Longest `longtask` entry overlapping the run. Entries exist only above 50 ms: 0 means none,
   * null that the browser does not support the entry type.
   */
  longestTaskMs: number | null;
  longTasks: number;
  /** Longest `long-animation-frame` entry overlapping the run, rendering included; as above. */
  longestFrameMs: number | null;
  longFrames: number;
  /** Where the longest frame's time went, from its `long-animation-frame` entry. */
  longestFrameDetail?: FrameDetail;
  /**
   * Pledgemark only, after the run: the largest block under a 6 × 10 grid of viewport probes
   * (as the session's viewport pass finds them) and its share of the page's text.
   */
  viewportProbe?: { block: string; chars: number; share: number };
  /** The frame of the task that made the call (when over 50 ms): its synchronous part. */
  firstFrameDetail?: FrameDetail;
  /** Text read by the floor: characters and text nodes. */
  textChars?: number;
  textNodes?: number;
  /** Runs read by `runs` / `match`. */
  runs?: number;
  /** The naive peer hit the cap: how far it got. */
  capped?: { aliasesDone: number; aliasesTotal: number };
  /** The variant failed (e.g. a RegExp V8 refuses, a stack overflow): the message. */
  error?: string;
  /** Source length of the combined RegExp (markRegExp). */
  regexSourceLength?: number;
  /** Idle-time slices the async variants used. */
  slices?: number;
}

export interface FrameDetail {
  durationMs: number;
  /** Time in scripts the entry attributes (each over 5 ms), and the longest of them. */
  scriptMs: number;
  topScript: string;
  topScriptMs: number;
  /** From the frame's start until rendering began: tasks that ran back to back without a frame. */
  beforeRenderMs: number;
  /** Forced (synchronous) style and layout inside those scripts. */
  forcedStyleLayoutMs: number;
  /** From the start of the rendering update (rAF, style, layout, paint) to the end of the frame. */
  renderMs: number;
  /** From the start of style and layout to the end of the frame. */
  styleLayoutMs: number;
}
