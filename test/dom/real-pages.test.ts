import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { MENTION_ATTRIBUTE, TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';

/** Real pages saved from other publishers, kept beside the project (never copied into it). */
const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'pages');
/** Where the result is also written, for the benchmark report. */
const SCORES_FILE = join(import.meta.dirname, '..', '..', 'test-results', 'real-pages-scores.md');
const matcher = new TermMatcher(matcherJson as CompiledMatcher);
const pages = existsSync(PAGES)
  ? readdirSync(PAGES)
      .filter((file) => file.endsWith('.html'))
      .sort()
  : [];

/**
 * The highlights each page should get, hand-checked mention by mention (which sense each
 * candidate is in, with the reason for every one rejected): `test/fixtures/real-pages-expected.json`.
 */
const EXPECTED = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real-pages-expected.json'), 'utf8'),
) as { pages: Record<string, { expected: Record<string, number> }> };
/** Highlights in a sense other than the corpus's, and mentions missed, over every page. */
const wrong: string[] = [];
const missed: string[] = [];

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
  await session.idle();
  // One per mention (a mention split across inline elements is wrapped in several).
  const mentions = new Map<string, string>();
  for (const element of window.document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)) {
    mentions.set(
      element.getAttribute(MENTION_ATTRIBUTE) ?? '',
      element.getAttribute(TERM_ATTRIBUTE) ?? '',
    );
  }
  const highlighted = [...mentions.values()];
  session.stop();
  window.document.body?.normalize();
  const after = window.document.documentElement.outerHTML;
  window.close();
  return { highlighted, before, after };
}

describe.skipIf(pages.length === 0 && !process.env.CI)('real saved pages', () => {
  it('finds the shared pages, each with its hand-checked expected highlights', () => {
    expect(pages.length).toBe(62);
    expect(Object.keys(EXPECTED.pages).sort()).toEqual(pages);
  });

  afterAll(() => {
    console.log(
      `real pages: ${wrong.length === 0 ? 'no' : wrong.length} highlight(s) in another sense, ` +
        `${missed.length} missed\n${[...wrong, ...missed.map((line) => `missed ${line}`)].join('\n')}`,
    );
    // For the benchmark report, beside the labelled pages' scores.
    const expectedCount = Object.values(EXPECTED.pages)
      .flatMap(({ expected }) => Object.values(expected))
      .reduce((sum, count) => sum + count, 0);
    const list = (lines: string[]) => (lines.length ? ` (${lines.join('; ')})` : '');
    mkdirSync(join(SCORES_FILE, '..'), { recursive: true });
    writeFileSync(
      SCORES_FILE,
      `On the ${pages.length} saved pages of \`../shared/pages\` (${expectedCount} highlights ` +
        'expected, hand-checked in `test/fixtures/real-pages-expected.json`): ' +
        `${wrong.length} highlight(s) in a sense other than the corpus's${list(wrong)}, ` +
        `${missed.length} mention(s) missed${list(missed)}.\n`,
    );
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
      const expected = EXPECTED.pages[file]?.expected ?? {};
      const counts = new Map<string, number>();
      for (const termId of highlighted) counts.set(termId, (counts.get(termId) ?? 0) + 1);
      for (const termId of new Set([...counts.keys(), ...Object.keys(expected)])) {
        const difference = (counts.get(termId) ?? 0) - (expected[termId] ?? 0);
        if (difference > 0) wrong.push(`${file}: ${difference} × ${termId}`);
        if (difference < 0) missed.push(`${file}: ${-difference} × ${termId}`);
      }
    },
    // jsdom is slow on the largest pages (2.7 MB), more so on a busy machine.
    60_000,
  );

  it('highlights nothing in a sense other than the corpus’s, on any page', () => {
    expect(wrong).toEqual([]);
  });
});
