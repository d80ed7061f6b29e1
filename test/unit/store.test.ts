import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Corpus } from '../../utils/corpus-types';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries, RECENT_MATCHES } from '../../data/store/search/queries';
import { MAX_QUERY_WORDS } from '../../data/store/search/query-words';
import { loadSearchIndex } from '../../data/store/search/search-index';
import { WordIndex } from '../../data/store/search/word-index';
import { seedCorpus, seedFromSource } from '../../data/store/seed';
import { citationText } from '../../utils/citation';
import { toCitedPassage } from '../../utils/views';
import { CORPUS } from './corpus-fixture';
import { VERSION_1_STORES, VERSION_4_STORES } from './older-schemas';

let db: PledgemarkDatabase;
let dbCount = 0;

beforeEach(() => {
  db = new PledgemarkDatabase(`pledgemark-test-${++dbCount}`);
});
afterEach(async () => {
  await db.delete();
});

describe('seedCorpus', () => {
  it('stores every record of the corpus with its hash', async () => {
    expect(await seedCorpus(db, CORPUS)).toEqual({ status: 'seeded', hash: CORPUS.hash });
    expect(await db.documents.count()).toBe(5);
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
    expect(await db.actors.count()).toBe(CORPUS.actors.length);
    expect(await db.terms.count()).toBe(CORPUS.terms.length);
    expect(await db.occurrences.count()).toBe(CORPUS.occurrences.length);
    expect((await db.meta.get('corpus'))?.hash).toBe(CORPUS.hash);
  });

  it('is idempotent for the same corpus hash', async () => {
    await seedCorpus(db, CORPUS, () => new Date('2026-01-01T00:00:00Z'));
    expect(await seedCorpus(db, CORPUS, () => new Date('2026-02-01T00:00:00Z'))).toEqual({
      status: 'unchanged',
      hash: CORPUS.hash,
    });
    expect((await db.meta.get('corpus'))?.seededAt).toBe('2026-01-01T00:00:00.000Z');
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
  });

  it('replaces an older corpus and leaves the user’s clips alone', async () => {
    const older: Corpus = {
      ...CORPUS,
      hash: 'older',
      passages: CORPUS.passages.slice(0, 3),
      occurrences: [],
      terms: CORPUS.terms.slice(0, 1).map((term) => ({ ...term, id: 'retired-term', related: [] })),
    };
    await seedCorpus(db, older);
    await db.clips.add({
      passageId: CORPUS.passages[0]!.id,
      position: 0,
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(await seedCorpus(db, CORPUS)).toEqual({ status: 'seeded', hash: CORPUS.hash });
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
    expect(await db.terms.get('retired-term')).toBeUndefined();
    expect(await db.clips.count()).toBe(1);
  });

  it('gives a table-row clip saved as one spliced quotation its cells, and leaves other clips as saved', async () => {
    const row = CORPUS.passages.find((passage) => passage.id.endsWith(':workplan-item-7'))!;
    const prose = CORPUS.passages.find((passage) => passage.format === 'prose')!;
    const document = CORPUS.documents.find((candidate) => candidate.id === row.documentId)!;
    const actor = CORPUS.actors.find((candidate) => candidate.id === row.actorId)!;
    const proseDocument = CORPUS.documents.find((candidate) => candidate.id === prose.documentId)!;
    const proseActor = CORPUS.actors.find((candidate) => candidate.id === prose.actorId)!;
    // As a clip of an earlier release was stored: no format, the cells joined by an em dash.
    const rowCitation = toCitedPassage(row, document, actor);
    delete rowCitation.format;
    delete rowCitation.fields;
    const proseCitation = toCitedPassage(prose, proseDocument, proseActor);
    delete proseCitation.format;
    const spliced = row.fields!.map((field) => field.text).join(' — ');
    await seedCorpus(db, { ...CORPUS, hash: 'older' });
    await db.clips.bulkAdd([
      {
        passageId: row.id,
        position: 0,
        createdAt: '2026-01-01T00:00:00Z',
        citation: { ...rowCitation, text: spliced },
      },
      {
        passageId: prose.id,
        position: 1,
        createdAt: '2026-01-01T00:00:00Z',
        citation: { ...proseCitation, text: 'As it was worded then.' },
      },
    ]);
    await seedCorpus(db, CORPUS);
    const [rowClip, proseClip] = await db.clips.orderBy('position').toArray();
    expect(rowClip!.citation).toMatchObject({ format: 'table-row', fields: row.fields });
    expect(citationText(rowClip!.citation!)).not.toContain(spliced);
    expect(rowClip!.citation!.document).toEqual(rowCitation.document);
    expect(proseClip!.citation!.text).toBe('As it was worded then.');
    expect(proseClip!.citation!.format).toBeUndefined();
  });

  it('keeps the previous corpus when the replacement fails', async () => {
    await seedCorpus(db, CORPUS);
    const broken: Corpus = {
      ...CORPUS,
      hash: 'broken',
      passages: [CORPUS.passages[0]!, CORPUS.passages[0]!],
    };
    await expect(seedCorpus(db, broken)).rejects.toThrow();
    expect((await db.meta.get('corpus'))?.hash).toBe(CORPUS.hash);
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
  });
});

describe('seedFromSource', () => {
  const source = (corpus: Corpus, hash = corpus.hash) => ({
    hash,
    load: vi.fn(() => Promise.resolve(corpus)),
  });

  it('reads the corpus only when the database does not hold its hash', async () => {
    const first = source(CORPUS);
    expect(await seedFromSource(db, first)).toEqual({ status: 'seeded', hash: CORPUS.hash });
    expect(first.load).toHaveBeenCalledTimes(1);
    const again = source(CORPUS);
    expect(await seedFromSource(db, again)).toEqual({ status: 'unchanged', hash: CORPUS.hash });
    expect(again.load).not.toHaveBeenCalled();
  });

  it('refuses a corpus that is not the one announced, and keeps the stored one', async () => {
    await seedCorpus(db, CORPUS);
    const older: Corpus = { ...CORPUS, hash: 'older', passages: CORPUS.passages.slice(0, 3) };
    await expect(seedFromSource(db, source(older, 'newer'))).rejects.toThrow(
      'the packaged corpus (older) is not the one expected (newer)',
    );
    expect((await db.meta.get('corpus'))?.hash).toBe(CORPUS.hash);
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
  });
});

describe('CorpusQueries', () => {
  let queries: CorpusQueries;
  beforeEach(async () => {
    await seedCorpus(db, CORPUS);
    queries = new CorpusQueries(db);
  });

  it('finds the PNR commitments of the G7 and both APEC documents', async () => {
    const response = await queries.search('PNR');
    const documents = new Set(
      response.passages
        .filter((hit) => hit.passage.kind === 'commitment')
        .map((hit) => hit.passage.document.id),
    );
    expect(documents).toEqual(
      new Set(['g7-action-plan-2016', 'apec-workplan-2017', 'apec-strategic-plan-2018']),
    );
    const g7 = response.passages.find(
      (hit) => hit.passage.id === 'g7-action-plan-2016:a1.border-security.b2',
    );
    expect(g7?.passage).toMatchObject({
      locator: 'Action 1 › Border Security › bullet 2',
      actor: { name: 'G7' },
      document: { dateLabel: 'May 2016' },
    });
    expect(response.terms.map((hit) => hit.term.id)).toContain('pnr');
  });

  it('answers the empty search the popup opens with before loading the word engine, then loads it', async () => {
    const loadEngine = vi.spyOn(WordIndex, 'fromStored');
    try {
      const opening = await queries.search('');
      const facets = opening.facets ?? expect.unreachable('the empty search answers the facets');
      const total = (facet: keyof typeof facets) =>
        facets[facet].reduce((sum, value) => sum + value.count, 0);
      expect(facets.document).toHaveLength(CORPUS.documents.length);
      expect(facets.document.every((value) => value.count > 0)).toBe(true);
      expect(total('document')).toBe(total('kind'));
      expect(loadEngine).not.toHaveBeenCalled();
      // Built once the answer has gone, so the first words typed find it ready.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(loadEngine).toHaveBeenCalledTimes(1);
      expect((await queries.search('PNR')).totalPassages).toBeGreaterThan(0);
      expect(loadEngine).toHaveBeenCalledTimes(1);
    } finally {
      loadEngine.mockRestore();
    }
  });

  it('answers the opening search of a background just started from the stored counts, not the index', async () => {
    const computed = await queries.search('');
    const restarted = new CorpusQueries(db);
    const readIndex = vi.spyOn(db.searchIndexes, 'get');
    try {
      expect(await restarted.search('')).toEqual(computed);
      expect(readIndex).not.toHaveBeenCalled();
      // The index follows at once, for the words the reader types next.
      await vi.waitFor(() => expect(readIndex).toHaveBeenCalledTimes(1));
      const typed = await restarted.search('PNR');
      expect(typed.totalPassages).toBeGreaterThan(0);
      expect(readIndex).toHaveBeenCalledTimes(1);
    } finally {
      readIndex.mockRestore();
    }
  });

  it('answers a popup opened again while the index still loads from the stored counts', async () => {
    const computed = await queries.search('');
    const restarted = new CorpusQueries(db);
    const readOpening = vi.spyOn(db.openingFacets, 'get');
    try {
      const typed = restarted.search('PNR');
      expect(await restarted.search('')).toEqual(computed);
      expect((await typed).totalPassages).toBeGreaterThan(0);
      // The opening read the counts' record, and the load that search began read it once more,
      // to know they are stored.
      expect(readOpening).toHaveBeenCalledTimes(2);
    } finally {
      readOpening.mockRestore();
    }
  });

  it('answers the opening search from the index when its counts were stored by another index version', async () => {
    await queries.search('');
    await db.openingFacets.toCollection().modify({ version: -1 });
    const restarted = new CorpusQueries(db);
    const readIndex = vi.spyOn(db.searchIndexes, 'get');
    try {
      const opening = await restarted.search('');
      expect(readIndex).toHaveBeenCalledTimes(1);
      expect(opening.facets?.document).toHaveLength(CORPUS.documents.length);
      // Stored again for the next start, without holding up the answer.
      await vi.waitFor(async () =>
        expect((await db.openingFacets.get(CORPUS.hash))?.facets).toEqual(opening.facets),
      );
    } finally {
      readIndex.mockRestore();
    }
  });

  it('matches the same words once while filters and pages change, and answers as a fresh search would', async () => {
    const engineSearch = vi.spyOn(WordIndex.prototype, 'search');
    try {
      await queries.search('passanger terrorism');
      const calls = engineSearch.mock.calls.length;
      expect(calls).toBeGreaterThan(0);
      const refined = await queries.search('passanger terrorism', {
        filters: { kind: 'commitment' },
        limit: 40,
      });
      expect(engineSearch.mock.calls.length).toBe(calls);
      const fresh = await new CorpusQueries(db).search('passanger terrorism', {
        filters: { kind: 'commitment' },
        limit: 40,
      });
      expect(refined).toEqual(fresh);
      expect(refined.notices).toEqual([{ kind: 'close-spellings', words: expect.any(Array) }]);
      // Only the last few queries are kept: after as many others, the words are matched again.
      const others = ['PNR', 'ETIM', 'FATF', 'Pakistan', 'Interpol'].slice(0, RECENT_MATCHES);
      for (const other of others) await queries.search(other);
      const before = engineSearch.mock.calls.length;
      await queries.search('passanger terrorism');
      expect(engineSearch.mock.calls.length).toBeGreaterThan(before);
    } finally {
      engineSearch.mockRestore();
    }
  });

  it('expands aliases: the long form finds passages that only use the acronym', async () => {
    const response = await queries.search('Passenger Name Record');
    expect(response.passages.map((hit) => hit.passage.id)).toContain(
      'apec-strategic-plan-2018:fa5',
    );
  });

  it('answers empty, punctuation-only and absurdly long queries without failing', async () => {
    expect(await queries.search('   ')).toMatchObject({ passages: [], totalPassages: 0 });
    expect(
      (await queries.search('<script>alert(1)</script> .*+?^${}()|[]\\')).passages,
    ).toBeInstanceOf(Array);
    const long = await queries.search('terrorism '.repeat(1000));
    expect(long.notices).toEqual([{ kind: 'words-cut', searched: MAX_QUERY_WORDS }]);
  });

  it('looks up a term with its commitments and positions', async () => {
    const detail = await queries.lookupTerm('etim');
    expect(detail?.term.label).toMatch(/Eastern Turkistan Islamic Movement/);
    expect(detail?.positions.length).toBeGreaterThan(2);
    expect(
      new Set(detail?.positions.map((passage) => passage.actor.id)).size,
    ).toBeGreaterThanOrEqual(3);
    expect(detail?.positions.every((passage) => passage.document.id === 'seminar-2020')).toBe(true);
    expect(await queries.lookupTerm('no-such-term')).toBeNull();
  });

  it('returns a document’s passages in order, and single passages ready to cite', async () => {
    const document = await queries.getDocument('appf-2021');
    expect(document?.document.place).toBe('Seoul, Republic of Korea');
    expect(
      document?.passages
        .map((passage) => passage.locator)
        .filter((locator) => locator.startsWith('Operative')),
    ).toHaveLength(7);
    const passage = await queries.getPassage('appf-2021:op1');
    expect(passage).toMatchObject({
      locator: 'Operative para. 1',
      actor: { id: 'appf' },
      document: { dateLabel: '13-15 December 2021' },
    });
    expect(await queries.getDocument('nope')).toBeNull();
  });
});

/** Adds the corpus tables' records to a database opened at an older version. */
async function addCorpusRecords(older: Dexie): Promise<void> {
  await older.table('documents').bulkAdd(CORPUS.documents);
  await older.table('passages').bulkAdd(CORPUS.passages);
  await older.table('actors').bulkAdd(CORPUS.actors);
  await older.table('terms').bulkAdd(CORPUS.terms);
  await older.table('occurrences').bulkAdd(CORPUS.occurrences);
}

/** What versions 2 to 4 stored as the index: one string. Only its presence matters here. */
const INDEX_STRING = JSON.stringify({ version: 2, engine: {} });

describe('the database upgrades of the stored index', () => {
  it('version 3 moves it out of the meta record; version 5 drops its string form; search rebuilds it', async () => {
    const name = `pledgemark-index-upgrade-${++dbCount}`;
    // The schema and records as version 2 left them: the index inside the meta record.
    const older = new Dexie(name);
    older.version(2).stores(VERSION_1_STORES);
    await addCorpusRecords(older);
    const seededAt = '2026-01-01T00:00:00.000Z';
    await older
      .table('meta')
      .put({ key: 'corpus', hash: CORPUS.hash, seededAt, searchIndex: INDEX_STRING });
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    try {
      expect(await upgraded.meta.get('corpus')).toEqual({
        key: 'corpus',
        hash: CORPUS.hash,
        seededAt,
      });
      expect(await upgraded.searchIndexes.count()).toBe(0);
      expect(await seedCorpus(upgraded, CORPUS)).toEqual({
        status: 'unchanged',
        hash: CORPUS.hash,
      });
      const response = await new CorpusQueries(upgraded).search('PNR');
      expect(response.passages[0]?.passage.id).toBe('g7-action-plan-2016:a1.border-security.b2');
      const stored = await upgraded.searchIndexes.get(CORPUS.hash);
      expect(loadSearchIndex(stored?.index)).not.toBeNull();
    } finally {
      await upgraded.delete();
    }
  });

  it('version 5 drops the string form version 4 stored, and keeps the user’s clips', async () => {
    const name = `pledgemark-index-upgrade-${++dbCount}`;
    const older = new Dexie(name);
    older.version(4).stores(VERSION_4_STORES);
    await addCorpusRecords(older);
    const seededAt = '2026-01-01T00:00:00.000Z';
    await older.table('meta').put({ key: 'corpus', hash: CORPUS.hash, seededAt });
    await older.table('searchIndexes').put({ hash: CORPUS.hash, json: INDEX_STRING });
    const clip = { passageId: 'appf-2021:op2', position: 1, createdAt: seededAt };
    await older.table('clips').add(clip);
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    try {
      expect(await upgraded.searchIndexes.count()).toBe(0);
      expect(await upgraded.clips.toArray()).toEqual([expect.objectContaining(clip)]);
      expect((await new CorpusQueries(upgraded).search('FA5')).passages[0]?.passage.id).toBe(
        'apec-strategic-plan-2018:fa5',
      );
      expect(
        loadSearchIndex((await upgraded.searchIndexes.get(CORPUS.hash))?.index),
      ).not.toBeNull();
    } finally {
      await upgraded.delete();
    }
  });
});
