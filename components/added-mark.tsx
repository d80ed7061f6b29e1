import type { DocumentSummary } from '../utils/views';

/** "added by you", beside a document the reader added, wherever it is named. */
export function AddedMark({ document }: { document: Pick<DocumentSummary, 'addedByUser'> }) {
  return document.addedByUser ? <span class="added-mark">added by you</span> : null;
}
