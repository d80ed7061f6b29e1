import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import { MAX_RUN_LENGTH } from '../../entrypoints/content/page-highlighter';
import { PageObserver } from '../../entrypoints/content/page-observer';
import { TEST_MATCHER } from './test-matcher';

let session: HighlightSession | null = null;
afterEach(() => {
  session?.stop();
  session = null;
  document.body.innerHTML = '';
});

async function highlightBody(maxMarks?: number) {
  session = new HighlightSession({
    window,
    matcher: TEST_MATCHER,
    onCountsChanged: () => {},
    maxMarks,
  });
  await session.start({ density: 'every', includeTerm: () => true });
  return document.querySelectorAll(`[${TERM_ATTRIBUTE}]`).length;
}

describe('hostile and broken pages', () => {
  // jsdom cannot build a tree much deeper than this; the end-to-end tests take 5,000 levels.
  it('reads a page nested 1,000 elements deep', async () => {
    let inner = document.body;
    for (let depth = 0; depth < 1000; depth++) {
      const element = document.createElement(depth % 2 ? 'span' : 'div');
      inner.append(element);
      inner = element;
    }
    inner.textContent = 'The FATF at the bottom.';
    expect(await highlightBody()).toBe(1);
  });

  it('passes over a single text node too long to be prose, and still highlights the rest', async () => {
    const blob = document.createElement('div');
    blob.textContent = 'FATF '.repeat(Math.ceil((MAX_RUN_LENGTH + 10) / 5));
    const article = document.createElement('p');
    article.textContent = 'An ordinary paragraph about the FATF.';
    document.body.append(blob, article);
    expect(await highlightBody()).toBe(1);
    expect(blob.childNodes).toHaveLength(1);
  });

  it('keeps separate the words on both sides of a line break', async () => {
    document.body.innerHTML = '<p>Financial Action<br>Task Force</p>';
    expect(await highlightBody()).toBe(0);
  });

  it('stops wrapping once the page’s mark budget is spent', async () => {
    document.body.innerHTML = '<p>FATF and ETIM</p>'.repeat(300);
    expect(await highlightBody(50)).toBe(50);
  });
});

describe('a page that mutates itself in a loop', () => {
  it('is slowed down, not chased', async () => {
    const flushes = vi.fn();
    const observer = new PageObserver(
      { onBlocksChanged: flushes, onOverflow: flushes },
      {
        delayMs: 20,
        maxBlocksPerBurst: 400,
        maxDelayMs: 640,
      },
    );
    observer.observe(document.body);
    const started = Date.now();
    const timer = setInterval(() => {
      const p = document.createElement('p');
      p.textContent = `tick ${Date.now()}`;
      document.body.append(p);
    }, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    clearInterval(timer);
    observer.disconnect();
    const elapsed = Date.now() - started;
    // Without back-off a 20 ms delay would flush about elapsed / 20 times.
    expect(flushes.mock.calls.length).toBeLessThan(elapsed / 20 / 4);
    expect(flushes.mock.calls.length).toBeGreaterThan(0);
  });
});
