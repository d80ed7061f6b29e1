import type { TableField } from './corpus-types';

/**
 * What of a passage may be presented as a quotation. Prose is quoted whole. A table row is
 * quoted cell by cell, each under its column's label: its cells joined would be a sentence the
 * source never contains. Every place that quotes (cards, views, citations, clips, exports) goes
 * through this, and a unit test holds every part of every passage to its source.
 */
export interface QuotationPart {
  /** The column a table cell sits in; null for prose. */
  label: string | null;
  /** Verbatim source text, markup and white space aside. */
  text: string;
}

export interface Quotable {
  text: string;
  fields?: TableField[] | undefined;
}

export function quotationParts(passage: Quotable): QuotationPart[] {
  if (passage.fields && passage.fields.length > 0) {
    return passage.fields.map((field) => ({ label: field.label, text: field.text }));
  }
  return [{ label: null, text: passage.text }];
}

/** Whether the passage is quoted as labelled cells rather than as one text. */
export function isTableRow(passage: Quotable): boolean {
  return (passage.fields?.length ?? 0) > 0;
}
