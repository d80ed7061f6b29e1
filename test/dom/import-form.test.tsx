import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byName } from './controls';
import { ImportForm, type ImportFormProps } from '../../components/import-form';
import { segmentText } from '../../utils/segmenter';
import type { AddedDocumentView } from '../../utils/views';

const TEXT = [
  'Resolution on Border Data',
  '',
  'Recalling its earlier resolutions,',
  '',
  '1. Decides that Member States shall share Passenger Name Record data;',
  '',
  '2. Requests the Secretariat to report within twelve months.',
].join('\n');

const DOCUMENT: AddedDocumentView = {
  id: 'added-0123456789abcdef',
  title: 'Resolution on Border Data',
  issuingBody: 'Example Council',
  dateLabel: '2026-11-30',
  kind: 'resolution',
  passageCount: 4,
  addedAt: '2026-12-07T10:00:00.000Z',
  origin: { kind: 'paste' },
};

function props(overrides: Partial<ImportFormProps> = {}): ImportFormProps {
  return {
    text: TEXT,
    sourceNote: null,
    details: { title: '', issuingBody: '', date: '', kind: 'other' },
    passages: null,
    progress: null,
    busy: false,
    status: null,
    canTakePage: false,
    maxFileMegabytes: 10,
    documents: [],
    onTextChange: vi.fn(),
    onFile: vi.fn(),
    onTakePage: vi.fn(),
    onDetailsChange: vi.fn(),
    onAdd: vi.fn(),
    onOpenDocument: vi.fn(),
    onDelete: vi.fn(),
    ...overrides,
  };
}

function show(given: ImportFormProps): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ImportForm {...given} />, root));
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the import view', () => {
  it('names its controls as the interface contract says, with a status line', () => {
    const root = show(props());
    expect(byName(root, 'Text').localName).toBe('textarea');
    // No length limit of its own: a longer paste would be cut without a word, where the view
    // says it is too long instead.
    expect(byName(root, 'Text').hasAttribute('maxlength')).toBe(false);
    expect(byName(root, 'File').getAttribute('type')).toBe('file');
    for (const name of ['Title', 'Issued by', 'Date'])
      expect(byName(root, name).localName).toBe('input');
    expect(byName(root, 'Add to corpus').getAttribute('type')).toBe('submit');
    expect(root.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(root.textContent).toContain('Plain text or HTML, up to 10 MB.');
  });

  it('shows progress while reading, then the passages found with their kinds', () => {
    const reading = show(props({ progress: { done: 30, total: 120 } }));
    const bar = reading.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Finding passages');
    expect([bar.value, bar.max]).toEqual([30, 120]);

    const { passages } = segmentText(TEXT, { issuingBody: 'Example Council' });
    const read = show(props({ passages }));
    expect(read.querySelector('.import-passages h3')?.textContent).toMatch(
      /^\d+ passages: 2 commitments, \d+ positions?, \d+ context$/,
    );
    expect(
      [...read.querySelectorAll('.import-passage-list .locator')].map((l) => l.textContent),
    ).toContain('Para. 1');
  });

  it('hands back what the reader types and chooses, and adds on submit', () => {
    const given = props();
    const root = show(given);
    const title = byName(root, 'Title') as HTMLInputElement;
    title.value = 'A title';
    act(() => void title.dispatchEvent(new Event('input', { bubbles: true })));
    expect(given.onDetailsChange).toHaveBeenCalledWith({
      title: 'A title',
      issuingBody: '',
      date: '',
      kind: 'other',
    });
    act(
      () =>
        void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })),
    );
    expect(given.onAdd).toHaveBeenCalledTimes(1);
  });

  it('offers the page only when there is one to take', () => {
    expect(show(props()).textContent).not.toContain('Use the page you were reading');
    const given = props({ canTakePage: true });
    act(() => byName(show(given), 'Use the page you were reading').click());
    expect(given.onTakePage).toHaveBeenCalled();
  });

  it('deletes an added document only once the reader confirms', () => {
    const given = props({ documents: [DOCUMENT] });
    const root = show(given);
    act(() => byName(root, `Delete “${DOCUMENT.title}”`).click());
    expect(given.onDelete).not.toHaveBeenCalled();
    act(() => byName(root, 'Keep it').click());
    act(() => byName(root, `Delete “${DOCUMENT.title}”`).click());
    act(() => byName(root, 'Delete for good').click());
    expect(given.onDelete).toHaveBeenCalledWith(DOCUMENT);
  });
});
