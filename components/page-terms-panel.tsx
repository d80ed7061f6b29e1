import type { JSX } from 'preact';

/** A term highlighted on the page the reader is on. */
export interface PageTerm {
  termId: string;
  label: string;
  count: number;
}

export type PageTermsState =
  | { status: 'loading' }
  /** The tab cannot be asked: a browser or extension page, or one the script has not run on. */
  | { status: 'unreachable'; reason: 'restricted-page' | 'not-running' }
  /** Highlighting is off on the tab, and why. */
  | { status: 'inactive'; reason: 'paused' | 'site-off' | 'tab-off' }
  | { status: 'ready'; terms: PageTerm[] };

/** Where the last jump went: the `index`-th highlight (from 1) of `total`, of one term or any. */
export interface PageJump {
  termId: string | null;
  index: number;
  total: number;
}

const UNREACHABLE: Record<Extract<PageTermsState, { status: 'unreachable' }>['reason'], string> = {
  'restricted-page':
    'Pledgemark cannot read this tab: browsers keep their own pages (settings, new tabs, add-on stores) and built-in viewers closed to extensions.',
  'not-running':
    'Pledgemark is not running on this tab. Reload the page to highlight it (tabs opened before Pledgemark was installed or updated need this).',
};

const INACTIVE: Record<Extract<PageTermsState, { status: 'inactive' }>['reason'], string> = {
  paused: 'Highlighting is paused everywhere, so no terms are marked on this page.',
  'site-off': 'Highlighting is switched off for this site.',
  'tab-off': 'Highlighting is switched off on this tab. Alt+Shift+H switches it back on.',
};

/**
 * "On this page": the glossary terms highlighted on the active tab with their counts, each
 * opening its term view, with buttons to go to the next highlight (of one term or of any) on
 * the page. Says plainly when the tab cannot be read or highlighting is off. Renders what it is
 * given; the caller asks the tab.
 */
export function PageTermsPanel({
  state,
  jump,
  onOpenTerm,
  onJump,
}: {
  state: PageTermsState;
  jump: PageJump | null;
  onOpenTerm: (termId: string) => void;
  onJump: (termId: string | null, direction: 'next' | 'previous') => void;
}): JSX.Element {
  return (
    <section class="page-terms" aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading" class="section-heading">
        On this page
      </h2>
      <PageTermsBody state={state} jump={jump} onOpenTerm={onOpenTerm} onJump={onJump} />
    </section>
  );
}

function PageTermsBody({
  state,
  jump,
  onOpenTerm,
  onJump,
}: Parameters<typeof PageTermsPanel>[0]): JSX.Element {
  switch (state.status) {
    case 'loading':
      return (
        <p class="muted" role="status">
          Reading the terms on this tab…
        </p>
      );
    case 'unreachable':
      return <p class="muted page-terms-unreachable">{UNREACHABLE[state.reason]}</p>;
    case 'inactive':
      return <p class="muted page-terms-inactive">{INACTIVE[state.reason]}</p>;
    case 'ready': {
      if (state.terms.length === 0) {
        return <p class="muted">No term of Pledgemark’s glossary is highlighted on this page.</p>;
      }
      const highlights = state.terms.reduce((sum, term) => sum + term.count, 0);
      const jumpedTo =
        jump && (jump.termId === null ? 'highlight' : labelOf(state.terms, jump.termId));
      return (
        <>
          <div class="page-terms-summary">
            <p>
              {state.terms.length} {state.terms.length === 1 ? 'term' : 'terms'}, {highlights}{' '}
              {highlights === 1 ? 'highlight' : 'highlights'}
            </p>
            <div class="page-terms-jump" role="group" aria-label="Any highlight on the page">
              <button type="button" onClick={() => onJump(null, 'previous')}>
                ↑ Previous
              </button>
              <button type="button" onClick={() => onJump(null, 'next')}>
                ↓ Next
              </button>
            </div>
          </div>
          <p class="page-terms-jumped" role="status">
            {jump &&
              (jump.total === 0
                ? jump.termId === null
                  ? 'The page shows no highlight any more.'
                  : `The page no longer shows ${jumpedTo}.`
                : `On the page: ${jumpedTo} ${jump.index} of ${jump.total}.`)}
          </p>
          <ul class="page-terms-list" aria-label="Terms on this page">
            {state.terms.map((term) => (
              <li key={term.termId} data-term={term.termId}>
                <button type="button" class="link-button" onClick={() => onOpenTerm(term.termId)}>
                  {term.label}
                </button>
                <span class="page-term-count">
                  {term.count}
                  <span class="visually-hidden"> on the page</span>
                </span>
                <button
                  type="button"
                  class="page-term-next"
                  aria-label={`Next on the page: ${term.label}`}
                  onClick={() => onJump(term.termId, 'next')}
                >
                  ↓ Next
                </button>
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}

function labelOf(terms: readonly PageTerm[], termId: string): string {
  return terms.find((term) => term.termId === termId)?.label ?? termId;
}
