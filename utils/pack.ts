import { sha256Hex } from './content-hash';
import { draftProblem, draftShapeProblem, type DocumentDraft } from './document-draft';
import {
  MAX_USER_TERMS,
  termDraftProblem,
  termDraftShapeProblem,
  type TermDraft,
} from './user-term';

/**
 * A corpus pack: the reader's own documents and terms in one JSON file, to hand to a colleague
 * with no server in between. Versioned (`schemaVersion`) and sealed by the SHA-256 of its
 * contents, so that a pack from a newer Pledgemark, or one changed or cut short on the way, is
 * refused with a message that says so, before anything is imported.
 */

export const PACK_FORMAT = 'pledgemark-pack';
export const PACK_SCHEMA_VERSION = 1;
/** Larger than fifty long reports; a larger file is not read. */
export const MAX_PACK_BYTES = 200_000_000;
export const MAX_PACK_DOCUMENTS = 1_000;

export interface PackContent {
  /** Each as the import view confirmed it: text, passages and what it is cited by. */
  documents: DocumentDraft[];
  terms: TermDraft[];
}

export interface Pack {
  format: typeof PACK_FORMAT;
  schemaVersion: number;
  /** When it was exported (ISO time). */
  createdAt: string;
  /** SHA-256 of the contents' canonical JSON (keys in order, no spaces), hex. */
  contentHash: string;
  content: PackContent;
}

export type PackReading = { ok: true; pack: Pack } | { ok: false; message: string };

/** JSON with every object's keys in order: the same contents always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function packContentHash(content: PackContent): Promise<string> {
  return sha256Hex(canonicalJson(content));
}

/** Seals the reader's documents and terms into a pack. */
export async function buildPack(content: PackContent, now = new Date()): Promise<Pack> {
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    createdAt: now.toISOString(),
    contentHash: await packContentHash(content),
    content,
  };
}

const NOTHING_IMPORTED = 'Nothing was imported.';

/**
 * Reads a pack file's text: its form, its version, its seal, and every document and term in it,
 * each checked as the import view and the term form check theirs. Says what is wrong with the
 * first thing that is.
 */
export async function readPack(text: string): Promise<PackReading> {
  const refuse = (message: string): PackReading => ({
    ok: false,
    message: `${message} ${NOTHING_IMPORTED}`,
  });
  if (text.length > MAX_PACK_BYTES) {
    return refuse(`The file is larger than a pack can be (${MAX_PACK_BYTES / 1e6} MB).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(
      text.trimStart().startsWith('{')
        ? 'The pack is incomplete or damaged: its text ends or breaks before its data does.'
        : 'This file is not a Pledgemark pack.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('This file is not a Pledgemark pack.');
  }
  const { format, schemaVersion, createdAt, contentHash, content } = parsed as Record<
    string,
    unknown
  >;
  if (format !== PACK_FORMAT) return refuse('This file is not a Pledgemark pack.');
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    return refuse('The pack does not say which version of the format it is in.');
  }
  if (schemaVersion > PACK_SCHEMA_VERSION) {
    return refuse(
      `This pack was made by a newer version of Pledgemark (pack format ${schemaVersion}; this ` +
        `one reads up to ${PACK_SCHEMA_VERSION}). Update Pledgemark, then import it again.`,
    );
  }
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    return refuse('The pack does not say when it was made.');
  }
  const problem = contentProblem(content);
  if (problem) return refuse(`The pack holds something Pledgemark cannot take: ${problem}`);
  const checked = content as PackContent;
  if (typeof contentHash !== 'string' || contentHash !== (await packContentHash(checked))) {
    return refuse(
      'The pack’s contents do not match its seal: it was changed or damaged after it was exported.',
    );
  }
  return {
    ok: true,
    pack: { format: PACK_FORMAT, schemaVersion, createdAt, contentHash, content: checked },
  };
}

function contentProblem(content: unknown): string | null {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return 'it has no contents.';
  }
  const { documents, terms } = content as Record<string, unknown>;
  if (!Array.isArray(documents) || !Array.isArray(terms)) {
    return 'its contents are not a list of documents and a list of terms.';
  }
  if (documents.length > MAX_PACK_DOCUMENTS) {
    return `more than ${MAX_PACK_DOCUMENTS} documents.`;
  }
  if (terms.length > MAX_USER_TERMS) return `more than ${MAX_USER_TERMS} terms.`;
  for (const [i, document] of documents.entries()) {
    const problem = draftShapeProblem(document) ?? draftProblem(document as DocumentDraft) ?? null;
    if (problem) return `document ${i + 1}: ${problem}`;
  }
  for (const [i, term] of terms.entries()) {
    const problem = termDraftShapeProblem(term) ?? termDraftProblem(term as TermDraft);
    if (problem) return `term ${i + 1}: ${problem}`;
  }
  return null;
}
