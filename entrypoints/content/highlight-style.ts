import highlightCss from './highlight.css?inline';
import { UI_ATTRIBUTE } from './text-runs';

/**
 * The highlights' style, put into each root that gets highlights: the page's document and every
 * open shadow root (a document's stylesheet does not reach into shadow trees). The content
 * script's own CSS goes into its card's shadow root only, so this one is added by hand.
 */
export class HighlightStyle {
  private readonly added = new Map<Document | ShadowRoot, HTMLStyleElement>();

  ensure(root: Document | ShadowRoot): void {
    if (this.added.get(root)?.isConnected) return;
    // Checked by node type, not `instanceof`: the root may come from another window (a frame).
    const isDocument = root.nodeType === 9;
    const document = isDocument ? (root as Document) : (root as ShadowRoot).ownerDocument;
    const style = document.createElement('style');
    style.setAttribute(UI_ATTRIBUTE, 'highlight-style');
    style.textContent = highlightCss;
    (isDocument ? ((root as Document).head ?? (root as Document).documentElement) : root).append(
      style,
    );
    this.added.set(root, style);
  }

  removeAll(): void {
    for (const style of this.added.values()) style.remove();
    this.added.clear();
  }
}
