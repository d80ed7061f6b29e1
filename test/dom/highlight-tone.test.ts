import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TONE_ATTRIBUTE } from '../../entrypoints/content/highlight-style';
import { TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import { TEST_MATCHER } from './test-matcher';

let session: HighlightSession | null = null;

afterEach(() => {
  session?.stop();
  session = null;
  document.head.querySelectorAll('style').forEach((style) => style.remove());
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function highlight(html: string, css = '') {
  if (css) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
  document.body.innerHTML = html;
  session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
  await session.start({ density: 'every', includeTerm: () => true });
}

/** Each highlight as `container id: text = tone`. */
function tones(): string[] {
  return [...document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map(
    (mark) =>
      `${mark.closest('[id]')?.id}: ${mark.textContent} = ${mark.getAttribute(TONE_ATTRIBUTE)}`,
  );
}

const PAGE = `
  <nav id="nav"><ul><li><a href="#">FATF</a></li><li><a href="#">Passenger Name Record</a></li></ul></nav>
  <div id="banner"><p>The <strong>FATF</strong> plenary opens today.</p></div>
  <article id="article">
    <h1>Border data</h1>
    <p>Airlines share the Passenger Name Record with the FATF’s blessing.</p>
    <aside id="aside"><p>ETIM is listed.</p></aside>
    <p class="faint">The FATF in grey.</p>
  </article>`;

const CSS = `
  body { background-color: #f6f6f6; color: #222222; }
  nav { background-color: #1b1d21; color: #e8e8e8; }
  nav a { color: #ffffff; }
  #banner { background-color: #0b5cad; color: #ffffff; }
  article { background-color: #ffffff; }
  aside { background-color: rgba(0, 0, 0, 0.85); color: #f0f0f0; }
  .faint { color: #999999; }`;

describe('the tone of a highlight follows the colours under it', () => {
  it('is dark on a dark nav bar and a blue banner, light in a white article', async () => {
    await highlight(PAGE, CSS);
    expect(tones()).toEqual([
      'nav: FATF = dark',
      'nav: Passenger Name Record = dark',
      'banner: FATF = dark',
      'article: Passenger Name Record = light',
      'article: FATF’s = light',
      // A translucent black over the white article is still a dark background.
      'aside: ETIM = dark',
      // Grey text already below AA on white: no tint to make it worse.
      'article: FATF = light-line',
    ]);
  });

  it('reads inline styles, and falls back to the canvas: white, or what the root or body paints', async () => {
    await highlight('<div id="plain"><p>The FATF met.</p></div>');
    expect(tones()).toEqual(['plain: FATF = light']);
    session!.stop();
    document.documentElement.style.backgroundColor = '#111111';
    document.documentElement.style.color = '#eeeeee';
    await highlight('<div id="plain"><p>The FATF met.</p></div>');
    expect(tones()).toEqual(['plain: FATF = dark']);
    session!.stop();
    document.documentElement.removeAttribute('style');
    await highlight(
      '<div id="inline" style="background-color: rgb(255, 245, 157)"><p>The <span style="color: #000">FATF</span></p></div>',
    );
    expect(tones()).toEqual(['inline: FATF = light']);
  });

  it('takes the canvas to be dark when the page asks for a dark colour scheme only', async () => {
    // jsdom has no `color-scheme`: the root's computed style says it, as Chromium's would.
    const original = window.getComputedStyle.bind(window);
    vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      const style = original(element, pseudo);
      if (element === document.documentElement) {
        Object.defineProperty(style, 'colorScheme', { value: 'dark' });
      }
      return style;
    });
    await highlight('<div id="plain"><p>The FATF met.</p></div>');
    expect(tones()).toEqual(['plain: FATF = dark']);
  });

  it('gives each fragment of a split mention the tone of its own parent', async () => {
    await highlight(
      '<p id="split">The Financial <em style="background-color: #1b1d21; color: #fff">Action</em> Task Force.</p>',
    );
    expect(tones()).toEqual([
      'split: Financial  = light',
      'split: Action = dark',
      'split:  Task Force = light',
    ]);
  });

  it('crosses shadow roots to the host’s background', async () => {
    document.body.innerHTML = '<div id="host" style="background-color: #000; color: #fff"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    // Colour inherits through the host in browsers, not in jsdom: the text says its own.
    shadow.innerHTML = '<p style="color: #fff">Inside: ETIM</p>';
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start({ density: 'every', includeTerm: () => true });
    expect(shadow.querySelector(`[${TERM_ATTRIBUTE}]`)!.getAttribute(TONE_ATTRIBUTE)).toBe('dark');
  });

  it('gives the default (light) look to text nested too deep to look for its background', async () => {
    document.body.style.backgroundColor = '#000';
    document.body.style.color = '#fff';
    const nest = (depth: number) =>
      '<div>'.repeat(depth) + '<p>The FATF</p>' + '</div>'.repeat(depth);
    await highlight(`<div id="shallow">${nest(100)}</div><div id="deep">${nest(200)}</div>`);
    expect(tones()).toEqual(['shallow: FATF = dark', 'deep: FATF = light']);
  });

  it('reads each element’s style once per pass, not once per highlight, and none while wrapping', async () => {
    const paragraphs = Array.from(
      { length: 20 },
      (_, i) => `<p>FATF ${i}, ETIM, the FATF and the Passenger Name Record.</p>`,
    ).join('');
    document.body.innerHTML = `<div id="intro"><p>FATF FATF FATF ETIM FATF</p></div><main id="main">${paragraphs}</main>`;
    const original = window.getComputedStyle.bind(window);
    const stylesRead = new Map<Element, number>();
    vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      stylesRead.set(element, (stylesRead.get(element) ?? 0) + 1);
      // A style read once marks are in the element would force the browser to restyle.
      expect(element.querySelector(`[${TERM_ATTRIBUTE}]`)).toBeNull();
      return original(element, pseudo);
    });
    session = new HighlightSession({ window, matcher: TEST_MATCHER, onCountsChanged: () => {} });
    await session.start({ density: 'every', includeTerm: () => true });
    const marks = document.querySelectorAll(`[${TERM_ATTRIBUTE}]`);
    expect(marks).toHaveLength(5 + 20 * 4);
    // One read per marked paragraph and per ancestor up to the root (which is read once more,
    // for its colour scheme).
    expect(stylesRead.size).toBe(21 + 4);
    for (const [element, reads] of stylesRead) {
      expect(reads).toBe(element === document.documentElement ? 2 : 1);
    }
    expect([...marks].every((mark) => mark.getAttribute(TONE_ATTRIBUTE) === 'light')).toBe(true);
  });
});
