import type { PassageFormat } from '../corpus-types';

/**
 * Cleaning of extraction noise, shared by the build and by the tests that check every passage's
 * byte range slices back to its text: `cleanSourceText(raw slice, format) === passage.text`.
 */

/** Removes markup the PDF extraction left behind and normalises white space. */
export function cleanInline(text: string): string {
  return (
    text
      // A list flattened into a table cell: "<ul …>- First- Second".
      .replace(/<ul\b[^>]*>\s*-\s*/gi, '')
      .replace(/(?<=[a-z.)])- (?=[A-Z])/g, '; ')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      // Stray markdown emphasis.
      .replace(/\*+/g, '')
      // Superscript ordinals flattened to "9 th".
      .replace(/\b(\d+) (st|nd|rd|th)\b/g, '$1$2')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  );
}

/** Splits a flattened table row into its cleaned cells (empty cells kept, so columns line up). */
export function tableCells(rawRow: string): string[] {
  return rawRow.split('\t').map(cleanInline);
}

/** The readable text of a table row: its non-empty cells, separated by an em dash. */
export function tableRowText(rawRow: string): string {
  return tableCells(rawRow)
    .filter((cell) => cell.length > 0)
    .join(' — ');
}

/** Recovers a passage's text from the raw bytes its byte range covers. */
export function cleanSourceText(rawSlice: string, format: PassageFormat): string {
  if (format === 'table-row') return tableRowText(rawSlice);
  // A passage repaired across a page break spans blank lines: they fold into one space.
  return cleanInline(rawSlice);
}
