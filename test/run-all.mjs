// `npm test`: every check, in order, failing fast. The corpus and both builds come first because
// the type check, the lint of the Firefox build and the end-to-end tests read them.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const resultsFile = 'test-results/vitest.json';
const steps = [
  ['corpus', 'npx', ['tsx', 'data/build/build-corpus.ts']],
  ['prepare', 'npx', ['wxt', 'prepare']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['build (Chrome, MV3)', 'npx', ['wxt', 'build']],
  ['build (Firefox, MV2)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv2']],
  ['lint', 'npm', ['run', 'lint']],
  [
    'unit, DOM and end-to-end tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`],
  ],
];

rmSync(resultsFile, { force: true });
for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n✖ ${label} failed`);
    printSummary();
    process.exit(status ?? 1);
  }
}
printSummary();

function printSummary() {
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    console.log('tests: 0 passed, 1 failed');
    return;
  }
  const failed = results.numFailedTests + (results.success ? 0 : results.numFailedTestSuites);
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}
