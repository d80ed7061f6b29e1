/**
 * The document's outline as locators see it. A locator is the shortest path that identifies a
 * passage: it starts at the nearest node the document labels uniquely ("Section VI", "Objective
 * 2", "R3", "Operative para. 4"), else at the root, and joins what lies below it ("Section VI ›
 * Port Security › bullet 2", "Objective 2 › Indicator (i) › a", "Operative para. 2 (a) (i)").
 */

/** How a node's segment follows its parent's locator. */
export type Joiner = ' › ' | ', ' | ' ';

export interface OutlineNode {
  /** This node's part of a locator: "Section VI", "Port Security", "bullet 2", "(a)". */
  segment: string;
  joiner: Joiner;
  /** A label the document gives ("Goal 1", "R3"): enough on its own when no other node has it. */
  label: boolean;
  /** The node whose locator this one extends; null at the root. */
  parent: OutlineNode | null;
  /** Added to the node's locator for its children's: "Speech 3" → "Speech 3 (Name)". */
  childSuffix: string;
}

export function outlineNode(
  segment: string,
  parent: OutlineNode | null,
  joiner: Joiner,
  label = false,
): OutlineNode {
  return { segment, joiner, label, parent, childSuffix: '' };
}

/** Turns outline nodes into locators once the whole document has been placed. */
export class LocatorResolver {
  private readonly labelCounts = new Map<string, number>();
  private readonly resolved = new Map<OutlineNode, string>();
  /** Locators taken, each with the suffix number its next duplicate would get. */
  private readonly taken = new Map<string, number>();

  /** Every labelled node is counted, so that a label seen twice is not taken as unique. */
  countLabel(node: OutlineNode): void {
    if (node.label)
      this.labelCounts.set(node.segment, (this.labelCounts.get(node.segment) ?? 0) + 1);
  }

  /**
   * The node's locator, unique in the document: a locator already taken by another node gets
   * " [2]", " [3]" … (a heading repeated, a numbered list restarted).
   */
  locatorOf(node: OutlineNode): string {
    const known = this.resolved.get(node);
    if (known !== undefined) return known;
    const standsAlone = node.label && this.labelCounts.get(node.segment) === 1;
    const base =
      standsAlone || node.parent === null
        ? node.segment
        : `${this.childLocatorOf(node.parent)}${node.joiner}${node.segment}`;
    const capitalised = base.charAt(0).toUpperCase() + base.slice(1);
    let locator = capitalised;
    const next = this.taken.get(capitalised);
    if (next === undefined) {
      this.taken.set(capitalised, 2);
    } else {
      let n = next;
      while (this.taken.has(`${capitalised} [${n}]`)) n++;
      locator = `${capitalised} [${n}]`;
      this.taken.set(capitalised, n + 1);
      this.taken.set(locator, 2);
    }
    this.resolved.set(node, locator);
    return locator;
  }

  private childLocatorOf(node: OutlineNode): string {
    return `${this.locatorOf(node)}${node.childSuffix}`;
  }
}
