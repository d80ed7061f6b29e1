import { describe, expect, it } from 'vitest';
import { PageTermsBadge } from '../../entrypoints/background/page-terms-badge';

function setUp() {
  const texts = new Map<number, string>();
  const badge = new PageTermsBadge({
    setBadgeText: ({ tabId, text }) => void texts.set(tabId, text),
    setBadgeBackgroundColor: () => {},
  });
  return { badge, texts };
}

describe('PageTermsBadge', () => {
  it('shows the number of distinct terms over all frames of a tab', async () => {
    const { badge, texts } = setUp();
    await badge.report(1, 0, ['fatf', 'pnr']);
    await badge.report(1, 7, ['pnr', 'etim']);
    expect(texts.get(1)).toBe('3');
    await badge.report(2, 0, []);
    expect(texts.get(2)).toBe('');
  });

  it('replaces a frame’s earlier report and forgets closed tabs', async () => {
    const { badge, texts } = setUp();
    await badge.report(1, 0, ['fatf', 'pnr']);
    await badge.report(1, 0, ['fatf']);
    expect(texts.get(1)).toBe('1');
    badge.forget(1);
    expect(badge.distinctTerms(1)).toBe(0);
  });
});
