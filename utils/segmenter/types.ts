import type { PassageFormat, RecordKind, TableField } from '../corpus-types';

/** Who a passage speaks for: the speaker of a speech, else the body that issued the document. */
export interface SegmentActor {
  name: string;
  kind: 'person' | 'body';
}

export interface SegmentedPassage {
  /** Human locator, unique within the document: "Operative para. 2 (a)", "Section I, para. 4". */
  locator: string;
  /** Headings from the document's root to the passage. */
  sectionPath: string[];
  kind: RecordKind;
  actor: SegmentActor;
  /** Cleaned text, ready to quote; a table row's cells one per line. */
  text: string;
  format: PassageFormat;
  /** A table row's non-empty cells under their column labels. */
  fields?: TableField[];
  /**
   * [start, end) character offsets (UTF-16 code units) of the passage in the segmented text:
   * `passageText(text.slice(start, end), format) === passage.text`.
   */
  range: [number, number];
}

export interface SegmentedDocument {
  /** The text the ranges point into: the input itself, or the text read from an HTML document. */
  text: string;
  passages: SegmentedPassage[];
}

/** How far segmenting has come, for a progress bar. */
export interface SegmentProgress {
  /** Blocks (paragraphs, headings, rows) placed so far. */
  done: number;
  total: number;
}

export interface SegmentOptions {
  /** The body that issued the document: the actor of every passage outside a speech. */
  issuingBody: string;
  onProgress?: (progress: SegmentProgress) => void;
}
