/**
 * The page's text nodes that wrapping split, and how to give them back.
 *
 * mark.js wraps a match by splitting the page's text node: the node keeps the text before the
 * match, and the match (in a highlight) and the rest follow it as new nodes. The page still
 * holds the original node. Frameworks update text in place (`node.data = …`): without care the
 * original would show the new text while the old highlighted tail stayed after it. So every
 * split is recorded, and the moment the page touches one (its MutationObserver records arrive in
 * the microtask after the write, before anything is painted) the split is undone:
 *
 * - the page wrote to the original node: the pieces we added go, and the node shows exactly what
 *   the page wrote;
 * - the page removed the original, wrote to a piece, removed a piece, or put a node among the
 *   pieces: the original gets its whole text back and the pieces go, so that the page's own node
 *   reads as the page left it (and whole, if the page puts it back later).
 *
 * Removing highlights folds every split the same way: nothing is merged with, or detached from,
 * the page's own nodes. Splits whose nodes left the page are forgotten, so nothing detached is
 * kept alive.
 */

interface Split {
  /** The page's own node: it keeps the text before the first match. */
  original: Text;
  /** Where the split was made: pieces still there are ours to take back. */
  parent: Node;
  /** The nodes wrapping put right after it, in order: highlights and the rest of the text. */
  pieces: Node[];
}

export class WrappedText {
  private readonly splits = new Map<Text, Split>();
  private readonly splitOfPiece = new WeakMap<Node, Split>();

  /** How many of the page's text nodes are split now. */
  get size(): number {
    return this.splits.size;
  }

  /** What the page's text nodes hold, taken right before they are wrapped. */
  snapshot(nodes: Iterable<Text>): Map<Text, string> {
    const before = new Map<Text, string>();
    for (const node of nodes) before.set(node, node.data);
    return before;
  }

  /**
   * Records the nodes wrapping split, comparing them with their snapshot: the pieces are the
   * siblings after a node that together hold the text it lost.
   */
  record(before: ReadonlyMap<Text, string>): void {
    for (const [node, text] of before) {
      let missing = text.length - node.data.length;
      if (missing <= 0) continue;
      const pieces: Node[] = [];
      let sibling = node.nextSibling;
      for (; sibling && missing > 0; sibling = sibling.nextSibling) {
        pieces.push(sibling);
        missing -= sibling.textContent?.length ?? 0;
      }
      // A match that ends its node leaves an empty text node after the highlight: ours too.
      for (; sibling?.nodeType === 3 && !(sibling as Text).data && !before.has(sibling as Text);) {
        pieces.push(sibling);
        sibling = sibling.nextSibling;
      }
      // A node already split (wrapped again later) is one of our pieces: its split grows.
      const split = this.splitOfPiece.get(node);
      if (split) {
        split.pieces.splice(split.pieces.indexOf(node) + 1, 0, ...pieces);
      } else if (node.parentNode) {
        this.splits.set(node, { original: node, parent: node.parentNode, pieces });
      }
      const owner = split ?? this.splits.get(node);
      if (owner) for (const piece of pieces) this.splitOfPiece.set(piece, owner);
    }
  }

  /**
   * Undoes the splits the page touched in these mutation records, at once. Returns the page's
   * nodes given back (their blocks are to be read again) and the highlights removed with them.
   */
  repair(records: readonly MutationRecord[]): { restored: Text[]; removedHighlights: Node[] } {
    if (this.splits.size === 0) return { restored: [], removedHighlights: [] };
    const pageWrote = new Set<Split>();
    const touched = new Set<Split>();
    let removedElements = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const split = this.splits.get(record.target as Text);
        if (split) {
          pageWrote.add(split);
          touched.add(split);
        } else {
          const owner = this.ownerOf(record.target);
          if (owner) touched.add(owner);
        }
        continue;
      }
      if (record.type !== 'childList') continue;
      for (const node of record.removedNodes) {
        const split = this.splits.get(node as Text) ?? this.splitOfPiece.get(node);
        if (split) touched.add(split);
        else if (node.nodeType === 1) removedElements = true;
      }
      if (record.addedNodes.length > 0) {
        // A node put among the pieces: the page meant a place in its own, whole text.
        const after = record.nextSibling && this.splitOfPiece.get(record.nextSibling);
        if (after) touched.add(after);
      }
    }
    // Text removed with an element around it: nothing else says its splits left the page.
    if (removedElements) {
      for (const split of this.splits.values()) {
        if (!split.original.isConnected) touched.add(split);
      }
    }
    const restored: Text[] = [];
    const removedHighlights: Node[] = [];
    for (const split of touched) {
      removedHighlights.push(...this.undo(split, !pageWrote.has(split)));
      restored.push(split.original);
    }
    return { restored, removedHighlights };
  }

  /**
   * Gives back the splits that hold these highlights (the other fragments of mentions the page
   * broke), whole. Returns the page's nodes given back and every highlight removed with them.
   */
  release(highlights: Iterable<Node>): { restored: Text[]; removedHighlights: Node[] } {
    const splits = new Set<Split>();
    for (const highlight of highlights) {
      const split = this.splitOfPiece.get(highlight);
      if (split) splits.add(split);
    }
    const restored: Text[] = [];
    const removedHighlights: Node[] = [];
    for (const split of splits) {
      removedHighlights.push(...this.undo(split, true));
      restored.push(split.original);
    }
    return { restored, removedHighlights };
  }

  /** Gives back, whole, the splits inside an element (one that became editable). */
  releaseWithin(element: Node): { restored: Text[]; removedHighlights: Node[] } {
    const restored: Text[] = [];
    const removedHighlights: Node[] = [];
    for (const split of [...this.splits.values()]) {
      if (!element.contains(split.original)) continue;
      removedHighlights.push(...this.undo(split, true));
      restored.push(split.original);
    }
    return { restored, removedHighlights };
  }

  /** Gives every split node its whole text back and removes the pieces: no highlight is left. */
  restoreAll(): void {
    for (const split of [...this.splits.values()]) this.undo(split, true);
  }

  /** The split a node belongs to: a piece, or text inside a piece (a highlight's text). */
  private ownerOf(node: Node): Split | undefined {
    for (let current: Node | null = node; current; current = current.parentNode) {
      const split = this.splitOfPiece.get(current);
      if (split) return split;
      if (this.splits.has(current as Text)) return undefined;
    }
    return undefined;
  }

  /**
   * Removes a split's pieces; with `fold`, the original first gets the text they hold (else it
   * keeps what the page wrote to it). Returns the highlights among the pieces.
   */
  private undo(split: Split, fold: boolean): Node[] {
    this.splits.delete(split.original);
    // Where the reader's caret or selection is in our pieces, as offsets in the whole text.
    const selection = fold ? split.original.ownerDocument.getSelection() : null;
    const anchor =
      selection && this.offsetInSplit(split, selection.anchorNode, selection.anchorOffset);
    const focus =
      selection && this.offsetInSplit(split, selection.focusNode, selection.focusOffset);
    const highlights: Node[] = [];
    let text = '';
    for (const piece of split.pieces) {
      this.splitOfPiece.delete(piece);
      // A piece the page removed itself is not the page's to get back.
      const kept = piece.parentNode === split.parent;
      if (kept) text += piece.textContent ?? '';
      if (piece.nodeType === 1) highlights.push(piece);
      if (kept) piece.parentNode?.removeChild(piece);
    }
    if (fold && text !== '') split.original.appendData(text);
    // An editor's caret stays where the reader was typing.
    if (selection && anchor !== null && focus !== null) {
      selection.setBaseAndExtent(split.original, anchor, split.original, focus);
    }
    return highlights;
  }

  /**
   * A selection point inside a split, as an offset in the original's whole text; null when it
   * is elsewhere (then the selection is left as it is).
   */
  private offsetInSplit(split: Split, node: Node | null, offset: number): number | null {
    if (!node) return null;
    if (node === split.original) return offset;
    let before = split.original.data.length;
    for (const piece of split.pieces) {
      if (piece === node || piece.contains(node)) {
        if (node.nodeType !== 3) return before;
        const walker = piece.ownerDocument!.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
        for (
          let text = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode();
          text;
          text = walker.nextNode()
        ) {
          if (text === node) return before + offset;
          before += (text as Text).data.length;
        }
        return null;
      }
      before += piece.textContent?.length ?? 0;
    }
    return null;
  }
}
