import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardController, type CardPort } from '../../entrypoints/content/card-controller';
import { copyAroundThePage } from '../../entrypoints/content/card-clipboard';
import { providedCardUi, type CardUiFactory } from '../../entrypoints/content/card-ui-slot';
import { recordMention } from '../../entrypoints/content/page-contract';
import cardUiScript from '../../entrypoints/card-ui.content/index';
import { TermCardUi } from '../../entrypoints/card-ui.content/term-card-ui';
import { TEXT_ATTRIBUTE } from '../../entrypoints/card-ui.content/unfindable-text';
import { FATF_DETAIL } from '../fixtures/views/term-detail';

let cards: CardController | null = null;

const termCardUi: CardUiFactory = (deps) => new TermCardUi(deps);

function setUp(
  options: {
    trusted?: boolean;
    port?: Partial<CardPort>;
    /** Where the card's UI comes from; 'default' passes none (the controller's own lookup). */
    cardUi?: (() => CardUiFactory | null) | 'default';
  } = {},
) {
  document.body.innerHTML = `<p>The <pledgemark data-pledgemark-term="fatf">FATF</pledgemark>.</p>`;
  const highlight = document.querySelector<HTMLElement>('pledgemark')!;
  recordMention('fatf', [highlight], { kind: 'cue', cue: 'terrorist financing' }, 0);
  const port: CardPort = {
    lookupTerm: vi.fn(async () => ({ ok: true as const, value: FATF_DETAIL })),
    clipMarks: vi.fn(async () => ({})),
    saveClip: vi.fn(async () => ({ status: 'saved' as const })),
    copy: vi.fn(async () => {}),
    mentionsIn: () => [],
    pageCount: () => 1,
    openTermView: vi.fn(),
    openInDocument: vi.fn(),
    hostname: 'example.com',
    hideTerm: vi.fn(),
    showTerm: vi.fn(),
    aliasText: (aliasIndex) => ['FATF'][aliasIndex],
    correctSense: vi.fn(),
    triggerSettings: () => ({ hoverDelayMs: 300, cardTrigger: 'hover' }),
    ...options.port,
  };
  cards = new CardController(port, {
    document,
    ...(options.cardUi === 'default' ? {} : { cardUi: options.cardUi ?? (() => termCardUi) }),
    ...(options.trusted ? { trustSyntheticEvents: true } : {}),
  });
  return { port, highlight };
}

/** Opens the card and waits for its term to show. */
async function openCard(highlight: HTMLElement): Promise<ShadowRoot> {
  cards!.open(highlight, 'pointer', null);
  const root = cards!.shadowRootForTests!;
  await vi.waitFor(() => expect(root.querySelector('.term-card')).not.toBeNull());
  return root;
}

/** A button of the card, by the text it shows (drawn from its attribute, see unfindable-text). */
function button(root: ShadowRoot, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (candidate) =>
      [...candidate.querySelectorAll(`[${TEXT_ATTRIBUTE}]`)]
        .map((piece) => piece.getAttribute(TEXT_ATTRIBUTE))
        .join('') === text,
  );
  if (!found) throw new Error(`No "${text}" button in the card`);
  return found;
}

afterEach(() => {
  cards?.destroy();
  cards = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the card host', () => {
  it('is a plain div with a closed shadow root: nothing the page defines runs on it', async () => {
    // What a page does first: define the name the card's host once had.
    const constructed = vi.fn();
    customElements.define(
      'pledgemark-card',
      class extends HTMLElement {
        constructor() {
          super();
          constructed();
        }
      },
    );
    const { highlight } = setUp();
    await openCard(highlight);
    const host = document.querySelector('[data-pledgemark-ui="card"]')!;
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('pledgemark-card')).toBeNull();
    expect(constructed).not.toHaveBeenCalled();
    expect(cards!.openFor).toBe(highlight);
  });

  it('holds its styles inside its shadow root, none in the page', async () => {
    const { highlight } = setUp();
    const root = await openCard(highlight);
    expect(root.querySelector('style')).not.toBeNull();
    expect(document.querySelectorAll('style, link[rel="stylesheet"]')).toHaveLength(0);
  });

  it('is built when it first opens; a failure to build it is logged, and nothing throws', async () => {
    const { highlight } = setUp();
    expect(document.querySelector('[data-pledgemark-ui="card"]')).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
      throw new Error('no shadow roots here');
    });
    expect(() => cards!.open(highlight, 'pointer', null)).not.toThrow();
    expect(cards!.openFor).toBeNull();
    expect(warn).toHaveBeenCalled();
    // Once the page stops getting in the way, the card opens.
    vi.mocked(HTMLElement.prototype.attachShadow).mockRestore();
    await openCard(highlight);
    expect(cards!.openFor).toBe(highlight);
  });

  it('comes from the card’s own content script, found where that script left it', async () => {
    const scope = globalThis as Record<string, unknown>;
    const before = new Set(Object.getOwnPropertyNames(scope));
    expect(providedCardUi()).toBeNull();
    cardUiScript.main(undefined as never);
    const slots = Object.getOwnPropertyNames(scope).filter((name) => !before.has(name));
    try {
      expect(slots).toHaveLength(1);
      expect(providedCardUi()).not.toBeNull();
      // No factory passed: the controller reads the slot at the first opening.
      const { highlight } = setUp({ cardUi: 'default' });
      await openCard(highlight);
      expect(cards!.openFor).toBe(highlight);
    } finally {
      for (const slot of slots) delete scope[slot];
    }
  });

  it('builds nothing once destroyed, even for a keyboard command already under way', () => {
    const { highlight } = setUp();
    cards!.destroy();
    cards!.open(highlight, 'keyboard', null);
    expect(document.querySelector('[data-pledgemark-ui]')).toBeNull();
    expect(cards!.openFor).toBeNull();
    cards = null;
  });

  it('stays closed, logged once, where the card’s script has not run; nothing throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { highlight } = setUp({ cardUi: () => null });
    expect(() => cards!.open(highlight, 'pointer', null)).not.toThrow();
    expect(() => cards!.open(highlight, 'keyboard', null)).not.toThrow();
    expect(cards!.openFor).toBeNull();
    expect(document.querySelector('[data-pledgemark-ui]')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('is taken off the page, with its listeners, by destroy()', async () => {
    const { highlight } = setUp();
    await openCard(highlight);
    cards!.destroy();
    expect(document.querySelector('[data-pledgemark-ui]')).toBeNull();
    expect(cards!.openFor).toBeNull();
    cards = null;
  });
});

describe('the card’s text', () => {
  it('is drawn from attributes, never held in text nodes that window.find could match', async () => {
    const { highlight } = setUp();
    const root = await openCard(highlight);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.localName !== 'style') texts.push(node.nodeValue ?? '');
    }
    expect(texts).toEqual([]);
    expect(button(root, 'Copy citation')).toBeDefined();
    expect(
      root.querySelector(`[${TEXT_ATTRIBUTE}="Financial Action Task Force (FATF)"]`),
    ).not.toBeNull();
  });

  it('goes back to plain text for other renders once the card is destroyed', async () => {
    const { highlight } = setUp();
    await openCard(highlight);
    cards!.destroy();
    cards = null;
    const elsewhere = document.createElement('div');
    render(<p>plain</p>, elsewhere);
    expect(elsewhere.innerHTML).toBe('<p>plain</p>');
  });
});

describe('events in the card', () => {
  it('made up by the page are stopped before the card’s handlers see them', async () => {
    const { highlight, port } = setUp({ trusted: false });
    const root = await openCard(highlight);
    button(root, 'Save clip').click();
    button(root, 'Copy citation').click();
    button(root, 'Open full view').click();
    button(root, 'Hide this term on this site').click();
    button(root, 'Hide this term on this site').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(port.saveClip).not.toHaveBeenCalled();
    expect(port.copy).not.toHaveBeenCalled();
    expect(port.openTermView).not.toHaveBeenCalled();
    expect(port.hideTerm).not.toHaveBeenCalled();
    expect(cards!.openFor).toBe(highlight);
  });

  it('the reader makes reach them (in tests, the seam trusts synthetic ones)', async () => {
    const { highlight, port } = setUp({ trusted: true });
    const root = await openCard(highlight);
    button(root, 'Save clip').click();
    button(root, 'Open full view').click();
    await vi.waitFor(() => expect(port.saveClip).toHaveBeenCalledTimes(1));
    expect(port.openTermView).toHaveBeenCalledWith('fatf');
    button(root, 'Hide this term on this site').click();
    expect(port.hideTerm).toHaveBeenCalledWith('fatf');
    expect(cards!.openFor).toBeNull();
  });

  it('drops the hide notice once the term is shown again from elsewhere (the popup)', async () => {
    const { highlight } = setUp({ trusted: true });
    const root = await openCard(highlight);
    button(root, 'Hide this term on this site').click();
    const notice = () => root.querySelector('.pm-notice');
    expect(notice()).not.toBeNull();
    // The hide lands in the settings: the notice stays.
    cards!.hiddenTermsChanged(new Set(['fatf']));
    expect(notice()).not.toBeNull();
    // Another term shown again changes nothing; this one shown again ends the notice.
    cards!.hiddenTermsChanged(new Set(['fatf', 'etim']));
    cards!.hiddenTermsChanged(new Set(['fatf']));
    expect(notice()).not.toBeNull();
    cards!.hiddenTermsChanged(new Set());
    expect(notice()).toBeNull();
  });

  it('“Not this meaning” says why the highlight was taken, and turns its alias off where chosen', async () => {
    const { highlight, port } = setUp({ trusted: true });
    const root = await openCard(highlight);
    const note = [...root.querySelectorAll(`.term-sense-note [${TEXT_ATTRIBUTE}]`)]
      .map((piece) => piece.getAttribute(TEXT_ATTRIBUTE))
      .join('');
    expect(note).toBe('Highlighted for “terrorist financing” in the same passage.');
    const toggle = button(root, 'Not this meaning');
    toggle.click();
    await vi.waitFor(() => expect(root.activeElement).toBe(button(root, 'On this site')));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Cancel puts focus back on the button, which stayed where it was.
    button(root, 'Cancel').click();
    await vi.waitFor(() => expect(root.activeElement).toBe(toggle));
    expect(root.querySelector('[role="group"][aria-label="Not this meaning"]')).toBeNull();
    toggle.click();
    await vi.waitFor(() => button(root, 'On this site'));
    button(root, 'On this site').click();
    expect(port.correctSense).toHaveBeenCalledWith('fatf', 'FATF', 'site');
    expect(cards!.openFor).toBeNull();
  });

  it('typed in the card do not reach the page’s own key listeners', async () => {
    const { highlight } = setUp({ trusted: true });
    const root = await openCard(highlight);
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    button(root, 'Copy citation').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }),
    );
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });
});

describe('copying a citation', () => {
  function routes(clipboard: 'writes' | 'refuses' | 'absent', background: 'writes' | 'fails') {
    const writeText = vi.fn(async () => {
      if (clipboard === 'refuses') throw new DOMException('Blocked by policy', 'NotAllowedError');
    });
    const ask = vi.fn(async () =>
      background === 'writes'
        ? { ok: true as const, value: null }
        : { ok: false as const, error: { code: 'internal' as const, message: 'no clipboard' } },
    );
    return {
      writeText,
      ask,
      routes: { clipboard: clipboard === 'absent' ? undefined : { writeText }, background: ask },
    };
  }

  it('goes around the page: its own clipboard first, then the background, never the page’s copy event', async () => {
    const pageCopy = vi.fn();
    document.addEventListener('copy', pageCopy, true);
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      const direct = routes('writes', 'writes');
      await copyAroundThePage('“A quote.”', direct.routes);
      expect(direct.writeText).toHaveBeenCalledWith('“A quote.”');
      expect(direct.ask).not.toHaveBeenCalled();

      for (const clipboard of ['refuses', 'absent'] as const) {
        const around = routes(clipboard, 'writes');
        await copyAroundThePage('“A quote.”', around.routes);
        expect(around.ask).toHaveBeenCalledWith('“A quote.”');
      }

      const neither = routes('refuses', 'fails');
      await expect(copyAroundThePage('“A quote.”', neither.routes)).rejects.toThrow(/no clipboard/);
      expect(pageCopy).not.toHaveBeenCalled();
      expect(execCommand).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('copy', pageCopy, true);
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });
});
