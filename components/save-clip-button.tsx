import type { JSX } from 'preact';
import type { ClipMark } from '../utils/clip-marks';

const LABEL: Record<ClipMark['status'] | 'none', string> = {
  none: 'Save clip',
  saving: 'Saving…',
  saved: '✓ Saved to clips',
  'already-saved': '✓ Already in your clips',
  error: 'Save clip',
};

/**
 * The "Save clip" action of a passage, showing whether the passage is in the clip list. A failure
 * (a full or blocked database) is said next to it, and the button stays to try again.
 */
export function SaveClipButton({
  passageId,
  mark,
  onSave,
}: {
  passageId: string;
  mark: ClipMark | undefined;
  onSave: () => void;
}): JSX.Element {
  const status = mark?.status ?? 'none';
  const errorId = `clip-error-${passageId}`;
  return (
    <>
      <button
        type="button"
        class={`link-button save-clip save-clip-${status}`}
        aria-describedby={mark?.status === 'error' ? errorId : undefined}
        // Not `disabled`: that would drop the keyboard focus while the clip is saved.
        aria-disabled={status === 'saving' ? 'true' : undefined}
        onClick={() => status !== 'saving' && onSave()}
      >
        {LABEL[status]}
      </button>
      {mark?.status === 'error' && (
        <span id={errorId} class="clip-error" role="alert">
          {mark.message}
        </span>
      )}
    </>
  );
}
