import { HIGHLIGHT_ELEMENT } from './page-contract';

/**
 * Copying page text that holds highlights gives the page's own formatting, not ours. Left to
 * itself, a browser copies our highlight elements with their computed style (a yellow background
 * on every term), so a sentence pasted into a newsroom's editor would bring our highlights into
 * the journalist's article. When the reader copies a selection that holds highlights, the copied
 * HTML is the selection with them unwrapped, and the text is the selection's text. A copy with no
 * highlight in it is left alone, and the page's own `copy` handlers, which run after this one,
 * still have the last word. Only the reader's copies count (trusted events). Returns what stops
 * it (a function, not an AbortSignal: the document may be another window's, a frame's).
 */
export function copyWithoutHighlights(
  document: Document,
  /** Test seam: synthetic events are trusted in tests only. */
  trustSyntheticEvents = false,
): () => void {
  const onCopy = (event: ClipboardEvent) => {
    if (!event.isTrusted && !trustSyntheticEvents) return;
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    const container = document.createElement('div');
    let unwrapped = false;
    for (let index = 0; index < selection.rangeCount; index++) {
      const fragment = selection.getRangeAt(index).cloneContents();
      for (const highlight of fragment.querySelectorAll(HIGHLIGHT_ELEMENT)) {
        highlight.replaceWith(...highlight.childNodes);
        unwrapped = true;
      }
      container.append(fragment);
    }
    if (!unwrapped) return;
    event.clipboardData.setData('text/html', container.innerHTML);
    event.clipboardData.setData('text/plain', selection.toString());
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy, { capture: true });
  return () => document.removeEventListener('copy', onCopy, { capture: true });
}
