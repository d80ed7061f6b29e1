import { sha256Hex } from './content-hash';
import { draftProblem, draftShapeProblem, type DocumentDraft } from './document-draft';
import {
  draftSpellings,
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
/**
 * Fifty long reports; a larger file is not read. A pack file goes to the background as one
 * message, which the browsers cap at 64 MiB.
 */
export const MAX_PACK_BYTES = 50_000_000;
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

/** The pack as the file holds it. */
export function packFileText(pack: Pack): string {
  return JSON.stringify(pack);
}

const NOTHING_IMPORTED = 'Nothing was imported.';

/**
 * Reads a pack file's text: its form, its version, its seal, and every document and term in it,
 * each checked as the import view and the term form check theirs. Says what is wrong with the
 * first thing that is.
 */
export async function readPack(text: string): Promise<PackReading> {
  if (text.length > MAX_PACK_BYTES) {
    return refused(`The file is larger than a pack can be (${MAX_PACK_BYTES / 1e6} MB).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refused(
      text.trimStart().startsWith('{')
        ? 'The pack is incomplete or damaged: its text ends or breaks before its data does.'
        : 'This file is not a Pledgemark pack.',
    );
  }
  return checkPack(parsed);
}

/**
 * Checks a pack already parsed (the background checks again the pack it is asked to import):
 * everything `packShapeProblem` checks, then its seal.
 */
export async function checkPack(value: unknown): Promise<PackReading> {
  let problem: string | null;
  try {
    problem = packShapeProblem(value);
  } catch {
    // Whatever a crafted file does to the checks (nesting deep enough to exhaust the stack).
    problem = 'This file is not a Pledgemark pack.';
  }
  if (problem) return refused(problem);
  const pack = value as Pack;
  if (pack.contentHash !== (await packContentHash(pack.content))) {
    return refused(
      'The pack’s contents do not match its seal: it was changed or damaged after it was exported.',
    );
  }
  const { format, schemaVersion, createdAt, contentHash, content } = pack;
  return { ok: true, pack: { format, schemaVersion, createdAt, contentHash, content } };
}

/** What is wrong with a pack's form, version and contents, all but its seal; null if nothing. */
export function packShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'This file is not a Pledgemark pack.';
  }
  const { format, schemaVersion, createdAt, contentHash, content } = value as Record<
    string,
    unknown
  >;
  if (format !== PACK_FORMAT) return 'This file is not a Pledgemark pack.';
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    return 'The pack does not say which version of the format it is in.';
  }
  if (schemaVersion > PACK_SCHEMA_VERSION) {
    return (
      `This pack was made by a newer version of Pledgemark (pack format ${schemaVersion}; this ` +
      `one reads up to ${PACK_SCHEMA_VERSION}). Update Pledgemark, then import it again.`
    );
  }
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    return 'The pack does not say when it was made.';
  }
  if (typeof contentHash !== 'string') return 'The pack has no seal (content hash).';
  if (Object.keys(value).some((key) => !PACK_KEYS.includes(key))) {
    return 'The pack has fields this version of Pledgemark does not know.';
  }
  const problem = contentProblem(content);
  return problem ? `The pack holds something Pledgemark cannot take: ${problem}` : null;
}

const refused = (message: string): PackReading => ({
  ok: false,
  message: `${message} ${NOTHING_IMPORTED}`,
});

const PACK_KEYS = ['format', 'schemaVersion', 'createdAt', 'contentHash', 'content'];

function contentProblem(content: unknown): string | null {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return 'it has no contents.';
  }
  if (Object.keys(content).some((key) => key !== 'documents' && key !== 'terms')) {
    return 'its contents hold more than documents and terms.';
  }
  const { documents, terms } = content as Record<string, unknown>;
  if (!Array.isArray(documents) || !Array.isArray(terms)) {
    return 'its contents are not a list of documents and a list of terms.';
  }
  if (documents.length > MAX_PACK_DOCUMENTS) {
    return `more than ${MAX_PACK_DOCUMENTS} documents.`;
  }
  if (terms.length > MAX_USER_TERMS) return `more than ${MAX_USER_TERMS} terms.`;
  const texts = new Map<string, number>();
  for (const [i, document] of documents.entries()) {
    const problem = draftShapeProblem(document) ?? draftProblem(document as DocumentDraft);
    if (problem) return `document ${i + 1}: ${problem}`;
    const { text } = document as DocumentDraft;
    const first = texts.get(text);
    if (first !== undefined) return `documents ${first} and ${i + 1} have the same text.`;
    texts.set(text, i + 1);
  }
  const names = new Map<string, number>();
  for (const [i, term] of terms.entries()) {
    const problem = termDraftShapeProblem(term) ?? termDraftProblem(term as TermDraft);
    if (problem) return `term ${i + 1}: ${problem}`;
    const name = packTermName(term as TermDraft);
    const first = names.get(name);
    if (first !== undefined) return `terms ${first} and ${i + 1} have the same name.`;
    names.set(name, i + 1);
  }
  return null;
}

/** A term's name as duplicates are found by: its label, in any case (as the term form does). */
export function packTermName(term: TermDraft): string {
  return draftSpellings(term)[0]!.toLowerCase();
}
