import type {
  Actor,
  BuiltInDocument,
  CorpusDocument,
  Passage,
  PassageFormat,
  RecordKind,
  TableField,
} from '../../utils/corpus-types';
import { cleanSourceText } from './clean-text';
import type { SourceSpan } from './source-text';
import { sliceBytes } from './source-text';

/** What a document parser derives from one raw source file. */
export interface ParsedDocument {
  document: Omit<BuiltInDocument, 'contentHash' | 'passageCount' | 'sourceFile'>;
  actors: Actor[];
  passages: Passage[];
}

export interface PassageDraft {
  /** Unique within the document; becomes the part of the passage id after the colon. */
  slug: string;
  locator: string;
  sectionPath: string[];
  actorId: string;
  kind: RecordKind;
  span: SourceSpan;
  format?: PassageFormat;
  fields?: TableField[];
}

/** Collects a document's passages in order, deriving each text from its raw bytes. */
export class PassageList {
  readonly passages: Passage[] = [];
  private readonly slugs = new Set<string>();

  constructor(
    private readonly raw: Uint8Array,
    private readonly documentId: CorpusDocument['id'],
  ) {}

  add(draft: PassageDraft): Passage {
    if (this.slugs.has(draft.slug)) {
      throw new Error(`${this.documentId}: duplicate passage slug "${draft.slug}"`);
    }
    this.slugs.add(draft.slug);
    const format = draft.format ?? 'prose';
    const byteRange: [number, number] = [draft.span.start, draft.span.end];
    const text = cleanSourceText(sliceBytes(this.raw, byteRange), format);
    if (text === '') throw new Error(`${this.documentId}: empty passage "${draft.slug}"`);
    const passage: Passage = {
      id: `${this.documentId}:${draft.slug}`,
      documentId: this.documentId,
      order: this.passages.length,
      locator: draft.locator,
      sectionPath: draft.sectionPath,
      actorId: draft.actorId,
      kind: draft.kind,
      text,
      format,
      byteRange,
      ...(draft.fields ? { fields: draft.fields } : {}),
    };
    this.passages.push(passage);
    return passage;
  }
}

/** Lower-case, hyphenated form of a heading for use in passage ids. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Finds the first match of `pattern` in the text or fails the build with a clear message. */
export function requireMatch(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const match = pattern.exec(text);
  if (!match) throw new Error(`Could not find ${what} (${pattern})`);
  return match;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "28 February 2017", "December 22, 2020", "13-15 December 2021" (first day), "May 2016". */
export function isoDate(label: string): string {
  const dayMonthYear = /(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+([A-Za-z]+)\s+(\d{4})/.exec(label);
  const monthDayYear = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(label);
  const monthYear = /([A-Za-z]+)\s+(\d{4})/.exec(label);
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = (name: string) => {
    const index = MONTHS.indexOf(name.toLowerCase());
    if (index < 0) throw new Error(`Unknown month in date "${label}"`);
    return pad(index + 1);
  };
  if (dayMonthYear) {
    return `${dayMonthYear[3]}-${month(dayMonthYear[2]!)}-${pad(Number(dayMonthYear[1]))}`;
  }
  if (monthDayYear) {
    return `${monthDayYear[3]}-${month(monthDayYear[1]!)}-${pad(Number(monthDayYear[2]))}`;
  }
  if (monthYear) return `${monthYear[2]}-${month(monthYear[1]!)}`;
  throw new Error(`Unrecognised date "${label}"`);
}
