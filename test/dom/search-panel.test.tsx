import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchPanel, searchNoticeText, type SearchState } from '../../components/search-panel';
import type {
  SearchNotice,
  CitedPassage,
  SearchFacets,
  SearchFilters,
  SearchHit,
  SearchResponse,
  TermHit,
} from '../../utils/views';
import { G7, SEMINAR } from '../fixtures/views/term-detail';

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

const position: CitedPassage = {
  id: 'seminar-2020:s07.p10',
  text: 'The fact that the East Turkistan Islamic Movement (ETIM) was removed from the list sent out a strong signal.',
  locator: 'Speech 7 (Imtiaz Gul), para. 10',
  sectionPath: ['Speech 7'],
  kind: 'position',
  document: SEMINAR,
  actor: {
    id: 'imtiaz-gul',
    name: 'Imtiaz Gul',
    role: 'Executive Director',
    organisation: 'Center for Research and Security Studies',
    country: 'Pakistan',
    kind: 'person',
  },
};

const pnrTerm: TermHit = {
  type: 'term',
  score: 9,
  term: {
    id: 'pnr',
    label: 'Passenger Name Record (PNR)',
    category: 'concept',
    aliases: ['PNR'],
    definition: '',
  },
};

const hit = (cited: CitedPassage, matchedWords: string[] = []): SearchHit => ({
  type: 'passage',
  score: 3,
  passage: cited,
  matchedWords,
});

const FACETS: SearchFacets = {
  document: [
    { value: 'g7-action-plan-2016', label: 'G7 Action Plan 2016', count: 1 },
    { value: 'seminar-2020', label: 'Virtual Seminar 2020 Proceedings', count: 1 },
  ],
  actor: [
    { value: 'g7', label: 'G7', count: 1 },
    { value: 'imtiaz-gul', label: 'Imtiaz Gul', count: 1 },
  ],
  country: [{ value: 'Pakistan', label: 'Pakistan', count: 1 }],
  kind: [
    { value: 'commitment', label: 'Commitments', count: 1 },
    { value: 'position', label: 'Positions', count: 1 },
  ],
  year: [
    { value: '2016', label: '2016', count: 1 },
    { value: '2020', label: '2020', count: 1 },
  ],
  term: [{ value: 'pnr', label: 'Passenger Name Record (PNR)', count: 1 }],
};

function response(overrides: Partial<SearchResponse> = {}): SearchResponse {
  return {
    query: 'PNR',
    terms: [],
    passages: [hit(passage, ['pnr'])],
    totalPassages: 1,
    filters: {},
    facets: FACETS,
    ...overrides,
  };
}

function show(
  state: SearchState,
  {
    query = 'PNR',
    filters = {},
    onShowMore,
  }: { query?: string; filters?: SearchFilters; onShowMore?: () => void } = {},
) {
  const callbacks = {
    onQueryChange: vi.fn(),
    onFiltersChange: vi.fn(),
    onOpenTerm: vi.fn(),
    onOpenPassage: vi.fn(),
    onCopyCitation: vi.fn(),
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <SearchPanel
      query={query}
      filters={filters}
      state={state}
      {...callbacks}
      copied={null}
      onShowMore={onShowMore}
    />,
    root,
  );
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  return { root, input, ...callbacks };
}

function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const results = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-result]')];
const select = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('label.facet')]
    .find((label) => label.querySelector('.facet-name')?.textContent === name)!
    .querySelector('select')!;

describe('SearchPanel', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  it('has a labelled search box that reports what is typed', () => {
    const { root, input, onQueryChange } = show({ status: 'idle' }, { query: '' });
    expect(input.getAttribute('aria-label')).toBe('Search the corpus');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Down Arrow moves into them, Enter opens one, Escape clears the search/,
    );
    input.value = 'FATF';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onQueryChange).toHaveBeenCalledWith('FATF');
    expect(root.textContent).toContain('Search five counter-terrorism documents');
  });

  it('lists each result with its text, document, locator, date and actor', () => {
    const { root } = show({ status: 'done', response: response() });
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
    // The button that opens the passage is described by its text, for screen readers.
    const open = item.querySelector('button')!;
    expect(document.getElementById(open.getAttribute('aria-describedby')!)).toBe(
      item.querySelector('.passage-text'),
    );
  });

  it('offers matching terms and opens a passage in its document', () => {
    const { root, onOpenTerm, onOpenPassage } = show({
      status: 'done',
      response: response({ terms: [pnrTerm] }),
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

  it('says when nothing matches, with or without filters', () => {
    const nothing = { passages: [], totalPassages: 0 };
    let { root } = show({ status: 'done', response: response({ query: 'zzzz', ...nothing }) });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No passage matches “zzzz”.');
    expect(root.querySelector('[role="list"]')).toBeNull();
    render(null, document.body);
    document.body.innerHTML = '';

    const filters = { country: 'Pakistan' };
    ({ root } = show({ status: 'done', response: response({ ...nothing, filters }) }, { filters }));
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'No passage matches “PNR” with these filters.',
    );
  });

  it('quotes a long query back cut short', () => {
    const query = 'x'.repeat(10_000);
    const { root } = show(
      { status: 'done', response: response({ query, passages: [], totalPassages: 0 }) },
      { query },
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      `No passage matches “${'x'.repeat(60)}…”.`,
    );
  });

  it('shows what the search said about the query', () => {
    const { root } = show(
      {
        status: 'done',
        response: response({
          query: 'passanger name record',
          notices: [{ kind: 'close-spellings', words: ['passanger'] }],
        }),
      },
      { query: 'passanger name record' },
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      '1 passage — No passage has “passanger”; showing close spellings.',
    );
  });

  it('words every notice, quoting what the reader typed cut short', () => {
    const long = `<b>${'x'.repeat(100)}`;
    expect(
      [
        { kind: 'too-short' },
        { kind: 'words-cut', searched: 24 },
        { kind: 'nothing-specific', query: 'the of and' },
        { kind: 'unknown-filter', facet: 'actor', value: long },
        { kind: 'close-spellings', words: ['passanger', 'finacial'] },
        { kind: 'any-word' },
      ].map((notice) => searchNoticeText(notice as SearchNotice)),
    ).toEqual([
      'Type at least two characters to search.',
      'Only the first 24 words of the query were searched.',
      '“the of and” has no word specific enough to search for.',
      `There is no speaker or body “<b>${'x'.repeat(57)}…” in the corpus; that filter was left out.`,
      'No passage has “passanger”, “finacial”; showing close spellings.',
      'No passage has all these words; showing passages with any of them.',
    ]);
  });

  it('says a one-letter query is not searched', () => {
    const { root } = show(
      {
        status: 'done',
        response: response({
          query: 'a',
          passages: [],
          totalPassages: 0,
          notices: [{ kind: 'too-short' }],
        }),
      },
      { query: 'a' },
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Type at least two characters to search.',
    );
  });

  it('shows errors as text', () => {
    const { root } = show({ status: 'error', message: 'Pledgemark could not store its corpus' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Pledgemark could not store its corpus',
    );
  });

  it('renders page-supplied text as text, never as markup', () => {
    const hostile = { ...passage, text: '<img src=x onerror=alert(1)> PNR' };
    const { root } = show({
      status: 'done',
      response: response({ passages: [hit(hostile)] }),
    });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.passage-text')?.textContent).toBe(
      '<img src=x onerror=alert(1)> PNR',
    );
  });

  it('says how many are shown and offers more when there are', () => {
    const onShowMore = vi.fn();
    const { root } = show(
      { status: 'done', response: response({ totalPassages: 120 }) },
      { onShowMore },
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe('120 passages');
    expect(root.querySelector('.search-more')?.textContent).toBe('1 of 120 shown. Show more');
    root.querySelector<HTMLButtonElement>('.search-more button')!.click();
    expect(onShowMore).toHaveBeenCalledOnce();
  });
});

describe('SearchPanel facets', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  it('offers each facet as a labelled select with counts', () => {
    const { root } = show({ status: 'done', response: response() });
    const names = [...root.querySelectorAll('label.facet .facet-name')].map(
      (name) => name.textContent,
    );
    expect(names).toEqual(['Document', 'Speaker or body', 'Country', 'Kind', 'Year', 'Term']);
    const country = select(root, 'Country');
    expect([...country.options].map((option) => option.textContent)).toEqual([
      'All countries',
      'Pakistan (1)',
    ]);
    expect(country.value).toBe('');
    expect(root.querySelector('.facets-clear')).toBeNull();
  });

  it('hands back the filters with a value chosen, changed or cleared', () => {
    const { root, onFiltersChange } = show(
      { status: 'done', response: response() },
      {
        filters: { kind: 'commitment' },
      },
    );
    const kind = select(root, 'Kind');
    expect(kind.value).toBe('commitment');
    expect(kind.closest('label')?.classList.contains('facet-active')).toBe(true);

    const country = select(root, 'Country');
    country.value = 'Pakistan';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({ kind: 'commitment', country: 'Pakistan' });

    kind.value = '';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({});

    const clear = root.querySelector<HTMLButtonElement>('.facets-clear')!;
    expect(clear.textContent).toBe('Clear filter');
    clear.click();
    expect(onFiltersChange).toHaveBeenLastCalledWith({});
  });

  it('lists the passages the filters select when there is no query', () => {
    const filters = { country: 'Pakistan' };
    const { root } = show(
      {
        status: 'done',
        response: response({
          query: '',
          passages: [hit(position)],
          totalPassages: 1,
          filters,
        }),
      },
      { query: '', filters },
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      '1 passage matches these filters, oldest document first',
    );
    expect(root.querySelector('.passage-text')?.textContent).toBe(position.text);
  });

  it('shows the idle hint, with the facets, for an empty query and no filters', () => {
    const { root } = show(
      {
        status: 'done',
        response: response({ query: '', passages: [], totalPassages: 0 }),
      },
      { query: '' },
    );
    expect(root.querySelector('.search-status')?.textContent).toContain(
      'choose a filter to list its passages',
    );
    expect(root.querySelectorAll('label.facet select')).toHaveLength(6);
  });
});

describe('SearchPanel keyboard', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  const twoPassages = () =>
    show({
      status: 'done',
      response: response({
        terms: [pnrTerm],
        passages: [hit(passage), hit(position)],
        totalPassages: 2,
      }),
    });

  it('moves from the box through terms and passages with the arrow keys', () => {
    const { root, input } = twoPassages();
    const [term, first, second] = results(root);
    input.focus();
    expect(press(input, 'ArrowDown').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(term);
    press(term!, 'ArrowDown');
    expect(document.activeElement).toBe(first);
    expect(first!.closest('li')?.contains(document.activeElement)).toBe(true);
    press(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    press(second!, 'ArrowDown');
    expect(document.activeElement, 'stays on the last result').toBe(second);
    press(second!, 'Home');
    expect(document.activeElement).toBe(term);
    press(term!, 'End');
    expect(document.activeElement).toBe(second);
    press(second!, 'ArrowUp');
    expect(document.activeElement).toBe(first);
    press(first!, 'ArrowUp');
    press(term!, 'ArrowUp');
    expect(document.activeElement, 'up from the first result returns to the box').toBe(input);
  });

  it('keeps the results a single Tab stop: only the current one is tabbable', () => {
    const { root, input } = twoPassages();
    const tabbable = () => results(root).filter((result) => result.tabIndex === 0);
    expect(tabbable()).toEqual([results(root)[0]]);
    input.focus();
    act(() => {
      press(input, 'ArrowDown');
      press(document.activeElement!, 'ArrowDown');
    });
    expect(tabbable()).toEqual([results(root)[1]]);
  });

  it('opens the focused result with Enter, as a click would', () => {
    const { root, input, onOpenTerm, onOpenPassage } = twoPassages();
    input.focus();
    press(input, 'Enter');
    expect(onOpenTerm).not.toHaveBeenCalled();
    expect(onOpenPassage).not.toHaveBeenCalled();
    press(input, 'ArrowDown');
    expect(press(document.activeElement!, 'Enter').defaultPrevented).toBe(true);
    expect(onOpenTerm).toHaveBeenCalledWith('pnr');
    press(document.activeElement!, 'ArrowDown');
    press(document.activeElement!, 'ArrowDown');
    press(document.activeElement!, 'Enter');
    expect(onOpenPassage).toHaveBeenCalledWith('seminar-2020', position.id);
    expect(results(root)).toHaveLength(3);
  });

  it('clears the query with Escape, from the box or a result; a second Escape does nothing', () => {
    const onQueryChange = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    function Harness() {
      const [query, setQuery] = useState('PNR');
      return (
        <SearchPanel
          query={query}
          filters={{}}
          state={{
            status: 'done',
            response: response({ passages: [hit(passage), hit(position)], totalPassages: 2 }),
          }}
          onQueryChange={(next) => {
            onQueryChange(next);
            setQuery(next);
          }}
          onFiltersChange={vi.fn()}
          onOpenTerm={vi.fn()}
          onOpenPassage={vi.fn()}
          copied={null}
          onCopyCitation={vi.fn()}
        />
      );
    }
    act(() => render(<Harness />, root));
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    press(input, 'ArrowDown');
    act(() => {
      expect(press(document.activeElement!, 'Escape').defaultPrevented).toBe(true);
    });
    expect(onQueryChange).toHaveBeenCalledWith('');
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    act(() => {
      expect(press(input, 'Escape').defaultPrevented).toBe(false);
    });
    expect(onQueryChange).toHaveBeenCalledOnce();
    expect(input.value).toBe('');
  });

  it('lets Escape through in an empty box', () => {
    const { input, onQueryChange } = show({ status: 'idle' }, { query: '' });
    input.focus();
    expect(press(input, 'Escape').defaultPrevented).toBe(false);
    expect(onQueryChange).not.toHaveBeenCalled();
  });

  it('goes back to the box when a letter is typed on a result', () => {
    const { input } = twoPassages();
    input.focus();
    press(input, 'ArrowDown');
    press(document.activeElement!, 'Control', { ctrlKey: true });
    expect(document.activeElement).not.toBe(input);
    press(document.activeElement!, 'e');
    expect(document.activeElement).toBe(input);
  });

  it('does nothing with the arrows when there are no results', () => {
    const { input } = show(
      { status: 'done', response: response({ query: 'zzzz', passages: [], totalPassages: 0 }) },
      { query: 'zzzz' },
    );
    input.focus();
    expect(press(input, 'ArrowDown').defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(input);
  });
});

describe('SearchPanel citations', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const row: CitedPassage = {
    ...passage,
    id: 'apec-workplan-2017:workplan-item-7',
    text: 'Hold Workshop on FTF Returnees\nViet Nam will submit a Concept Note',
    format: 'table-row',
    fields: [
      { label: 'Title', text: 'Hold Workshop on FTF Returnees' },
      { label: 'Summary of Specific Plans', text: 'Viet Nam will submit a Concept Note' },
    ],
    locator: 'Itemized work plan, item 7',
  };

  it('offers "Copy citation" and "Copy as Markdown" on every result, reached by Tab from it', () => {
    const { root, onCopyCitation } = show({
      status: 'done',
      response: response({ passages: [hit(passage), hit(position)], totalPassages: 2 }),
    });
    const items = [...root.querySelectorAll('.results > li')];
    const copyButtons = items.map((item) =>
      [...item.querySelectorAll<HTMLButtonElement>('button.copy-citation')].map((button) => [
        button.textContent,
        button.tabIndex,
      ]),
    );
    expect(copyButtons).toEqual([
      [
        ['Copy citation', 0],
        ['Copy as Markdown', 0],
      ],
      [
        ['Copy citation', -1],
        ['Copy as Markdown', -1],
      ],
    ]);
    items[1]!.querySelectorAll<HTMLButtonElement>('button.copy-citation')[1]!.click();
    expect(onCopyCitation).toHaveBeenCalledWith(position, 'markdown');
  });

  it('shows a table row as its labelled cells, each quoted on its own', () => {
    const { root } = show({
      status: 'done',
      response: response({ passages: [hit(row, ['ftf'])] }),
    });
    const cells = [...root.querySelectorAll('.passage-text .passage-field')].map((field) => [
      field.querySelector('dt')?.textContent,
      field.querySelector('dd q')?.textContent,
    ]);
    expect(cells).toEqual([
      ['Title', 'Hold Workshop on FTF Returnees'],
      ['Summary of Specific Plans', 'Viet Nam will submit a Concept Note'],
    ]);
    expect(root.querySelector('.passage-text mark')?.textContent).toBe('FTF');
  });
});
