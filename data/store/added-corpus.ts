import {
  ADDED_ID_PREFIX,
  DOCUMENT_KINDS,
  type Actor,
  type AddedDocument,
  type DocumentKind,
  type DocumentOrigin,
  type Occurrence,
  type Passage,
} from '../../utils/corpus-types';
import { passageText } from '../../utils/segmenter';
import type { SegmentedPassage } from '../../utils/segmenter/types';
import { ADDED_TABLES, type PledgemarkDatabase } from './db';
import { abortWith, guardStorage, STORAGE_TIMEOUT_MS } from './storage-errors';

/** The longest text a reader can add, in characters (a long report as plain text). */
export const MAX_ADDED_TEXT_LENGTH = 5_000_000;
/** More passages than any document has; more is a malformed draft. */
export const MAX_ADDED_PASSAGES = 50_000;
const MAX_FIELD_LENGTH = 500;
const SHORT_TITLE_LENGTH = 60;

/** What the reader confirmed in the import view: the text, its passages and what to cite it by. */
export interface DocumentDraft {
  title: string;
  issuingBody: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or '' when the reader does not know it. */
  date: string;
  kind: DocumentKind;
  origin: DocumentOrigin;
  text: string;
  passages: SegmentedPassage[];
}

/** A draft the store refuses, with what to change; the corpus is left as it was. */
export class DraftError extends Error {
  override readonly name = 'DraftError';
}

/** The same text is already in the corpus (recognised by its content hash). */
export class DuplicateDocumentError extends Error {
  override readonly name = 'DuplicateDocumentError';
  constructor(readonly existing: Pick<AddedDocument, 'id' | 'title' | 'addedAt'>) {
    super(
      `This text is already in your corpus as “${existing.title}”, added on ` +
        `${existing.addedAt.slice(0, 10)}. Nothing was added.`,
    );
  }
}

/** The terms each passage mentions and how often, in passage order (the background's matcher). */
export type LinkTerms = (texts: readonly string[]) => Map<string, number>[];

export interface AddedCorpusOptions {
  linkTerms: LinkTerms;
  now?: () => Date;
  timeoutMs?: number;
}

const CORPUS_IS_SAFE = 'Your corpus is as it was.';

/**
 * The documents the reader added, in tables of their own. Adding and deleting each run in one
 * transaction: a failure (a full disk, a blocked database) leaves the corpus as it was.
 */
export class AddedCorpus {
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(
    private readonly db: PledgemarkDatabase,
    private readonly options: AddedCorpusOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
  }

  /** Adds a confirmed draft; refuses a malformed one or a text already added. */
  async add(draft: DocumentDraft): Promise<AddedDocument> {
    const problem = draftProblem(draft);
    if (problem) throw new DraftError(problem);
    const contentHash = await sha256Hex(draft.text);
    const records = this.recordsOf(draft, contentHash);
    const { db } = this;
    await guardStorage(
      (signal) =>
        db.transaction('rw', [...ADDED_TABLES], async (transaction) => {
          abortWith(signal, transaction);
          const existing = await db.addedDocuments.where('contentHash').equals(contentHash).first();
          if (existing) throw new DuplicateDocumentError(existing);
          await db.addedDocuments.add(records.document);
          await db.addedTexts.add({ documentId: records.document.id, text: draft.text });
          await db.addedActors.bulkAdd(records.actors);
          await db.addedPassages.bulkAdd(records.passages);
          await db.addedOccurrences.bulkAdd(records.occurrences);
        }),
      CORPUS_IS_SAFE,
      this.timeoutMs,
    );
    return records.document;
  }

  /** Deletes an added document with its passages, actors and occurrences, and nothing else. */
  async delete(documentId: string): Promise<boolean> {
    if (!documentId.startsWith(ADDED_ID_PREFIX)) {
      throw new DraftError('Only documents you added can be deleted.');
    }
    const { db } = this;
    return guardStorage(
      (signal) =>
        db.transaction('rw', [...ADDED_TABLES], async (transaction) => {
          abortWith(signal, transaction);
          if (!(await db.addedDocuments.get(documentId))) return false;
          await db.addedOccurrences.where('documentId').equals(documentId).delete();
          await db.addedPassages.where('documentId').equals(documentId).delete();
          await db.addedActors.where('documentId').equals(documentId).delete();
          await db.addedTexts.delete(documentId);
          await db.addedDocuments.delete(documentId);
          return true;
        }),
      CORPUS_IS_SAFE,
      this.timeoutMs,
    );
  }

  /** The added documents, oldest first (their texts are not read). */
  list(): Promise<AddedDocument[]> {
    return guardStorage(
      () => this.db.addedDocuments.orderBy('addedAt').toArray(),
      CORPUS_IS_SAFE,
      this.timeoutMs,
    );
  }

  private recordsOf(draft: DocumentDraft, contentHash: string) {
    const id = `${ADDED_ID_PREFIX}${contentHash.slice(0, 16)}`;
    const title = draft.title.trim();
    const issuingBody = draft.issuingBody.trim();
    const actorIds = new Map<string, string>();
    const actors: Actor[] = [];
    const actorOf = ({ name, kind }: { name: string; kind: Actor['kind'] }) => {
      const key = `${kind}\u0000${name}`;
      let actorId = actorIds.get(key);
      if (!actorId) {
        actorId = `${id}:actor-${actors.length + 1}`;
        actorIds.set(key, actorId);
        actors.push({
          id: actorId,
          name,
          role: null,
          organisation: kind === 'person' ? null : name,
          country: null,
          kind,
          nameVariants: [],
          documentId: id,
          addedByUser: true,
        });
      }
      return actorId;
    };
    const issuerActorId = actorOf({ name: issuingBody, kind: 'body' });
    const byteOffsets = utf8Offsets(
      draft.text,
      draft.passages.flatMap((passage) => passage.range),
    );
    const passages: Passage[] = draft.passages.map((passage, order) => ({
      id: `${id}:p${order + 1}`,
      documentId: id,
      order,
      locator: passage.locator,
      sectionPath: passage.sectionPath,
      actorId: actorOf(passage.actor),
      kind: passage.kind,
      text: passage.text,
      format: passage.format,
      byteRange: [byteOffsets.get(passage.range[0])!, byteOffsets.get(passage.range[1])!],
      ...(passage.fields ? { fields: passage.fields } : {}),
      addedByUser: true,
    }));
    const occurrences: Occurrence[] = this.options
      .linkTerms(passages.map((passage) => passage.text))
      .flatMap((counts, order) =>
        [...counts].map(([termId, count]) => ({
          termId,
          passageId: passages[order]!.id,
          documentId: id,
          count,
          addedByUser: true as const,
        })),
      );
    const document: AddedDocument = {
      id,
      title,
      shortTitle:
        title.length > SHORT_TITLE_LENGTH ? `${title.slice(0, SHORT_TITLE_LENGTH - 1)}…` : title,
      issuingBody,
      issuerActorId,
      date: draft.date,
      dateLabel: draft.date === '' ? 'undated' : draft.date,
      place: null,
      symbol: null,
      url: draft.origin.kind === 'page' ? draft.origin.url : null,
      kind: draft.kind,
      sourceFile: draft.origin.kind === 'file' ? draft.origin.name : null,
      contentHash,
      passageCount: passages.length,
      addedByUser: true,
      addedAt: this.now().toISOString(),
      origin: draft.origin,
    };
    return { document, actors, passages, occurrences };
  }
}

const ISO_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A year, a year and month, or a day that the calendar has (not 2021-02-31). */
function isCalendarDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [, year, month, day] = match;
  if (!day) return true;
  const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return parsed.getUTCDate() === Number(day);
}

/** What is wrong with a draft, said so that the reader can fix it; null when nothing is. */
export function draftProblem(draft: DocumentDraft): string | null {
  if (draft.title.trim() === '') return 'Give the document a title.';
  if (draft.issuingBody.trim() === '') return 'Say who issued the document.';
  if (draft.title.length > MAX_FIELD_LENGTH || draft.issuingBody.length > MAX_FIELD_LENGTH) {
    return `A title or an issuing body is at most ${MAX_FIELD_LENGTH} characters.`;
  }
  if (draft.date !== '' && !isCalendarDate(draft.date)) {
    return 'Give the date as a year, a year and month, or a full date (2021, 2021-12, 2021-12-13).';
  }
  if (!(DOCUMENT_KINDS as readonly string[]).includes(draft.kind))
    return 'Choose what kind of document it is.';
  if (draft.text.trim() === '') return 'The document has no text.';
  if (draft.text.length > MAX_ADDED_TEXT_LENGTH) {
    return `The text is longer than ${MAX_ADDED_TEXT_LENGTH.toLocaleString('en')} characters.`;
  }
  if (draft.passages.length === 0) return 'No passages were found in the text.';
  if (draft.passages.length > MAX_ADDED_PASSAGES) return 'The text has too many passages.';
  const locators = new Set<string>();
  for (const passage of draft.passages) {
    const [start, end] = passage.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end)) {
      return `Passage “${passage.locator}” has no place in the text.`;
    }
    if (end > draft.text.length)
      return `Passage “${passage.locator}” runs past the end of the text.`;
    if (passage.text.trim() === '') return `Passage “${passage.locator}” is empty.`;
    if (passageText(draft.text.slice(start, end), passage.format) !== passage.text) {
      return `Passage “${passage.locator}” does not match its place in the text.`;
    }
    if (locators.has(passage.locator)) return `Two passages are both “${passage.locator}”.`;
    locators.add(passage.locator);
  }
  return null;
}

/** SHA-256 of the text's UTF-8 bytes, hex (Web Crypto: the background and Node alike). */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The UTF-8 byte offset of each of the given character offsets of `text`, in one pass. */
function utf8Offsets(text: string, offsets: readonly number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const bytes = new Map<number, number>();
  let at = 0;
  let byte = 0;
  for (const offset of sorted) {
    for (; at < offset; at++) {
      const code = text.charCodeAt(at);
      // A surrogate pair is 4 bytes, 2 for each half; a lone surrogate is written as U+FFFD.
      const paired =
        (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(at + 1))) ||
        (isLowSurrogate(code) && isHighSurrogate(text.charCodeAt(at - 1)));
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : paired ? 2 : 3;
    }
    bytes.set(offset, byte);
  }
  return bytes;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
