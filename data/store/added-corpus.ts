import {
  ADDED_ID_PREFIX,
  type Actor,
  type AddedDocument,
  type Occurrence,
  type Passage,
} from '../../utils/corpus-types';
import { draftProblem, type DocumentDraft } from '../../utils/document-draft';
import { ADDED_TABLES, type PledgemarkDatabase } from './db';
import { sha256Hex } from '../../utils/content-hash';
import { utf8Offsets } from '../../utils/utf8-offsets';
import { abortWith, guardStorage, STORAGE_TIMEOUT_MS } from './storage-errors';

const SHORT_TITLE_LENGTH = 60;

/** A draft the store refuses, with what to change; the corpus is left as it was. */
export class DraftError extends Error {
  override readonly name = 'DraftError';
  /** Read by the message contract: the request was refused, not failed. */
  readonly code = 'bad-request';
}

/** The same text is already in the corpus (recognised by its content hash). */
export class DuplicateDocumentError extends Error {
  override readonly name = 'DuplicateDocumentError';
  /** Read by the message contract. */
  readonly code = 'duplicate';
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
    const records = addedDocumentRecords(
      draft,
      contentHash,
      this.now().toISOString(),
      this.options.linkTerms,
    );
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
}

/** An added document's records, as `AddedCorpus.add` stores them: ids from its content hash. */
export function addedDocumentRecords(
  draft: DocumentDraft,
  contentHash: string,
  addedAt: string,
  linkTerms: LinkTerms,
) {
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
  const occurrences: Occurrence[] = linkTerms(passages.map((passage) => passage.text)).flatMap(
    (counts, order) =>
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
    addedAt,
    origin: draft.origin,
  };
  return { document, actors, passages, occurrences };
}
