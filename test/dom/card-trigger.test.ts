import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  adjacentMention,
  CardTrigger,
  CLOSE_GRACE_MS,
  mentionHeads,
  type CardTriggerDeps,
} from '../../entrypoints/content/card-trigger';

const DELAY = 300;
let trigger: CardTrigger | null = null;
let openFor: HTMLElement | null = null;

function setUp(overrides: Partial<CardTriggerDeps> = {}) {
  document.body.innerHTML = `
    <p>The <pledgemark-term data-pledgemark-term="fatf" data-pledgemark-mention="1">FATF</pledgemark-term> and the
    <pledgemark-term data-pledgemark-term="etim" data-pledgemark-mention="2">ETIM</pledgemark-term>.</p>
    <div id="card"><button>Copy citation</button></div>`;
  const card = document.getElementById('card')!;
  const open = vi.fn((highlight: HTMLElement) => (openFor = highlight));
  const close = vi.fn(() => (openFor = null));
  trigger = new CardTrigger({
    document,
    open,
    close,
    isInCard: (node) => node !== null && card.contains(node),
    openFor: () => openFor,
    settings: () => ({ hoverDelayMs: DELAY, cardTrigger: 'hover' }),
    trustSyntheticEvents: true,
    ...overrides,
  });
  const term = (id: string) =>
    document.querySelector<HTMLElement>(`[data-pledgemark-term="${id}"]`)!;
  // jsdom has no PointerEvent: a MouseEvent with a pointer type stands in for it.
  const pointer = (
    type: string,
    target: Element,
    init: MouseEventInit & { pointerType?: string } = {},
  ) => {
    const event = new MouseEvent(type, { bubbles: true, ...init });
    Object.defineProperty(event, 'pointerType', { value: init.pointerType ?? 'mouse' });
    target.dispatchEvent(event);
  };
  return { open, close, card, term, pointer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  trigger?.destroy();
  trigger = null;
  openFor = null;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('CardTrigger', () => {
  it('opens after the pointer rests for the delay, not when it merely crosses', () => {
    const { open, term, pointer } = setUp();
    pointer('pointerover', term('fatf'));
    vi.advanceTimersByTime(DELAY / 2);
    pointer('pointerout', term('fatf'), { relatedTarget: document.body });
    vi.advanceTimersByTime(DELAY);
    expect(open).not.toHaveBeenCalled();
    pointer('pointerover', term('etim'));
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenCalledWith(term('etim'), 'pointer', expect.any(Object));
  });

  it('stays open while the pointer moves into the card, closes after it leaves both', () => {
    const { close, card, term, pointer } = setUp();
    pointer('pointerover', term('fatf'));
    vi.advanceTimersByTime(DELAY);
    pointer('pointerout', term('fatf'), { relatedTarget: card });
    trigger!.pointerInCard(true);
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(close).not.toHaveBeenCalled();
    trigger!.pointerInCard(false);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(close).toHaveBeenCalledWith(false);
  });

  it('opens on tap and closes on a tap elsewhere', () => {
    const { open, close, term, pointer } = setUp();
    pointer('pointerdown', term('fatf'), { pointerType: 'touch' });
    expect(open).toHaveBeenCalledWith(term('fatf'), 'touch', expect.any(Object));
    pointer('pointerdown', document.body, { pointerType: 'touch' });
    expect(close).toHaveBeenCalledWith(false);
  });

  it('closes on Escape and returns focus', () => {
    const { close, term, pointer } = setUp();
    pointer('pointerover', term('fatf'));
    vi.advanceTimersByTime(DELAY);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(close).toHaveBeenCalledWith(true);
  });

  it('in modifier mode opens only with Alt held', () => {
    const { open, term, pointer } = setUp({
      settings: () => ({ hoverDelayMs: DELAY, cardTrigger: 'modifier' }),
    });
    pointer('pointerover', term('fatf'));
    vi.advanceTimersByTime(DELAY);
    expect(open).not.toHaveBeenCalled();
    pointer('pointerover', term('etim'), { altKey: true });
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores events the page makes up', () => {
    const { open, term, pointer } = setUp({ trustSyntheticEvents: false });
    pointer('pointerover', term('fatf'));
    pointer('pointerdown', term('fatf'), { pointerType: 'touch' });
    vi.advanceTimersByTime(DELAY * 2);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('keyboard navigation between highlights', () => {
  it('goes to the next and previous mention, wrapping around', () => {
    const { term } = setUp();
    const heads = mentionHeads(document);
    expect(heads.map((head) => head.textContent)).toEqual(['FATF', 'ETIM']);
    expect(adjacentMention(heads, term('fatf'), 'next')).toBe(term('etim'));
    expect(adjacentMention(heads, term('etim'), 'next')).toBe(term('fatf'));
    expect(adjacentMention(heads, term('fatf'), 'previous')).toBe(term('etim'));
    expect(adjacentMention([], null, 'next')).toBeNull();
  });
});
