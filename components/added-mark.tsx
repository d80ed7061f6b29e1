import type { DocumentSummary } from '../utils/views';

/**
 * " added by you", after a document the reader added, wherever it is named (with its own leading
 * space, so that a built-in document's name is followed by nothing).
 */
export function AddedMark({ document }: { document: Pick<DocumentSummary, 'addedByUser'> }) {
  return document.addedByUser ? (
    <>
      {' '}
      <span class="added-mark">added by you</span>
    </>
  ) : null;
}
