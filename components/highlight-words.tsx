import type { JSX } from 'preact';

/** Splits text around the given words (case-insensitive, whole or prefix) and emphasises them. */
export function HighlightWords({
  text,
  words,
}: {
  text: string;
  words: readonly string[];
}): JSX.Element {
  const wanted = words.filter((word) => word.length > 1).map((word) => word.toLowerCase());
  if (wanted.length === 0) return <>{text}</>;
  const parts = text.split(/([\p{L}\p{N}]+)/u);
  return (
    <>
      {parts.map((part, i) =>
        wanted.some((word) => part.toLowerCase().startsWith(word)) ? (
          <mark key={i}>{part}</mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
