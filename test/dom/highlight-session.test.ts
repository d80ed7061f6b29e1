import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENTION_ATTRIBUTE, TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import {
  HighlightSession,
  type HighlightSessionDeps,
} from '../../entrypoints/content/highlight-session';
import type { HighlightOptions } from '../../entrypoints/content/page-highlighter';
import { TEST_MATCHER } from './test-matcher';

const EVERY: HighlightOptions = { density: 'every', includeTerm: () => true };
let session: HighlightSession | null = null;

function highlighted(root: ParentNode = document.body): [string | null, string][] {
  return [...root.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((element) => [
    element.getAttribute(TERM_ATTRIBUTE),
    element.textContent ?? '',
  ]);
}

async function highlight(html: string, options = EVERY, deps: Partial<HighlightSessionDeps> = {}) {
  document.body.innerHTML = html;
  const onCountsChanged = vi.fn();
  session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged, ...deps });
  await session.start(options);
  return { session, onCountsChanged };
}

afterEach(() => {
  session?.stop();
  session = null;
  document.body.innerHTML = '';
});

describe('highlighting a page', () => {
  it('wraps each mention in an element carrying the term id, and reports counts', async () => {
    const { onCountsChanged } = await highlight(`
      <h1>Border rules</h1>
      <p>The FATF met. Airlines share the Passenger Name Record, or PNR, with the FATF’s help.</p>
      <ul><li>ETIM is named by the speaker.</li></ul>`);
    expect(highlighted()).toEqual([
      ['fatf', 'FATF'],
      ['pnr', 'Passenger Name Record'],
      ['pnr', 'PNR'],
      ['fatf', 'FATF’s'],
      ['etim', 'ETIM'],
    ]);
    expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({
      fatf: 2,
      pnr: 2,
      etim: 1,
    });
  });

  it('matches phrases split across inline elements of one block, and lists of resolutions', async () => {
    await highlight(
      '<p>The <a href="#">UN Security Council</a> resolution 2354 and the Financial <em>Action</em> Task Force.</p>' +
        '<p>States implement resolutions 1373 and 2178.</p>',
    );
    // Fragments of one mention share its mention number.
    const fragments = [...document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((element) => [
      element.getAttribute(TERM_ATTRIBUTE),
      element.getAttribute(MENTION_ATTRIBUTE),
      element.textContent,
    ]);
    const [first, second, third, fourth] = [...new Set(fragments.map(([, mention]) => mention))];
    expect(fragments).toEqual([
      ['unscr-2354', first, 'UN Security Council'],
      ['unscr-2354', first, ' resolution 2354'],
      ['fatf', second, 'Financial '],
      ['fatf', second, 'Action'],
      ['fatf', second, ' Task Force'],
      ['unscr-1373', third, '1373'],
      ['unscr-2178', fourth, '2178'],
    ]);
    expect(new Set([first, second, third, fourth]).size).toBe(4);
  });

  it('knows word boundaries in scripts written without spaces', async () => {
    await highlight(
      '<p>中国支持FATF在亚太的工作。</p><p>FATF가 발표했다.</p><p>Strategy<sup>2</sup> and FATFs</p>',
    );
    expect(highlighted()).toEqual([
      ['fatf', 'FATF'],
      ['fatf', 'FATF'],
      ['fatf', 'FATFs'],
    ]);
  });

  it('puts a word boundary where the layout puts one, not where inline text runs on', async () => {
    await highlight(`
      <div><span style="display: block">12:05</span><span style="display: block">FATF warns</span></div>
      <div><time style="display: inline-block">Updated</time><a href="#">ETIM named</a></div>
      <p>Its <span>Pre</span><span>FATF</span> stance and <b>ETIM</b><i>s</i>.</p>`);
    expect(highlighted()).toEqual([
      ['fatf', 'FATF'],
      ['etim', 'ETIM'],
      // "ETIMs" as the reader sees it: one mention, in two fragments.
      ['etim', 'ETIM'],
      ['etim', 's'],
    ]);
  });

  it('never joins text across blocks', async () => {
    await highlight(
      '<div><p>Financial Action</p><p>Task Force</p></div><div>Financial Action<div>Task Force</div></div>',
    );
    expect(highlighted()).toEqual([]);
  });

  it('leaves code, form fields, editable regions, SVG, MathML and attributes alone', async () => {
    await highlight(`
      <pre>FATF</pre><p><code>FATF</code> <kbd>FATF</kbd> <samp>FATF</samp></p><textarea>FATF</textarea>
      <select><option>FATF</option></select><input value="FATF">
      <div contenteditable="true"><span>FATF</span></div><svg><text>FATF</text></svg>
      <math><mi>FATF</mi></math><template><p>FATF</p></template><noscript>FATF</noscript>
      <script>var FATF = 1;</script><style>.FATF{}</style><p title="FATF" data-x="FATF">ok</p>`);
    expect(highlighted()).toEqual([]);
  });

  it('highlights software "API" only when the page is about passenger data', async () => {
    await highlight('<p>The REST API returns JSON.</p><p>Use the API key.</p>');
    expect(highlighted()).toEqual([]);
    session!.stop();
    // One mention of the long form (a footer) does not make a page about border data.
    await highlight(
      '<p>Advance Passenger Information is collected.</p><p>The API rules changed.</p>',
    );
    expect(highlighted()).toEqual([['api', 'Advance Passenger Information']]);
    session!.stop();
    // A page about it: the neutral occurrence takes the page's word.
    await highlight(
      '<p>Advance Passenger Information is collected.</p><p>The API rules changed.</p>' +
        '<p>The FATF listed ETIM and ISIL.</p>',
    );
    expect(highlighted()).toEqual([
      ['api', 'Advance Passenger Information'],
      ['api', 'API'],
      ['fatf', 'FATF'],
      ['etim', 'ETIM'],
      ['isil', 'ISIL'],
    ]);
  });

  it('lets a veto in an occurrence’s own context beat the page’s evidence', async () => {
    await highlight(
      '<p>Advance Passenger Information, the FATF, ETIM and ISIL.</p>' +
        '<p>Developers: pass your API key in each request.</p>',
    );
    expect(highlighted().filter(([, text]) => text === 'API')).toEqual([]);
  });

  it('decides earlier neutral occurrences again when the page’s evidence arrives later', async () => {
    const { onCountsChanged } = await highlight('<p id="early">The API rules changed.</p>');
    expect(highlighted()).toEqual([]);
    // A live blog's new post: the page now names the term outright and is about security.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p>Advance Passenger Information, the FATF, ETIM and ISIL.</p>',
    );
    await vi.waitFor(() =>
      expect(document.querySelector('#early [data-pledgemark-term="api"]')).not.toBeNull(),
    );
    expect(onCountsChanged).toHaveBeenLastCalledWith(
      new Map([
        ['api', 2],
        ['fatf', 1],
        ['etim', 1],
        ['isil', 1],
      ]),
    );
  });

  it('decides a same-origin frame with its own context plus its host page’s evidence', async () => {
    // The frame (an embedded transcript) is neutral on its own.
    const onOwnSenseChanged = vi.fn();
    const { session } = await highlight('<p>The API rules changed.</p>', EVERY, {
      onOwnSenseChanged,
    });
    expect(highlighted()).toEqual([]);
    // Its own text names nothing outright: nothing to tell a frame of it.
    expect(onOwnSenseChanged).not.toHaveBeenCalled();
    // A host page about something else changes nothing.
    session.adoptHostSense({ termsNamed: new Set(['api']), securityTopic: false });
    await session.idle();
    expect(highlighted()).toEqual([]);
    // A host page about border security that names the term outright takes the occurrence.
    session.adoptHostSense({ termsNamed: new Set(['api', 'fatf', 'etim']), securityTopic: true });
    await vi.waitFor(() => expect(highlighted()).toEqual([['api', 'API']]));
    expect(session.ownSense().securityTopic).toBe(false);
    // A veto in the frame's own context still wins.
    session.stop();
    document.body.innerHTML = '<p>Pass your API key in each request.</p>';
    await session.start(EVERY);
    expect(highlighted()).toEqual([]);
  });

  it('tells what its own text names outright, when that grows', async () => {
    const onOwnSenseChanged = vi.fn();
    await highlight('<p>The FATF met.</p>', EVERY, { onOwnSenseChanged });
    expect(onOwnSenseChanged).toHaveBeenCalledTimes(1);
    expect([...onOwnSenseChanged.mock.lastCall![0].termsNamed]).toEqual(['fatf']);
    document.body.insertAdjacentHTML('beforeend', '<p>ETIM and ISIL were named.</p>');
    await vi.waitFor(() => expect(onOwnSenseChanged).toHaveBeenCalledTimes(2));
    expect(onOwnSenseChanged.mock.lastCall![0].securityTopic).toBe(true);
  });

  it('can highlight the first occurrence only, and only chosen categories', async () => {
    await highlight('<p>FATF, ETIM and FATF again.</p><p>FATF.</p>', {
      density: 'first',
      includeTerm: (termId) => termId !== 'etim',
    });
    expect(highlighted()).toEqual([['fatf', 'FATF']]);
  });

  it('never joins the text on either side of an existing highlight into one phrase', async () => {
    // As when the viewport pass wrapped part of a block that the full pass then reads again.
    const { onCountsChanged } = await highlight(
      '<p>Financial <pledgemark class="pledgemark-term">PNR</pledgemark> Action Task Force</p>',
    );
    expect(highlighted()).toEqual([]);
    expect(onCountsChanged).not.toHaveBeenCalled();
  });

  it('highlights a frame that cannot be probed for its viewport (no layout yet)', async () => {
    // As Firefox's elementFromPoint does in a frame without layout (jsdom has none of its own).
    const probe = vi.fn(() => {
      throw new Error('NS_ERROR_UNEXPECTED');
    });
    Object.defineProperty(document, 'elementFromPoint', { value: probe, configurable: true });
    try {
      await highlight('<p>The FATF met.</p>');
      expect(probe).toHaveBeenCalled();
      expect(highlighted()).toEqual([['fatf', 'FATF']]);
    } finally {
      delete (document as { elementFromPoint?: unknown }).elementFromPoint;
    }
  });

  it('covers open shadow roots', async () => {
    document.body.innerHTML = '<p>Outside: FATF</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: ETIM</p>';
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start(EVERY);
    expect(highlighted()).toEqual([['fatf', 'FATF']]);
    expect(highlighted(shadow)).toEqual([['etim', 'ETIM']]);
    session.stop();
    expect(shadow.innerHTML).toBe('<p>Inside: ETIM</p>');
  });
});

describe('unhighlighting', () => {
  it('restores the page exactly: same text, same text nodes after normalize(), no leftovers', async () => {
    const html =
      '<p>The <b>FATF</b> and ETIM; the Passenger Name Record and PNR.</p><ul><li>Again FATF, <i>Da’esh</i>.</li></ul>';
    document.body.innerHTML = html;
    const nodesBefore = [...document.body.querySelectorAll('*')].length;
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start(EVERY);
    expect(highlighted().length).toBe(6);
    session.stop();
    document.body.normalize();
    expect(document.body.innerHTML).toBe(html);
    expect(document.body.querySelectorAll('*')).toHaveLength(nodesBefore);
    expect(document.querySelector('pledgemark')).toBeNull();
  });
});

describe('highlighting fewer terms', () => {
  it('removes only the hidden term, and keeps the others where they are', async () => {
    const html = `<p>The FATF met. ETIM was named.</p><p>The <i>Passenger Name Record</i> and the FATF <b>again</b>.</p>`;
    const { session, onCountsChanged } = await highlight(html);
    const pnr = document.querySelector(`[${TERM_ATTRIBUTE}="pnr"]`);
    await session.narrow({ density: 'every', includeTerm: (termId) => termId !== 'fatf' });
    expect(highlighted()).toEqual([
      ['etim', 'ETIM'],
      ['pnr', 'Passenger Name Record'],
    ]);
    // A highlight in text the hidden term did not share is the same element.
    expect(document.querySelector(`[${TERM_ATTRIBUTE}="pnr"]`)).toBe(pnr);
    expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({ etim: 1, pnr: 1 });
    // The hidden term's text is the page's own again.
    session.stop();
    expect(document.body.innerHTML).toBe(html);
  });

  it('removes the highlights of a corrected alias only: the term’s other names stay', async () => {
    const html = `<p>The Financial Action Task Force met.</p><p>The FATF said so.</p>`;
    const { session, onCountsChanged } = await highlight(html);
    const corrected = TEST_MATCHER.aliases.findIndex(({ text }) => text === 'FATF');
    await session.narrow({
      ...EVERY,
      includeAlias: (termId, aliasIndex) => !(termId === 'fatf' && aliasIndex === corrected),
    });
    expect(highlighted()).toEqual([['fatf', 'Financial Action Task Force']]);
    expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({ fatf: 1 });
  });
});

describe('dynamic pages', () => {
  it('highlights what the page adds later, once, without reacting to its own writes', async () => {
    const { onCountsChanged } = await highlight(
      '<main id="feed"><p>First story about the FATF.</p></main>',
    );
    const feed = document.getElementById('feed')!;
    const story = document.createElement('article');
    story.innerHTML = '<p>Second story: ETIM and the Passenger Name Record.</p>';
    feed.append(story);
    await vi.waitFor(() =>
      expect(highlighted(story)).toEqual([
        ['etim', 'ETIM'],
        ['pnr', 'Passenger Name Record'],
      ]),
    );
    const calls = onCountsChanged.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onCountsChanged.mock.calls.length).toBe(calls);
    expect(highlighted()).toHaveLength(3);
  });

  it('rescans text edited in place', async () => {
    await highlight('<p id="p">Nothing yet.</p>');
    document.getElementById('p')!.firstChild!.textContent = 'Now the FATF.';
    await vi.waitFor(() => expect(highlighted()).toEqual([['fatf', 'FATF']]));
  });

  it('falls back to one full rescan when a burst is huge', async () => {
    await highlight('<main id="feed"></main>');
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 1000; i++) {
      const p = document.createElement('p');
      p.textContent = i % 100 === 0 ? `Item ${i} on the FATF.` : `Item ${i}.`;
      feed.append(p);
    }
    await vi.waitFor(() => expect(highlighted()).toHaveLength(10), { timeout: 3000 });
  });

  it('stops reacting once stopped', async () => {
    await highlight('<main id="feed"></main>');
    session!.stop();
    const p = document.createElement('p');
    p.textContent = 'FATF';
    document.getElementById('feed')!.append(p);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(highlighted()).toEqual([]);
  });
});

describe('big pages: blocks wait for the viewport', () => {
  /** A stand-in IntersectionObserver whose callback the test calls, as scrolling would. */
  class FakeIntersectionObserver {
    static latest: FakeIntersectionObserver | null = null;
    readonly observed = new Set<Element>();
    constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
      FakeIntersectionObserver.latest = this;
    }
    observe(target: Element) {
      this.observed.add(target);
    }
    unobserve(target: Element) {
      this.observed.delete(target);
    }
    disconnect() {
      this.observed.clear();
    }
    scrollNear(target: Element) {
      this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry]);
    }
  }

  async function highlightBig(html: string) {
    document.body.innerHTML = html;
    const onCountsChanged = vi.fn();
    const pageWindow = Object.assign(Object.create(window) as Window, {
      IntersectionObserver: FakeIntersectionObserver,
    });
    session = new HighlightSession({
      window: pageWindow,
      matcher: TEST_MATCHER,
      onCountsChanged,
      eagerMaxRuns: 2,
    });
    await session.start(EVERY);
    return { onCountsChanged, near: FakeIntersectionObserver.latest! };
  }

  const PAGE = `
    <p id="a">The FATF met.</p>
    <p id="b">ETIM was named.</p>
    <p id="c">The Passenger Name Record and the FATF.</p>`;

  it('counts every mention at once, and wraps a block when it nears the viewport', async () => {
    const { onCountsChanged, near } = await highlightBig(PAGE);
    expect(highlighted()).toEqual([]);
    expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({
      fatf: 2,
      etim: 1,
      pnr: 1,
    });
    expect(near.observed.size).toBe(3);
    near.scrollNear(document.getElementById('c')!);
    await vi.waitFor(() =>
      expect(highlighted()).toEqual([
        ['pnr', 'Passenger Name Record'],
        ['fatf', 'FATF'],
      ]),
    );
    expect(near.observed.has(document.getElementById('c')!)).toBe(false);
  });

  it('takes a hidden term out of what waits, and counts it no more', async () => {
    const { onCountsChanged, near } = await highlightBig(PAGE);
    await session!.narrow({ density: 'every', includeTerm: (termId) => termId !== 'fatf' });
    expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({ etim: 1, pnr: 1 });
    // The block that held only the hidden term waits no more.
    expect(near.observed.has(document.getElementById('a')!)).toBe(false);
    await session!.wrapAllWaiting();
    expect(highlighted()).toEqual([
      ['etim', 'ETIM'],
      ['pnr', 'Passenger Name Record'],
    ]);
  });

  it('wraps everything that waits before the reader moves through the highlights', async () => {
    await highlightBig(PAGE);
    await session!.wrapAllWaiting();
    expect(highlighted()).toHaveLength(4);
    session!.stop();
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('reads a waiting block anew when the page changes it, keeping the counts right', async () => {
    const { onCountsChanged, near } = await highlightBig(PAGE);
    document.getElementById('b')!.textContent = 'Nothing about it any more.';
    await vi.waitFor(() =>
      expect(Object.fromEntries(onCountsChanged.mock.lastCall![0])).toEqual({ fatf: 2, pnr: 1 }),
    );
    near.scrollNear(document.getElementById('a')!);
    await vi.waitFor(() =>
      expect(highlighted()).toEqual([
        ['fatf', 'FATF'],
        ['pnr', 'Passenger Name Record'],
        ['fatf', 'FATF'],
      ]),
    );
  });

  it('wraps the blocks that follow a block nearing the viewport with it, up to a batch', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `<p id="p${i}">FATF ${i}.</p>`);
    const { near } = await highlightBig(paragraphs.join(''));
    near.scrollNear(document.getElementById('p10')!);
    const wrapped = () =>
      [...document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((mark) => mark.parentElement!.id);
    // The one nearing the viewport and the 49 after it: one DOM write for the next screens.
    const batch = Array.from({ length: 50 }, (_, i) => `p${10 + i}`);
    await vi.waitFor(() => expect(wrapped()).toEqual(batch));
    expect(near.observed.size).toBe(70);
    expect(near.observed.has(document.getElementById('p60')!)).toBe(true);
    // Blocks already wrapped are skipped when the next batch is filled.
    near.scrollNear(document.getElementById('p5')!);
    await vi.waitFor(() => expect(wrapped()).toHaveLength(100));
    expect(wrapped()).toEqual(Array.from({ length: 100 }, (_, i) => `p${5 + i}`));
    session!.stop();
    expect(document.body.innerHTML).toBe(paragraphs.join(''));
  });

  it('keeps the order of what waits right after many batches were taken from it', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p id="p${i}">FATF ${i}.</p>`);
    const { near } = await highlightBig(paragraphs.join(''));
    const wrapped = () => document.querySelectorAll(`[${TERM_ATTRIBUTE}]`).length;
    for (const [id, count] of [
      ['p0', 50],
      ['p50', 100],
      ['p100', 150],
      ['p160', 190],
    ] as const) {
      near.scrollNear(document.getElementById(id)!);
      await vi.waitFor(() => expect(wrapped()).toBe(count));
    }
    // p160 and the 39 after it; p150–p159 still wait for the viewport.
    expect([...near.observed].map((block) => block.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `p${150 + i}`),
    );
  });
});
