import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { AddedMark } from './added-mark';
import type {
  CitedPassage,
  SearchFacet,
  SearchFilters,
  SearchNotice,
  SearchResponse,
} from '../utils/views';
import {
  CopyCitationButtons,
  type CitationFormat,
  type CopiedCitation,
} from './copy-citation-buttons';
import { PassageResult } from './passage-result';
import { SearchFacetControls } from './search-facets';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; response: SearchResponse };

/** Longest query quoted back in a message. */
const ECHO_LENGTH = 60;
const HINT_ID = 'search-keys-hint';

function echo(query: string): string {
  const trimmed = query.trim();
  return trimmed.length > ECHO_LENGTH ? `${trimmed.slice(0, ECHO_LENGTH)}…` : trimmed;
}

/** What a filter is called in a notice. */
const FACET_NOUN: Record<SearchFacet, string> = {
  document: 'document',
  actor: 'speaker or body',
  country: 'country',
  kind: 'kind of passage',
  year: 'year',
  term: 'term',
};

/** A search's notice, worded for the reader. */
export function searchNoticeText(notice: SearchNotice): string {
  switch (notice.kind) {
    case 'too-short':
      return 'Type at least two characters to search.';
    case 'words-cut':
      return `Only the first ${notice.searched} words of the query were searched.`;
    case 'nothing-specific':
      return `“${echo(notice.query)}” has no word specific enough to search for.`;
    case 'unknown-filter':
      return `There is no ${FACET_NOUN[notice.facet]} “${echo(notice.value)}” in the corpus; that filter was left out.`;
    case 'close-spellings':
      return `No passage has ${notice.words.map((word) => `“${echo(word)}”`).join(', ')}; showing close spellings.`;
    case 'any-word':
      return 'No passage has all these words; showing passages with any of them.';
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The result a key press came from: its position among the results, or -1. */
function resultIndexOf(element: EventTarget | null): number {
  const index = element instanceof HTMLElement ? element.dataset.result : undefined;
  return index === undefined ? -1 : Number(index);
}

/**
 * The search box, the facet filters and the results. Renders what it is given; the caller runs
 * the search.
 *
 * Keyboard: from the box, Down Arrow moves into the results (matching terms, then passages) and
 * Up/Down, Home and End move through them; each is one button, focused in turn (a roving
 * tabindex, so the results are a single Tab stop). Enter opens the focused result, as a click
 * would. Escape clears the query and returns to the box; with the box empty it does nothing, so
 * the browser may close the popup as usual. Typing while on a result goes back to the box.
 */
export function SearchPanel({
  query,
  filters,
  state,
  onQueryChange,
  onFiltersChange,
  onOpenTerm,
  onOpenPassage,
  copied,
  onCopyCitation,
  onShowMore,
}: {
  query: string;
  filters: SearchFilters;
  state: SearchState;
  onQueryChange: (query: string) => void;
  onFiltersChange: (filters: SearchFilters) => void;
  onOpenTerm: (termId: string) => void;
  onOpenPassage: (documentId: string, passageId: string) => void;
  /** The citation copied last (or refused by the clipboard), for feedback. */
  copied: CopiedCitation | null;
  onCopyCitation: (passage: CitedPassage, format: CitationFormat) => void;
  /** Asks for more passages; absent when no more can be shown. */
  onShowMore?: () => void;
}): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const response = state.status === 'done' ? state.response : null;
  const resultCount = response ? response.terms.length + response.passages.length : 0;
  // The result that takes the Tab stop; new results start again from the first.
  const [roving, setRoving] = useState({ of: response, index: 0 });
  const rovingIndex = roving.of === response ? roving.index : 0;

  const focusResult = (index: number) => {
    const target = results.current?.querySelector<HTMLElement>(`[data-result="${index}"]`);
    if (!target) return;
    setRoving({ of: response, index });
    target.focus();
    target.closest('li')?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const inBox = event.target === input.current;
    const index = resultIndexOf(event.target);
    if (!inBox && index < 0) return;
    if (event.key === 'Enter' && !inBox) {
      // Opened here, with the button's own activation prevented: one click per Enter, in any browser.
      event.preventDefault();
      (event.target as HTMLElement).click();
      return;
    }
    if (event.key === 'Escape') {
      if (query === '' && inBox) return;
      event.preventDefault();
      if (query !== '') onQueryChange('');
      input.current?.focus();
      return;
    }
    const next = {
      ArrowDown: inBox ? 0 : index + 1,
      ArrowUp: inBox ? null : index - 1,
      Home: inBox ? null : 0,
      End: inBox ? null : resultCount - 1,
    }[event.key];
    if (next === undefined) {
      const typing = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      // Focus moves before the character is inserted, so it lands in the box.
      if (typing && !inBox) input.current?.focus();
      return;
    }
    if (next === null || resultCount === 0) return;
    event.preventDefault();
    if (next < 0) input.current?.focus();
    else focusResult(Math.min(next, resultCount - 1));
  };

  return (
    <section class="search" aria-label="Search" onKeyDown={onKeyDown}>
      <input
        ref={input}
        type="search"
        class="search-input"
        aria-label="Search the corpus"
        aria-describedby={HINT_ID}
        placeholder="Search terms, commitments, speakers…"
        value={query}
        autoFocus
        maxLength={10_000}
        onInput={(event) => onQueryChange(event.currentTarget.value)}
      />
      <p id={HINT_ID} class="visually-hidden">
        Results appear as you type. Down Arrow moves into them, Enter opens one, Escape clears the
        search.
      </p>
      {response?.facets && (
        <SearchFacetControls
          facets={response.facets}
          filters={filters}
          onChange={onFiltersChange}
        />
      )}
      <div ref={results}>
        <SearchBody
          query={query}
          filtered={Object.keys(filters).length > 0}
          state={state}
          rovingIndex={rovingIndex}
          onOpenTerm={onOpenTerm}
          onOpenPassage={onOpenPassage}
          copied={copied}
          onCopyCitation={onCopyCitation}
          onShowMore={onShowMore}
        />
      </div>
    </section>
  );
}

function SearchBody({
  query,
  filtered,
  state,
  rovingIndex,
  onOpenTerm,
  onOpenPassage,
  copied,
  onCopyCitation,
  onShowMore,
}: {
  query: string;
  filtered: boolean;
  state: SearchState;
  rovingIndex: number;
  onOpenTerm: (termId: string) => void;
  onOpenPassage: (documentId: string, passageId: string) => void;
  copied: CopiedCitation | null;
  onCopyCitation: (passage: CitedPassage, format: CitationFormat) => void;
  onShowMore: (() => void) | undefined;
}): JSX.Element {
  const idle = query.trim() === '' && !filtered;
  const hint = (
    <p class="search-status">
      Search five counter-terrorism documents: try “PNR”, “FATF”, “resolution 2354” or a speaker’s
      country, or choose a filter to list its passages.
    </p>
  );
  switch (state.status) {
    case 'idle':
      return hint;
    case 'loading':
      return idle ? (
        hint
      ) : (
        <p class="search-status" role="status">
          Searching…
        </p>
      );
    case 'error':
      return (
        <p class="search-status search-error" role="alert">
          {state.message}
        </p>
      );
    case 'done': {
      const { response } = state;
      const said = (response.notices ?? []).map(searchNoticeText).join(' ');
      const notice = said ? ` — ${said}` : '';
      // A one-letter query is not searched (the notice says so).
      const asked = response.query.trim().length > 1;
      const narrowed = Object.keys(response.filters ?? {}).length > 0;
      if (!asked && !narrowed) {
        return said ? (
          <p class="search-status" role="status">
            {said}
          </p>
        ) : (
          hint
        );
      }
      const offset = response.terms.length;
      const matched = [...new Set(response.passages.flatMap((hit) => hit.matchedWords))];
      const terms = response.terms.length > 0 && (
        <ul class="term-hits" aria-label="Matching terms">
          {response.terms.map((hit, i) => (
            <li key={hit.term.id}>
              <button
                type="button"
                class="term-hit"
                data-result={i}
                tabIndex={i === rovingIndex ? 0 : -1}
                onClick={() => onOpenTerm(hit.term.id)}
              >
                {hit.term.label}
                <AddedMark of={hit.term} />
              </button>
            </li>
          ))}
        </ul>
      );
      if (response.passages.length === 0) {
        const what = asked ? `“${echo(response.query)}”` : 'these filters';
        const scope = asked && narrowed ? ' with these filters' : '';
        return (
          <>
            {terms}
            <p class="search-status" role="status">
              No passage matches {what}
              {scope}.{notice}
            </p>
          </>
        );
      }
      const total = plural(response.totalPassages, 'passage', 'passages');
      const count = asked
        ? total
        : `${total} ${response.totalPassages === 1 ? 'matches' : 'match'} these filters, oldest document first`;
      return (
        <>
          {terms}
          <p class="search-status" role="status">
            {count}
            {notice}
          </p>
          <ul class="results" role="list" aria-label="Results">
            {response.passages.map((hit, i) => {
              const textId = `result-text-${i}`;
              return (
                <li key={hit.passage.id} role="listitem">
                  <PassageResult passage={hit.passage} matchedWords={matched} textId={textId} />
                  <div class="passage-actions">
                    <button
                      type="button"
                      class="link-button"
                      data-result={offset + i}
                      tabIndex={offset + i === rovingIndex ? 0 : -1}
                      aria-describedby={textId}
                      onClick={() => onOpenPassage(hit.passage.document.id, hit.passage.id)}
                    >
                      Read in document
                    </button>
                    {/* Reached by Tab from the result the arrow keys are on, like its button. */}
                    <CopyCitationButtons
                      passageId={hit.passage.id}
                      copied={copied}
                      onCopy={(format) => onCopyCitation(hit.passage, format)}
                      tabIndex={offset + i === rovingIndex ? 0 : -1}
                      describedBy={textId}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
          {response.passages.length < response.totalPassages && (
            <p class="search-more">
              {response.passages.length} of {response.totalPassages} shown.{' '}
              {onShowMore && (
                <button type="button" class="link-button" onClick={onShowMore}>
                  Show more
                </button>
              )}
            </p>
          )}
        </>
      );
    }
  }
}
