import { options, type VNode } from 'preact';

/** The attribute that carries a piece of the card's text; CSS draws it (`card-layer.css`). */
export const TEXT_ATTRIBUTE = 'data-pm-text';

/**
 * Makes the text Preact renders from here on CSS-generated content: each piece of text becomes
 * an empty `<span data-pm-text="…">` that `card-layer.css` draws with
 * `::before { content: attr(data-pm-text) }`.
 *
 * Why: `window.find()` searches a closed shadow root's text in Chromium and Firefox, so a page
 * could ask whether the open card says "Saved to clips" (which passages the reader saved), and
 * Firefox even hands the page the matched text node (`getSelection().anchorNode`), from which it
 * can walk the whole card. Generated content is drawn, read by screen readers and counted in
 * accessible names, but neither browser's find searches it (verified in both). The cost: the
 * card's text cannot be selected (its citations are copied with "Copy citation").
 *
 * The hook applies to every Preact render of this realm; in the content script only the card and
 * its notice render with Preact, and `install` is called by the card alone. Returns the undo.
 */
export function installUnfindableText(): () => void {
  const previous = options.vnode;
  const hook = (vnode: VNode) => {
    // A text vnode: no type, its props are the text itself.
    const text = vnode.props as unknown;
    if (vnode.type === null && (typeof text === 'string' || typeof text === 'number')) {
      (vnode as { type: unknown }).type = 'span';
      (vnode as { props: unknown }).props = { [TEXT_ATTRIBUTE]: String(text) };
    }
    previous?.(vnode);
  };
  options.vnode = hook;
  return () => {
    if (options.vnode === hook) options.vnode = previous;
  };
}
