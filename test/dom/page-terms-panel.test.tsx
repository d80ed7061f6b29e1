import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PageTermsPanel,
  type PageJump,
  type PageTermsState,
} from '../../components/page-terms-panel';

const READY: PageTermsState = {
  status: 'ready',
  terms: [
    { termId: 'pnr', label: 'Passenger Name Record (PNR)', count: 4 },
    { termId: 'fatf', label: 'Financial Action Task Force (FATF)', count: 2 },
    { termId: 'etim', label: 'Eastern Turkistan Islamic Movement (ETIM)', count: 1 },
  ],
};

function show(state: PageTermsState, jump: PageJump | null = null) {
  const onOpenTerm = vi.fn();
  const onJump = vi.fn();
  const root = document.body.appendChild(document.createElement('div'));
  render(
    <PageTermsPanel state={state} jump={jump} onOpenTerm={onOpenTerm} onJump={onJump} />,
    root,
  );
  const text = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find(
      (element) => element.getAttribute('aria-label') === name || text(element) === name,
    )!;
  return { root, onOpenTerm, onJump, text, button };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageTermsPanel', () => {
  it('lists the terms on the page with their counts, under a heading', () => {
    const { root, text } = show(READY);
    const section = root.querySelector('section')!;
    expect(text(document.getElementById(section.getAttribute('aria-labelledby')!))).toBe(
      'On this page',
    );
    expect(
      [...root.querySelectorAll('.page-terms-list li')].map((item) => [
        text(item.querySelector('.link-button')),
        text(item.querySelector('.page-term-count')),
      ]),
    ).toEqual([
      ['Passenger Name Record (PNR)', '4 on the page'],
      ['Financial Action Task Force (FATF)', '2 on the page'],
      ['Eastern Turkistan Islamic Movement (ETIM)', '1 on the page'],
    ]);
    expect(text(root.querySelector('.page-terms-summary p'))).toBe('3 terms, 7 highlights');
  });

  it('opens a term’s view, and goes to the next highlight of a term or of any', () => {
    const { onOpenTerm, onJump, button } = show(READY);
    button('Financial Action Task Force (FATF)').click();
    expect(onOpenTerm).toHaveBeenCalledWith('fatf');
    button('Next on the page: Passenger Name Record (PNR)').click();
    expect(onJump).toHaveBeenLastCalledWith('pnr', 'next');
    button('↓ Next').click();
    expect(onJump).toHaveBeenLastCalledWith(null, 'next');
    button('↑ Previous').click();
    expect(onJump).toHaveBeenLastCalledWith(null, 'previous');
  });

  it('says where the last jump went', () => {
    expect(
      show(READY, { termId: 'pnr', index: 2, total: 4 }).text(
        document.querySelector('.page-terms-jumped'),
      ),
    ).toBe('On the page: Passenger Name Record (PNR) 2 of 4.');
    document.body.innerHTML = '';
    expect(
      show(READY, { termId: null, index: 5, total: 7 }).text(
        document.querySelector('.page-terms-jumped'),
      ),
    ).toBe('On the page: highlight 5 of 7.');
    document.body.innerHTML = '';
    expect(
      show(READY, { termId: 'etim', index: 0, total: 0 }).text(
        document.querySelector('.page-terms-jumped'),
      ),
    ).toBe('The page no longer shows Eastern Turkistan Islamic Movement (ETIM).');
  });

  it('says plainly when the tab cannot be reached', () => {
    const restricted = show({ status: 'unreachable', reason: 'restricted-page' });
    expect(restricted.text(restricted.root.querySelector('.page-terms-unreachable'))).toMatch(
      /^Pledgemark cannot read this tab: browsers keep their own pages/,
    );
    expect(restricted.root.querySelector('.page-terms-list')).toBeNull();
    const notRunning = show({ status: 'unreachable', reason: 'not-running' });
    expect(notRunning.text(notRunning.root.querySelector('.page-terms-unreachable'))).toMatch(
      /^Pledgemark is not running on this tab\. Reload the page/,
    );
  });

  it('says why nothing is highlighted when highlighting is off', () => {
    const messages = (['paused', 'site-off', 'tab-off'] as const).map((reason) => {
      const { root, text } = show({ status: 'inactive', reason });
      return text(root.querySelector('.page-terms-inactive'));
    });
    expect(messages).toEqual([
      'Highlighting is paused everywhere, so no terms are marked on this page.',
      'Highlighting is switched off for this site.',
      'Highlighting is switched off on this tab. Alt+Shift+H switches it back on.',
    ]);
  });

  it('says when the page has no term, and while it is reading', () => {
    const empty = show({ status: 'ready', terms: [] });
    expect(empty.text(empty.root.querySelector('p'))).toBe(
      'No term of Pledgemark’s glossary is highlighted on this page.',
    );
    const loading = show({ status: 'loading' });
    expect(loading.text(loading.root.querySelector('[role="status"]'))).toBe(
      'Reading the terms on this tab…',
    );
  });
});
