/**
 * The generic segmenter: a document's text → passages with locators, section paths, record
 * kinds, actors and ranges, by stages: text → blocks (`blocks.ts`) → structure and locators
 * (`segment.ts`, `shape.ts`, `outline.ts`) → kinds (`classify.ts`). Nothing here touches the DOM,
 * so it runs in a worker too; HTML input is read by `html-blocks.ts`, which needs a `Document` or
 * `DOMParser`.
 */
export { readTextBlocks, type Block, type TableOrigin } from './blocks';
export { classifyPassage, type PassageRole } from './classify';
export { passageText } from './clean';
export { byteToCharOffsets } from '../utf8-offsets';
export { runSteps, segmentBlocks, segmentText, segmentTextSteps } from './segment';
export {
  agreementWithHandParser,
  alignPassages,
  measureAgreement,
  normaliseLocator,
  type ComparablePassage,
  type DocumentAgreement,
  type LocatorMiss,
} from './agreement';
export type {
  SegmentActor,
  SegmentedDocument,
  SegmentedPassage,
  SegmentOptions,
  SegmentProgress,
} from './types';
