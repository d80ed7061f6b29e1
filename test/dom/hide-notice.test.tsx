import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HIDE_NOTICE_MS,
  HideNotice,
  type HideNoticeDeps,
} from '../../entrypoints/card-ui.content/hide-notice';

const FATF = { termId: 'fatf', text: 'FATF', host: 'example.com' };
let notice: HideNotice | null = null;

function setUp(overrides: Partial<HideNoticeDeps> = {}) {
  const onUndo = vi.fn();
  notice = new HideNotice({ onUndo, trustSyntheticEvents: true, ...overrides });
  document.body.append(notice.element);
  const region = notice.element;
  const button = (name: string) =>
    [...region.querySelectorAll('button')].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name,
    );
  return { onUndo, notice, region, button };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  notice?.destroy();
  notice = null;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('HideNotice', () => {
  it('is a live region, in place and empty before any notice', () => {
    const { region } = setUp();
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
  });

  it('names the term and the site, with Undo, and goes after eight seconds', () => {
    const { region, button, onUndo } = setUp();
    notice!.show(FATF, false);
    expect(region.textContent).toContain('“FATF” hidden on example.com.');
    expect(button('Undo')).toBeDefined();
    expect(button('Dismiss')).toBeDefined();
    // Shown from a pointer: focus stays where it was.
    expect(document.activeElement).toBe(document.body);
    vi.advanceTimersByTime(HIDE_NOTICE_MS - 1);
    expect(notice!.shown).toEqual(FATF);
    vi.advanceTimersByTime(1);
    expect(notice!.shown).toBeNull();
    expect(region.textContent).toBe('');
    expect(region.isConnected).toBe(true);
    expect(onUndo).not.toHaveBeenCalled();
  });

  it('moves focus to Undo when the hide came from the keyboard, and stays while focus is on it', () => {
    const { region, button } = setUp();
    notice!.show(FATF, true);
    expect(document.activeElement).toBe(button('Undo'));
    vi.advanceTimersByTime(HIDE_NOTICE_MS * 3);
    expect(region.textContent).toContain('hidden on example.com');
    // Focus leaves: the notice goes a full delay later.
    button('Undo')!.blur();
    vi.advanceTimersByTime(HIDE_NOTICE_MS - 1);
    expect(notice!.shown).toEqual(FATF);
    vi.advanceTimersByTime(1);
    expect(notice!.shown).toBeNull();
  });

  it('stays while the pointer rests on it', () => {
    const { region } = setUp();
    notice!.show(FATF, false);
    region.dispatchEvent(new MouseEvent('pointerenter'));
    vi.advanceTimersByTime(HIDE_NOTICE_MS * 2);
    expect(notice!.shown).toEqual(FATF);
    region.dispatchEvent(new MouseEvent('pointerleave'));
    vi.advanceTimersByTime(HIDE_NOTICE_MS);
    expect(notice!.shown).toBeNull();
  });

  it('undoes the hide once, and goes', () => {
    const { button, onUndo, region } = setUp();
    notice!.show(FATF, true);
    button('Undo')!.click();
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onUndo).toHaveBeenCalledWith(FATF);
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(HIDE_NOTICE_MS);
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('is dismissed with its close button or Escape, undoing nothing', () => {
    const { button, onUndo, region } = setUp();
    notice!.show(FATF, true);
    button('Dismiss')!.click();
    expect(notice!.shown).toBeNull();
    notice!.show(FATF, true);
    button('Undo')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(notice!.shown).toBeNull();
    expect(region.textContent).toBe('');
    expect(onUndo).not.toHaveBeenCalled();
  });

  it('shows the latest hide in place of an earlier one', () => {
    const { button, onUndo, region } = setUp();
    notice!.show(FATF, false);
    notice!.show({ termId: 'etim', text: 'ETIM', host: 'example.com' }, false);
    expect(region.textContent).toContain('“ETIM” hidden on example.com.');
    expect(region.querySelectorAll('button')).toHaveLength(2);
    button('Undo')!.click();
    expect(onUndo).toHaveBeenCalledWith({ termId: 'etim', text: 'ETIM', host: 'example.com' });
  });

  it('ignores events the page makes up', () => {
    const { button, onUndo } = setUp({ trustSyntheticEvents: false });
    notice!.show(FATF, true);
    button('Undo')!.click();
    button('Dismiss')!.click();
    button('Undo')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onUndo).not.toHaveBeenCalled();
    expect(notice!.shown).toEqual(FATF);
  });

  it('is torn down with the card: no notice, no timer, no element', () => {
    const { region, onUndo } = setUp();
    notice!.show(FATF, false);
    notice!.destroy();
    expect(region.isConnected).toBe(false);
    expect(region.textContent).toBe('');
    expect(vi.getTimerCount()).toBe(0);
    expect(onUndo).not.toHaveBeenCalled();
  });
});
