import type { JSX } from 'preact';

export type CitationFormat = 'text' | 'markdown';

/** What became of the last citation copied: which passage, in which format, and whether it worked. */
export interface CopiedCitation {
  passageId: string;
  format: CitationFormat;
  ok: boolean;
}

/**
 * "Copy citation" and "Copy as Markdown" for one passage, saying when the copy is done or has
 * failed (the clipboard refused): a reader must never paste something other than they think.
 */
export function CopyCitationButtons({
  passageId,
  copied,
  onCopy,
  tabIndex,
  describedBy,
}: {
  passageId: string;
  copied: CopiedCitation | null | undefined;
  onCopy: (format: CitationFormat) => void;
  tabIndex?: number | undefined;
  /** The id of the quoted text, so that the buttons say which passage they copy. */
  describedBy?: string | undefined;
}): JSX.Element {
  const mine = copied?.passageId === passageId ? copied : null;
  const label = (format: CitationFormat, idle: string, done: string) =>
    mine?.format === format ? (mine.ok ? done : 'Copy failed') : idle;
  return (
    <>
      <button
        type="button"
        class="link-button copy-citation"
        tabIndex={tabIndex}
        aria-describedby={describedBy}
        onClick={() => onCopy('text')}
      >
        {label('text', 'Copy citation', 'Citation copied')}
      </button>
      <button
        type="button"
        class="link-button copy-citation"
        tabIndex={tabIndex}
        aria-describedby={describedBy}
        onClick={() => onCopy('markdown')}
      >
        {label('markdown', 'Copy as Markdown', 'Markdown copied')}
      </button>
      {mine && !mine.ok && (
        <span class="clip-error" role="alert">
          The clipboard refused the citation; nothing was copied.
        </span>
      )}
    </>
  );
}
