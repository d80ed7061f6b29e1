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
    maxPdfMegabytes: 100,
    pdfProgress: null,
    passwordRequest: null,
    documents: [],
    onTextChange: vi.fn(),
    onFile: vi.fn(),
    onCancelPdf: vi.fn(),
    onPassword: vi.fn(),
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
    expect(root.textContent).toContain('Plain text or HTML, up to 10 MB; PDF, up to 100 MB.');
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

describe('reading a PDF in the import view', () => {
  it('takes PDF files, and shows the pages read so far with a way to stop', () => {
    const given = props({ pdfProgress: { done: 4, total: 300 } });
    const root = show(given);
    expect(root.querySelector<HTMLInputElement>('#import-file')!.accept).toContain('.pdf');
    expect(root.querySelector('#import-file-hint')?.textContent).toContain('PDF, up to 100 MB');
    const bar = root.querySelector<HTMLProgressElement>('progress[aria-label="Reading the PDF"]')!;
    expect([bar.value, bar.max]).toEqual([4, 300]);
    expect(root.textContent).toContain('Read page 4 of 300…');
    act(() => void byName(root, 'Cancel').click());
    expect(given.onCancelPdf).toHaveBeenCalledOnce();
  });

  it('asks for a protected PDF’s password in its own dialog, again when it was wrong', () => {
    const given = props({ passwordRequest: { fileName: 'report.pdf', incorrect: false } });
    const root = show(given);
    expect(root.textContent).toContain('“report.pdf” is protected by a password.');
    const field = byName(root, 'Password') as HTMLInputElement;
    expect(field.type).toBe('password');
    field.value = 'pledge';
    act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => void byName(root, 'Open PDF').click());
    expect(given.onPassword).toHaveBeenLastCalledWith('pledge');
    // Enter in the field opens the PDF; it does not add the document.
    act(
      () => void field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    expect(given.onPassword).toHaveBeenCalledTimes(2);
    expect(given.onAdd).not.toHaveBeenCalled();
    act(() => void byName(root, 'Cancel').click());
    expect(given.onPassword).toHaveBeenLastCalledWith(null);

    const again = show(props({ passwordRequest: { fileName: 'report.pdf', incorrect: true } }));
    expect(again.textContent).toContain('That password does not open “report.pdf”. Try again.');
  });
});
