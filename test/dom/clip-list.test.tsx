import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipList, type ClipListProps } from '../../components/clip-list';
import type { ClipView } from '../../utils/views';
import { LUO, passage, SEMINAR, WORKPLAN } from '../fixtures/views/term-detail';

const clip = (id: number, citation: ClipView['citation']): ClipView => ({
  id,
  passageId: citation?.id ?? `gone-${id}`,
  savedAt: '2026-03-14T09:00:00.000Z',
  citation,
});

const G7_CLIP = clip(
  1,
  passage({
    id: 'g7-action-plan-2016:a1.border-security.b2',
    text: 'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.',
    locator: 'Action 1 › Border Security › bullet 2',
  }),
);
const WORKPLAN_CLIP = clip(
  2,
  passage({
    id: 'apec-workplan-2017:introduction.step-9',
    text: 'Increase cooperation and technical assistance among APEC member economies.',
    locator: 'Introduction › step 9',
    document: WORKPLAN,
  }),
);
const LUO_CLIP = clip(
  3,
  passage({
    id: 'seminar-2020:s01.p13',
    text: 'China supports the FATF.',
    kind: 'position',
    locator: 'Speech 1 (Luo Zhaohui), para. 13',
    document: SEMINAR,
    actor: LUO,
  }),
);
const CLIPS = [G7_CLIP, WORKPLAN_CLIP, LUO_CLIP];
const G7_NAME = 'G7 Action Plan 2016, Action 1 › Border Security › bullet 2';
const WORKPLAN_NAME = 'APEC CTWG Workplan 2017, Introduction › step 9';
const LUO_NAME = 'Virtual Seminar 2020 Proceedings, Speech 1 (Luo Zhaohui), para. 13';

let root: HTMLElement;
function show(overrides: Partial<ClipListProps> = {}) {
  const props: ClipListProps = {
    clips: CLIPS,
    removed: null,
    notice: null,
    markdown: '# Clips from Pledgemark\n',
    onMove: vi.fn(),
    onRemove: vi.fn(),
    onUndoRemove: vi.fn(),
    onCopyMarkdown: vi.fn(),
    onDownloadMarkdown: vi.fn(),
    onOpenInDocument: vi.fn(),
    copied: null,
    onCopyCitation: vi.fn(),
    ...overrides,
  };
  root ??= document.body.appendChild(document.createElement('div'));
  // act() runs the effects (focus moves) before the test goes on.
  act(() => render(<ClipList {...props} />, root));
  return props;
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const items = () => [...root.querySelectorAll('li.clip')];
const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll('button')].find(
    (element) => text(element) === name || element.getAttribute('aria-label') === name,
  )!;

afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
  root = undefined as unknown as HTMLElement;
});

describe('ClipList', () => {
  it('lists the clips in order, each with its quotation and full citation', () => {
    show();
    expect(items().map((item) => text(item.querySelector('.clip-title')))).toEqual([
      'Clip 1: G7 Action Plan 2016, Action 1 › Border Security › bullet 2',
      'Clip 2: APEC CTWG Workplan 2017, Introduction › step 9',
      'Clip 3: Virtual Seminar 2020 Proceedings, Speech 1 (Luo Zhaohui), para. 13',
    ]);
    const luo = items()[2]!;
    expect(text(luo.querySelector('.clip-quote'))).toBe('China supports the FATF.');
    expect(text(luo.querySelector('.clip-citation'))).toBe(
      'International Virtual Seminar 2020 on Joint Response to Terrorism under the New Circumstances · ' +
        'Ministry of Foreign Affairs of the PRC and China Institute of International Studies (CIIS) · ' +
        'December 22, 2020 · Speech 1 (Luo Zhaohui), para. 13',
    );
    expect(text(luo.querySelector('.clip-actor'))).toBe(
      'Position · Luo Zhaohui, Vice Minister, Ministry of Foreign Affairs, China',
    );
    expect(text(root.querySelector('.clips > p.muted'))).toBe(
      '3 clips, in the order they are exported.',
    );
  });

  it('copies a clip’s citation as text or Markdown, and says when it is copied', () => {
    const props = show({ copied: { passageId: G7_CLIP.passageId, format: 'text', ok: true } });
    const [first, second] = items();
    expect(text(button(first!, 'Citation copied'))).toBe('Citation copied');
    button(second!, 'Copy as Markdown').click();
    expect(props.onCopyCitation).toHaveBeenCalledWith(WORKPLAN_CLIP.citation, 'markdown');
  });

  it('moves a clip up or down with buttons, none past the ends', () => {
    const props = show();
    const [first, second, third] = items();
    expect(button(first!, `Move up: ${G7_NAME}`).disabled).toBe(true);
    expect(button(third!, `Move down: ${LUO_NAME}`).disabled).toBe(true);
    button(first!, `Move down: ${G7_NAME}`).click();
    expect(props.onMove).toHaveBeenCalledWith(G7_CLIP, 1);
    button(second!, `Move up: ${WORKPLAN_NAME}`).click();
    expect(props.onMove).toHaveBeenLastCalledWith(WORKPLAN_CLIP, 0);
  });

  it('keeps the focus on the moved clip, on its other button at the end of the list', () => {
    const props = show();
    const down = button(items()[1]!, `Move down: ${WORKPLAN_NAME}`);
    down.focus();
    down.click();
    // The caller answers with the new order.
    show({ ...props, clips: [G7_CLIP, LUO_CLIP, WORKPLAN_CLIP] });
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Move up: ${WORKPLAN_NAME}`);
    expect(document.activeElement?.closest('li')).toBe(items()[2]);
    button(items()[2]!, `Move up: ${WORKPLAN_NAME}`).click();
    show({ ...props, clips: CLIPS });
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Move up: ${WORKPLAN_NAME}`);
    expect(document.activeElement?.closest('li')).toBe(items()[1]);
  });

  it('moves a clip dragged by its handle onto another', () => {
    const props = show();
    const drag = (target: Element, type: string) =>
      act(() => {
        target.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
      });
    const [first, , third] = items();
    drag(third!.querySelector('.clip-handle')!, 'dragstart');
    drag(first!, 'dragover');
    expect(items()[0]!.classList.contains('clip-drop-target')).toBe(true);
    drag(first!, 'drop');
    expect(props.onMove).toHaveBeenCalledWith(LUO_CLIP, 0);
    expect(root.querySelector('.clip-drop-target')).toBeNull();
    // The handle is for the pointer only: the buttons do the same from the keyboard.
    expect(third!.querySelector('.clip-handle')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('removes a clip, then offers to undo, with the focus on Undo', () => {
    const props = show();
    button(items()[1]!, `Remove: ${WORKPLAN_NAME}`).click();
    expect(props.onRemove).toHaveBeenCalledWith(WORKPLAN_CLIP);
    show({ ...props, clips: [G7_CLIP, LUO_CLIP], removed: WORKPLAN_CLIP });
    expect(text(root.querySelector('.clip-undo'))).toBe(
      'Removed “APEC CTWG Workplan 2017, Introduction › step 9”. Undo',
    );
    expect(text(document.activeElement)).toBe('Undo');
    expect(
      text(document.getElementById(document.activeElement!.getAttribute('aria-describedby')!)),
    ).toBe('Removed “APEC CTWG Workplan 2017, Introduction › step 9”.');
    button(root, 'Undo').click();
    expect(props.onUndoRemove).toHaveBeenCalled();
    show({ ...props, clips: CLIPS, removed: null });
    expect(document.activeElement).toBe(items()[1]);
  });

  it('exports through its callbacks and shows the Markdown for review', () => {
    const props = show({ notice: { kind: 'done', text: 'Copied 3 clips as Markdown.' } });
    button(root, 'Copy as Markdown').click();
    button(root, 'Download .md').click();
    expect(props.onCopyMarkdown).toHaveBeenCalled();
    expect(props.onDownloadMarkdown).toHaveBeenCalled();
    expect(root.querySelector('.clip-preview pre')?.textContent).toBe('# Clips from Pledgemark\n');
    expect(text(root.querySelector('[role="status"]'))).toBe('Copied 3 clips as Markdown.');
    button(items()[0]!, 'Read in document').click();
    expect(props.onOpenInDocument).toHaveBeenCalledWith(G7_CLIP);
  });

  it('says what to do when there are no clips, and has nothing to export', () => {
    show({ clips: [] });
    expect(text(root.querySelector('.clips > p.muted'))).toMatch(/^No clips yet\./);
    expect(button(root, 'Copy as Markdown').disabled).toBe(true);
    expect(button(root, 'Download .md').disabled).toBe(true);
    expect(root.querySelector('.clip-preview')).toBeNull();
  });

  it('keeps a clip whose passage left the corpus, and says so', () => {
    show({ clips: [clip(9, null)] });
    expect(text(items()[0]!.querySelector('.clip-title'))).toBe('Clip 1: gone-9');
    expect(text(items()[0])).toContain('no longer in Pledgemark’s corpus');
    expect(items()[0]!.querySelector('button.link-button')).toBeNull();
  });

  it('shows a storage failure as an error', () => {
    show({
      notice: { kind: 'error', text: 'The browser has no room left for Pledgemark’s data.' },
    });
    const status = root.querySelector('[role="status"]')!;
    expect(status.classList.contains('search-error')).toBe(true);
    expect(text(status)).toBe('The browser has no room left for Pledgemark’s data.');
  });
});
