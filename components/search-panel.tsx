import type { JSX } from 'preact';
import type { SearchResponse } from '../utils/views';
import { PassageResult } from './passage-result';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; response: SearchResponse };

/** The search box and its results. Renders what it is given; the caller runs the search. */
export function SearchPanel({
  query,
  state,
  onQueryChange,
  onOpenTerm,
  onOpenPassage,
}: {
  query: string;
  state: SearchState;
  onQueryChange: (query: string) => void;
  onOpenTerm: (termId: string) => void;
  onOpenPassage: (documentId: string, passageId: string) => void;
}): JSX.Element {
  return (
    <section class="search" aria-label="Search">
      <input
        type="search"
        class="search-input"
        aria-label="Search the corpus"
        placeholder="Search terms, commitments, speakers…"
        value={query}
        autoFocus
        maxLength={10_000}
        onInput={(event) => onQueryChange(event.currentTarget.value)}
      />
      <SearchBody state={state} onOpenTerm={onOpenTerm} onOpenPassage={onOpenPassage} />
    </section>
  );
}

function SearchBody({
  state,
  onOpenTerm,
  onOpenPassage,
}: {
  state: SearchState;
  onOpenTerm: (termId: string) => void;
  onOpenPassage: (documentId: string, passageId: string) => void;
}): JSX.Element {
  switch (state.status) {
    case 'idle':
      return (
        <p class="search-status">
          Search five counter-terrorism documents: try “PNR”, “FATF”, “resolution 2354” or a
          speaker’s country.
        </p>
      );
    case 'loading':
      return (
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
      if (response.passages.length === 0) {
        return (
          <p class="search-status" role="status">
            No passage matches “{response.query.trim()}”.
          </p>
        );
      }
      const matched = new Set(response.passages.flatMap((hit) => hit.matchedWords));
      return (
        <>
          {response.terms.length > 0 && (
            <ul class="term-hits" aria-label="Matching terms">
              {response.terms.map((hit) => (
                <li key={hit.term.id}>
                  <button type="button" class="term-hit" onClick={() => onOpenTerm(hit.term.id)}>
                    {hit.term.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p class="search-status" role="status">
            {response.totalPassages} {response.totalPassages === 1 ? 'passage' : 'passages'}
            {response.notice ? ` — ${response.notice}` : ''}
          </p>
          <ul class="results" role="list" aria-label="Results">
            {response.passages.map((hit) => (
              <li key={hit.passage.id} role="listitem">
                <PassageResult passage={hit.passage} matchedWords={[...matched]} />
                <button
                  type="button"
                  class="link-button"
                  onClick={() => onOpenPassage(hit.passage.document.id, hit.passage.id)}
                >
                  Read in document
                </button>
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}
