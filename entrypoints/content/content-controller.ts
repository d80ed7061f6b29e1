import {
  aliasKey,
  correctedAliasesOn,
  hiddenTermsOn,
  isSiteEnabled,
  type Settings,
} from '../../utils/settings';
import type { PageTerms } from '../../utils/views';
import type { HighlightOptions } from './page-highlighter';

/** The part of a highlight session the controller drives. */
export interface Highlighting {
  readonly active: boolean;
  start(options: HighlightOptions): Promise<void>;
  /** Highlights fewer terms than it was started with, keeping the rest in place. */
  narrow(options: HighlightOptions): Promise<void>;
  stop(): void;
}

/**
 * Decides whether and how the page is highlighted, from the settings (pause, site lists,
 * density, categories) and the tab's own toggle, and restarts the session when that changes.
 */
export class ContentController {
  private settings: Settings | null = null;
  private toggledOff = false;
  /** What the running session highlights, to tell a change that only takes terms away. */
  private started: HighlightedSelection | null = null;
  private counts: ReadonlyMap<string, number> = new Map();

  constructor(
    private readonly session: Highlighting,
    private readonly hostname: string,
    private readonly categoryOf: (termId: string) => string | undefined,
    /** How the glossary spells an alias, by its index in the matcher. */
    private readonly aliasText: (aliasIndex: number) => string | undefined,
  ) {}

  /** Applies new settings; resolves when any restarted highlighting pass is done. */
  apply(settings: Settings): Promise<void> {
    this.settings = settings;
    return this.sync();
  }

  /** The keyboard command: highlighting off on this tab, or back on. */
  async toggle(): Promise<boolean> {
    this.toggledOff = !this.toggledOff;
    await this.sync();
    return this.session.active;
  }

  countsChanged(counts: ReadonlyMap<string, number>): void {
    this.counts = counts;
  }

  pageTerms(): PageTerms {
    return { active: this.session.active, termCounts: Object.fromEntries(this.counts) };
  }

  private sync(): Promise<void> {
    const settings = this.settings;
    if (!settings || this.toggledOff || !isSiteEnabled(settings, this.hostname)) {
      this.started = null;
      if (this.session.active) this.session.stop();
      return Promise.resolve();
    }
    const selection: HighlightedSelection = {
      density: settings.density,
      categories: new Set(settings.categories),
      hidden: hiddenTermsOn(settings, this.hostname),
      corrected: correctedAliasesOn(settings, this.hostname),
    };
    const { categories, hidden, corrected } = selection;
    const options: HighlightOptions = {
      density: selection.density,
      includeTerm: (termId) => !hidden.has(termId) && categories.has(this.categoryOf(termId) ?? ''),
      includeAlias: (termId, aliasIndex) =>
        corrected.size === 0 || !corrected.has(aliasKey(termId, this.aliasText(aliasIndex) ?? '')),
    };
    const before = this.session.active ? this.started : null;
    this.started = selection;
    // Nothing is redone for settings that do not change what is highlighted, and a change that
    // only takes terms or aliases away removes theirs: the reader sees no other highlight flicker.
    if (before && sameSelection(before, selection)) return Promise.resolve();
    if (before && narrows(before, selection)) return this.session.narrow(options);
    return this.session.start(options);
  }
}

interface HighlightedSelection {
  density: Settings['density'];
  categories: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** Aliases taken off ("Not this meaning"), by `aliasKey`. */
  corrected: ReadonlySet<string>;
}

function isSubset<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && isSubset(a, b);
}

function sameSelection(a: HighlightedSelection, b: HighlightedSelection): boolean {
  return (
    a.density === b.density &&
    sameSet(a.categories, b.categories) &&
    sameSet(a.hidden, b.hidden) &&
    sameSet(a.corrected, b.corrected)
  );
}

/** Whether `after` highlights a subset of what `before` did, the same way. */
function narrows(before: HighlightedSelection, after: HighlightedSelection): boolean {
  return (
    before.density === after.density &&
    isSubset(after.categories, before.categories) &&
    isSubset(before.hidden, after.hidden) &&
    isSubset(before.corrected, after.corrected)
  );
}
