import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';

/** Real pages saved from other publishers, kept beside the project (never copied into it). */
const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'pages');
const matcher = new TermMatcher(matcherJson as CompiledMatcher);
const pages = existsSync(PAGES)
  ? readdirSync(PAGES)
      .filter((file) => file.endsWith('.html'))
      .sort()
  : [];

/** Terms that the named page uses only in another sense. */
const TRAPS: Record<string, string[]> = {
  'readability-v8-blog.html': ['api'],
  'postlight-github-com.html': ['api'],
  'readability-mozilla-2.html': ['api'],
  // A review of the band Interpol.
  'postlight-pitchfork-com.html': ['interpol'],
};

async function highlightPage(html: string) {
  // The pages' own CSS and scripts are not under test: keep jsdom's complaints about them quiet.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const { window } = dom;
  window.document.body?.normalize();
  const before = window.document.documentElement.outerHTML;
  const session = new HighlightSession({
    window: window as unknown as Window,
    matcher,
    onCountsChanged: () => {},
  });
  await session.start({ density: 'every', includeTerm: () => true });
  const highlighted = [...window.document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map(
    (element) => element.getAttribute(TERM_ATTRIBUTE) ?? '',
  );
  session.stop();
  window.document.body?.normalize();
  const after = window.document.documentElement.outerHTML;
  window.close();
  return { highlighted, before, after };
}

describe.skipIf(pages.length === 0 && !process.env.CI)('real saved pages', () => {
  it('finds the shared pages', () => {
    expect(pages.length).toBe(62);
  });

  it.each(pages)(
    '%s: highlights without breaking the page and restores it exactly',
    async (file) => {
      const { highlighted, before, after } = await highlightPage(
        readFileSync(join(PAGES, file), 'utf8'),
      );
      expect(after).toBe(before);
      for (const trap of TRAPS[file] ?? [])
        expect(highlighted, `${file} must not highlight ${trap}`).not.toContain(trap);
    },
    // jsdom is slow on the largest pages (2.7 MB), more so on a busy machine.
    60_000,
  );
});
