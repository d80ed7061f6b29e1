/**
 * Part of `npm run bench`: what deciding senses costs the matcher, and how right the decisions
 * are. Reads the text runs of every saved page in `../shared/pages` (as the content script does,
 * in jsdom), then times the matcher's pass over them twice, interleaved: as shipped (every
 * ambiguous occurrence decided from its context) and with the same trie but no sense rules
 * (match only). Also runs the labelled-page scorer and puts its tables in the report. Writes its
 * section of BENCHMARKS.md between markers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import matcherJson from '../../data/generated/matcher.json';
import { walkRuns } from '../../entrypoints/content/text-runs';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { writeReportSection } from './report-section';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = join(ROOT, '..', 'shared', 'pages');
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const SCORES = join(ROOT, 'test-results', 'highlight-scores.md');
const REAL_SCORES = join(ROOT, 'test-results', 'real-pages-scores.md');
const ROUNDS = 9;

const compiled = matcherJson as CompiledMatcher;
const decided = new TermMatcher(compiled);
const matchOnly = new TermMatcher({
  ...compiled,
  aliases: compiled.aliases.map((alias) => ({ ...alias, sense: null })),
});

// The runs a content script would read on each page: text grouped by block through inline
// elements. jsdom has no layout, so no run is split where only the layout would split it.
const runs: string[] = [];
let characters = 0;
const files = readdirSync(PAGES).filter((file) => file.endsWith('.html'));
for (const file of files) {
  const { window } = new JSDOM(readFileSync(join(PAGES, file), 'utf8'));
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  for (const run of walkRuns(window.document.body ?? window.document.documentElement)) {
    runs.push(run.text);
    characters += run.text.length;
  }
  window.close();
}

let ambiguous = 0;
let accepted = 0;
for (const text of runs) {
  for (const candidate of decided.scan(text)) {
    if (!candidate.ambiguous) continue;
    ambiguous++;
    if (candidate.verdict!.accepted) accepted++;
  }
}

function timePass(matcher: TermMatcher): number {
  const started = performance.now();
  let found = 0;
  for (const text of runs) found += matcher.scan(text).length;
  const elapsed = performance.now() - started;
  if (found === 0) throw new Error('the pass found nothing: the pages were not read');
  return elapsed;
}

// Warm both, then alternate so that the machine's noise falls on both alike.
timePass(decided);
timePass(matchOnly);
const times = { decided: [] as number[], matchOnly: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  times.matchOnly.push(timePass(matchOnly));
  times.decided.push(timePass(decided));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const matchMs = median(times.matchOnly);
const decidedMs = median(times.decided);
const senseMs = decidedMs - matchMs;

execFileSync(
  'npx',
  ['vitest', 'run', 'test/dom/highlight-precision.test.ts', 'test/dom/real-pages.test.ts'],
  { cwd: ROOT, stdio: 'ignore' },
);
for (const file of [SCORES, REAL_SCORES]) {
  if (!existsSync(file)) throw new Error(`the scorers wrote nothing to ${file}`);
}

const load = loadavg()[0]!;
const ms = (value: number) => value.toFixed(1);
const section = [
  '',
  '## Senses: what deciding them costs, and how right they are',
  '',
  `Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/sense-cost.ts\` in Node (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, load average ${load.toFixed(2)} at the start). The matcher's pass over the text runs of all ${files.length} saved pages of \`../shared/pages\` (${runs.length.toLocaleString('en-GB')} runs, ${(characters / 1e6).toFixed(2)} M characters), median of ${ROUNDS} rounds, the two passes alternating. "Match only" is the same trie with no sense rules: every occurrence is found, none is decided.`,
  '',
  '| Pass | Median (ms) | Per MB of text (ms) |',
  '| --- | --: | --: |',
  `| Match only | ${ms(matchMs)} | ${ms(matchMs / (characters / 1e6))} |`,
  `| Match and decide senses (as shipped) | ${ms(decidedMs)} | ${ms(decidedMs / (characters / 1e6))} |`,
  `| Sense decisions alone | ${ms(senseMs)} (${((senseMs / matchMs) * 100).toFixed(0)} % of matching) | ${ms(senseMs / (characters / 1e6))} |`,
  '',
  `${ambiguous.toLocaleString('en-GB')} occurrences of ambiguous aliases were decided (${accepted.toLocaleString('en-GB')} taken in the corpus's sense by their own context), about ${ambiguous ? ((senseMs * 1000) / ambiguous).toFixed(0) : '–'} µs each (reading the 20 words each side and testing the alias's cue and veto phrases against them). The page-level step (a neutral occurrence taking the page's evidence) is a set lookup per occurrence, counted in the highlighting benchmarks above.`,
  '',
  '### Scores on the labelled pages (`test/fixtures/highlight`)',
  '',
  'From `test/dom/highlight-precision.test.ts`, which asserts the targets (precision ≥ 0.99 and recall ≥ 0.97 overall, precision ≥ 0.95 for each ambiguous alias). A page type is the word after the number in the file name.',
  '',
  readFileSync(SCORES, 'utf8').trim(),
  '',
  '### Real pages',
  '',
  `From \`test/dom/real-pages.test.ts\`, which asserts that no highlight is in another sense. ${readFileSync(REAL_SCORES, 'utf8').trim()}`,
  '',
].join('\n');

await writeReportSection(REPORT, 'sense-cost', section);
console.log(
  `senses: match only ${ms(matchMs)} ms, with senses ${ms(decidedMs)} ms over ${runs.length} runs`,
);
