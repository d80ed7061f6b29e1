import type { PassageFormat, TableField } from '../corpus-types';
import { readTextBlocks, type Block } from './blocks';
import { classifyPassage, type PassageRole } from './classify';
import { cleanInline, passageText } from './clean';
import { isChapeau, opensOperative } from './lexicon';
import { canNumberHeading, type Marker } from './markers';
import { itemNoun, leadInNoun, tableName } from './names';
import { LocatorResolver, outlineNode, type Joiner, type OutlineNode } from './outline';
import {
  frontMatterOf,
  headerFieldOf,
  headingShape,
  resolutionPartsOf,
  type BlockText,
  type HeadingShape,
  type ResolutionParts,
} from './shape';
import { isSpeakerHeading, speakerOf } from './speakers';
import { endsSentence, isContentsEntry, isTitleLike } from './text-shape';
import type {
  SegmentActor,
  SegmentedDocument,
  SegmentedPassage,
  SegmentOptions,
  SegmentProgress,
} from './types';

/** Sections open at once, the root included: deeper than any real document nests its headings. */
const MAX_SECTION_DEPTH = 12;

/** Blocks placed between two progress reports. */
const PROGRESS_STEP = 256;

type SectionKind = 'root' | 'heading' | 'introduction' | 'contents' | 'speech';

/** An open item of a list: what a later item nests under or follows. */
interface OpenItem {
  key: string;
  indent: number;
  marker: Marker;
  node: OutlineNode;
  /** Bullets nested under it so far. */
  nested: number;
  /** 'operative' for an operative paragraph and its subparagraphs, else 'list-item'. */
  role: PassageRole;
}

/** A table's rows under one name, counted across page breaks and repeated header rows. */
interface NamedTable {
  node: OutlineNode;
  rows: number;
  labels: string[] | null;
  /** The header row's cells joined, to skip it where a page break repeats it. */
  header: string | null;
  /** The markup table it was last continued from. */
  origin: number | null;
}

/** A part of the document passages are placed in: the root, a heading's section, a speech. */
interface Section {
  kind: SectionKind;
  node: OutlineNode | null;
  /** The section path of passages in it. */
  path: string[];
  /** Its heading's style, level and numbering, which decide what a later heading closes. */
  style: string | null;
  level: number | null;
  numbered: boolean;
  /** The singular its heading names numbered items with ("Output"). */
  itemNoun: string | null;
  /** The name of tables directly in it, and whether it is its heading's (then left out of row locators). */
  tableName: string;
  tableNamedByHeading: boolean;
  counts: Map<string, number>;
  items: OpenItem[];
  tables: Map<string, NamedTable>;
  currentTable: NamedTable | null;
  /** The noun a lead-in gave the bullets that follow it ("the following steps:"). */
  leadIn: string | null;
  speaker: SegmentActor | null;
  /** A label alone ("Objective 3:") waits for the paragraph it labels. */
  awaitingBody: boolean;
}

function emptySection(kind: SectionKind, node: OutlineNode | null, path: string[]): Section {
  return {
    kind,
    node,
    path,
    style: null,
    level: null,
    numbered: false,
    itemNoun: null,
    tableName: 'Table',
    tableNamedByHeading: false,
    counts: new Map(),
    items: [],
    tables: new Map(),
    currentTable: null,
    leadIn: null,
    speaker: null,
    awaitingBody: false,
  };
}

/** A passage placed in the outline, before locators are resolved and its kind decided. */
interface Draft {
  node: OutlineNode;
  path: string[];
  role: PassageRole;
  actor: SegmentActor;
  range: [number, number];
  format: PassageFormat;
  fields?: TableField[];
}

function itemKey(marker: Marker): string {
  return marker.scheme === 'bullet'
    ? 'bullet'
    : `${marker.scheme}:${marker.style}:${marker.upper ? 'upper' : 'lower'}`;
}

/** "(ii)" for parenthesised markers, as the Editorial Manual writes subparagraphs; "1.2", "a" otherwise. */
function displayMarker(marker: Marker): string {
  return marker.style === 'paren' || marker.style === 'close-paren'
    ? `(${marker.value})`
    : marker.value;
}

/** A table's first row is its header when every cell reads like a column label. */
function looksLikeHeaderRow(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell !== '');
  const label = (cell: string) =>
    /^\p{Lu}/u.test(cell) &&
    !endsSentence(cell) &&
    (cell.length <= 40 || (cell.length <= 120 && isTitleLike(cell)));
  return filled.length >= 2 && filled.every(label);
}

/** Places blocks one by one in the document's outline, keeping the sections open around them. */
class PassagePlacer {
  private readonly drafts: Draft[] = [];
  private readonly resolver = new LocatorResolver();
  private readonly stack: Section[] = [emptySection('root', null, [])];
  /** Parts a document has once ("Title", "Chapeau") already placed. */
  private readonly singles = new Set<string>();
  private coverPage: OutlineNode | null = null;
  private coverLines = 0;
  private speeches = 0;
  private previousWasRow = false;
  /** The list key of numbered operative paragraphs, 'unnumbered', or null outside a resolution. */
  private operativeKey: string | null = null;
  private operativeCount = 0;

  constructor(
    private readonly text: string,
    private readonly issuer: SegmentActor,
  ) {}

  private get current(): Section {
    return this.stack.at(-1)!;
  }

  private node(segment: string, parent: OutlineNode | null, joiner: Joiner, label = false) {
    const node = outlineNode(segment, parent, joiner, label);
    this.resolver.countLabel(node);
    return node;
  }

  private actor(): SegmentActor {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const speaker = this.stack[i]!.speaker;
      if (speaker) return speaker;
    }
    return this.issuer;
  }

  private draft(
    node: OutlineNode,
    path: string[],
    role: PassageRole,
    range: [number, number],
    format: PassageFormat = 'prose',
    fields?: TableField[],
  ): void {
    this.drafts.push({ node, path, role, actor: this.actor(), range, format, fields });
  }

  private bump(counts: Map<string, number>, key: string): number {
    const next = (counts.get(key) ?? 0) + 1;
    counts.set(key, next);
    return next;
  }

  /** "Title", "Chapeau", "Date": a part a document has once; a second one is only a cover line. */
  placeSingle(name: string, role: PassageRole, block: Block): void {
    if (this.singles.has(name)) {
      this.placeCoverLine(block);
      return;
    }
    const node = this.node(name, null, ' › ');
    this.singles.add(name);
    this.draft(node, [], role, [block.markerStart, block.end]);
  }

  placeCoverLine(block: Block): void {
    this.coverPage ??= this.node('Cover page', null, ' › ');
    const node = this.node(`line ${++this.coverLines}`, this.coverPage, ', ');
    this.draft(node, ['Cover page'], 'cover-line', [block.markerStart, block.end]);
  }

  placePreambular(block: Block, count: number): void {
    const marker = block.marker;
    const number = marker?.scheme === 'preambular' ? marker.value : String(count);
    const node = this.node(`Preambular para. ${number}`, null, ' › ', true);
    this.draft(node, ['Preambular paragraphs'], 'preambular', [block.start, block.end]);
  }

  beginOperativePart(first: Block): void {
    this.operativeKey = first.marker ? itemKey(first.marker) : 'unnumbered';
  }

  /** Places a block after the front matter. */
  place(block: Block, text: BlockText, shape: HeadingShape | null, introduce: boolean): void {
    const speaker = !block.cells && block.marker === null && isSpeakerHeading(text.content);
    this.placeBlock(block, text, shape, speaker, introduce);
    this.previousWasRow = block.cells !== null;
  }

  private placeBlock(
    block: Block,
    text: BlockText,
    shape: HeadingShape | null,
    speaker: boolean,
    introduce: boolean,
  ): void {
    const open = this.current;
    if (open.kind === 'speech' && !speaker) {
      const endsSpeech =
        shape !== null &&
        shape.level !== null &&
        (open.level === null || shape.level <= open.level);
      if (!endsSpeech) {
        this.placeSpeechBlock(block);
        return;
      }
    }
    if (open.kind === 'contents') {
      if (block.cells || isContentsEntry(text.content)) {
        this.placeContentsEntry(block);
        return;
      }
      this.stack.pop();
    }
    const operative = this.isOperativeParagraph(block, text);
    if (speaker) this.startSpeech(block, text);
    else if (block.cells) this.placeRow(block);
    else if (shape && !operative) this.placeHeading(block, shape);
    else if (block.marker === null && isChapeau(text.content) && !this.singles.has('Chapeau')) {
      this.placeSingle('Chapeau', 'chapeau', block);
    } else {
      if (introduce && this.current.kind === 'root') this.beginIntroduction();
      if (operative) this.placeOperative(block);
      else if (block.marker) this.placeItem(block);
      else this.placeParagraph(block, text);
    }
  }

  private isOperativeParagraph(block: Block, text: BlockText): boolean {
    if (this.operativeKey === null) return false;
    if (this.operativeKey === 'unnumbered') {
      return block.marker === null && opensOperative(text.content);
    }
    return block.marker !== null && itemKey(block.marker) === this.operativeKey;
  }

  private beginIntroduction(): void {
    const node = this.node('Introduction', null, ' › ');
    this.stack.push(emptySection('introduction', node, ['Introduction']));
  }

  /** Leaves the sections a heading closes, as its style and level say. */
  private closeSectionsFor(shape: HeadingShape): void {
    while (this.current.kind !== 'root' && this.current.kind !== 'heading') this.stack.pop();
    if (shape.level !== null) {
      while (
        this.current.kind === 'heading' &&
        (this.current.level === null || this.current.level >= shape.level)
      ) {
        this.stack.pop();
      }
      return;
    }
    let sibling = -1;
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]!.style === shape.style) {
        sibling = i;
        break;
      }
    }
    if (sibling > 0) {
      this.stack.length = sibling;
    } else if (shape.numbered) {
      // "2. Outputs" after "Port Security": numbered headings are not nested in unnumbered ones.
      while (
        this.current.kind === 'heading' &&
        !this.current.numbered &&
        this.current.level === null
      ) {
        this.stack.pop();
      }
    }
  }

  placeHeading(block: Block, shape: HeadingShape): void {
    this.closeSectionsFor(shape);
    // A heading deeper than any document nests is taken as a sibling of the deepest: this bounds
    // the section path each passage carries, and the search above, whatever the input.
    while (this.stack.length > MAX_SECTION_DEPTH) this.stack.pop();
    const parent = this.current;
    const node = this.node(shape.segment, parent.node, ' › ', shape.label);
    if (!shape.labelsNext) {
      this.draft(node, parent.path, 'heading', [block.markerStart, block.end]);
    }
    const kind = shape.segment === 'Contents' && !shape.label ? 'contents' : 'heading';
    const opened = emptySection(kind, node, [...parent.path, shape.pathEntry]);
    opened.style = shape.style;
    opened.level = shape.level;
    opened.numbered = shape.numbered;
    opened.itemNoun = shape.title === '' ? null : itemNoun(shape.title);
    opened.tableName = shape.title === '' ? shape.segment : tableName(shape.title);
    opened.tableNamedByHeading = true;
    opened.awaitingBody = shape.labelsNext;
    this.stack.push(opened);
  }

  private startSpeech(block: Block, text: BlockText): void {
    while (this.current.kind !== 'root' && this.current.kind !== 'heading') this.stack.pop();
    if (block.level !== null) {
      while (
        this.current.kind === 'heading' &&
        this.current.level !== null &&
        this.current.level >= block.level
      ) {
        this.stack.pop();
      }
    }
    const parent = this.current;
    const speaker = speakerOf(text.content) ?? { name: text.content, kind: 'person' };
    const number = ++this.speeches;
    const node = this.node(`Speech ${number}`, parent.node, ' › ', true);
    node.childSuffix = ` (${speaker.name})`;
    const speech = emptySection('speech', node, [
      ...parent.path,
      `Speech ${number}: ${speaker.name}`,
    ]);
    speech.speaker = speaker;
    speech.level = block.level;
    this.stack.push(speech);
    this.draft(node, parent.path, 'speech-heading', [block.markerStart, block.end]);
  }

  /** Speeches are read as a run of paragraphs: a speaker's lists and sub-headings included. */
  private placeSpeechBlock(block: Block): void {
    const speech = this.current;
    const node = this.node(`para. ${this.bump(speech.counts, 'para')}`, speech.node, ', ');
    // A point numbered like a heading ("1. Root causes:") may frame the points below it.
    const listed = block.marker !== null && !canNumberHeading(block.marker);
    this.draft(node, speech.path, listed ? 'speech-item' : 'speech', [block.start, block.end]);
  }

  private placeContentsEntry(block: Block): void {
    const contents = this.current;
    const node = this.node(`entry ${this.bump(contents.counts, 'entry')}`, contents.node, ', ');
    const range: [number, number] = [block.markerStart, block.end];
    if (!block.cells) {
      this.draft(node, contents.path, 'contents-entry', range);
      return;
    }
    const cells = block.cells.map(cleanInline).filter((cell) => cell !== '');
    const fields = [
      { label: 'Entry', text: cells.slice(0, -1).join(' ') },
      { label: 'Page', text: cells.at(-1) ?? '' },
    ].filter((field) => field.text !== '');
    this.draft(node, contents.path, 'contents-entry', range, 'table-row', fields);
  }

  private tableFor(block: Block, open: Section): { table: NamedTable; continues: boolean } {
    const current = open.currentTable;
    const continues =
      current !== null && (block.table ? current.origin === block.table.id : this.previousWasRow);
    if (current && continues) return { table: current, continues };
    const caption = block.table?.caption ?? null;
    const name = caption ?? open.tableName;
    let table = open.tables.get(name);
    if (!table) {
      const namedByHeading = caption === null && open.tableNamedByHeading;
      const parent = namedByHeading ? (open.node?.parent ?? null) : open.node;
      // Under a heading that is its name already ("Annex"), the rows are the heading's own.
      const sameAsHeading =
        namedByHeading && open.node?.segment.toLowerCase() === name.toLowerCase();
      table = {
        node: sameAsHeading && open.node ? open.node : this.node(name, parent, ' › ', true),
        rows: 0,
        labels: null,
        header: null,
        origin: null,
      };
      open.tables.set(name, table);
    }
    table.origin = block.table?.id ?? null;
    table.labels = null;
    table.header = null;
    open.currentTable = table;
    return { table, continues: false };
  }

  private placeRow(block: Block): void {
    const open = this.current;
    open.items.length = 0;
    const cells = block.cells!.map(cleanInline);
    const { table, continues } = this.tableFor(block, open);
    const joined = cells.join('\t');
    if (!continues && (block.headerRow || (!block.fromMarkup && looksLikeHeaderRow(cells)))) {
      table.labels = cells;
      table.header = joined;
      return;
    }
    if (table.header === joined) return;
    const node = this.node(`item ${++table.rows}`, table.node, ', ');
    const fields = cells
      .map((text, column) => ({ label: table.labels?.[column] || `Column ${column + 1}`, text }))
      .filter((field) => field.text !== '');
    this.draft(node, open.path, 'table-row', [block.start, block.end], 'table-row', fields);
  }

  /** "(i)", "v" and "x" are letters where they continue "(h)", "u" or "w", else Roman numerals. */
  private disambiguate(marker: Marker, items: OpenItem[]): Marker {
    if (!marker.ambiguous) return marker;
    const previous = String.fromCharCode(marker.value.toLowerCase().charCodeAt(0) - 1);
    const continuesLetters = items.some(
      (item) =>
        item.marker.scheme === 'letter' &&
        item.marker.style === marker.style &&
        item.marker.upper === marker.upper &&
        item.marker.value.toLowerCase() === previous,
    );
    return { ...marker, scheme: continuesLetters ? 'letter' : 'roman' };
  }

  /**
   * Finds where an item goes in the open list and closes what it ends: a bullet (or an item of
   * a markup list) nests by its indentation, a numbered item follows the open item of its own
   * scheme or nests under the last.
   */
  private parentItem(
    items: OpenItem[],
    key: string,
    block: Block,
    marker: Marker,
  ): OpenItem | null {
    const indent = block.indent;
    if (marker.scheme === 'bullet' || block.fromList) {
      while (items.length > 0 && items.at(-1)!.indent > indent) items.pop();
      const top = items.at(-1);
      if (top && top.indent === indent && (top.key === key || block.fromList)) items.pop();
      else return top ?? null;
      return items.at(-1) ?? null;
    }
    for (let i = items.length - 1; i >= 0; i--) {
      if (items[i]!.key === key) {
        items.length = i;
        return items.at(-1) ?? null;
      }
    }
    return items.at(-1) ?? null;
  }

  private placeItem(block: Block): void {
    const open = this.current;
    open.awaitingBody = false;
    open.currentTable = null;
    const marker = this.disambiguate(block.marker!, open.items);
    const key = itemKey(marker);
    const parent = this.parentItem(open.items, key, block, marker);
    let node: OutlineNode;
    if (parent) {
      if (marker.scheme === 'bullet')
        node = this.node(`item ${++parent.nested}`, parent.node, ' › ');
      else if (marker.style === 'paren' || marker.style === 'close-paren') {
        node = this.node(displayMarker(marker), parent.node, ' ');
      } else node = this.node(marker.value, parent.node, ' › ');
    } else if (marker.scheme === 'label') {
      node = this.node(marker.value, open.node, ' › ', true);
    } else if (marker.scheme === 'bullet') {
      const noun = open.leadIn ?? 'bullet';
      node = this.node(`${noun} ${this.bump(open.counts, noun)}`, open.node, ' › ');
    } else if (open.itemNoun) {
      // Named by the heading, the item stands in for it: "Output 1.1", not "Section 1 › …".
      const label = `${open.itemNoun} ${displayMarker(marker)}`;
      node = this.node(label, open.node?.parent ?? null, ' › ', true);
    } else if (marker.scheme === 'number' || marker.scheme === 'decimal') {
      node = this.node(`para. ${marker.value}`, open.node, ', ');
    } else if (marker.scheme === 'preambular') {
      node = this.node(`Preambular para. ${marker.value}`, null, ' › ', true);
    } else {
      node = this.node(displayMarker(marker), open.node, ' › ');
    }
    // Subparagraphs ("(a)", "(i)") are part of the operative paragraph they divide.
    const role = parent?.role ?? 'list-item';
    open.items.push({ key, indent: block.indent, marker, node, nested: 0, role });
    const path =
      role === 'operative' && open.kind !== 'heading' ? ['Operative paragraphs'] : open.path;
    this.draft(node, path, role, [block.start, block.end]);
  }

  private placeOperative(block: Block): void {
    const open = this.current;
    open.items.length = 0;
    open.awaitingBody = false;
    const marker = block.marker;
    const number = marker ? marker.value : String(++this.operativeCount);
    const node = this.node(`Operative para. ${number}`, null, ' › ', true);
    if (marker) {
      const key = itemKey(marker);
      open.items.push({ key, indent: block.indent, marker, node, nested: 0, role: 'operative' });
    }
    const path = open.kind === 'heading' ? open.path : ['Operative paragraphs'];
    this.draft(node, path, 'operative', [block.start, block.end]);
  }

  private placeParagraph(block: Block, text: BlockText): void {
    const open = this.current;
    const range: [number, number] = [block.start, block.end];
    if (open.awaitingBody && open.node) {
      open.awaitingBody = false;
      this.draft(open.node, open.path, 'paragraph', range);
      return;
    }
    open.items.length = 0;
    open.currentTable = null;
    const node = this.node(`para. ${this.bump(open.counts, 'para')}`, open.node, ', ');
    this.draft(node, open.path, 'paragraph', range);
    open.leadIn = leadInNoun(text.content);
  }

  passages(): SegmentedPassage[] {
    const passages: SegmentedPassage[] = [];
    for (const draft of this.drafts) {
      const text = passageText(this.text.slice(draft.range[0], draft.range[1]), draft.format);
      if (text === '') continue;
      passages.push({
        locator: this.resolver.locatorOf(draft.node),
        sectionPath: draft.path,
        kind: classifyPassage(draft.role, text),
        actor: draft.actor,
        text,
        format: draft.format,
        ...(draft.fields ? { fields: draft.fields } : {}),
        range: draft.range,
      });
    }
    return passages;
  }
}

function textOf(text: string, block: Block): BlockText {
  const content = block.cells
    ? block.cells
        .map(cleanInline)
        .filter((cell) => cell !== '')
        .join(' ')
    : cleanInline(text.slice(block.start, block.end));
  const full =
    block.markerStart === block.start
      ? content
      : cleanInline(text.slice(block.markerStart, block.end));
  return { content, full };
}

/** A resolution's header lines, chapeau and preamble; its operative part is placed like any block. */
function placeResolutionFront(
  placer: PassagePlacer,
  blocks: Block[],
  texts: BlockText[],
  parts: ResolutionParts,
): void {
  for (let i = 0; i < parts.headerEnd; i++) {
    const field = headerFieldOf(texts[i]!.content);
    if (field) placer.placeSingle(field, 'header-field', blocks[i]!);
    else if (i === 0) placer.placeSingle('Title', 'title', blocks[i]!);
    else placer.placeCoverLine(blocks[i]!);
  }
  if (parts.chapeau >= 0) placer.placeSingle('Chapeau', 'chapeau', blocks[parts.chapeau]!);
  for (let i = parts.preambleStart; i < parts.operativeStart; i++) {
    placer.placePreambular(blocks[i]!, i - parts.preambleStart + 1);
  }
  placer.beginOperativePart(blocks[parts.operativeStart]!);
}

/**
 * Blocks → passages: the structure stage (headings and their nesting, numbering schemes, front
 * matter, speeches, tables), then locators and record kinds. A generator, so that a long text
 * can be segmented in steps; each step reports how many blocks are placed.
 */
export function* segmentBlocks(
  text: string,
  blocks: Block[],
  options: SegmentOptions,
): Generator<SegmentProgress, SegmentedDocument, void> {
  const texts = blocks.map((block) => textOf(text, block));
  const shapes = blocks.map((block, i) => headingShape(block, texts[i]!));
  const isHeading = (i: number) =>
    shapes[i] !== null || (blocks[i]!.marker === null && isSpeakerHeading(texts[i]!.content));
  let lastHeading = -1;
  for (let i = 0; i < blocks.length; i++) if (isHeading(i)) lastHeading = i;

  const placer = new PassagePlacer(text, { name: options.issuingBody, kind: 'body' });
  const resolution = resolutionPartsOf(blocks, texts);
  let start = 0;
  let titled = false;
  if (resolution) {
    placeResolutionFront(placer, blocks, texts, resolution);
    start = resolution.operativeStart;
  } else {
    const front = frontMatterOf(blocks, texts, isHeading);
    if (front.title >= 0) placer.placeSingle('Title', 'title', blocks[front.title]!);
    for (let i = 0; i < front.coverEnd; i++) placer.placeCoverLine(blocks[i]!);
    if (front.heading >= 0) {
      const block = blocks[front.heading]!;
      const { content } = texts[front.heading]!;
      placer.placeHeading(block, shapes[front.heading] ?? plainHeading(content));
    }
    start = front.end;
    titled = front.title >= 0;
  }
  for (let i = start; i < blocks.length; i++) {
    if ((i - start) % PROGRESS_STEP === 0) yield { done: i, total: blocks.length };
    // Before the first heading, a titled document's prose is its introduction.
    placer.place(blocks[i]!, texts[i]!, shapes[i] ?? null, titled && i < lastHeading);
  }
  yield { done: blocks.length, total: blocks.length };
  return { text, passages: placer.passages() };
}

/** The last line of a cover page, taken as the heading of the body that follows it. */
function plainHeading(content: string): HeadingShape {
  return {
    style: 'plain',
    numbered: false,
    level: null,
    segment: content,
    label: false,
    pathEntry: content,
    title: content,
    labelsNext: false,
  };
}

/** Runs segmenting steps to the end, reporting progress. */
export function runSteps(
  steps: Generator<SegmentProgress, SegmentedDocument, void>,
  onProgress?: (progress: SegmentProgress) => void,
): SegmentedDocument {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/** Plain text → passages, in steps (for a caller that yields to the page between them). */
export function* segmentTextSteps(
  text: string,
  options: SegmentOptions,
): Generator<SegmentProgress, SegmentedDocument, void> {
  return yield* segmentBlocks(text, readTextBlocks(text), options);
}

/** Plain text → passages with locators, section paths, kinds, actors and ranges. */
export function segmentText(text: string, options: SegmentOptions): SegmentedDocument {
  return runSteps(segmentTextSteps(text, options), options.onProgress);
}
