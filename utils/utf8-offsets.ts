/**
 * Offsets in a text as UTF-16 code units (JavaScript's) and as UTF-8 bytes (how passages record
 * their place in a document's text, as the corpus's sources count it). A lone surrogate counts as
 * U+FFFD, three bytes, as an encoder writes it.
 */

/** The UTF-8 byte offset of each of the given character offsets of `text`, in one pass. */
export function utf8Offsets(text: string, offsets: readonly number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const bytes = new Map<number, number>();
  let at = 0;
  let byte = 0;
  for (const offset of sorted) {
    for (; at < offset; at++) {
      const code = text.charCodeAt(at);
      // A surrogate pair is 4 bytes, 2 for each half; a lone surrogate is written as U+FFFD.
      const paired =
        (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(at + 1))) ||
        (isLowSurrogate(code) && isHighSurrogate(text.charCodeAt(at - 1)));
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : paired ? 2 : 3;
    }
    bytes.set(offset, byte);
  }
  return bytes;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether an offset falls between the two halves of a character written as a surrogate pair. */
export function splitsCharacter(text: string, offset: number): boolean {
  return isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1));
}

/**
 * Converts UTF-8 byte offsets into character (UTF-16 code unit) offsets of `text`, for hand
 * passages that record byte ranges.
 */
export function byteToCharOffsets(text: string): (byteOffset: number) => number {
  const charAtByte = new Map<number, number>();
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    charAtByte.set(bytes, index);
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += char.length;
  }
  charAtByte.set(bytes, index);
  return (byteOffset) => {
    const offset = charAtByte.get(byteOffset);
    if (offset === undefined) throw new Error(`byte offset ${byteOffset} is inside a character`);
    return offset;
  };
}
