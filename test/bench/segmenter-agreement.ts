/**
 * The generic segmenter (`utils/segmenter`) against the hand-written parsers, and its speed.
 * For each built-in source: how many of the hand parsers' locators and record kinds the generic
 * pipeline reproduces when it is told nothing but the issuing body's name; then the time to
 * segment pastes of 50 KB, 200 KB and 1 MB built from the sources. Writes its section of
 * BENCHMARKS.md (or of the file named by BENCH_OUT) between markers.
 *
 * Run: `npx tsx test/bench/segmenter-agreement.ts` (needs data/generated/corpus.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuiltCorpus } from '../../utils/corpus-types';
import {
  agreementWithHandParser,
  readTextBlocks,
  segmentText,
  type DocumentAgreement,
} from '../../utils/segmenter';
import { writeReportSection } from './report-section';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = process.env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md');
const CORPUS = join(ROOT, 'data', 'generated', 'corpus.json');
const PASTE_SIZES = [50 * 1024, 200 * 1024, 1024 * 1024];
const ROUNDS = 11;
/** Each source gives the paste a slice of this many characters, cut at a line end, in turn. */
const SLICE = 10 * 1024;

if (!existsSync(CORPUS)) {
  throw new Error('data/generated/corpus.json is missing: run npx tsx data/build/build-corpus.ts');
}
const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as BuiltCorpus;
const sources = new Map(
  corpus.documents.map((document) => [
    document.id,
    readFileSync(join(ROOT, 'data', 'sources', document.sourceFile), 'utf8'),
  ]),
);

const agreements: ({ id: string } & DocumentAgreement)[] = corpus.documents.map((document) => {
  const hand = corpus.passages.filter((passage) => passage.documentId === document.id);
  const text = sources.get(document.id)!;
  return { id: document.id, ...agreementWithHandParser(text, hand, document.issuingBody) };
});

/** A paste of `size` characters: a slice of each source in turn, each cut at a line end. */
function pasteOf(size: number): string {
  const slices = [...sources.values()].map((text) => {
    const slice = text.slice(0, SLICE);
    return slice.slice(0, slice.lastIndexOf('\n') + 1);
  });
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = `${slices[i % slices.length]}\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function time(run: () => unknown): { median: number; min: number; max: number } {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const load = loadavg()[0]!;
const timings = PASTE_SIZES.map((size) => {
  const text = pasteOf(size);
  const blocks = readTextBlocks(text).length;
  const passages = segmentText(text, { issuingBody: 'Pasted document' }).passages.length;
  return {
    size,
    blocks,
    passages,
    reading: time(() => readTextBlocks(text)),
    whole: time(() => segmentText(text, { issuingBody: 'Pasted document' })),
  };
});

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
const ms = (value: number) => value.toFixed(1);
const kb = (size: number) =>
  size >= 1024 * 1024 ? `${size / 1024 / 1024} MB` : `${size / 1024} KB`;
const totals = agreements.reduce(
  (sum, row) => ({
    hand: sum.hand + row.handPassages,
    generic: sum.generic + row.genericPassages,
    locators: sum.locators + row.locatorsReproduced,
    kinds: sum.kinds + row.kindsReproduced,
  }),
  { hand: 0, generic: 0, locators: 0, kinds: 0 },
);
const misses = agreements
  .filter((row) => row.locatorMisses.length > 0)
  .map((row) => {
    const examples = row.locatorMisses
      .slice(0, 3)
      .map(
        (miss) =>
          `"${miss.expected}" → ${miss.actual === null ? 'no aligned passage' : `"${miss.actual}"`}`,
      )
      .join('; ');
    const more = row.locatorMisses.length > 3 ? ` (and ${row.locatorMisses.length - 3} more)` : '';
    return `- \`${row.id}\`: ${examples}${more}.`;
  });

const section = [
  '',
  '## Generic segmenter: agreement with the hand parsers, and speed',
  '',
  `Measured ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC by \`test/bench/segmenter-agreement.ts\` in Node (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, load average ${load.toFixed(2)} at the start).`,
  '',
  '**Method.** Each built-in source (`data/sources/*.txt`, raw) is segmented by the generic pipeline (`utils/segmenter`), told only the issuing body’s name, and compared with the hand parsers’ passages in `data/generated/corpus.json`. Passages are aligned by their ranges (the hand byte ranges converted to character offsets), not by order: a hand passage and a generic one align when each covers more than half of the other, so a merged or split paragraph aligns at most once. A hand locator counts as reproduced only when its aligned generic passage has the same locator after folding white space, dashes and quotes; a kind counts when the aligned passages have the same record kind. The shares are of the hand passages. `test/unit/segmenter-agreement.test.ts` asserts the floors: 90 % of locators for every document but the seminar proceedings, 85 % of kinds in each document and 95 % over the five.',
  '',
  '| Document | Hand passages | Generic passages | Locators reproduced | Kinds reproduced |',
  '| --- | --: | --: | --: | --: |',
  ...agreements.map(
    (row) =>
      `| \`${row.id}\` | ${row.handPassages} | ${row.genericPassages} | ${row.locatorsReproduced}/${row.handPassages} (${percent(row.locatorsReproduced, row.handPassages)}) | ${row.kindsReproduced}/${row.handPassages} (${percent(row.kindsReproduced, row.handPassages)}) |`,
  ),
  `| All five | ${totals.hand} | ${totals.generic} | ${totals.locators}/${totals.hand} (${percent(totals.locators, totals.hand)}) | ${totals.kinds}/${totals.hand} (${percent(totals.kinds, totals.hand)}) |`,
  '',
  '**Locators not reproduced**, with what the generic pipeline called the same text:',
  '',
  ...(misses.length > 0 ? misses : ['- none.']),
  '',
  `**Speed.** Pastes built from the sources (a ${SLICE / 1024} KB slice of each in turn, cut at a line end), segmented whole (text → blocks → structure → passages with locators and kinds); median, fastest and slowest of ${ROUNDS} runs after 3 warm-up runs. "Blocks" is the text → blocks stage alone.`,
  '',
  '| Paste | Blocks | Passages | Blocks stage, median (ms) | Whole pipeline, median (ms) | Fastest–slowest (ms) |',
  '| --- | --: | --: | --: | --: | --: |',
  ...timings.map(
    (row) =>
      `| ${kb(row.size)} | ${row.blocks.toLocaleString('en-GB')} | ${row.passages.toLocaleString('en-GB')} | ${ms(row.reading.median)} | ${ms(row.whole.median)} | ${ms(row.whole.min)}–${ms(row.whole.max)} |`,
  ),
  '',
].join('\n');

await writeReportSection(REPORT, 'segmenter-agreement', section);
console.log(
  agreements
    .map(
      (row) =>
        `${row.id}: locators ${row.locatorsReproduced}/${row.handPassages}, kinds ${row.kindsReproduced}/${row.handPassages}`,
    )
    .join('\n'),
);
console.log(
  timings.map((row) => `${kb(row.size)}: ${ms(row.whole.median)} ms (median)`).join('\n'),
  `\nwritten to ${REPORT}`,
);
