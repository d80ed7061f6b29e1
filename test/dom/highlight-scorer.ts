import { MENTION_ATTRIBUTE, TERM_ATTRIBUTE } from '../../entrypoints/content/page-contract';

/**
 * Scores highlights against labels written into a fixture page: an element with
 * `data-expect="fatf pnr pnr"` expects exactly those terms (in any order) to be highlighted
 * inside it, an element with `data-expect=""` is a trap that expects none. A highlight outside
 * every labelled element is a false positive. A mention wrapped in several elements (split across
 * inline elements) counts once.
 */
export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** What went wrong, one line per mistake. */
  mistakes: string[];
  /** Every highlighted mention: its term, its text as the page wrote it, and whether it was right. */
  marks: { termId: string; text: string; right: boolean }[];
}

export function scoreHighlights(root: ParentNode, label: string): Score {
  const score: Score = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    mistakes: [],
    marks: [],
  };
  const found = new Map<Element | null, { termId: string; text: string }[]>();
  const counted = new Set<string | null>();
  for (const mark of root.querySelectorAll(`[${TERM_ATTRIBUTE}]`)) {
    const mention = mark.getAttribute(MENTION_ATTRIBUTE);
    if (counted.has(mention)) continue;
    counted.add(mention);
    const labelled = mark.closest('[data-expect]');
    const terms = found.get(labelled) ?? [];
    // A mention split across elements reads whole from all its fragments.
    const text = [...root.querySelectorAll(`[${MENTION_ATTRIBUTE}="${mention}"]`)]
      .map((fragment) => fragment.textContent)
      .join('');
    terms.push({ termId: mark.getAttribute(TERM_ATTRIBUTE) ?? '', text });
    found.set(labelled, terms);
  }
  for (const { termId, text } of found.get(null) ?? []) {
    score.falsePositives++;
    score.marks.push({ termId, text, right: false });
    score.mistakes.push(`${label}: unlabelled highlight of ${termId}`);
  }
  for (const element of root.querySelectorAll('[data-expect]')) {
    const expected = (element.getAttribute('data-expect') ?? '').split(/\s+/).filter(Boolean);
    const actual = [...(found.get(element) ?? [])];
    for (const term of expected) {
      const index = actual.findIndex((mark) => mark.termId === term);
      if (index >= 0) {
        score.marks.push({ ...actual[index]!, right: true });
        actual.splice(index, 1);
        score.truePositives++;
      } else {
        score.falseNegatives++;
        score.mistakes.push(`${label}: missed ${term} in “${snippet(element)}”`);
      }
    }
    for (const { termId, text } of actual) {
      score.falsePositives++;
      score.marks.push({ termId, text, right: false });
      score.mistakes.push(`${label}: wrongly highlighted ${termId} in “${snippet(element)}”`);
    }
  }
  return score;
}

export function precision(score: Score): number {
  const flagged = score.truePositives + score.falsePositives;
  return flagged === 0 ? 1 : score.truePositives / flagged;
}

export function recall(score: Score): number {
  const relevant = score.truePositives + score.falseNegatives;
  return relevant === 0 ? 1 : score.truePositives / relevant;
}

function snippet(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
