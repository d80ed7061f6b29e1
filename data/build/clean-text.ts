import type { PassageFormat } from '../../utils/corpus-types';

/**
 * Cleaning of extraction noise, shared by the build and by the tests that check every passage's
 * byte range slices back to its text: `cleanSourceText(raw slice, format) === passage.text`.
 */

/** Removes markup the PDF extraction left behind and normalises white space. */
export function cleanInline(text: string): string {
  return (
    text
      // A list flattened into a table cell, "<ul …>- First- Second": the dashes are the source's
      // own bullets, kept (a quotation adds nothing), each set off by a space.
      .replace(/<ul\b[^>]*>\s*-\s*/gi, '- ')
      .replace(/(?<=[a-z.)])- (?=[A-Z])/g, ' - ')
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

/**
 * The text of a table row: its non-empty cells, one per line. It is searched and matched as one
 * passage, but never quoted as one: each cell is quoted on its own, under its column's label
 * (see `Passage.fields` and `utils/quotation.ts`), since joining cells would splice a quotation
 * the source never contains.
 */
export function tableRowText(rawRow: string): string {
  return tableCells(rawRow)
    .filter((cell) => cell.length > 0)
    .join('\n');
}

/** Recovers a passage's text from the raw bytes its byte range covers. */
export function cleanSourceText(rawSlice: string, format: PassageFormat): string {
  if (format === 'table-row') return tableRowText(rawSlice);
  // A passage repaired across a page break spans blank lines: they fold into one space.
  return cleanInline(rawSlice);
}
