import { readTextBlocks, segmentBlocks, type Block } from '../../utils/segmenter';

/**
 * Segments a text off the import view's thread, so that a long one (a report of several MB takes
 * seconds) never freezes the view. Given a text and, for HTML, the blocks the view read from its
 * DOM (workers have no DOMParser), it posts its progress now and then, and the passages at the
 * end. See `workerSegmenter` in import-sources.ts.
 */

export interface SegmentJob {
  text: string;
  /** Blocks read from HTML; null for plain text, whose blocks are read here. */
  blocks: Block[] | null;
  issuingBody: string;
}

/** How often progress is posted: often enough to move the bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 50;

self.onmessage = (event: MessageEvent<SegmentJob>) => {
  const { text, blocks, issuingBody } = event.data;
  try {
    const steps = segmentBlocks(text, blocks ?? readTextBlocks(text), { issuingBody });
    let posted = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        self.postMessage({ kind: 'done', document: step.value });
        return;
      }
      const now = performance.now();
      if (now - posted >= PROGRESS_EVERY_MS) {
        self.postMessage({ kind: 'progress', progress: step.value });
        posted = now;
      }
    }
  } catch (error) {
    self.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
