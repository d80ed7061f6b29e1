/** The subset of the action API the badge needs. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
}

/**
 * The toolbar badge: how many distinct terms the tab's page shows, counted over all its frames.
 */
export class PageTermsBadge {
  private readonly tabs = new Map<number, Map<number, Set<string>>>();

  constructor(private readonly action: BadgeAction) {}

  async report(tabId: number, frameId: number, termIds: readonly string[]): Promise<void> {
    const frames = this.tabs.get(tabId) ?? new Map<number, Set<string>>();
    frames.set(frameId, new Set(termIds));
    this.tabs.set(tabId, frames);
    await this.render(tabId);
  }

  /** The tab navigated or closed: its frames' reports no longer hold. */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  distinctTerms(tabId: number): number {
    const distinct = new Set<string>();
    for (const terms of this.tabs.get(tabId)?.values() ?? [])
      for (const term of terms) distinct.add(term);
    return distinct.size;
  }

  private async render(tabId: number): Promise<void> {
    const count = this.distinctTerms(tabId);
    await this.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await this.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  }
}
