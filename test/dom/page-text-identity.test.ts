/**
 * Text stays the page's. Wrapping splits the page's text nodes; frameworks keep references to
 * them and update them in place. Whatever the page does to a node we wrapped, it shows exactly
 * the text it wrote as soon as its mutation records are delivered (the microtask after the
 * write), and the new text is highlighted again; turning highlighting off gives every node its
 * text back without merging or detaching any of the page's nodes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import type { HighlightOptions } from '../../entrypoints/content/page-highlighter';
import { TEST_MATCHER } from './test-matcher';

const EVERY: HighlightOptions = { density: 'every', includeTerm: () => true };
let session: HighlightSession | null = null;
let counts: ReadonlyMap<string, number> = new Map();

async function highlight(html: string): Promise<HighlightSession> {
  document.body.innerHTML = html;
  session = new HighlightSession({
    window,
    matcher: TEST_MATCHER,
    onCountsChanged: (next) => (counts = new Map(next)),
  });
  await session.start(EVERY);
  return session;
}

const terms = (root: ParentNode = document.body) =>
  [...root.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((element) => element.textContent);

/** Mutation records reach observers in the microtask after the write. */
const delivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

afterEach(() => {
  session?.stop();
  session = null;
  counts = new Map();
  document.body.innerHTML = '';
});

describe('a page writing to a text node we wrapped', () => {
  it('shows exactly what it wrote once its records are delivered, then highlights the new text', async () => {
    await highlight('<p id="status">The FATF review is open.</p>');
    const status = document.getElementById('status')!;
    // The node the page (its framework) holds: the paragraph's text node as it rendered it.
    const held = status.firstChild as Text;
    expect(terms(status)).toEqual(['FATF']);
    held.data = 'The FATF review is closed.';
    await delivered();
    expect(status.textContent).toBe('The FATF review is closed.');
    expect(held.isConnected).toBe(true);
    held.data = 'ETIM, then the FATF review again.';
    await delivered();
    expect(status.textContent).toBe('ETIM, then the FATF review again.');
    await vi.waitFor(() => expect(terms(status)).toEqual(['ETIM', 'FATF']));
    expect(status.textContent).toBe('ETIM, then the FATF review again.');
    expect(Object.fromEntries(counts)).toEqual({ etim: 1, fatf: 1 });
  });

  it('keeps a node it removes whole, so that putting it back shows its text', async () => {
    await highlight('<ul id="list"><li>First: the FATF plenary.</li><li>Second.</li></ul>');
    const [first] = document.querySelectorAll('li');
    const held = first!.firstChild as Text;
    held.remove();
    await delivered();
    expect(first!.textContent).toBe('');
    expect(held.data).toBe('First: the FATF plenary.');
    first!.append(held);
    await delivered();
    expect(first!.textContent).toBe('First: the FATF plenary.');
    await vi.waitFor(() => expect(terms(first!)).toEqual(['FATF']));
    expect(first!.textContent).toBe('First: the FATF plenary.');
  });

  it('puts a node the page inserts after its own at that place, not among our pieces', async () => {
    await highlight('<p id="line">Named by the FATF today</p>');
    const line = document.getElementById('line')!;
    const held = line.firstChild as Text;
    // As a framework that inserts after the node it holds: before that node's next sibling.
    const added = document.createElement('b');
    added.textContent = ' (updated)';
    line.insertBefore(added, held.nextSibling);
    await delivered();
    expect(line.textContent).toBe('Named by the FATF today (updated)');
    expect(held.data).toBe('Named by the FATF today');
    await vi.waitFor(() => expect(terms(line)).toEqual(['FATF']));
    expect(line.textContent).toBe('Named by the FATF today (updated)');
  });

  it('drops the whole of a mention split across elements when the page rewrites one part', async () => {
    document.body.innerHTML = '<p id="p">The Financial <em>Action</em> Task Force met.</p>';
    const p = document.getElementById('p')!;
    const held = p.lastChild as Text;
    session = new HighlightSession({
      window,
      matcher: TEST_MATCHER,
      onCountsChanged: (next) => (counts = new Map(next)),
    });
    await session.start(EVERY);
    expect(terms(p)).toEqual(['Financial ', 'Action', ' Task Force']);
    held.data = ' Committee met.';
    await delivered();
    expect(p.textContent).toBe('The Financial Action Committee met.');
    expect(terms(p)).toEqual([]);
    expect(counts.get('fatf')).toBeUndefined();
  });

  it('forgets the nodes of a ticker that replaces its content, keeping nothing detached', async () => {
    const s = await highlight('<p id="ticker">Live: the FATF.</p>');
    const ticker = document.getElementById('ticker')!;
    for (let tick = 0; tick < 120; tick++) {
      ticker.textContent = `Live ${tick}: the FATF and ETIM.`;
      await delivered();
      if (tick % 20 === 0) await s.idle();
    }
    await vi.waitFor(() => expect(terms(ticker)).toEqual(['FATF', 'ETIM']), { timeout: 5000 });
    expect(ticker.textContent).toBe('Live 119: the FATF and ETIM.');
    // One split node is on the page: the ticker's current text.
    expect(s.splitNodes).toBe(1);
  });
});

describe('turning highlighting off', () => {
  it('gives the page its text back without merging or detaching its own nodes', async () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p')!;
    // Two adjacent text nodes of the page's own, as frameworks make them.
    const lead = document.createTextNode('The FATF and ');
    const tail = document.createTextNode('ETIM.');
    p.append(lead, tail);
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start(EVERY);
    expect(terms(p)).toEqual(['FATF', 'ETIM']);
    session.stop();
    expect([...p.childNodes]).toEqual([lead, tail]);
    expect(lead.data).toBe('The FATF and ');
    expect(tail.data).toBe('ETIM.');
  });
});

describe('editable documents and pages that replace themselves', () => {
  it('never touches a document in designMode, and leaves one that turns editable', async () => {
    document.designMode = 'on';
    try {
      await highlight('<p>The FATF.</p>');
      expect(terms()).toEqual([]);
      expect(session!.active).toBe(false);
    } finally {
      document.designMode = 'off';
    }
    await highlight('<p id="p">The FATF and ETIM.</p>');
    expect(terms()).toEqual(['FATF', 'ETIM']);
    document.designMode = 'on';
    try {
      // The reader types into the page: the first keystroke's record takes every highlight away.
      (document.getElementById('p')!.firstChild as Text).appendData(' ');
      await delivered();
      expect(terms()).toEqual([]);
      expect(document.getElementById('p')!.textContent).toBe('The  FATF and ETIM.');
      expect(Object.fromEntries(counts)).toEqual({});
    } finally {
      document.designMode = 'off';
    }
  });

  it('takes its highlights out of an element made editable, before anything is typed', async () => {
    await highlight('<article id="a"><p>The FATF.</p></article><p id="b">ETIM.</p>');
    document.getElementById('a')!.setAttribute('contenteditable', 'true');
    await delivered();
    expect(terms()).toEqual(['ETIM']);
    expect(document.getElementById('a')!.innerHTML).toBe('<p>The FATF.</p>');
    expect(Object.fromEntries(counts)).toEqual({ etim: 1 });
  });

  it('reads a swapped body anew, with counts of the new page only', async () => {
    await highlight('<p>Old page: the FATF and the FATF.</p>');
    expect(Object.fromEntries(counts)).toEqual({ fatf: 2 });
    const next = document.createElement('body');
    next.innerHTML = '<p>New page: ETIM.</p>';
    document.documentElement.replaceChild(next, document.body);
    await vi.waitFor(() => expect(terms()).toEqual(['ETIM']));
    expect(Object.fromEntries(counts)).toEqual({ etim: 1 });
  });

  it('follows a body whose children are replaced', async () => {
    await highlight('<p>Before: the FATF.</p>');
    const fresh = document.createElement('main');
    fresh.innerHTML = '<p>After: ETIM.</p>';
    document.body.replaceChildren(fresh);
    await vi.waitFor(() => expect(terms()).toEqual(['ETIM']));
    expect(Object.fromEntries(counts)).toEqual({ etim: 1 });
  });
});

describe('copying page text that holds highlights', () => {
  /** A copy event as the browser sends it, with a clipboard to write to (jsdom has neither). */
  function copy(): { event: Event; data: Map<string, string> } {
    const data = new Map<string, string>();
    const event = new Event('copy', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', {
      value: { setData: (type: string, value: string) => data.set(type, value) },
    });
    document.body.dispatchEvent(event);
    return { event, data };
  }

  it('copies the page’s own markup and text, with no highlight in it', async () => {
    document.body.innerHTML = '<p id="p">The <b>FATF</b> listed ETIM in <a href="/x">2020</a>.</p>';
    session = new HighlightSession({
      window,
      matcher: TEST_MATCHER,
      onCountsChanged: () => {},
      trustSyntheticEvents: true,
    });
    await session.start(EVERY);
    expect(terms()).toEqual(['FATF', 'ETIM']);
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const { event, data } = copy();
    expect(event.defaultPrevented).toBe(true);
    expect(data.get('text/html')).toBe('The <b>FATF</b> listed ETIM in <a href="/x">2020</a>.');
    expect(data.get('text/plain')).toBe('The FATF listed ETIM in 2020.');
  });

  it('leaves a copy with no highlight, and one the page makes up, to the browser', async () => {
    document.body.innerHTML = '<p id="plain">Nothing to see.</p><p id="p">The FATF.</p>';
    const select = (id: string) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    };
    session = new HighlightSession({
      window,
      matcher: TEST_MATCHER,
      onCountsChanged: () => {},
      trustSyntheticEvents: true,
    });
    await session.start(EVERY);
    select('plain');
    expect(copy().event.defaultPrevented).toBe(false);
    session.stop();
    // As in a browser: an event the page dispatches is not the reader's copy.
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start(EVERY);
    select('p');
    expect(copy().event.defaultPrevented).toBe(false);
  });
});

describe('turning highlighting off, exactly', () => {
  it('leaves no node of ours behind, not even an empty one, where a match ended its node', async () => {
    document.body.innerHTML = '<p id="p"><b>FATF</b> and <i>ETIM</i></p>';
    const p = document.getElementById('p')!;
    const before = [...p.querySelectorAll('*')].map((element) => [...element.childNodes]);
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start(EVERY);
    expect(terms(p)).toEqual(['FATF', 'ETIM']);
    session.stop();
    expect([...p.querySelectorAll('*')].map((element) => [...element.childNodes])).toEqual(before);
    expect(p.innerHTML).toBe('<b>FATF</b> and <i>ETIM</i>');
  });
});

describe('an editor’s caret', () => {
  it('stays where the reader was typing when the highlight it was in is taken away', async () => {
    await highlight('<p id="p">The FATF review is open.</p>');
    const p = document.getElementById('p')!;
    const markText = p.querySelector('pledgemark')!.firstChild as Text;
    document.designMode = 'on';
    try {
      // What the browser does for a keystroke at the end of the highlighted word.
      markText.insertData(4, 'X');
      document.getSelection()!.collapse(markText, 5);
      await delivered();
      expect(p.innerHTML).toBe('The FATFX review is open.');
      const selection = document.getSelection()!;
      expect([selection.anchorNode, selection.anchorOffset]).toEqual([p.firstChild, 9]);
    } finally {
      document.designMode = 'off';
    }
  });
});
