/**
 * Raw source files as lines with UTF-8 byte offsets, so that every extracted passage can be
 * traced back to the exact bytes it came from.
 */

export interface SourceLine {
  /** 0-based line number. */
  index: number;
  /** The line's text without its line terminator. */
  text: string;
  /** UTF-8 byte offset of the first character. */
  start: number;
  /** UTF-8 byte offset just past the last character (the terminator excluded). */
  end: number;
}

export function splitLines(raw: Uint8Array): SourceLine[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: SourceLine[] = [];
  let lineStart = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === 0x0a) {
      let lineEnd = i;
      if (lineEnd > lineStart && raw[lineEnd - 1] === 0x0d) lineEnd--;
      if (i < raw.length || lineEnd > lineStart) {
        lines.push({
          index: lines.length,
          text: decoder.decode(raw.subarray(lineStart, lineEnd)),
          start: lineStart,
          end: lineEnd,
        });
      }
      lineStart = i + 1;
    }
  }
  return lines;
}

/** A stretch of one or more source lines that forms one passage, after its marker is cut off. */
export interface SourceSpan {
  /** Text of the span's lines joined by single spaces (not yet cleaned). */
  text: string;
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** A span of a single line with `skip` leading characters (a bullet or number) cut off. */
export function lineSpan(line: SourceLine, skip = 0): SourceSpan {
  const body = line.text.slice(skip);
  const leading = body.length - body.trimStart().length;
  const trailing = body.length - body.trimEnd().length;
  const startChars = skip + leading;
  const endChars = line.text.length - trailing;
  return {
    text: line.text.slice(startChars, endChars),
    start: line.start + byteLength(line.text.slice(0, startChars)),
    end: line.start + byteLength(line.text.slice(0, endChars)),
    firstLine: line.index,
    lastLine: line.index,
  };
}

/** Joins two spans of the same file into one covering both (and whatever lies between). */
export function joinSpans(first: SourceSpan, next: SourceSpan): SourceSpan {
  return {
    text: `${first.text} ${next.text}`,
    start: first.start,
    end: next.end,
    firstLine: first.firstLine,
    lastLine: next.lastLine,
  };
}

export function sliceBytes(raw: Uint8Array, [start, end]: [number, number]): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(raw.subarray(start, end));
}

/** The span with its first `chars` characters (a list number, say) and the space after cut off. */
export function cutPrefix(span: SourceSpan, chars: number): SourceSpan {
  const rest = span.text.slice(chars);
  const text = rest.trimStart();
  return {
    ...span,
    text,
    start: span.start + byteLength(span.text.slice(0, span.text.length - text.length)),
  };
}
