import type { AddedDocument, Passage } from '../../utils/corpus-types';
import { sha256Hex } from '../../utils/content-hash';
import type { DocumentDraft } from '../../utils/document-draft';
import { packTermName, type PackContent } from '../../utils/pack';
import { draftSpellings, MAX_USER_TERMS, termToDraft, type UserTerm } from '../../utils/user-term';
import { byteToCharOffsets } from '../../utils/utf8-offsets';
import type { PackPlan } from '../../utils/views';
import { addedDocumentRecords, DraftError } from './added-corpus';
import { ADDED_TABLES, type PledgemarkDatabase } from './db';
import type { IndexedCorpus } from './search/search-index';
import { abortWith, guardStorage, STORAGE_TIMEOUT_MS } from './storage-errors';
import {
  storedPassages,
  termOccurrences,
  userTermId,
  userTermRecord,
  type LinkWithTerms,
} from './user-terms';

export interface PackImport {
  documents: AddedDocument[];
  terms: UserTerm[];
  /** The new documents' records as written, for the search index to take in without reading. */
  written: IndexedCorpus;
  /** Left out because the reader has them already. */
  documentsSkipped: number;
  termsSkipped: number;
}

export interface CorpusPacksOptions {
  linkWithTerms: LinkWithTerms;
  now?: () => Date;
  timeoutMs?: number;
}

const CORPUS_IS_SAFE = 'Your corpus is as it was: nothing was imported.';

/**
 * The reader's documents and terms as a pack's contents, and a colleague's pack taken in. An
 * import runs in one transaction over every table it writes: any failure (a full disk, a
 * document added meanwhile) leaves the corpus and terms as they were.
 */
export class CorpusPacks {
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(
    private readonly db: PledgemarkDatabase,
    private readonly options: CorpusPacksOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
  }

  /**
   * Every document and term the reader added, oldest first, each as the import view and the term
   * form would hand it in: importing them gives the same records again.
   */
  async export(): Promise<PackContent> {
    const { db } = this;
    return guardStorage(
      () =>
        db.transaction(
          'r',
          [db.addedDocuments, db.addedTexts, db.addedPassages, db.addedActors, db.addedTerms],
          async () => {
            const documents: DocumentDraft[] = [];
            for (const document of await db.addedDocuments.orderBy('addedAt').toArray()) {
              documents.push(await this.draftOf(document));
            }
            const terms = await db.addedTerms.orderBy('addedAt').toArray();
            return { documents, terms: terms.map(termToDraft) };
          },
        ),
      'Your corpus is as it was.',
      this.timeoutMs,
    );
  }

  /** Which of a pack's documents and terms the reader has already. */
  async plan(content: PackContent): Promise<Omit<PackPlan, 'createdAt'>> {
    const { hashes, existing, termNames } = await this.existing(content);
    return {
      documents: content.documents.map((draft, i) => ({
        title: draft.title.trim(),
        issuingBody: draft.issuingBody.trim(),
        date: draft.date,
        passageCount: draft.passages.length,
        alreadyAs: pick(existing.get(hashes[i]!)),
      })),
      terms: content.terms.map((term) => ({
        label: draftSpellings(term)[0]!,
        alreadyYours: termNames.has(packTermName(term)),
      })),
    };
  }

  /**
   * Adds the pack's documents and terms that the reader does not have, all or nothing. Each new
   * document is linked to every term, the pack's included; each new term to every passage.
   */
  async import(content: PackContent): Promise<PackImport> {
    const { db } = this;
    const { hashes, existing, terms, termNames } = await this.existing(content);
    const start = this.now().getTime();
    // One moment for the whole import, a millisecond apart, so that lists keep the pack's order.
    const at = (i: number) => new Date(start + i).toISOString();
    const newTerms: UserTerm[] = [];
    const takenIds = new Set(terms.map((term) => term.id));
    for (const [i, draft] of content.terms.entries()) {
      if (termNames.has(packTermName(draft))) continue;
      const id = await userTermId(draftSpellings(draft)[0]!, takenIds);
      takenIds.add(id);
      newTerms.push(userTermRecord(draft, id, at(i), at(i)));
    }
    if (terms.length + newTerms.length > MAX_USER_TERMS) {
      throw new DraftError(
        `The pack would take you past ${MAX_USER_TERMS} terms of your own. ${CORPUS_IS_SAFE}`,
      );
    }
    const link = await this.options.linkWithTerms([...terms, ...newTerms]);
    const termLinks =
      newTerms.length === 0
        ? []
        : termOccurrences(
            await guardStorage(() => storedPassages(db), CORPUS_IS_SAFE, this.timeoutMs),
            link,
            new Set(newTerms.map((term) => term.id)),
          );
    const newDocuments = content.documents.flatMap((draft, i) =>
      existing.has(hashes[i]!)
        ? []
        : [{ text: draft.text, ...addedDocumentRecords(draft, hashes[i]!, at(i), link) }],
    );
    const recordCount =
      termLinks.length +
      newDocuments.reduce(
        (sum, { passages, occurrences }) => sum + passages.length + occurrences.length,
        0,
      );
    await guardStorage(
      (signal) =>
        db.transaction('rw', [...ADDED_TABLES, 'addedTerms'], async (transaction) => {
          abortWith(signal, transaction);
          // Checked again inside the transaction: the same text or a term of the same id added
          // meanwhile (in another tab) would otherwise make a write fail half-way.
          const added = await db.addedDocuments
            .where('contentHash')
            .anyOf(newDocuments.map(({ document }) => document.contentHash))
            .first();
          if (added) {
            throw new DraftError(`“${added.title}” was added meanwhile. ${CORPUS_IS_SAFE}`);
          }
          const named = await db.addedTerms.bulkGet(newTerms.map((term) => term.id));
          if (named.some(Boolean)) {
            throw new DraftError(`A term of the pack was added meanwhile. ${CORPUS_IS_SAFE}`);
          }
          await db.addedDocuments.bulkAdd(newDocuments.map(({ document }) => document));
          await db.addedTexts.bulkAdd(
            newDocuments.map(({ document, text }) => ({ documentId: document.id, text })),
          );
          await db.addedActors.bulkAdd(newDocuments.flatMap(({ actors }) => actors));
          await db.addedPassages.bulkAdd(newDocuments.flatMap(({ passages }) => passages));
          await db.addedOccurrences.bulkAdd([
            ...newDocuments.flatMap(({ occurrences }) => occurrences),
            ...termLinks,
          ]);
          await db.addedTerms.bulkAdd(newTerms);
        }),
      CORPUS_IS_SAFE,
      // A large pack writes tens of thousands of records: a millisecond more for each.
      this.timeoutMs + recordCount,
    );
    return {
      documents: newDocuments.map(({ document }) => document),
      terms: newTerms,
      written: {
        documents: newDocuments.map(({ document }) => document),
        passages: newDocuments.flatMap(({ passages }) => passages),
        actors: newDocuments.flatMap(({ actors }) => actors),
        occurrences: newDocuments.flatMap(({ occurrences }) => occurrences),
      },
      documentsSkipped: content.documents.length - newDocuments.length,
      termsSkipped: content.terms.length - newTerms.length,
    };
  }

  /** The pack's documents' content hashes, and what the reader has of them and of its terms. */
  private async existing(content: PackContent) {
    const { db } = this;
    const hashes = await Promise.all(content.documents.map((draft) => sha256Hex(draft.text)));
    const [documents, terms] = await guardStorage(
      () =>
        Promise.all([
          db.addedDocuments.where('contentHash').anyOf(hashes).toArray(),
          db.addedTerms.orderBy('addedAt').toArray(),
        ]),
      CORPUS_IS_SAFE,
      this.timeoutMs,
    );
    return {
      hashes,
      existing: new Map(documents.map((document) => [document.contentHash, document])),
      terms,
      termNames: new Set(terms.map((term) => term.label.toLowerCase())),
    };
  }

  /** A stored document as its draft: passages with character ranges, actors by name. */
  private async draftOf(document: AddedDocument): Promise<DocumentDraft> {
    const { db } = this;
    const [stored, passages, actors] = await Promise.all([
      db.addedTexts.get(document.id),
      db.addedPassages.where('documentId').equals(document.id).sortBy('order'),
      db.addedActors.where('documentId').equals(document.id).toArray(),
    ]);
    if (!stored) throw new Error(`The text of “${document.title}” is missing from the database.`);
    const toChar = byteToCharOffsets(stored.text);
    const actorOf = new Map(actors.map((actor) => [actor.id, actor]));
    return {
      title: document.title,
      issuingBody: document.issuingBody,
      date: document.date,
      kind: document.kind,
      origin: document.origin,
      text: stored.text,
      passages: passages.map((passage: Passage) => {
        const actor = actorOf.get(passage.actorId);
        if (!actor) throw new Error(`A speaker in “${document.title}” is missing.`);
        return {
          locator: passage.locator,
          sectionPath: passage.sectionPath,
          kind: passage.kind,
          actor: { name: actor.name, kind: actor.kind },
          text: passage.text,
          format: passage.format,
          ...(passage.fields ? { fields: passage.fields } : {}),
          range: [toChar(passage.byteRange[0]), toChar(passage.byteRange[1])],
        };
      }),
    };
  }
}

const pick = (document: AddedDocument | undefined) =>
  document ? { id: document.id, title: document.title, addedAt: document.addedAt } : null;
