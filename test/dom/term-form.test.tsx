import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byName } from './controls';
import {
  draftToFields,
  EMPTY_TERM_FIELDS,
  fieldsToDraft,
  TermForm,
  type TermFormProps,
} from '../../components/term-form';
import type { UserTermView } from '../../utils/views';

const XINJIANG: UserTermView = {
  term: {
    id: 'user-0123456789abcdef',
    label: 'Xinjiang',
    category: 'concept',
    aliases: ['Xinjiang', 'XUAR'],
    definition: '',
    addedByUser: true,
  },
  draft: {
    label: 'Xinjiang',
    aliases: ['XUAR'],
    category: 'concept',
    definition: '',
    cues: [],
    vetoes: [],
  },
  passageCount: 17,
  updatedAt: '2026-12-07T10:00:00.000Z',
};

function props(overrides: Partial<TermFormProps> = {}): TermFormProps {
  return {
    fields: EMPTY_TERM_FIELDS,
    editing: null,
    busy: false,
    status: null,
    terms: [],
    onFieldsChange: vi.fn(),
    onSave: vi.fn(),
    onCancelEdit: vi.fn(),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onOpenTerm: vi.fn(),
    ...overrides,
  };
}

function show(given: TermFormProps): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<TermForm {...given} />, root));
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the term form', () => {
  it('names its controls as the interface contract says, with a status line', () => {
    const root = show(props());
    expect(root.querySelector('h2')?.textContent).toBe('Add term');
    expect(byName(root, 'Term').localName).toBe('input');
    expect(byName(root, 'Aliases').localName).toBe('input');
    expect(byName(root, 'Save term').getAttribute('type')).toBe('submit');
    expect(root.querySelectorAll('[role="status"]')).toHaveLength(1);
  });

  it('hands back what is typed, and saves the draft the fields make', () => {
    const fields = { ...EMPTY_TERM_FIELDS, label: 'Advance Passenger Information' };
    const given = props({
      fields: { ...fields, aliases: 'API, APIS', cues: 'passenger; airline' },
    });
    const root = show(given);
    const aliases = byName(root, 'Aliases') as HTMLInputElement;
    aliases.value = 'API';
    act(() => void aliases.dispatchEvent(new Event('input', { bubbles: true })));
    expect(given.onFieldsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ aliases: 'API' }),
    );
    act(() => void byName(root, 'Save term').click());
    expect(given.onSave).toHaveBeenCalledWith({
      label: 'Advance Passenger Information',
      aliases: ['API', 'APIS'],
      category: 'concept',
      definition: '',
      cues: ['passenger', 'airline'],
      vetoes: [],
    });
  });

  it('says what to fix and does not save', () => {
    const given = props({ fields: { ...EMPTY_TERM_FIELDS, label: 'Xinjiang', cues: 'rights' } });
    const root = show(given);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/acronym/);
    expect((byName(root, 'Save term') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists the reader’s terms to open, edit and delete, and edits one in place', () => {
    const given = props({ terms: [XINJIANG] });
    const root = show(given);
    expect(root.querySelector('.user-term')?.textContent).toContain(
      'Xinjiang (XUAR) · 17 passages',
    );
    act(() => void byName(root, 'Edit Xinjiang').click());
    expect(given.onEdit).toHaveBeenCalledWith(XINJIANG);
    act(() => void byName(root, 'Delete Xinjiang').click());
    expect(given.onDelete).toHaveBeenCalledWith(XINJIANG);
    act(() => void byName(root, 'Xinjiang').click());
    expect(given.onOpenTerm).toHaveBeenCalledWith(XINJIANG.term.id);

    const editing = show(
      props({ editing: XINJIANG, fields: draftToFields(XINJIANG.draft), terms: [XINJIANG] }),
    );
    expect(editing.querySelector('h2')?.textContent).toBe('Edit “Xinjiang”');
    expect((byName(editing, 'Aliases') as HTMLInputElement).value).toBe('XUAR');
    expect(byName(editing, 'Cancel')).toBeTruthy();
  });

  it('turns fields into a draft and back', () => {
    expect(fieldsToDraft(draftToFields(XINJIANG.draft))).toEqual(XINJIANG.draft);
  });
});
