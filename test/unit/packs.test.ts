import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GLOSSARY } from '../../data/glossary';
import { AddedCorpus, DraftError } from '../../data/store/added-corpus';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusPacks } from '../../data/store/packs';
import { seedCorpus } from '../../data/store/seed';
import { StorageError } from '../../data/store/storage-errors';
import { UserTerms, type LinkWithTerms } from '../../data/store/user-terms';
import { withUserTerms } from '../../entrypoints/background/matcher-service';
import type { DocumentDraft } from '../../utils/document-draft';
import { buildPack, readPack, type PackContent } from '../../utils/pack';
import { segmentText } from '../../utils/segmenter';
import { compileMatcher, documentTermCounts, TermMatcher } from '../../utils/term-matcher';
import type { TermDraft } from '../../utils/user-term';
import { CORPUS } from './corpus-fixture';

const PACKAGED = compileMatcher(GLOSSARY);
const linkWithTerms: LinkWithTerms = async (terms) => {
  const matcher = new TermMatcher(withUserTerms(PACKAGED, terms));
  return (texts) => documentTermCounts(matcher, texts);
};

function draft(title: string, lines: string[], origin: DocumentDraft['origin']): DocumentDraft {
  const text = lines.join('\n\n');
  return {
    title,
    issuingBody: 'Example Council',
    date: '2026-11-30',
    kind: 'resolution',
    origin,
    text,
    passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
  };
}

/** Non-ASCII text before the passages, so that byte and character offsets differ. */
const BORDERS = draft(
  'Résolution sur les données aux frontières',
  [
    'Résolution sur les données aux frontières — 🛂',
    'Le Conseil, rappelant ses résolutions sur les combattants terroristes étrangers,',
    '1. Decides that Member States shall collect Passenger Name Record data in Xinjiang;',
    '2. Calls upon Member States to share Advance Passenger Information with Côte d’Ivoire.',
  ],
  { kind: 'file', name: 'frontieres.txt' },
);
const FINANCE = draft(
  'Statement on cash couriers',
  [
    'Statement on cash couriers',
    'The Task Force is concerned that cash couriers move terrorist financing across borders.',
    '1. Urges states to report cash couriers to the FATF.',
  ],
  { kind: 'page', url: 'https://example.org/statement' },
);

const XINJIANG: TermDraft = {
  label: 'Xinjiang',
  aliases: ['XUAR'],
  category: 'concept',
  definition: 'The Xinjiang Uyghur Autonomous Region of China.',
  cues: [],
  vetoes: [],
};
const COURIERS: TermDraft = {
  label: 'cash couriers',
  aliases: ['CC'],
  category: 'concept',
  definition: '',
  cues: ['cash', 'border'],
  vetoes: ['carbon'],
};

let databases: PledgemarkDatabase[] = [];
async function seededDatabase() {
  const db = new PledgemarkDatabase(`packs-${crypto.randomUUID()}`);
  databases.push(db);
  await seedCorpus(db, CORPUS);
  return db;
}
const packsOf = (db: PledgemarkDatabase, at = '2026-12-08T09:00:00.000Z') =>
  new CorpusPacks(db, { linkWithTerms, now: () => new Date(at) });

/** A reader's corpus: two documents and two terms, the terms added after the documents. */
async function readersCorpus() {
  const db = await seededDatabase();
  const link = await linkWithTerms([]);
  const documents = new AddedCorpus(db, { linkTerms: link });
  await documents.add(BORDERS);
  await documents.add(FINANCE);
  const terms = new UserTerms(db, { linkWithTerms });
  await terms.save(XINJIANG);
  await terms.save(COURIERS);
  return db;
}

/** The records an import writes, without the moment they were written. */
async function records(db: PledgemarkDatabase) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const [documents, texts, passages, actors, occurrences, terms] = await Promise.all([
    db.addedDocuments.toArray(),
    db.addedTexts.toArray(),
    db.addedPassages.toArray(),
    db.addedActors.toArray(),
    db.addedOccurrences.toArray(),
    db.addedTerms.toArray(),
  ]);
  return {
    documents: documents.map(({ addedAt: _, ...rest }) => rest).sort(byId),
    texts: texts.sort((a, b) => (a.documentId < b.documentId ? -1 : 1)),
    passages: passages.sort(byId),
    actors: actors.sort(byId),
    occurrences: occurrences
      .map(({ termId, passageId, count }) => `${termId} ${passageId} ${count}`)
      .sort(),
    terms: terms.map(({ addedAt: _, updatedAt: __, ...rest }) => rest).sort(byId),
  };
}

beforeEach(() => {
  databases = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(databases.map((db) => db.delete()));
});

describe('exporting a pack', () => {
  it('holds every added document as its draft, ranges in characters, and every term as its form', async () => {
    const content = await packsOf(await readersCorpus()).export();
    expect(content.documents).toEqual([BORDERS, FINANCE]);
    expect(content.terms).toEqual([XINJIANG, COURIERS]);
  });

  it('of a reader with nothing of their own is an empty pack', async () => {
    expect(await packsOf(await seededDatabase()).export()).toEqual({ documents: [], terms: [] });
  });
});

describe('importing a pack', () => {
  it('round trip: exported, read from its file and imported into another profile, it gives the same records', async () => {
    const source = await readersCorpus();
    const file = JSON.stringify(await buildPack(await packsOf(source).export()));
    const reading = await readPack(file);
    if (!reading.ok) throw new Error(reading.message);

    const target = await seededDatabase();
    const imported = await packsOf(target).import(reading.pack.content);
    expect(imported.documents.map((document) => document.title)).toEqual([
      BORDERS.title,
      FINANCE.title,
    ]);
    expect(imported.terms.map((term) => term.label)).toEqual(['Xinjiang', 'cash couriers']);
    expect(await records(target)).toEqual(await records(source));
    // The reader's terms are linked into built-in documents as well as into the pack's.
    const linked = await target.addedOccurrences
      .where('termId')
      .equals(imported.terms[0]!.id)
      .toArray();
    expect(linked.some((occurrence) => !occurrence.passageId.startsWith('added-'))).toBe(true);
    expect(linked.some((occurrence) => occurrence.passageId.startsWith('added-'))).toBe(true);
    // And it exports again as the same pack, in the same order.
    expect(await packsOf(target).export()).toEqual(reading.pack.content);
  });

  it('shows first what is new and what the reader has already, by content hash and by name', async () => {
    const target = await seededDatabase();
    await new AddedCorpus(target, { linkTerms: await linkWithTerms([]) }).add(FINANCE);
    await new UserTerms(target, { linkWithTerms }).save({ ...COURIERS, label: 'Cash Couriers' });
    const content: PackContent = { documents: [BORDERS, FINANCE], terms: [XINJIANG, COURIERS] };

    const plan = await packsOf(target).plan(content);
    expect(plan.documents).toEqual([
      expect.objectContaining({
        title: BORDERS.title,
        passageCount: BORDERS.passages.length,
        alreadyAs: null,
      }),
      expect.objectContaining({
        title: FINANCE.title,
        alreadyAs: expect.objectContaining({ title: FINANCE.title }),
      }),
    ]);
    expect(plan.terms).toEqual([
      { label: 'Xinjiang', alreadyYours: false },
      { label: 'cash couriers', alreadyYours: true },
    ]);
    expect(await target.addedDocuments.count()).toBe(1);

    const imported = await packsOf(target).import(content);
    expect(imported).toMatchObject({ documentsSkipped: 1, termsSkipped: 1 });
    expect(imported.documents.map((document) => document.title)).toEqual([BORDERS.title]);
    expect(imported.terms.map((term) => term.label)).toEqual(['Xinjiang']);
    // The reader's own "Cash Couriers" is kept as it was, and links into the new document.
    const kept = await target.addedTerms.toArray();
    expect(kept.map((term) => term.label).sort()).toEqual(['Cash Couriers', 'Xinjiang']);
  });

  it('takes a term whose name the reader gave up by renaming theirs', async () => {
    const target = await seededDatabase();
    const terms = new UserTerms(target, { linkWithTerms });
    const renamed = await terms.save(XINJIANG);
    await terms.save({ ...XINJIANG, label: 'Xinjiang region', aliases: [] }, renamed.id);
    const plan = await packsOf(target).plan({ documents: [], terms: [XINJIANG] });
    expect(plan.terms).toEqual([{ label: 'Xinjiang', alreadyYours: false }]);
    const imported = await packsOf(target).import({ documents: [], terms: [XINJIANG] });
    expect(imported.terms.map((term) => term.label)).toEqual(['Xinjiang']);
    expect(imported.terms[0]!.id).not.toBe(renamed.id);
    expect(await target.addedTerms.count()).toBe(2);
  });

  it('of a pack the reader has whole adds nothing', async () => {
    const db = await readersCorpus();
    const before = await records(db);
    const imported = await packsOf(db).import(await packsOf(db).export());
    expect(imported).toMatchObject({
      documents: [],
      terms: [],
      documentsSkipped: 2,
      termsSkipped: 2,
    });
    expect(await records(db)).toEqual(before);
  });

  it('is all or nothing: a write that fails half-way leaves every table as it was', async () => {
    const source = await readersCorpus();
    const content = await packsOf(source).export();
    const target = await seededDatabase();
    const before = await records(target);
    vi.spyOn(target.addedTerms, 'bulkAdd').mockRejectedValue(
      new DOMException('The disk is full', 'QuotaExceededError'),
    );
    await expect(packsOf(target).import(content)).rejects.toBeInstanceOf(StorageError);
    expect(await records(target)).toEqual(before);
  });

  it('refuses to take the reader past the limit of terms, importing nothing', async () => {
    const target = await seededDatabase();
    const many: TermDraft[] = Array.from({ length: 2001 }, (_, i) => ({
      ...XINJIANG,
      label: `Operation ${i}`,
      aliases: [],
    }));
    await expect(packsOf(target).import({ documents: [FINANCE], terms: many })).rejects.toThrow(
      DraftError,
    );
    expect(await records(target)).toEqual(await records(await seededDatabase()));
  });

  it('refuses a document added while it was being imported, importing nothing', async () => {
    const target = await seededDatabase();
    const packs = packsOf(target);
    const link = await linkWithTerms([]);
    // The reader adds the same text in another tab between the plan and the write.
    const original = target.transaction.bind(target);
    vi.spyOn(target, 'transaction').mockImplementationOnce((async (...args: unknown[]) => {
      await new AddedCorpus(target, { linkTerms: link }).add(BORDERS);
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as unknown as typeof target.transaction);
    await expect(
      packs.import({ documents: [BORDERS, FINANCE], terms: [XINJIANG] }),
    ).rejects.toThrow(/added meanwhile/);
    expect(await target.addedDocuments.count()).toBe(1);
    expect(await target.addedTerms.count()).toBe(0);
  });
});
