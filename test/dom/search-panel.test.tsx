import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchPanel, type SearchState } from '../../components/search-panel';
import type { CitedPassage, SearchResponse } from '../../utils/views';
import { G7 } from '../fixtures/views/term-detail';

const passage: CitedPassage = {
  id: 'g7-action-plan-2016:a1.border-security.b2',
  text: 'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.',
  locator: 'Action 1 › Border Security › bullet 2',
  sectionPath: ['Action 1: CT Measures', 'Border Security'],
  kind: 'commitment',
  document: G7,
  actor: {
    id: 'g7',
    name: 'G7',
    role: null,
    organisation: 'Group of Seven',
    country: null,
    kind: 'body',
  },
};

function response(overrides: Partial<SearchResponse> = {}): SearchResponse {
  return {
    query: 'PNR',
    terms: [],
    passages: [{ type: 'passage', score: 3, passage, matchedWords: ['pnr'] }],
    totalPassages: 1,
    ...overrides,
  };
}

const onOpenTerm = vi.fn();
const onOpenPassage = vi.fn();

function show(state: SearchState, query = 'PNR', onQueryChange = vi.fn()) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <SearchPanel
      query={query}
      state={state}
      onQueryChange={onQueryChange}
      onOpenTerm={onOpenTerm}
      onOpenPassage={onOpenPassage}
    />,
    root,
  );
  return root;
}

describe('SearchPanel', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('has a labelled search box that reports what is typed', () => {
    const onQueryChange = vi.fn();
    const root = show({ status: 'idle' }, '', onQueryChange);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(input.getAttribute('aria-label')).toBe('Search the corpus');
    input.value = 'FATF';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onQueryChange).toHaveBeenCalledWith('FATF');
    expect(root.textContent).toContain('Search five counter-terrorism documents');
  });

  it('lists each result with its text, document, locator, date and actor', () => {
    const root = show({ status: 'done', response: response() });
    const items = root.querySelectorAll('[role="list"] > [role="listitem"]');
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.querySelector('.passage-text')?.textContent).toBe(passage.text);
    expect(item.querySelector('mark')?.textContent).toBe('PNR');
    expect(item.querySelector('cite')?.textContent).toBe('G7 Action Plan 2016');
    expect(item.querySelector('.locator')?.textContent).toBe(
      'Action 1 › Border Security › bullet 2',
    );
    expect(item.querySelector('time')?.textContent).toBe('May 2016');
    expect(item.querySelector('.passage-actor')?.textContent).toBe('G7');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('1 passage');
  });

  it('offers matching terms and opens a passage in its document', () => {
    const root = show({
      status: 'done',
      response: response({
        terms: [
          {
            type: 'term',
            score: 9,
            term: {
              id: 'pnr',
              label: 'Passenger Name Record (PNR)',
              category: 'concept',
              aliases: ['PNR'],
              definition: '',
            },
          },
        ],
      }),
    });
    const termButton = root.querySelector<HTMLButtonElement>(
      '[aria-label="Matching terms"] button',
    )!;
    expect(termButton.textContent).toBe('Passenger Name Record (PNR)');
    termButton.click();
    expect(onOpenTerm).toHaveBeenCalledWith('pnr');
    [...root.querySelectorAll('button')]
      .find((button) => button.textContent === 'Read in document')!
      .click();
    expect(onOpenPassage).toHaveBeenCalledWith('g7-action-plan-2016', passage.id);
  });

  it('says when nothing matches', () => {
    const root = show({
      status: 'done',
      response: response({ query: 'zzzz', passages: [], totalPassages: 0 }),
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No passage matches “zzzz”.');
    expect(root.querySelector('[role="list"]')).toBeNull();
  });

  it('shows errors as text', () => {
    const root = show({ status: 'error', message: 'Pledgemark could not store its corpus' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Pledgemark could not store its corpus',
    );
  });

  it('renders page-supplied text as text, never as markup', () => {
    const hostile = { ...passage, text: '<img src=x onerror=alert(1)> PNR' };
    const root = show({
      status: 'done',
      response: response({
        passages: [{ type: 'passage', score: 1, passage: hostile, matchedWords: [] }],
      }),
    });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.passage-text')?.textContent).toBe(
      '<img src=x onerror=alert(1)> PNR',
    );
  });
});
