import { describe, expect, it } from 'vitest';
import { hashToRoute, routeToHash, type PageRoute } from '../../utils/extension-pages';

describe('extension page routes', () => {
  it('round-trip through the hash', () => {
    const routes: PageRoute[] = [
      { view: 'search', query: 'API/PNR & "FATF"' },
      { view: 'term', termId: 'pnr', passageId: 'g7-action-plan-2016:a1.border-security.b2' },
      { view: 'document', documentId: 'appf-2021', passageId: null },
      { view: 'clips' },
      { view: 'import', tabId: null },
      { view: 'import', tabId: 42 },
      { view: 'terms' },
      { view: 'packs' },
    ];
    for (const route of routes) expect(hashToRoute(routeToHash(route))).toEqual(route);
  });

  it('fall back to search for an empty or broken hash', () => {
    expect(hashToRoute('')).toEqual({ view: 'search', query: '' });
    expect(hashToRoute('#term')).toEqual({ view: 'search', query: '' });
    expect(hashToRoute('#<script>')).toEqual({ view: 'search', query: '' });
    // The import view without a tab to take a page from, whatever the address says.
    expect(routeToHash({ view: 'import', tabId: null })).toBe('#import');
    for (const hash of ['#import?tab=', '#import?tab=-1', '#import?tab=1.5', '#import?tab=x']) {
      expect(hashToRoute(hash)).toEqual({ view: 'import', tabId: null });
    }
  });
});
