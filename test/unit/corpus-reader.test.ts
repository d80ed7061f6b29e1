import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PledgemarkDatabase } from '../../data/store/db';
import { CACHED_PASSAGES, CorpusReader } from '../../data/store/search/corpus-reader';
import { seedCorpus } from '../../data/store/seed';
import { CORPUS } from './corpus-fixture';

let db: PledgemarkDatabase;
let reader: CorpusReader;

beforeEach(async () => {
  db = new PledgemarkDatabase(`reader-${crypto.randomUUID()}`);
  await seedCorpus(db, CORPUS);
  reader = new CorpusReader(db);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const ids = (from: number, count: number) =>
  CORPUS.passages.slice(from, from + count).map(({ id }) => id);

/** The ids each call to the built-in passages table asked for. */
function watchReads(): string[][] {
  const asked: string[][] = [];
  const bulkGet = db.passages.bulkGet.bind(db.passages);
  vi.spyOn(db.passages, 'bulkGet').mockImplementation((keys) => {
    asked.push([...keys]);
    return bulkGet(keys);
  });
  return asked;
}

describe('CorpusReader', () => {
  it('gives passages in the order asked, repeated ids and unknown ones included', async () => {
    const [first, second] = ids(0, 2) as [string, string];
    const read = await reader.passages([second, 'no-such-passage', first, second]);
    expect(read.map((passage) => passage?.id)).toEqual([second, undefined, first, second]);
  });

  it('reads again from the database only the passages it has not read lately', async () => {
    const asked = watchReads();
    const firstPage = ids(0, 20);
    const twoPages = ids(0, 40);
    await reader.passages(firstPage);
    const read = await reader.passages(twoPages);
    expect(read.map((passage) => passage?.text)).toEqual(
      CORPUS.passages.slice(0, 40).map(({ text }) => text),
    );
    expect(asked).toEqual([firstPage, ids(20, 20)]);
  });

  it(`keeps at most ${CACHED_PASSAGES} passages, forgetting the least recently used`, async () => {
    const asked = watchReads();
    const early = ids(0, 10);
    await reader.passages(early);
    await reader.passages(ids(10, CACHED_PASSAGES - 10));
    // Using the first five again makes them the most recent: the next five are the oldest.
    await reader.passages(early.slice(0, 5));
    await reader.passages(ids(CACHED_PASSAGES, 5));
    asked.length = 0;
    await reader.passages(early);
    expect(asked).toEqual([early.slice(5)]);
  });

  it('reads passages afresh after a reset, as when the corpus changed', async () => {
    const [id] = ids(0, 1) as [string];
    await reader.passages([id]);
    await db.passages.update(id, { text: 'Reworded by a new corpus.' });
    expect((await reader.passages([id]))[0]?.text).not.toBe('Reworded by a new corpus.');
    reader.reset();
    expect((await reader.passages([id]))[0]?.text).toBe('Reworded by a new corpus.');
  });

  it('reads the glossary terms once, and again after a reset', async () => {
    const termIds = CORPUS.terms.slice(0, 3).map(({ id }) => id);
    const readAll = vi.spyOn(db.terms, 'toArray');
    const first = await reader.terms([...termIds, 'no-such-term']);
    expect(first.map((term) => term?.id)).toEqual([...termIds, undefined]);
    await reader.terms(termIds.slice(1));
    expect(readAll).toHaveBeenCalledTimes(1);
    reader.reset();
    await db.terms.update(termIds[0]!, { label: 'Relabelled by a new corpus' });
    expect((await reader.terms(termIds))[0]?.label).toBe('Relabelled by a new corpus');
    expect(readAll).toHaveBeenCalledTimes(2);
  });
});
