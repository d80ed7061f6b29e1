import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import { HighlightSession } from '../../entrypoints/content/highlight-session';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { precision, recall, scoreHighlights, type Score } from './highlight-scorer';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'highlight');
/** Where the scores are also written as Markdown tables, for the benchmark report. */
const SCORES_FILE = join(import.meta.dirname, '..', '..', 'test-results', 'highlight-scores.md');
const matcher = new TermMatcher(matcherJson as CompiledMatcher);
const files = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.html'))
  .sort();
const emptyScore = (): Score => ({
  truePositives: 0,
  falsePositives: 0,
  falseNegatives: 0,
  mistakes: [],
  marks: [],
});
const total = emptyScore();
/** By page type: the word after the number in the file name ("14-wire-…" is wire copy). */
const byType = new Map<string, Score>();
/** Highlights of ambiguous aliases, right and wrong, by alias ("api API"). */
const byAlias = new Map<string, { right: number; wrong: number }>();
const ambiguousAliases = new Map(
  matcher.aliases
    .filter((alias) => alias.sense)
    .map((alias) => [`${alias.termId} ${alias.text.toLowerCase()}`, alias.text]),
);

/** The alias a highlight was written as, without a plural or possessive ending. */
function aliasKeyOf(termId: string, text: string): string {
  const folded = text.toLowerCase().replace(/\s+/g, ' ');
  for (const candidate of [folded, folded.replace(/['’]?s$/, '')]) {
    if (ambiguousAliases.has(`${termId} ${candidate}`)) return `${termId} ${candidate}`;
  }
  return '';
}

function add(into: Score, score: Score): void {
  into.truePositives += score.truePositives;
  into.falsePositives += score.falsePositives;
  into.falseNegatives += score.falseNegatives;
  into.mistakes.push(...score.mistakes);
}

describe('precision and recall on the labelled fixture pages', () => {
  it('has a fixture set worth scoring', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', async (file) => {
    document.documentElement.innerHTML = readFileSync(join(FIXTURES, file), 'utf8').replace(
      /^<!doctype html>/i,
      '',
    );
    const session = new HighlightSession({ window, matcher, onCountsChanged: () => {} });
    await session.start({ density: 'every', includeTerm: () => true });
    await session.idle();
    const score = scoreHighlights(document.body, file);
    session.stop();
    add(total, score);
    const type = file.split('-')[1] ?? 'other';
    const typeScore = byType.get(type) ?? emptyScore();
    add(typeScore, score);
    byType.set(type, typeScore);
    for (const mark of score.marks) {
      const key = aliasKeyOf(mark.termId, mark.text);
      if (!key) continue;
      const counts = byAlias.get(key) ?? { right: 0, wrong: 0 };
      if (mark.right) counts.right++;
      else counts.wrong++;
      byAlias.set(key, counts);
    }
    // A page may hold traps only (a Linux article): it is labelled all the same.
    expect(document.querySelectorAll('[data-expect]').length, 'labelled elements').toBeGreaterThan(
      0,
    );
  });

  afterAll(() => {
    const types = [...byType]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([type, score]) =>
          `  ${type}: precision ${precision(score).toFixed(3)}, recall ${recall(score).toFixed(3)}`,
      );
    const aliases = [...byAlias]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { right, wrong }]) => `  ${key}: ${right} right, ${wrong} wrong`);
    console.log(
      `highlight precision ${precision(total).toFixed(3)}, recall ${recall(total).toFixed(3)} ` +
        `(${total.truePositives} right, ${total.falsePositives} wrong, ${total.falseNegatives} missed)` +
        `\nby page type:\n${types.join('\n')}\nambiguous aliases highlighted:\n${aliases.join('\n')}` +
        (total.mistakes.length ? `\n${total.mistakes.join('\n')}` : ''),
    );
    mkdirSync(join(SCORES_FILE, '..'), { recursive: true });
    writeFileSync(SCORES_FILE, scoresMarkdown());
  });

  it('meets the targets over the whole set: precision ≥ 0.99, recall ≥ 0.97', () => {
    expect(total.truePositives).toBeGreaterThan(800);
    expect(precision(total), total.mistakes.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(recall(total), total.mistakes.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('is precise for every ambiguous alias taken alone: precision ≥ 0.95', () => {
    const imprecise = [...byAlias]
      .filter(([, { right, wrong }]) => right / (right + wrong) < 0.95)
      .map(([key, { right, wrong }]) => `${key}: ${right} right, ${wrong} wrong`);
    expect(imprecise).toEqual([]);
  });
});

/** The scores as Markdown: overall, by page type, and for each ambiguous alias highlighted. */
function scoresMarkdown(): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const scoreRow = (name: string, score: Score) =>
    row([
      name,
      score.truePositives,
      score.falsePositives,
      score.falseNegatives,
      // Nothing to divide: a page type with no highlight (or nothing expected) has no rate.
      score.truePositives + score.falsePositives ? precision(score).toFixed(3) : '–',
      score.truePositives + score.falseNegatives ? recall(score).toFixed(3) : '–',
    ]);
  const header = [
    row(['Pages', 'Right', 'Wrong', 'Missed', 'Precision', 'Recall']),
    row(['---', '--:', '--:', '--:', '--:', '--:']),
  ];
  return [
    ...header,
    scoreRow(`**All ${files.length} pages**`, total),
    ...[...byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, s]) => scoreRow(type, s)),
    '',
    row(['Ambiguous alias (term, alias)', 'Right', 'Wrong', 'Precision']),
    row(['---', '--:', '--:', '--:']),
    ...[...byAlias]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { right, wrong }]) =>
        row([`\`${key}\``, right, wrong, (right / (right + wrong)).toFixed(3)]),
      ),
    '',
  ].join('\n');
}
