import type { ClipMark, ClipMarks } from '../../utils/clip-marks';
import type { Result } from '../../utils/messaging';
import type { SenseReason } from '../../utils/sense-model';
import type { CitedPassage, TermDetail } from '../../utils/views';

/**
 * The card's UI (Preact, floating-ui, the term card and its styles: about 60 KB) comes in a
 * content script of its own, `entrypoints/card-ui.content`, which runs at `document_end`, a task
 * before this script's `document_idle`. Compiling both in one task made the task that starts
 * Pledgemark on a page one of over 50 ms on a loaded machine (BENCHMARKS.md, "Start-up tasks").
 *
 * The two scripts meet here: the card's script leaves its factory in a property of the content
 * scripts' own global object (Chrome's isolated world, Firefox's sandbox), which the page can
 * neither read nor write, and which only this extension's scripts in this frame share. The UI
 * holds no record of its own: what a highlight is (its term, alias, sense and fragments) it asks
 * of the highlighter's record through `CardUiDeps`.
 */

export type OpenedBy = 'pointer' | 'touch' | 'keyboard';

/** What the card reads and does beyond the page: the card controller's data port, in part. */
export interface CardData {
  /** A term's view (definition, commitments, positions), from the background. */
  lookupTerm: (termId: string) => Promise<Result<TermDetail | null>>;
  /** The marks of the passages already in the reader's clips. */
  clipMarks: () => Promise<ClipMarks>;
  /** Saves a passage to the clips; answers the mark it should show. */
  saveClip: (passageId: string) => Promise<ClipMark>;
  /** Copies text to the clipboard, never through the page; rejects when it could not. */
  copy: (text: string) => Promise<void>;
  /** Where the term's text mentions it, for emphasis. */
  mentionsIn: (termId: string, text: string) => { start: number; end: number }[];
  pageCount: (termId: string) => number;
  /** How the glossary spells an alias, by its index in the matcher. */
  aliasText: (aliasIndex: number) => string | undefined;
  openTermView: (termId: string) => void;
  openInDocument: (passage: CitedPassage) => void;
}

/** A highlight as the highlighter made it (never as the page's attributes say). */
export interface CardMention {
  termId: string;
  /** The alias it was found through, by its index in the matcher; null if unknown. */
  aliasIndex: number | null;
  /** Why it was taken in its sense; null for an unambiguous alias. */
  because: SenseReason | null;
}

export interface CardUiDeps extends CardData {
  /** The page's host name, where "Hide this term on this site" hides the term. */
  hostname: string;
  /** The mention a highlight Pledgemark made belongs to; null for anything else. */
  mentionOf: (highlight: HTMLElement) => CardMention | null;
  /** Every fragment of the highlight's mention still on the page, in document order. */
  fragmentsOf: (highlight: HTMLElement) => HTMLElement[];
  onHideTerm: (termId: string) => void;
  /** "Not this meaning": the alias is not highlighted on this host, or anywhere. */
  onNotThisMeaning: (termId: string, alias: string, where: 'site' | 'everywhere') => void;
  /** Undo of a hide: the term is highlighted on this host again. */
  onShowTerm: (termId: string) => void;
  /** The pointer entered or left the card. */
  onPointerInCard: (inside: boolean) => void;
  /** Test seam: the document the card goes into. */
  document?: Document;
  /** Test seam: synthetic events are trusted in tests only. */
  trustSyntheticEvents?: boolean;
}

/** The card on the page, as the card controller drives it. */
export interface CardUi {
  /** The highlight whose card is open, if any. */
  readonly openFor: HTMLElement | null;
  /** Test seam: the card's closed shadow root, once built. */
  readonly shadowRootForTests: ShadowRoot | null;
  contains(node: Node | null): boolean;
  open(highlight: HTMLElement, openedBy: OpenedBy, point: { x: number; y: number } | null): void;
  close(returnFocus: boolean): void;
  hiddenTermsChanged(hidden: ReadonlySet<string>): void;
  destroy(): void;
}

export type CardUiFactory = (deps: CardUiDeps) => CardUi;

/**
 * Where the factory is left. Versioned: after an update, a page loaded before it keeps the old
 * scripts, and a later version's factory may take other deps.
 */
const SLOT = 'pledgemark.card-ui/1';

/** Called by the card's content script. `scope` is a test seam (the scripts' global object). */
export function provideCardUi(factory: CardUiFactory, scope: object = globalThis): void {
  Object.defineProperty(scope, SLOT, { value: factory, configurable: true });
}

/** The card's factory, once its content script has run in this frame; null before (or never). */
export function providedCardUi(scope: object = globalThis): CardUiFactory | null {
  // Its own property only: in Chrome's isolated world the window's prototype chain also holds
  // the page's named elements (an element with that id).
  const factory: unknown = Object.getOwnPropertyDescriptor(scope, SLOT)?.value;
  return typeof factory === 'function' ? (factory as CardUiFactory) : null;
}
