import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CardTrigger,
  CLOSE_GRACE_MS,
  type CardTriggerDeps,
} from '../../entrypoints/content/card-trigger';
import {
  adjacentMention,
  highlightAt,
  mentionFragments,
  mentionHeads,
  recordMention,
  termOf,
} from '../../entrypoints/content/page-contract';

const DELAY = 300;
let trigger: CardTrigger | null = null;
let openFor: HTMLElement | null = null;

function setUp(overrides: Partial<CardTriggerDeps> = {}) {
  document.body.innerHTML = `
    <p>The <pledgemark data-pledgemark-term="fatf" data-pledgemark-mention="1">FATF</pledgemark> and the
    <pledgemark data-pledgemark-term="etim" data-pledgemark-mention="2">ETIM</pledgemark>.</p>
    <div id="card"><button>Copy citation</button></div>`;
  // As the highlighter records what it made (elements are highlights by that record alone).
  for (const element of document.querySelectorAll<HTMLElement>('pledgemark')) {
    recordMention(element.getAttribute('data-pledgemark-term')!, [element]);
  }
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

  it('steps into open shadow roots where their hosts are, nested ones too', () => {
    const { term } = setUp();
    const host = document.createElement('div');
    document.querySelector('p')!.after(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<p><pledgemark>PNR</pledgemark> <span id="inner-host"></span> <pledgemark>API</pledgemark></p>';
    const inner = shadow.getElementById('inner-host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<pledgemark>FTF</pledgemark>';
    for (const element of [
      ...shadow.querySelectorAll('pledgemark'),
      ...inner.querySelectorAll('pledgemark'),
    ]) {
      recordMention(element.textContent!.toLowerCase(), [element as HTMLElement]);
    }
    const heads = mentionHeads(document);
    expect(heads.map((head) => head.textContent)).toEqual(['FATF', 'ETIM', 'PNR', 'FTF', 'API']);
    expect(adjacentMention(heads, term('etim'), 'next')!.textContent).toBe('PNR');
    // A host the page took away takes its highlights with it.
    host.remove();
    expect(mentionHeads(document).map((head) => head.textContent)).toEqual(['FATF', 'ETIM']);
  });
});

describe('highlights the page forges', () => {
  it('open no card and take no keyboard stop, whatever their tag and attributes', () => {
    const { open, term, pointer } = setUp();
    const forged = document.createElement('pledgemark');
    forged.setAttribute('data-pledgemark-term', 'etim');
    forged.setAttribute('data-pledgemark-mention', '1"] , * [x="');
    forged.className = 'pledgemark-term';
    forged.textContent = 'a private person';
    document.body.append(forged);
    pointer('pointerover', forged);
    vi.advanceTimersByTime(DELAY * 2);
    expect(open).not.toHaveBeenCalled();
    expect(highlightAt(forged.firstChild)).toBeNull();
    // A quote in a mention id goes into no selector: nothing throws, the forged one is not a stop.
    expect(mentionHeads(document).map((head) => head.textContent)).toEqual(['FATF', 'ETIM']);
    expect(mentionFragments(term('fatf'))).toEqual([term('fatf')]);
    expect(termOf(forged)).toBeNull();
    expect(termOf(term('etim'))).toBe('etim');
  });

  it('cannot take over a real highlight by rewriting its attributes', () => {
    const { open, term, pointer } = setUp();
    const real = term('fatf');
    real.setAttribute('data-pledgemark-term', 'etim');
    pointer('pointerover', real);
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenCalledWith(real, 'pointer', expect.any(Object));
    expect(termOf(real)).toBe('fatf');
  });
});

describe('highlights inside open shadow roots', () => {
  /** A page component with an open shadow root holding a highlight, inside another one. */
  function shadowPage() {
    const { open, pointer } = setUp();
    const outer = document.createElement('news-story');
    document.body.append(outer);
    const outerRoot = outer.attachShadow({ mode: 'open' });
    outerRoot.innerHTML = `<p id="text">Under pressure since the
      <pledgemark data-pledgemark-term="fatf">FATF</pledgemark> warned.</p><news-aside></news-aside>`;
    const inner = outerRoot.querySelector('news-aside')!;
    const innerRoot = inner.attachShadow({ mode: 'open' });
    innerRoot.innerHTML = `<p>The <pledgemark data-pledgemark-term="pnr">PNR</pledgemark>.</p>`;
    const inOuter = outerRoot.querySelector<HTMLElement>('pledgemark')!;
    const inInner = innerRoot.querySelector<HTMLElement>('pledgemark')!;
    recordMention('fatf', [inOuter]);
    recordMention('pnr', [inInner]);
    return { open, pointer, outer, outerRoot, inOuter, inInner };
  }

  it('open the card of the highlight under the pointer, not of the shadow host', () => {
    const { open, pointer, inOuter, inInner } = shadowPage();
    // Events reach the document's listener retargeted to the host; the path still names the node.
    pointer('pointerover', inOuter, { composed: true } as MouseEventInit);
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenLastCalledWith(inOuter, 'pointer', expect.any(Object));
    pointer('pointerover', inInner, { composed: true } as MouseEventInit);
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenLastCalledWith(inInner, 'pointer', expect.any(Object));
  });

  it('follow the pointer from the shadow root’s own text onto its highlight', () => {
    const { open, pointer, outerRoot, inOuter, outer } = shadowPage();
    const text = outerRoot.getElementById('text')!;
    // The pointer enters the component from the page…
    pointer('pointerover', text, {
      composed: true,
      relatedTarget: document.body,
    } as MouseEventInit);
    // …then moves inside it: the browser dispatches this move no further than the shadow root.
    const seenAtDocument = vi.fn();
    document.addEventListener('pointerover', seenAtDocument, true);
    pointer('pointerover', inOuter, { composed: true, relatedTarget: text } as MouseEventInit);
    document.removeEventListener('pointerover', seenAtDocument, true);
    expect(seenAtDocument).not.toHaveBeenCalled();
    vi.advanceTimersByTime(DELAY);
    expect(open).toHaveBeenCalledWith(inOuter, 'pointer', expect.any(Object));
    expect(open).not.toHaveBeenCalledWith(outer, expect.anything(), expect.anything());
  });

  it('open on tap', () => {
    const { open, pointer, inInner } = shadowPage();
    pointer('pointerdown', inInner, { composed: true, pointerType: 'touch' } as MouseEventInit);
    expect(open).toHaveBeenCalledWith(inInner, 'touch', expect.any(Object));
  });
});
