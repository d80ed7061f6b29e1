import { hiddenTermsOn, isSiteEnabled, type Settings } from '../../utils/settings';
import type { PageTerms } from '../../utils/views';
import type { HighlightOptions } from './page-highlighter';

/** The part of a highlight session the controller drives. */
export interface Highlighting {
  readonly active: boolean;
  start(options: HighlightOptions): Promise<void>;
  stop(): void;
}

/**
 * Decides whether and how the page is highlighted, from the settings (pause, site lists,
 * density, categories) and the tab's own toggle, and restarts the session when that changes.
 */
export class ContentController {
  private settings: Settings | null = null;
  private toggledOff = false;
  private started: string | null = null;
  private counts: ReadonlyMap<string, number> = new Map();

  constructor(
    private readonly session: Highlighting,
    private readonly hostname: string,
    private readonly categoryOf: (termId: string) => string | undefined,
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
    const hidden = hiddenTermsOn(settings, this.hostname);
    // Restart only when what is highlighted changes, not on every settings write.
    const key = JSON.stringify([
      settings.density,
      [...settings.categories].sort(),
      [...hidden].sort(),
    ]);
    if (this.session.active && key === this.started) return Promise.resolve();
    this.started = key;
    const categories = new Set<string>(settings.categories);
    return this.session.start({
      density: settings.density,
      includeTerm: (termId) => !hidden.has(termId) && categories.has(this.categoryOf(termId) ?? ''),
    });
  }
}
