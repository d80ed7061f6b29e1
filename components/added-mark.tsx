/**
 * " added by you", after a document or term the reader added, wherever it is named (with its own
 * leading space, so that a built-in one's name is followed by nothing).
 */
export function AddedMark({ of }: { of: { addedByUser?: true } }) {
  return of.addedByUser ? (
    <>
      {' '}
      <span class="added-mark">added by you</span>
    </>
  ) : null;
}
