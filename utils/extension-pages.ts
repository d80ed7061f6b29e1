/**
 * Addresses inside the extension's own page (the popup, also opened as a full tab): which view
 * to show. Kept in the URL's hash so that a view can be linked, reloaded and shared within the
 * extension.
 */
export type PageRoute =
  | { view: 'search'; query: string }
  | { view: 'term'; termId: string; passageId: string | null }
  | { view: 'document'; documentId: string; passageId: string | null }
  | { view: 'clips' }
  /** Adding a document; `tabId` is the tab whose page "This page" takes (from the toolbar). */
  | { view: 'import'; tabId: number | null }
  /** The reader's own terms: adding, changing, deleting them. */
  | { view: 'terms' }
  /** Exporting the reader's documents and terms as a pack, importing a colleague's. */
  | { view: 'packs' };

export function routeToHash(route: PageRoute): string {
  const params = new URLSearchParams();
  if (route.view === 'search') {
    if (route.query) params.set('q', route.query);
    return params.size ? `#search?${params}` : '';
  }
  if (route.view === 'clips') return '#clips';
  if (route.view === 'terms') return '#terms';
  if (route.view === 'packs') return '#packs';
  if (route.view === 'import')
    return route.tabId === null ? '#import' : `#import?tab=${route.tabId}`;
  if (route.view === 'term') params.set('id', route.termId);
  else params.set('id', route.documentId);
  if (route.passageId) params.set('passage', route.passageId);
  return `#${route.view}?${params}`;
}

export function hashToRoute(hash: string): PageRoute {
  const [view, query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const id = params.get('id');
  const passageId = params.get('passage');
  if (view === 'term' && id) return { view: 'term', termId: id, passageId };
  if (view === 'document' && id) return { view: 'document', documentId: id, passageId };
  if (view === 'clips') return { view: 'clips' };
  if (view === 'terms') return { view: 'terms' };
  if (view === 'packs') return { view: 'packs' };
  if (view === 'import') {
    const tab = params.get('tab') ?? '';
    return { view: 'import', tabId: /^\d{1,15}$/.test(tab) ? Number(tab) : null };
  }
  return { view: 'search', query: params.get('q') ?? '' };
}
