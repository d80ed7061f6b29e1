import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { clipActorLine } from '../utils/clip-markdown';
import type { CitedPassage, ClipView } from '../utils/views';
import {
  CopyCitationButtons,
  type CitationFormat,
  type CopiedCitation,
} from './copy-citation-buttons';
import { PassageQuote } from './passage-quote';
import { AddedMark } from './added-mark';

const KIND_LABEL = { commitment: 'Commitment', position: 'Position', context: 'Context' } as const;

/** Something to tell the reader about the last action: done, or what went wrong. */
export interface ClipNotice {
  kind: 'done' | 'error';
  text: string;
}

export interface ClipListProps {
  clips: ClipView[];
  /** The clip just removed, which can still be brought back. */
  removed: ClipView | null;
  notice: ClipNotice | null;
  /** The Markdown that copying and downloading export, shown for review. */
  markdown: string;
  onMove: (clip: ClipView, toIndex: number) => void;
  onRemove: (clip: ClipView) => void;
  onUndoRemove: () => void;
  onCopyMarkdown: () => void;
  onDownloadMarkdown: () => void;
  onOpenInDocument: (clip: ClipView) => void;
  /** The citation copied last (or refused by the clipboard), for feedback. */
  copied: CopiedCitation | null;
  onCopyCitation: (citation: CitedPassage, format: CitationFormat) => void;
}

/** "G7 Action Plan 2016, Action 1 › Border Security › bullet 2": how a clip is named. */
export function clipName(clip: ClipView): string {
  const { citation } = clip;
  return citation ? `${citation.document.shortTitle}, ${citation.locator}` : clip.passageId;
}

/**
 * The reader's clip list: each clip with its quotation and full citation, in the order it will
 * be exported, with buttons to move it up or down, remove it (with undo) and read it in its
 * document; and the export as Markdown, to copy or download. Renders what it is given; the
 * caller stores, copies and downloads.
 */
export function ClipList(props: ClipListProps): JSX.Element {
  const { clips, removed, notice } = props;
  const list = useRef<HTMLOListElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  // After a move the clip's button keeps the focus (or its twin, at the list's end); after a
  // removal the focus goes to Undo, and after an undo back to the clip.
  const focusNext = useRef<{ clipId: number; control: 'up' | 'down' | 'item' } | 'undo' | null>(
    null,
  );

  useEffect(() => {
    const target = focusNext.current;
    if (target === 'undo') {
      if (!undo.current) return;
      undo.current.focus();
    } else if (target) {
      const item = list.current?.querySelector<HTMLElement>(`[data-clip-id="${target.clipId}"]`);
      if (!item) return;
      const controls = [target.control, target.control === 'up' ? 'down' : 'up', 'item'];
      const control = controls
        .map((name) =>
          name === 'item'
            ? item
            : item.querySelector<HTMLButtonElement>(`button[data-move="${name}"]:not([disabled])`),
        )
        .find(Boolean);
      control?.focus();
    }
    focusNext.current = null;
  }, [clips, removed]);

  const move = (clip: ClipView, index: number, by: -1 | 1) => {
    focusNext.current = { clipId: clip.id, control: by < 0 ? 'up' : 'down' };
    props.onMove(clip, index + by);
  };

  // Dragging by the handle is a shortcut for the pointer; the buttons do the same from the keys.
  const [dragged, setDragged] = useState<ClipView | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const endDrag = () => {
    setDragged(null);
    setDropAt(null);
  };

  return (
    <section class="clips" aria-labelledby="clips-title">
      <h2 id="clips-title" class="clips-title">
        Clips
      </h2>
      {clips.length === 0 ? (
        <p class="muted">
          No clips yet. Save a passage with “Save clip” on a term’s card, in a term’s view or in a
          document, and it will be listed here with its citation.
        </p>
      ) : (
        <p class="muted">
          {clips.length} {clips.length === 1 ? 'clip' : 'clips'}, in the order they are exported.
        </p>
      )}
      <div class="clip-export" role="group" aria-label="Export as Markdown">
        <button type="button" disabled={clips.length === 0} onClick={props.onCopyMarkdown}>
          Copy as Markdown
        </button>
        <button type="button" disabled={clips.length === 0} onClick={props.onDownloadMarkdown}>
          Download .md
        </button>
      </div>
      <div class="clip-feedback">
        <p
          class={notice?.kind === 'error' ? 'clip-notice search-error' : 'clip-notice'}
          role="status"
        >
          {notice?.text}
        </p>
        {removed && (
          <p class="clip-undo">
            <span id="clip-removed">Removed “{clipName(removed)}”.</span>{' '}
            <button
              ref={undo}
              type="button"
              class="link-button"
              aria-describedby="clip-removed"
              onClick={() => {
                focusNext.current = { clipId: removed.id, control: 'item' };
                props.onUndoRemove();
              }}
            >
              Undo
            </button>
          </p>
        )}
      </div>
      {clips.length > 0 && (
        <ol ref={list} class="clip-list" aria-labelledby="clips-title">
          {clips.map((clip, index) => (
            <ClipItem
              key={clip.id}
              clip={clip}
              index={index}
              count={clips.length}
              onMove={(by) => move(clip, index, by)}
              onRemove={() => {
                focusNext.current = 'undo';
                props.onRemove(clip);
              }}
              onOpenInDocument={() => props.onOpenInDocument(clip)}
              copied={props.copied}
              onCopyCitation={props.onCopyCitation}
              dropTarget={dragged !== null && dragged.id !== clip.id && dropAt === index}
              onDragStart={() => setDragged(clip)}
              onDragOver={() => dragged && setDropAt(index)}
              onDrop={() => {
                if (dragged && dragged.id !== clip.id) props.onMove(dragged, index);
                endDrag();
              }}
              onDragEnd={endDrag}
            />
          ))}
        </ol>
      )}
      {clips.length > 0 && (
        <details class="clip-preview">
          <summary>Preview the Markdown</summary>
          <pre>{props.markdown}</pre>
        </details>
      )}
    </section>
  );
}

function ClipItem({
  clip,
  index,
  count,
  onMove,
  onRemove,
  onOpenInDocument,
  copied,
  onCopyCitation,
  dropTarget,
  onDragStart,
  onDragOver,
  onDrop,
  onDragEnd,
}: {
  clip: ClipView;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onOpenInDocument: () => void;
  copied: CopiedCitation | null;
  onCopyCitation: (citation: CitedPassage, format: CitationFormat) => void;
  /** A dragged clip would land here. */
  dropTarget: boolean;
  onDragStart: () => void;
  onDragOver: () => void;
  onDrop: () => void;
  onDragEnd: () => void;
}): JSX.Element {
  const { citation } = clip;
  const name = clipName(clip);
  const titleId = `clip-${clip.id}-title`;
  return (
    <li
      class={`clip${dropTarget ? ' clip-drop-target' : ''}`}
      data-clip-id={clip.id}
      tabIndex={-1}
      aria-labelledby={titleId}
      onDragOver={(event) => {
        // Accepting the drop is what lets it happen.
        event.preventDefault();
        onDragOver();
      }}
      onDrop={(event) => {
        event.preventDefault();
        onDrop();
      }}
    >
      <span
        class="clip-handle"
        draggable
        aria-hidden="true"
        title="Drag to move"
        onDragStart={(event) => {
          // Firefox starts a drag only with data to carry.
          event.dataTransfer?.setData('text/plain', name);
          onDragStart();
        }}
        onDragEnd={onDragEnd}
      >
        ⠿
      </span>
      <h3 id={titleId} class="clip-title">
        <span class="visually-hidden">Clip {index + 1}: </span>
        {name}
      </h3>
      {citation ? (
        <>
          <blockquote class="clip-quote">
            <PassageQuote passage={citation} />
          </blockquote>
          <p class="clip-citation">
            <cite class="document">{citation.document.title}</cite>
            <AddedMark of={citation.document} />
            {' · '}
            {citation.document.issuingBody}
            {citation.document.dateLabel && (
              <>
                {' · '}
                <time dateTime={citation.document.date.replace('/', '--')}>
                  {citation.document.dateLabel}
                </time>
              </>
            )}
            {' · '}
            <span class="locator">{citation.locator}</span>
          </p>
          <p class="clip-actor">
            <span class={`kind kind-${citation.kind}`}>{KIND_LABEL[citation.kind]}</span>
            {' · '}
            {clipActorLine(clip)}
          </p>
        </>
      ) : (
        <p class="muted">
          This passage is no longer in Pledgemark’s corpus, and its citation was not kept.
        </p>
      )}
      <div class="clip-actions">
        <button
          type="button"
          data-move="up"
          disabled={index === 0}
          aria-label={`Move up: ${name}`}
          onClick={() => onMove(-1)}
        >
          ↑ Move up
        </button>
        <button
          type="button"
          data-move="down"
          disabled={index === count - 1}
          aria-label={`Move down: ${name}`}
          onClick={() => onMove(1)}
        >
          ↓ Move down
        </button>
        <button type="button" aria-label={`Remove: ${name}`} onClick={onRemove}>
          Remove
        </button>
        {citation && (
          <CopyCitationButtons
            passageId={citation.id}
            copied={copied}
            onCopy={(format) => onCopyCitation(citation, format)}
          />
        )}
        {citation && (
          <button type="button" class="link-button" onClick={onOpenInDocument}>
            Read in document
          </button>
        )}
      </div>
    </li>
  );
}
