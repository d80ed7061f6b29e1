import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TermCard, type TermCardProps } from '../../components/term-card';
import type { TermDetail } from '../../utils/views';
import { realTermDetail } from '../fixtures/views/corpus-views';

let pnr: TermDetail;
beforeAll(async () => {
  pnr = await realTermDetail('pnr');
});
afterEach(() => {
  document.body.innerHTML = '';
});

function show(overrides: Partial<TermCardProps> = {}) {
  const props: TermCardProps = {
    detail: pnr,
    mentionsIn: () => [],
    variant: 'page',
    onCopyCitation: vi.fn(),
    onSelectTerm: vi.fn(),
    onSaveClip: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<TermCard {...props} />, root);
  return { root, props };
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The matrix as a reader scans it: each row's document, then its commitments' locators. */
function rowsOf(root: HTMLElement) {
  const table = root.querySelector('table.commitments-matrix')!;
  return [...table.querySelectorAll('tbody > tr')].map((row) => ({
    title: text(row.querySelector('th[scope="row"] cite')),
    issuer: text(row.querySelector('.matrix-issuer')),
    date: text(row.querySelector('.matrix-date')),
    locators: [...row.querySelectorAll('td .passage-locator')].map(text),
  }));
}

describe('the commitments matrix of the term view', () => {
  it('puts the PNR commitments of the G7 2016, APEC 2017 and APEC 2018–2022 documents side by side, in date order', () => {
    const { root } = show();
    expect(rowsOf(root)).toEqual([
      {
        title: 'G7 Action Plan 2016',
        issuer: 'G7 leaders (Ise-Shima Summit)',
        date: 'May 2016',
        locators: ['Action 1 › Border Security › bullet 2'],
      },
      {
        title: 'APEC CTWG Workplan 2017',
        issuer:
          'APEC Counter-Terrorism Working Group (CTWG) Chair, to the SOM Steering Committee on Economic and Technical Cooperation',
        date: '28 February 2017',
        locators: [
          'Introduction › step 9',
          'Secure Travel › bullet 5 › item 3',
          'Itemized work plan, item 7',
        ],
      },
      {
        title: 'APEC CTWG Strategic Plan 2018–2022',
        issuer: 'APEC Counter-Terrorism Working Group (CTWG)',
        date: '2018–2022',
        locators: ['FA5', 'Section VI › Secure Travel › bullet 8'],
      },
    ]);
    const g7 = root.querySelector('tr[data-document="g7-action-plan-2016"] td')!;
    expect(text(g7.querySelector('.passage-quote'))).toBe(
      'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.',
    );
  });

  it('is a table headed by its section, with column and row headers', () => {
    const { root } = show();
    const table = root.querySelector('table')!;
    expect(text(document.getElementById(table.getAttribute('aria-labelledby')!))).toBe(
      'Commitments',
    );
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).toEqual([
      'Document',
      'What it commits to',
    ]);
    expect(table.querySelectorAll('th[role="rowheader"]')).toHaveLength(3);
    expect(table.querySelectorAll('td[role="cell"]')).toHaveLength(3);
  });

  it('says where a later plan repeats an earlier commitment word for word', () => {
    const { root } = show();
    const plan = root.querySelector('tr[data-document="apec-strategic-plan-2018"]')!;
    expect([...plan.querySelectorAll('.passage-repeats')].map(text)).toEqual([
      'Same wording as APEC CTWG Workplan 2017, Introduction › step 9',
      'Same wording as APEC CTWG Workplan 2017, Secure Travel › bullet 5 › item 3',
    ]);
    expect(
      root.querySelector('tr[data-document="g7-action-plan-2016"] .passage-repeats'),
    ).toBeNull();
  });

  it('offers "Save clip" on every commitment and shows which are saved', () => {
    const { root, props } = show({
      clipMarks: {
        'apec-strategic-plan-2018:fa5': { status: 'saved' },
        'g7-action-plan-2016:a1.border-security.b2': { status: 'already-saved' },
      },
    });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('table button.save-clip')];
    expect(buttons.map(text)).toEqual([
      '✓ Already in your clips',
      'Save clip',
      'Save clip',
      'Save clip',
      '✓ Saved to clips',
      'Save clip',
    ]);
    buttons[1]!.click();
    expect(props.onSaveClip).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'apec-workplan-2017:introduction.step-9' }),
    );
  });

  it('keeps the compact card grouped by document, without a table', () => {
    const { root } = show({ variant: 'card' });
    expect(root.querySelector('table')).toBeNull();
    expect(
      [...root.querySelectorAll('.term-section')[0]!.querySelectorAll('h4')].map(text),
    ).toEqual([
      'G7 Action Plan on Countering Terrorism and Violent Extremism',
      'Counter-Terrorism Working Group Proposed Workplan for 2017',
      'APEC Counter-Terrorism Working Group Strategic Plan 2018–2022',
    ]);
  });
});
