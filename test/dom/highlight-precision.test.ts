import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { precision, recall, scoreHighlights, type Score } from './highlight-scorer';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'highlight');
const matcher = new TermMatcher(matcherJson as CompiledMatcher);
const files = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.html'))
  .sort();
const total: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, mistakes: [] };

describe('precision and recall on the labelled fixture pages', () => {
  it('has a fixture set worth scoring', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s', async (file) => {
    document.documentElement.innerHTML = readFileSync(join(FIXTURES, file), 'utf8').replace(
      /^<!doctype html>/i,
      '',
    );
    const session = new HighlightSession({ window, matcher, onCountsChanged: () => {} });
    await session.start({ density: 'every', includeTerm: () => true });
    const score = scoreHighlights(document.body, file);
    session.stop();
    total.truePositives += score.truePositives;
    total.falsePositives += score.falsePositives;
    total.falseNegatives += score.falseNegatives;
    total.mistakes.push(...score.mistakes);
    expect(score.truePositives + score.falseNegatives, 'labelled mentions').toBeGreaterThan(0);
  });

  afterAll(() => {
    console.log(
      `highlight precision ${precision(total).toFixed(3)}, recall ${recall(total).toFixed(3)} ` +
        `(${total.truePositives} right, ${total.falsePositives} wrong, ${total.falseNegatives} missed)` +
        (total.mistakes.length ? `\n${total.mistakes.join('\n')}` : ''),
    );
  });

  it('meets the targets over the whole set: precision ≥ 0.98, recall ≥ 0.95', () => {
    expect(total.truePositives).toBeGreaterThan(200);
    expect(precision(total), total.mistakes.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall(total), total.mistakes.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
