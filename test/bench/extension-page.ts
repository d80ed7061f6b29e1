import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Corpus } from '../../utils/corpus-types';

/**
 * What the benches of the extension's own views share: long tasks recorded from a page's first
 * script, a button pressed as the reader presses it, the first frame showing an outcome, and
 * texts to add made of the shipped corpus's sentences.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs in every extension page from its first script (an init script): records long tasks. */
export const WATCH_LONG_TASKS = `(() => {
  globalThis.__name = (fn) => fn;
  window.__pmLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__pmLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`;

type BenchWindow = Window & { __pmLongTasks: { start: number; duration: number }[] };

/** The longest task in the page since `from` (page clock); 0 when none was over 50 ms. */
export function longestTaskSince(page: Page, from: number): Promise<number> {
  return page.evaluate(
    (since) =>
      Math.max(
        0,
        ...(window as unknown as BenchWindow).__pmLongTasks
          .filter((task) => task.start >= since)
          .map((task) => task.duration),
      ),
    from,
  );
}

/** Clicks the button whose text (or label) is `name`; answers when (page clock). */
export async function clickButton(page: Page, name: string): Promise<number> {
  return page.evaluate((wanted) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) =>
        (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === wanted,
    );
    if (!button) throw new Error(`No button “${wanted}”`);
    const started = performance.now();
    button.click();
    return started;
  }, name);
}

/** Resolves with the time (page clock) of the first frame in which `test` holds. */
export async function frameWhen(page: Page, test: string): Promise<number> {
  return page.evaluate(
    (source) =>
      new Promise<number>((resolve, reject) => {
        const check = new Function(`return (${source})`) as () => boolean;
        const deadline = performance.now() + 120_000;
        const frame = (now: number) => {
          if (check()) resolve(now);
          else if (now > deadline) reject(new Error(`never: ${source}`));
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    test,
  );
}

let sentences: string[] | null = null;

/**
 * A resolution-style text of about `bytes` made of the shipped corpus's own sentences, numbered
 * as operative paragraphs under a title and a preamble: text the segmenter and the matcher meet
 * in earnest. `rep` makes each one different (a document is refused a second time by its
 * content hash).
 */
export function resolutionText(rep: number, bytes: number): string {
  sentences ??= (
    JSON.parse(readFileSync(join(ROOT, 'data', 'generated', 'corpus.json'), 'utf8')) as Corpus
  ).passages
    .filter((passage) => passage.kind !== 'context' && passage.text.length > 80)
    .map((passage) => passage.text.replace(/\s+/g, ' ').replace(/^\W+/, ''));
  const lines = [
    `Resolution ${rep + 1} on Shared Counter-Terrorism Commitments (bench)`,
    '',
    'The Council,',
    '',
    'Recalling its earlier resolutions on foreign terrorist fighters,',
    '',
  ];
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const line = `${i + 1}. Decides that ${sentences[(i * 7 + rep) % sentences.length]}`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return lines.join('\n');
}
