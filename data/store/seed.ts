import type { Corpus, Passage } from '../../utils/corpus-types';
import { CORPUS_TABLES, type Clip, type CorpusMeta, type PledgemarkDatabase } from './db';
import { buildSearchIndex } from './search/search-index';

export type SeedOutcome = { status: 'unchanged' | 'seeded'; hash: string };

/** A corpus known by its hash, read only when the database does not hold it yet. */
export interface CorpusSource {
  hash: string;
  load(): Promise<Corpus>;
}

/**
 * Makes the database hold `corpus`. Idempotent: a database that already holds the same corpus
 * hash is left alone. A different corpus replaces the old one in a single transaction: the corpus
 * tables are replaced, the user's clips keep the citations they were saved with (only a table row
 * cited before its cells were told apart gets them, see `citeTableRowCells`), and a failure leaves
 * the previous corpus and every clip as they were.
 */
export async function seedCorpus(
  db: PledgemarkDatabase,
  corpus: Corpus,
  now: () => Date = () => new Date(),
): Promise<SeedOutcome> {
  const current = await db.meta.get('corpus');
  if (current?.hash === corpus.hash) return { status: 'unchanged', hash: corpus.hash };
  const searchIndex = buildSearchIndex(corpus).toStored();
  await db.transaction('rw', [...CORPUS_TABLES, 'clips'], async () => {
    await Promise.all(CORPUS_TABLES.map((table) => db.table(table).clear()));
    await db.documents.bulkAdd(corpus.documents);
    await db.passages.bulkAdd(corpus.passages);
    await db.actors.bulkAdd(corpus.actors);
    await db.terms.bulkAdd(corpus.terms);
    await db.occurrences.bulkAdd(corpus.occurrences);
    const meta: CorpusMeta = { key: 'corpus', hash: corpus.hash, seededAt: now().toISOString() };
    await db.searchIndexes.add({ hash: corpus.hash, index: searchIndex });
    await db.meta.put(meta);
    await citeTableRowCells(db, corpus.passages);
  });
  return { status: 'seeded', hash: corpus.hash };
}

/**
 * Clips saved before table rows were quoted cell by cell hold a row's cells spliced into one
 * quotation, which the source never contains. They are given the row's cells from the corpus
 * now seeded (same passage id); everything else they were saved with stays.
 */
async function citeTableRowCells(
  db: PledgemarkDatabase,
  passages: readonly Passage[],
): Promise<void> {
  const rows = new Map(
    passages.filter((passage) => passage.fields?.length).map((passage) => [passage.id, passage]),
  );
  await db.clips
    .filter((clip) => clip.citation !== undefined && clip.citation.format === undefined)
    .modify((clip: Clip) => {
      const row = rows.get(clip.passageId);
      if (!row || !clip.citation) return;
      clip.citation = { ...clip.citation, text: row.text, format: row.format, fields: row.fields! };
    });
}

/**
 * `seedCorpus` for a corpus that is costly to read (the packaged one): the seed check at every
 * start of the background compares hashes only, and the corpus is read when they differ. A corpus
 * that is not the one announced is refused and leaves the database as it was.
 */
export async function seedFromSource(
  db: PledgemarkDatabase,
  source: CorpusSource,
  now?: () => Date,
): Promise<SeedOutcome> {
  const current = await db.meta.get('corpus');
  if (current?.hash === source.hash) return { status: 'unchanged', hash: source.hash };
  const corpus = await source.load();
  if (corpus.hash !== source.hash) {
    throw new Error(
      `the packaged corpus (${corpus.hash.slice(0, 12)}) is not the one expected (${source.hash.slice(0, 12)})`,
    );
  }
  return seedCorpus(db, corpus, now);
}
