import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GLOSSARY } from '../../data/glossary';
import { AddedCorpus } from '../../data/store/added-corpus';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries } from '../../data/store/search/queries';
import { seedCorpus } from '../../data/store/seed';
import { DuplicateTermError, UserTerms, type LinkWithTerms } from '../../data/store/user-terms';
import { withUserTerms } from '../../entrypoints/background/matcher-service';
import { createUserTermsService } from '../../entrypoints/background/user-terms-service';
import { segmentText } from '../../utils/segmenter';
import { compileMatcher, documentTermCounts, TermMatcher } from '../../utils/term-matcher';
import { termDraftProblem, type TermDraft, type UserTerm } from '../../utils/user-term';
import { CORPUS } from './corpus-fixture';
import { VERSION_6_STORES, VERSION_7_STORES } from './older-schemas';

const PACKAGED = compileMatcher(GLOSSARY);
const linkWithTerms: LinkWithTerms = async (terms) => {
  const matcher = new TermMatcher(withUserTerms(PACKAGED, terms));
  return (texts) => documentTermCounts(matcher, texts);
};

const XINJIANG: TermDraft = {
  label: 'Xinjiang',
  aliases: ['XUAR'],
  category: 'concept',
  definition: 'The Xinjiang Uyghur Autonomous Region of China.',
  cues: [],
  vetoes: [],
};

/** The built-in passages whose text names the word, as the matcher reads them. */
const mentioning = (word: RegExp) =>
  CORPUS.passages.filter((passage) => word.test(passage.text)).map((passage) => passage.id);

let db: PledgemarkDatabase;
let terms: UserTerms;
let clock: number;

beforeEach(async () => {
  db = new PledgemarkDatabase(`user-terms-${crypto.randomUUID()}`);
  await seedCorpus(db, CORPUS);
  clock = Date.parse('2026-12-07T10:00:00.000Z');
  terms = new UserTerms(db, { linkWithTerms, now: () => new Date((clock += 1000)) });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the reader’s terms', () => {
  it('are saved, marked as theirs, and linked to every passage that mentions them', async () => {
    const term = await terms.save(XINJIANG);
    expect(term).toMatchObject({
      id: expect.stringMatching(/^user-[0-9a-f]{16}$/),
      label: 'Xinjiang',
      aliases: [{ text: 'Xinjiang' }, { text: 'XUAR' }],
      addedByUser: true,
    });
    const linked = await db.addedOccurrences.where('termId').equals(term.id).toArray();
    expect(linked.map((occurrence) => occurrence.passageId).sort()).toEqual(
      mentioning(/\bXinjiang\b|\bXUAR\b/).sort(),
    );
    expect(linked.every((occurrence) => occurrence.addedByUser)).toBe(true);
  });

  it('show in search and in a term view like the glossary’s, with the positions that name them', async () => {
    const term = await terms.save(XINJIANG);
    const queries = new CorpusQueries(db);
    const detail = await queries.lookupTerm(term.id);
    expect(detail?.term).toMatchObject({ label: 'Xinjiang', addedByUser: true });
    const cited = [...detail!.commitments, ...detail!.positions].map((passage) => passage.id);
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.every((id) => mentioning(/\bXinjiang\b/).includes(id))).toBe(true);
    for (const query of ['xinj', 'XUAR', 'Xinjiang']) {
      const { terms: found } = await queries.search(query);
      expect(found[0], query).toMatchObject({ term: { id: term.id, addedByUser: true } });
    }
    const { terms: others } = await queries.search('FATF');
    expect(others.map((hit) => hit.term.id)).not.toContain(term.id);
    expect(await queries.describeTerms([term.id, 'fatf'])).toMatchObject([
      { id: term.id, addedByUser: true },
      { id: 'fatf' },
    ]);
  });

  it('change in place: a new alias links more passages; when it was added stays', async () => {
    const term = await terms.save({ ...XINJIANG, aliases: [] });
    const before = await db.addedOccurrences.where('termId').equals(term.id).count();
    const changed = await terms.save({ ...XINJIANG, aliases: ['Beijing'] }, term.id);
    expect(changed).toMatchObject({ id: term.id, addedAt: term.addedAt });
    expect(changed.updatedAt > term.updatedAt).toBe(true);
    const after = await db.addedOccurrences.where('termId').equals(term.id).toArray();
    expect(after.length).toBeGreaterThan(before);
    expect(after.map((occurrence) => occurrence.passageId).sort()).toEqual(
      mentioning(/\bXinjiang\b|\bBeijing\b/).sort(),
    );
    expect(await terms.list()).toHaveLength(1);
  });

  it('take a new term of a renamed term’s first name, under an id of its own', async () => {
    const first = await terms.save(XINJIANG);
    await terms.save({ ...XINJIANG, label: 'Xinjiang region', aliases: [] }, first.id);
    const again = await terms.save(XINJIANG);
    expect(again.id).not.toBe(first.id);
    expect((await terms.list()).map((term) => term.label)).toEqual(['Xinjiang region', 'Xinjiang']);
  });

  it('refuse a second term of the same name, a draft with a problem, and an unknown id', async () => {
    await terms.save(XINJIANG);
    await expect(terms.save({ ...XINJIANG, label: 'XINJIANG ' })).rejects.toBeInstanceOf(
      DuplicateTermError,
    );
    await expect(terms.save({ ...XINJIANG, label: 'X', aliases: [] })).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/one character/),
    });
    await expect(terms.save(XINJIANG, 'user-gone')).rejects.toMatchObject({
      code: 'bad-request',
    });
    expect(await terms.list()).toHaveLength(1);
  });

  it('are deleted with their links and nothing else', async () => {
    const builtInLinks = await db.occurrences.count();
    const term = await terms.save(XINJIANG);
    expect(await terms.delete(term.id)).toBe(true);
    expect(await terms.delete(term.id)).toBe(false);
    expect(await terms.list()).toEqual([]);
    expect(await db.addedOccurrences.count()).toBe(0);
    expect(await db.occurrences.count()).toBe(builtInLinks);
    await expect(terms.delete('fatf')).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('a save that fails in the database leaves the terms and their links as they were', async () => {
    const term = await terms.save(XINJIANG);
    const links = await db.addedOccurrences.count();
    vi.spyOn(db.addedOccurrences, 'bulkAdd').mockRejectedValueOnce(
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
    );
    await expect(terms.save({ ...XINJIANG, aliases: ['Beijing'] }, term.id)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/Your terms are as they were/),
    });
    expect(await terms.list()).toEqual([term]);
    expect(await db.addedOccurrences.count()).toBe(links);
  });

  it('are linked again into a new built-in corpus, where its passages changed', async () => {
    const term = await terms.save(XINJIANG);
    const renamed = {
      ...CORPUS,
      hash: 'another-corpus',
      passages: CORPUS.passages.map((passage) => ({ ...passage, id: `${passage.id}-v2` })),
      occurrences: [],
    };
    await seedCorpus(db, renamed);
    await terms.relinkAll();
    const linked = await db.addedOccurrences.where('termId').equals(term.id).toArray();
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((occurrence) => occurrence.passageId.endsWith('-v2'))).toBe(true);
  });

  it('are linked in the documents the reader added before them', async () => {
    const added = new AddedCorpus(db, {
      linkTerms: (texts) => documentTermCounts(new TermMatcher(PACKAGED), texts),
    });
    const text = 'Statement on the region\n\n1. Calls upon all parties to respect rights in XUAR.';
    const document = await added.add({
      title: 'Statement on the region',
      issuingBody: 'Example Council',
      date: '2026-12-01',
      kind: 'statement',
      origin: { kind: 'paste' },
      text,
      passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
    });
    const term = await terms.save(XINJIANG);
    const linked = await db.addedOccurrences
      .where({ termId: term.id, documentId: document.id })
      .toArray();
    const passages = await db.addedPassages.bulkGet(
      linked.map((occurrence) => occurrence.passageId),
    );
    expect(passages.map((passage) => passage?.text)).toEqual([
      expect.stringContaining('respect rights in XUAR'),
    ]);
  });

  it('are linked in a document added after them, and go from it when it is deleted', async () => {
    const term = await terms.save(XINJIANG);
    const matcher = new TermMatcher(withUserTerms(PACKAGED, await terms.list()));
    const added = new AddedCorpus(db, { linkTerms: (texts) => documentTermCounts(matcher, texts) });
    const text = 'Statement on Xinjiang\n\n1. Calls upon all parties to respect rights in XUAR.';
    const document = await added.add({
      title: 'Statement on Xinjiang',
      issuingBody: 'Example Council',
      date: '2026-12-01',
      kind: 'statement',
      origin: { kind: 'paste' },
      text,
      passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
    });
    const inDocument = () =>
      db.addedOccurrences.where({ termId: term.id, documentId: document.id }).count();
    expect(await inDocument()).toBeGreaterThan(0);
    await added.delete(document.id);
    expect(await inDocument()).toBe(0);
    expect(await db.addedOccurrences.where('termId').equals(term.id).count()).toBeGreaterThan(0);
  });
});

describe('the draft checks', () => {
  const draft = (change: Partial<TermDraft>): TermDraft => ({ ...XINJIANG, ...change });
  it('say what to fix', () => {
    expect(termDraftProblem(draft({}))).toBeNull();
    expect(termDraftProblem(draft({ label: ' ', aliases: [] }))).toMatch(/name/);
    expect(termDraftProblem(draft({ label: '---', aliases: [] }))).toMatch(/letter or digit/);
    expect(termDraftProblem(draft({ aliases: [], cues: ['rights'] }))).toMatch(/acronym/);
    expect(termDraftProblem(draft({ vetoes: ['software'] }))).toMatch(/at least one cue/);
    expect(termDraftProblem(draft({ cues: ['rights'], vetoes: ['software'] }))).toBeNull();
  });
});

describe('the reader’s terms service', () => {
  it('links, tells the matcher and the search that terms changed, and lists them', async () => {
    const userTermsChanged = vi.fn(async () => undefined);
    const queries = new CorpusQueries(db);
    const forget = vi.spyOn(queries, 'userTermsChanged');
    const service = createUserTermsService({
      db,
      queries,
      ensureSeeded: async () => undefined,
      compileWith: async (saved: readonly UserTerm[]) => withUserTerms(PACKAGED, saved),
      userTermsChanged,
    });
    const saved = await service.handlers.saveTerm({ draft: XINJIANG }, {});
    expect(saved).toMatchObject({
      term: { label: 'Xinjiang', addedByUser: true },
      draft: XINJIANG,
      passageCount: mentioning(/\bXinjiang\b|\bXUAR\b/).length,
    });
    expect(userTermsChanged).toHaveBeenCalledTimes(1);
    expect(forget).toHaveBeenCalledTimes(1);
    expect(await service.handlers.listUserTerms({}, {})).toEqual([saved]);
    expect(await service.handlers.deleteTerm({ termId: saved.term.id }, {})).toEqual({
      deleted: true,
    });
    expect(userTermsChanged).toHaveBeenCalledTimes(2);
    expect(await service.handlers.deleteTerm({ termId: saved.term.id }, {})).toEqual({
      deleted: false,
    });
    expect(userTermsChanged).toHaveBeenCalledTimes(2);
  });
});

describe('upgrading to version 7', () => {
  it('adds the terms table and keeps clips, the corpus and the reader’s documents', async () => {
    const name = `pledgemark-terms-upgrade-${crypto.randomUUID()}`;
    const older = new Dexie(name);
    older.version(6).stores(VERSION_6_STORES);
    const clip = { passageId: 'appf-2021:op2', position: 1, createdAt: '2026-01-01T00:00:00.000Z' };
    const addedDocument = { id: 'added-0123', contentHash: 'abc', addedAt: '2026-11-30' };
    await older.table('clips').add(clip);
    await older.table('documents').bulkAdd(CORPUS.documents);
    await older.table('addedDocuments').add(addedDocument);
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    try {
      expect(await upgraded.clips.toArray()).toEqual([{ ...clip, id: 1 }]);
      expect(await upgraded.documents.count()).toBe(CORPUS.documents.length);
      expect(await upgraded.addedDocuments.toArray()).toEqual([addedDocument]);
      expect(await upgraded.addedTerms.count()).toBe(0);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('upgrading to version 8', () => {
  it('drops the unread indexes of the reader’s tables and keeps every record, still found by document and term', async () => {
    const name = `pledgemark-indexes-upgrade-${crypto.randomUUID()}`;
    const older = new Dexie(name);
    older.version(7).stores(VERSION_7_STORES);
    const passage = {
      id: 'added-0123:p1',
      documentId: 'added-0123',
      actorId: 'a',
      kind: 'commitment',
      order: 0,
    };
    const occurrence = {
      termId: 'user-1',
      passageId: 'added-0123:p1',
      documentId: 'added-0123',
      count: 2,
    };
    const term = { id: 'user-1', label: 'Xinjiang', addedAt: '2026-12-07T10:00:00.000Z' };
    await older.table('addedPassages').add(passage);
    await older.table('addedOccurrences').add(occurrence);
    await older.table('addedTerms').add(term);
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    try {
      expect(
        await upgraded.addedPassages.where('documentId').equals('added-0123').toArray(),
      ).toEqual([passage]);
      expect(await upgraded.addedOccurrences.where('termId').equals('user-1').toArray()).toEqual([
        occurrence,
      ]);
      expect(await upgraded.addedOccurrences.where('documentId').equals('added-0123').count()).toBe(
        1,
      );
      expect(await upgraded.addedTerms.toArray()).toEqual([term]);
      expect(upgraded.addedPassages.schema.indexes.map((index) => index.name)).toEqual([
        'documentId',
      ]);
      expect(upgraded.addedOccurrences.schema.indexes.map((index) => index.name).sort()).toEqual([
        'documentId',
        'termId',
      ]);
    } finally {
      await upgraded.delete();
    }
  });
});
