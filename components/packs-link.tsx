/** Where the views of the reader's own documents and terms point to packs, to share them. */
export function PacksLink({ onOpen }: { onOpen: () => void }) {
  return (
    <p class="import-hint packs-link">
      <a
        href="#packs"
        onClick={(event) => {
          event.preventDefault();
          onOpen();
        }}
      >
        Export or import a pack
      </a>
      : your documents and terms in one file, to share with a colleague.
    </p>
  );
}
