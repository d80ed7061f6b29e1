import type { PassageFormat } from '../corpus-types';

/**
 * Cleaning of extraction noise. A passage's text is always `passageText(slice, format)` of the
 * input slice its range covers, so every passage can be traced back to its place in the input.
 */

/** Removes markup that text extraction leaves behind and folds white space. */
export function cleanInline(text: string): string {
  let clean = text;
  // The markup passes are skipped when their characters are absent: most lines have none.
  if (clean.includes('<')) {
    // A list flattened into a table cell, "<ul …>- First- Second": the dashes are the source's
    // own bullets, kept, each set off by a space.
    // Tags are bounded and never span another "<": a line of unclosed "<a" stays linear.
    clean = clean
      .replace(/<ul\b[^<>]{0,200}>\s*-\s*/gi, '- ')
      .replace(/([a-z.)])- (?=[A-Z])/g, '$1 - ');
    clean = clean.replace(/<\/?[a-z][^<>]{0,200}>/gi, '');
  }
  // Stray Markdown emphasis.
  if (clean.includes('*')) clean = clean.replace(/\*+/g, '');
  return (
    clean
      // Superscript ordinals flattened to "9 th".
      .replace(/\b(\d+) (st|nd|rd|th)\b/g, '$1$2')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  );
}

/** The cleaned cells of a row flattened to tab-separated text; empty cells kept so columns line up. */
function tableCells(row: string): string[] {
  return row.split('\t').map(cleanInline);
}

/**
 * A table row's text: its non-empty cells, one per line, for search and matching. A row is
 * quoted cell by cell (its fields), never as one string the source does not contain.
 */
function tableRowText(row: string): string {
  return tableCells(row)
    .filter((cell) => cell !== '')
    .join('\n');
}

/** The text of a passage from the input slice its range covers. */
export function passageText(slice: string, format: PassageFormat): string {
  return format === 'table-row' ? tableRowText(slice) : cleanInline(slice);
}
