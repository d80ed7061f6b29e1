import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DocumentView } from '../../components/document-view';
import { HighlightControls } from '../../components/highlight-controls';
import '../../components/highlight-controls.css';
import { SearchPanel, type SearchState } from '../../components/search-panel';
import { TermCard } from '../../components/term-card';
import '../../components/term-card.css';
import { hashToRoute, routeToHash, type PageRoute } from '../../utils/extension-pages';
import {
  callBackground,
  MAX_LIMIT,
  SEARCH_PAGE_SIZE,
  type Envelope,
  type Result,
} from '../../utils/messaging';
import { isSiteEnabled, normalizeHost, withSiteEnabled, type Settings } from '../../utils/settings';
import { loadSettings, settingsItem, watchSettings } from '../../utils/settings-storage';
import { excerpt } from '../../utils/term-card-model';
import { requestMatcher } from '../../utils/matcher-client';
import { corpusSense, type TermMatcher } from '../../utils/term-matcher';
import type { DocumentDetail, TermDetail } from '../../utils/views';
import { SEARCH_FACETS, type SearchFilters } from '../../utils/views';
import { ClipsPage } from './clips-page';
import { openViewInTab } from './open-view';
import { PacksPage } from './packs-page';
import { PageTerms } from './page-terms';
import { TermsPage } from './terms-page';
import { useCitationCopy } from './use-citation-copy';
import { useClipMarks } from './use-clip-marks';
import { useHiddenTermLabels } from './use-term-labels';

const SEARCH_DELAY_MS = 120;
const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);
let matcherRequest: Promise<TermMatcher | null> | null = null;
/**
 * The term matcher that marks terms in passages, asked of the background on first use: the
 * search view, where the popup opens, does not need it. Without it (the background could not
 * read it) passages are shown unmarked.
 */
function popupMatcher(): Promise<TermMatcher | null> {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return (matcherRequest ??= requestMatcher(send, wait).then((answer) =>
    answer.ok ? answer.matcher : null,
  ));
}

interface WithMatcher<T> {
  value: T;
  matcher: TermMatcher | null;
}

/** A call's answer with the matcher beside it, asked for at the same time. */
async function withMatcher<T>(
  call: Promise<Result<T | null>>,
): Promise<Result<WithMatcher<T> | null>> {
  const [result, matcher] = await Promise.all([call, popupMatcher()]);
  if (!result.ok || result.value === null) return result as Result<null>;
  return { ok: true, value: { value: result.value, matcher } };
}

/** The host of the active tab, when it is a web page Pledgemark runs on. */
async function activeHostname(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return /^(https?|file):$/.test(url.protocol) ? normalizeHost(url.hostname) || null : null;
  } catch {
    return null;
  }
}

function navigate(route: PageRoute): void {
  location.hash = routeToHash(route);
}

/**
 * "Add document": the import view, told (from the toolbar popup) which tab the reader was on, so
 * that it can take that page. Also a tab of its own: the popup is too narrow to review passages.
 */
async function openImport(): Promise<void> {
  const current = await browser.tabs.getCurrent();
  const [active] = current ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  await openViewInTab({ view: 'import', tabId: active?.id ?? null });
}

/**
 * The popup (also opened as a full tab by "Open in Pledgemark"): search, a term's
 * cross-reference view and each document in full, addressed by the URL's hash. It owns the
 * state and asks the background; the components only render.
 */
export function PopupApp() {
  const [route, setRoute] = useState<PageRoute>(() => hashToRoute(location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(hashToRoute(location.hash));
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <main class="popup pm-theme">
      <header class="popup-header">
        <h1 class="popup-title">Pledgemark</h1>
        <nav class="popup-nav" aria-label="Views">
          <a href="#" aria-current={route.view === 'search' ? 'page' : undefined}>
            Search
          </a>
          <a href="#clips" aria-current={route.view === 'clips' ? 'page' : undefined}>
            Clips
          </a>
          <a
            href="#import"
            aria-current={route.view === 'import' ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              void openImport();
            }}
          >
            Add document
          </a>
          <a href="#terms" aria-current={route.view === 'terms' ? 'page' : undefined}>
            Add term
          </a>
        </nav>
      </header>
      {route.view === 'search' && <SearchView initialQuery={route.query} />}
      {route.view === 'term' && <TermView termId={route.termId} passageId={route.passageId} />}
      {route.view === 'document' && (
        <DocumentPage documentId={route.documentId} passageId={route.passageId} />
      )}
      {route.view === 'clips' && <ClipsPage />}
      {route.view === 'import' && <LazyImportPage tabId={route.tabId} />}
      {route.view === 'terms' && <TermsPage />}
      {route.view === 'packs' && <PacksPage />}
    </main>
  );
}

type ImportPageModule = typeof import('./import-page');

/**
 * The import view, loaded when first shown: Readability and the segmenter are most of its code,
 * and the toolbar popup, opened many times a day, never needs them.
 */
function LazyImportPage({ tabId }: { tabId: number | null }) {
  const [loaded, setLoaded] = useState<ImportPageModule | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    import('./import-page').then(setLoaded, (error: unknown) =>
      setFailed(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  if (failed)
    return (
      <Status state={{ status: 'error', message: `The import view could not load: ${failed}` }} />
    );
  if (!loaded) return <Status state={{ status: 'loading' }} />;
  const { ImportPage } = loaded;
  return (
    <ImportPage
      tabId={tabId}
      onOpenDocument={(documentId) => navigate({ view: 'document', documentId, passageId: null })}
    />
  );
}

/** The filters kept in this history entry, so that Back from a passage finds them again. */
function savedFilters(): SearchFilters {
  const saved: unknown = (history.state as { filters?: unknown } | null)?.filters;
  if (typeof saved !== 'object' || saved === null) return {};
  return Object.fromEntries(
    SEARCH_FACETS.flatMap((facet) => {
      const value = (saved as Record<string, unknown>)[facet];
      return typeof value === 'string' ? [[facet, value]] : [];
    }),
  );
}

function SearchView({ initialQuery }: { initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>(savedFilters);
  const [limit, setLimit] = useState(SEARCH_PAGE_SIZE);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  /** The query of the last search sent: only a changed query waits for the typing to pause. */
  const searched = useRef<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [hostname, setHostname] = useState<string | null>(null);
  const [copied, copyCitation] = useCitationCopy();
  const hiddenTermLabels = useHiddenTermLabels(send, settings);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void activeHostname().then(setHostname, () => setHostname(null));
    return watchSettings(setSettings);
  }, []);

  // A layout effect, so that the first search leaves before the first paint and its answer (the
  // facets' counts, from an index the background then has loaded) comes in sooner.
  useLayoutEffect(() => {
    // Keep the query in the address and the filters in the entry, so that Back returns here.
    history.replaceState(
      { filters },
      '',
      routeToHash({ view: 'search', query }) || location.pathname,
    );
    // Searched even when empty: the answer brings every facet's counts over the whole corpus
    // (and has the background load the index before the first word is typed).
    let current = true;
    const typing = searched.current !== null && searched.current !== query && query.trim() !== '';
    setState((previous) => (previous.status === 'done' ? previous : { status: 'loading' }));
    const run = async () => {
      searched.current = query;
      const result = await callBackground(send, 'search', { query, filters, limit });
      if (!current) return;
      setState(
        result.ok
          ? { status: 'done', response: result.value }
          : { status: 'error', message: result.error.message },
      );
    };
    // Only typing waits; opening, a filter or "Show more" asks at once.
    const timer = typing ? setTimeout(run, SEARCH_DELAY_MS) : undefined;
    if (!typing) void run();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, filters, limit]);

  const save = (next: Settings) => {
    setSettings(next);
    void settingsItem().setValue(next);
  };

  return (
    <>
      <SearchPanel
        query={query}
        filters={filters}
        state={state}
        onQueryChange={(next) => {
          setQuery(next);
          setLimit(SEARCH_PAGE_SIZE);
        }}
        onFiltersChange={(next) => {
          setFilters(next);
          setLimit(SEARCH_PAGE_SIZE);
        }}
        onOpenTerm={(termId) => navigate({ view: 'term', termId, passageId: null })}
        onOpenPassage={(documentId, passageId) =>
          navigate({ view: 'document', documentId, passageId })
        }
        copied={copied}
        onCopyCitation={copyCitation}
        onShowMore={
          limit < MAX_LIMIT
            ? () => setLimit((shown) => Math.min(shown + SEARCH_PAGE_SIZE, MAX_LIMIT))
            : undefined
        }
      />
      {settings && (
        <PageTerms
          settings={settings}
          onOpenTerm={(termId) => navigate({ view: 'term', termId, passageId: null })}
        />
      )}
      {settings && (
        <HighlightControls
          settings={settings}
          hostname={hostname}
          siteEnabled={hostname !== null && isSiteEnabled({ ...settings, paused: false }, hostname)}
          termLabels={hiddenTermLabels}
          onSiteChange={(enabled) => hostname && save(withSiteEnabled(settings, hostname, enabled))}
          onChange={save}
        />
      )}
    </>
  );
}

type Loaded<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

function useBackground<T>(
  load: () => Promise<{ ok: true; value: T | null } | { ok: false; error: { message: string } }>,
  deps: unknown[],
  missing: string,
): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void load().then((result) => {
      if (!current) return;
      if (!result.ok) setState({ status: 'error', message: result.error.message });
      else if (result.value === null) setState({ status: 'error', message: missing });
      else setState({ status: 'ready', value: result.value });
    });
    return () => {
      current = false;
    };
  }, deps);
  return state;
}

function Status({ state }: { state: Loaded<unknown> }) {
  if (state.status === 'loading')
    return (
      <p class="search-status" role="status">
        Loading…
      </p>
    );
  if (state.status === 'error')
    return (
      <p class="search-status search-error" role="alert">
        {state.message}
      </p>
    );
  return null;
}

function TermView({ termId, passageId }: { termId: string; passageId: string | null }) {
  const state = useBackground<WithMatcher<TermDetail>>(
    () => withMatcher(callBackground(send, 'lookupTerm', { termId })),
    [termId],
    'Pledgemark has no entry for this term.',
  );
  const [copied, copyCitation] = useCitationCopy();
  const [clipMarks, saveClip] = useClipMarks();
  return (
    <>
      <button
        type="button"
        class="link-button back"
        onClick={() => navigate({ view: 'search', query: '' })}
      >
        ← Search
      </button>
      {state.status === 'ready' ? (
        <TermCard
          detail={state.value.value}
          variant="page"
          focusPassageId={passageId ?? undefined}
          mentionsIn={(text) =>
            (state.value.matcher?.findMentions(text, corpusSense(new Set([termId]))) ?? []).filter(
              (mention) => mention.termId === termId,
            )
          }
          copied={copied}
          onCopyCitation={copyCitation}
          clipMarks={clipMarks}
          onSaveClip={(passage) => saveClip(passage.id)}
          onSelectTerm={(next) => navigate({ view: 'term', termId: next, passageId: null })}
          onOpenInDocument={(passage) =>
            navigate({ view: 'document', documentId: passage.document.id, passageId: passage.id })
          }
        />
      ) : (
        <Status state={state} />
      )}
    </>
  );
}

function DocumentPage({ documentId, passageId }: { documentId: string; passageId: string | null }) {
  const state = useBackground<WithMatcher<DocumentDetail>>(
    () => withMatcher(callBackground(send, 'getDocument', { documentId })),
    [documentId],
    'Pledgemark has no such document.',
  );
  const [clipMarks, saveClip] = useClipMarks();
  const [copied, copyCitation] = useCitationCopy();
  const confirmed = useMemo(
    () =>
      state.status === 'ready'
        ? (state.value.matcher?.confirmedTerms(
            state.value.value.passages.map((passage) => passage.text),
          ) ?? new Set<string>())
        : new Set<string>(),
    [state],
  );
  useEffect(() => {
    if (state.status === 'ready' && passageId) {
      document.getElementById(`passage-${passageId}`)?.scrollIntoView({ block: 'center' });
    }
  }, [state, passageId]);
  if (state.status !== 'ready') return <Status state={state} />;
  const { value: detail, matcher } = state.value;
  return (
    <DocumentView
      detail={detail}
      focusPassageId={passageId}
      segmentsOf={(text) =>
        excerpt(text, matcher?.findMentions(text, corpusSense(confirmed)) ?? []).segments
      }
      onBack={() => history.back()}
      clipMarks={clipMarks}
      onSaveClip={saveClip}
      copied={copied}
      onCopyCitation={copyCitation}
    />
  );
}
