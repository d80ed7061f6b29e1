import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackPanel, type PackPanelProps } from '../../components/pack-panel';
import type { PackPlan } from '../../utils/views';
import { byName } from './controls';

const PLAN: PackPlan = {
  createdAt: '2026-12-08T09:00:00.000Z',
  documents: [
    {
      title: 'Statement on cash couriers',
      issuingBody: 'Example Task Force',
      date: '2026-11-30',
      passageCount: 3,
      alreadyAs: null,
    },
    {
      title: 'Resolution on Border Data',
      issuingBody: 'Example Council',
      date: '',
      passageCount: 4,
      alreadyAs: {
        id: 'added-0123456789abcdef',
        title: 'Border data resolution',
        addedAt: '2026-12-01T09:00:00.000Z',
      },
    },
  ],
  terms: [
    { label: 'Xinjiang', alreadyYours: false },
    { label: 'cash couriers', alreadyYours: true },
  ],
};

function props(overrides: Partial<PackPanelProps> = {}): PackPanelProps {
  return {
    exportState: { status: 'idle' },
    importState: { status: 'idle' },
    onExport: vi.fn(),
    onChooseFile: vi.fn(),
    onImport: vi.fn(),
    onCancel: vi.fn(),
    onOpenDocument: vi.fn(),
    onOpenTerm: vi.fn(),
    ...overrides,
  };
}

function show(given: PackPanelProps): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PackPanel {...given} />, root));
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the packs view', () => {
  it('exports on "Export pack" and offers the file to save again, saying what it holds', () => {
    const given = props();
    const root = show(given);
    act(() => void byName(root, 'Export pack').click());
    expect(given.onExport).toHaveBeenCalledOnce();

    const ready = show(
      props({
        exportState: {
          status: 'ready',
          href: 'blob:pack',
          fileName: 'pledgemark-pack-2026-12-08.json',
          documents: 2,
          terms: 1,
        },
      }),
    );
    const save = byName(ready, 'Save pledgemark-pack-2026-12-08.json');
    expect(save.getAttribute('download')).toBe('pledgemark-pack-2026-12-08.json');
    expect(save.getAttribute('href')).toBe('blob:pack');
    expect(save.closest('[role="status"]')?.textContent).toContain('2 documents and 1 term');
  });

  it('hands over the file chosen under "Pack file"', () => {
    const given = props();
    const root = show(given);
    const input = byName(root, 'Pack file') as HTMLInputElement;
    expect(input.type).toBe('file');
    const file = new File(['{}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(given.onChooseFile).toHaveBeenCalledWith(file);
  });

  it('shows what a pack would add before importing, and what the reader has already', () => {
    const given = props({
      importState: {
        status: 'preview',
        fileName: 'colleague.json',
        plan: PLAN,
      },
    });
    const root = show(given);
    expect(root.textContent).toContain('colleague.json, made on 8 December 2026');
    const documents = root.querySelector('[aria-label="Documents in the pack"]')!;
    const [fresh, known] = documents.querySelectorAll('li');
    expect(fresh!.textContent).toContain(
      'Statement on cash couriers, Example Task Force, 2026-11-30',
    );
    expect(fresh!.className).toBe('');
    expect(known!.className).toBe('pack-skipped');
    expect(known!.textContent).toContain('already in your corpus as “Border data resolution”');
    const terms = root.querySelector('[aria-label="Terms in the pack"]')!;
    expect(terms.querySelectorAll('.pack-skipped')).toHaveLength(1);
    expect(terms.textContent).toContain('you have a term of that name: yours is kept');
    expect(root.textContent).toContain('Importing adds 1 document and 1 term.');

    act(() => void byName(root, 'Import pack').click());
    expect(given.onImport).toHaveBeenCalledOnce();
    act(() => void byName(root, 'Cancel').click());
    expect(given.onCancel).toHaveBeenCalledOnce();
  });

  it('offers no import of a pack it has whole, and no second one while importing', () => {
    const whole: PackPlan = {
      createdAt: PLAN.createdAt,
      documents: PLAN.documents.filter((document) => document.alreadyAs),
      terms: PLAN.terms.filter((term) => term.alreadyYours),
    };
    const root = show(
      props({
        importState: {
          status: 'preview',
          fileName: 'a.json',
          plan: whole,
        },
      }),
    );
    expect(root.textContent).toContain('You have everything in this pack already.');
    expect((byName(root, 'Import pack') as HTMLButtonElement).disabled).toBe(true);

    const importing = show(
      props({
        importState: { status: 'importing', fileName: 'a.json', plan: PLAN },
      }),
    );
    expect((byName(importing, 'Import pack') as HTMLButtonElement).disabled).toBe(true);
    expect((byName(importing, 'Pack file') as HTMLInputElement).disabled).toBe(true);
    expect((byName(importing, 'Export pack') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says what was imported, with links, and what was left as it was', () => {
    const given = props({
      importState: {
        status: 'done',
        imported: {
          documents: [
            {
              id: 'added-fedcba9876543210',
              title: 'Statement on cash couriers',
              issuingBody: 'Example Task Force',
              dateLabel: '2026-11-30',
              kind: 'statement',
              passageCount: 3,
              addedAt: '2026-12-08T09:00:00.000Z',
              origin: { kind: 'paste' },
            },
          ],
          terms: [
            {
              id: 'user-0123456789abcdef',
              label: 'Xinjiang',
              category: 'concept',
              aliases: ['Xinjiang'],
              definition: '',
              addedByUser: true,
            },
          ],
          documentsSkipped: 1,
          termsSkipped: 1,
        },
      },
    });
    const root = show(given);
    const statuses = [...root.querySelectorAll('[role="status"]')].map(
      (status) => status.textContent,
    );
    expect(statuses).toContain(
      'Imported 1 document and 1 term; 1 document and 1 term you had already were left as they were.' +
        'Statement on cash couriersXinjiang',
    );
    act(() => void byName(root, 'Statement on cash couriers').click());
    expect(given.onOpenDocument).toHaveBeenCalledWith('added-fedcba9876543210');
    act(() => void byName(root, 'Xinjiang').click());
    expect(given.onOpenTerm).toHaveBeenCalledWith('user-0123456789abcdef');
  });

  it('says why a pack was refused', () => {
    const root = show(
      props({
        importState: {
          status: 'error',
          message: 'This pack was made by a newer version of Pledgemark. Nothing was imported.',
        },
      }),
    );
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/newer version/);
  });
});
