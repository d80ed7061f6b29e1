import type { Occurrence, Passage } from '../../utils/corpus-types';
import {
  draftAliases,
  draftSpellings,
  isUserTermId,
  MAX_USER_TERMS,
  termDraftProblem,
  USER_TERM_PREFIX,
  type TermDraft,
  type UserTerm,
} from '../../utils/user-term';
import { DraftError } from './added-corpus';
import type { PledgemarkDatabase } from './db';
import { sha256Hex } from '../../utils/content-hash';
import { abortWith, guardStorage, STORAGE_TIMEOUT_MS } from './storage-errors';

/** The reader already has a term of that name. */
export class DuplicateTermError extends Error {
  override readonly name = 'DuplicateTermError';
  /** Read by the message contract. */
  readonly code = 'duplicate';
}

/**
 * Links the passages of one document to terms, with the reader's terms as given (the glossary's
 * and theirs, compiled into one matcher): how often each passage mentions each term.
 */
export type LinkWithTerms = (
  terms: readonly UserTerm[],
) => Promise<(texts: readonly string[]) => Map<string, number>[]>;

export interface UserTermsOptions {
  linkWithTerms: LinkWithTerms;
  now?: () => Date;
  timeoutMs?: number;
}

const TERMS_ARE_SAFE = 'Your terms are as they were.';

/**
 * The terms the reader added, in a table of their own, and where every document (built-in or
 * added) mentions them, in `addedOccurrences`. Saving or deleting a term runs in one
 * transaction: a failure leaves the terms and their links as they were.
 */
export class UserTerms {
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(
    private readonly db: PledgemarkDatabase,
    private readonly options: UserTermsOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
  }

  /** The reader's terms, oldest first. */
  list(): Promise<UserTerm[]> {
    return guardStorage(
      () => this.db.addedTerms.orderBy('addedAt').toArray(),
      TERMS_ARE_SAFE,
      this.timeoutMs,
    );
  }

  /**
   * Adds a term, or (given its id) changes one, and links it to every passage that mentions it.
   * Refuses a draft with a problem, a second term of the same name, and more than the limit.
   */
  async save(draft: TermDraft, termId?: string): Promise<UserTerm> {
    const problem = termDraftProblem(draft);
    if (problem) throw new DraftError(problem);
    const terms = await this.list();
    const label = draftSpellings(draft)[0]!;
    const id = termId ?? (await userTermId(label, new Set(terms.map((term) => term.id))));
    const existing = terms.find((term) => term.id === id);
    if (termId !== undefined && !existing) {
      throw new DraftError('That term is no longer in your list: it may have been deleted.');
    }
    const sameName = terms.find(
      (term) => term.id !== id && term.label.toLowerCase() === label.toLowerCase(),
    );
    if (sameName) {
      throw new DuplicateTermError(`You already have the term “${label}”. Nothing was added.`);
    }
    if (!existing && terms.length >= MAX_USER_TERMS) {
      throw new DraftError(
        `You can keep up to ${MAX_USER_TERMS} terms; delete one to add another.`,
      );
    }
    const at = this.now().toISOString();
    const term = userTermRecord(draft, id, existing?.addedAt ?? at, at);
    const next = existing
      ? terms.map((other) => (other.id === id ? term : other))
      : [...terms, term];
    const { db } = this;
    const occurrences = termOccurrences(
      await guardStorage(() => storedPassages(db), TERMS_ARE_SAFE, this.timeoutMs),
      await this.options.linkWithTerms(next),
      new Set([id]),
    );
    await guardStorage(
      (signal) =>
        db.transaction('rw', [db.addedTerms, db.addedOccurrences], async (transaction) => {
          abortWith(signal, transaction);
          await db.addedTerms.put(term);
          await db.addedOccurrences.where('termId').equals(id).delete();
          await db.addedOccurrences.bulkAdd(occurrences);
        }),
      TERMS_ARE_SAFE,
      this.timeoutMs,
    );
    return term;
  }

  /** Deletes one of the reader's terms and its links; answers whether there was one. */
  async delete(termId: string): Promise<boolean> {
    if (!isUserTermId(termId)) throw new DraftError('Only terms you added can be deleted.');
    const { db } = this;
    return guardStorage(
      (signal) =>
        db.transaction('rw', [db.addedTerms, db.addedOccurrences], async (transaction) => {
          abortWith(signal, transaction);
          if (!(await db.addedTerms.get(termId))) return false;
          await db.addedOccurrences.where('termId').equals(termId).delete();
          await db.addedTerms.delete(termId);
          return true;
        }),
      TERMS_ARE_SAFE,
      this.timeoutMs,
    );
  }

  /**
   * Links every term of the reader's again, in every document: after the built-in corpus was
   * replaced (its passages may have changed), the links into it are made afresh.
   */
  async relinkAll(): Promise<void> {
    const terms = await this.list();
    if (terms.length === 0) return;
    const { db } = this;
    const occurrences = termOccurrences(
      await guardStorage(() => storedPassages(db), TERMS_ARE_SAFE, this.timeoutMs),
      await this.options.linkWithTerms(terms),
      new Set(terms.map((term) => term.id)),
    );
    await guardStorage(
      (signal) =>
        db.transaction('rw', [db.addedOccurrences], async (transaction) => {
          abortWith(signal, transaction);
          await db.addedOccurrences.where('termId').startsWith(USER_TERM_PREFIX).delete();
          await db.addedOccurrences.bulkAdd(occurrences);
        }),
      TERMS_ARE_SAFE,
      this.timeoutMs,
    );
  }
}

/** A term of the reader's as stored, made from its draft. */
export function userTermRecord(
  draft: TermDraft,
  id: string,
  addedAt: string,
  updatedAt: string,
): UserTerm {
  return {
    id,
    label: draftSpellings(draft)[0]!,
    category: draft.category,
    aliases: draftAliases(draft),
    definition: draft.definition.trim(),
    sourcePassageIds: [],
    related: [],
    addedByUser: true,
    addedAt,
    updatedAt,
  };
}

/**
 * A new term's id, from its name, unless another term holds that id already: a term renamed
 * keeps the id its first name gave it, so a new term of that first name takes the next free one.
 */
export async function userTermId(label: string, taken: ReadonlySet<string>): Promise<string> {
  for (let n = 0; ; n++) {
    const seed = n === 0 ? label.toLowerCase() : `${label.toLowerCase()}\u0000${n}`;
    const id = `${USER_TERM_PREFIX}${(await sha256Hex(seed)).slice(0, 16)}`;
    if (!taken.has(id)) return id;
  }
}

/** Every passage stored, built-in and added. */
export async function storedPassages(db: PledgemarkDatabase): Promise<Passage[]> {
  const [builtIn, added] = await Promise.all([db.passages.toArray(), db.addedPassages.toArray()]);
  return [...builtIn, ...added];
}

/** Where the given terms are mentioned in the passages, read with `link`, a matcher holding them. */
export function termOccurrences(
  passages: readonly Passage[],
  link: (texts: readonly string[]) => Map<string, number>[],
  termIds: ReadonlySet<string>,
): Occurrence[] {
  const byDocument = new Map<string, Passage[]>();
  for (const passage of passages) {
    const passages = byDocument.get(passage.documentId) ?? [];
    passages.push(passage);
    byDocument.set(passage.documentId, passages);
  }
  const occurrences: Occurrence[] = [];
  for (const [documentId, inDocument] of byDocument) {
    inDocument.sort((a, b) => a.order - b.order);
    link(inDocument.map((passage) => passage.text)).forEach((counts, i) => {
      for (const [termId, count] of counts) {
        if (!termIds.has(termId)) continue;
        occurrences.push({
          termId,
          passageId: inDocument[i]!.id,
          documentId,
          count,
          addedByUser: true,
        });
      }
    });
  }
  return occurrences;
}
