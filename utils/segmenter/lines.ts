/** One line of the input, without its terminator ("\n", "\r\n" or "\r"). */
export interface SourceLine {
  text: string;
  /** Character offset of the line's first character in the input. */
  start: number;
  /** Character offset just past its last character. */
  end: number;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const terminator = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    lines.push({ text: text.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}
