import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddedCorpus } from '../../data/store/added-corpus';
import { PledgemarkDatabase } from '../../data/store/db';
import type { DocumentDraft } from '../../utils/document-draft';
import { CorpusQueries } from '../../data/store/search/queries';
import {
  buildAddedIndex,
  buildSearchIndex,
  mergeSearchIndexes,
  withoutDocument,
} from '../../data/store/search/search-index';
import { seedCorpus } from '../../data/store/seed';
import type { Corpus } from '../../utils/corpus-types';
import { segmentText } from '../../utils/segmenter';
import { CORPUS } from './corpus-fixture';
import { linkTermsStandIn as linkTerms } from './link-terms-stand-in';

const BORDER_TEXT = [
  'Resolution on Border Data Sharing',
  '',
  'The Council,',
  '',
  'Recalling its earlier resolutions on foreign terrorist fighters,',
  '',
  '1. Decides that Member States shall collect Passenger Name Record data from every carrier;',
  '',
  '2. Calls upon Member States to share Advance Passenger Information with Türkiye and others.',
].join('\n');

const SPEECH_TEXT = [
  'Statement by the Minister of the Interior',
  '',
  'Our government will commit to a national register of quarantined seaplanes by 2027.',
  '',
  'We will also review how carriers share Passenger Name Record data with partners.',
].join('\n');

function draft(text: string, title: string, date = '2026-11-30'): DocumentDraft {
  return {
    title,
    issuingBody: 'Example Council',
    date,
    kind: 'resolution',
    origin: { kind: 'paste' },
    text,
    passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
  };
}

let db: PledgemarkDatabase;
let added: AddedCorpus;
let queries: CorpusQueries;

beforeEach(async () => {
  db = new PledgemarkDatabase(`pledgemark-added-search-${Math.random()}`);
  await seedCorpus(db, CORPUS);
  added = new AddedCorpus(db, { linkTerms });
  queries = new CorpusQueries(db);
});
afterEach(async () => {
  await db.delete();
});

/** The reader's documents as the search index is built from them. */
async function addedCorpus(): Promise<
  Pick<Corpus, 'documents' | 'passages' | 'actors' | 'occurrences'>
> {
  return {
    documents: await db.addedDocuments.toArray(),
    passages: await db.addedPassages.toArray(),
    actors: await db.addedActors.toArray(),
    occurrences: await db.addedOccurrences.toArray(),
  };
}

describe('the index of both corpora', () => {
  it('taken out again, a merged document leaves exactly the index it joined', async () => {
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    const builtIn = buildSearchIndex(CORPUS);
    const merged = mergeSearchIndexes([
      builtIn,
      buildAddedIndex(await addedCorpus(), builtIn.facets.terms),
    ]);
    expect(merged.facets.rowCount).toBeGreaterThan(builtIn.facets.rowCount);
    expect(withoutDocument(merged, document.id).toStored()).toEqual(builtIn.toStored());
  });

  it('merged one at a time or together, gives the same index', async () => {
    const border = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    const speech = await added.add(draft(SPEECH_TEXT, 'Interior speech', '2026-12-01'));
    const builtIn = buildSearchIndex(CORPUS);
    const all = await addedCorpus();
    const only = (id: string) => ({
      documents: all.documents.filter((document) => document.id === id),
      passages: all.passages.filter((passage) => passage.documentId === id),
      actors: all.actors.filter((actor) => actor.documentId === id),
      occurrences: all.occurrences.filter((occurrence) => occurrence.documentId === id),
    });
    const terms = builtIn.facets.terms;
    const stepwise = mergeSearchIndexes([
      mergeSearchIndexes([builtIn, buildAddedIndex(only(border.id), terms)]),
      buildAddedIndex(only(speech.id), terms),
    ]);
    const together = mergeSearchIndexes([
      builtIn,
      buildAddedIndex(only(border.id), terms),
      buildAddedIndex(only(speech.id), terms),
    ]);
    expect(stepwise.toStored()).toEqual(together.toStored());
    // Taking out the first leaves the second as if it had been merged alone.
    expect(withoutDocument(together, border.id).toStored()).toEqual(
      mergeSearchIndexes([builtIn, buildAddedIndex(only(speech.id), terms)]).toStored(),
    );
  });
});

describe('searching after the reader adds a document', () => {
  it('finds its passages with one ranking beside the built-in ones, marked as added', async () => {
    await queries.search('passenger');
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    const response = await queries.search('Passenger Name Record carrier');
    const hit = response.passages.find(
      (candidate) => candidate.passage.document.id === document.id,
    );
    expect(hit?.passage).toMatchObject({
      locator: expect.stringContaining('1'),
      document: { title: 'Border resolution', addedByUser: true, issuingBody: 'Example Council' },
    });
    // The built-in passages are still found by the same query's words, unmarked.
    const passenger = await queries.search('passenger name record');
    const documents = new Set(passenger.passages.map((candidate) => candidate.passage.document.id));
    expect(documents.has(document.id)).toBe(true);
    expect(documents.size).toBeGreaterThan(1);
    const builtIn = passenger.passages.find(
      (candidate) => candidate.passage.document.id !== document.id,
    );
    expect(builtIn?.passage.document.addedByUser).toBeUndefined();
  });

  it('counts it in every facet, filters by it and lists it with no query', async () => {
    const pnrBefore = (await queries.search('')).facets!.term.find(
      (value) => value.value === 'pnr',
    )!;
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    const opening = await queries.search('');
    const rows = (await db.addedPassages.toArray()).filter(
      (passage) => passage.kind !== 'context' || passage.text.length > 40,
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(opening.facets!.document.find((value) => value.value === document.id)).toMatchObject({
      label: 'Border resolution',
      count: rows.length,
    });
    const year = (response: typeof opening) =>
      response.facets!.year.find((value) => value.value === '2026')?.count ?? 0;
    expect(year(opening)).toBe(rows.length);
    // The matcher's links count in the term facet: one more passage mentions PNR.
    const linked = (await db.addedOccurrences.where('termId').equals('pnr').toArray()).length;
    expect(linked).toBe(1);
    expect(opening.facets!.term.find((value) => value.value === 'pnr')!.count).toBe(
      pnrBefore.count + linked,
    );
    const filtered = await queries.search('', { filters: { document: document.id } });
    expect(filtered.totalPassages).toBe(rows.length);
    expect(filtered.passages.map((hit) => hit.passage.id)).toEqual(rows.map((row) => row.id));
  });

  it('is found by a new background too, and no more once deleted', async () => {
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    // The index is stored with the document, so that a background that starts afresh reads it
    // rather than indexing the document again.
    await vi.waitFor(async () => {
      const stored = await db.searchIndexes.get(CORPUS.hash);
      expect(stored?.index.facets.documents.map((entry) => entry.id)).toContain(document.id);
    });
    const restarted = new CorpusQueries(db);
    expect(
      (await restarted.search('carrier')).passages.some(
        (hit) => hit.passage.document.id === document.id,
      ),
    ).toBe(true);
    expect(
      (await restarted.search('')).facets!.document.some((value) => value.value === document.id),
    ).toBe(true);

    await added.delete(document.id);
    await queries.addedDocumentsChanged();
    const after = await queries.search('carrier');
    expect(after.passages.some((hit) => hit.passage.document.id === document.id)).toBe(false);
    const again = new CorpusQueries(db);
    expect(
      (await again.search('')).facets!.document.some((value) => value.value === document.id),
    ).toBe(false);
    expect(
      (await again.search('Türkiye')).passages.some(
        (hit) => hit.passage.document.id === document.id,
      ),
    ).toBe(false);
  });

  it('matches the tables even when the stored index missed a change (a write that failed)', async () => {
    await queries.search('passenger');
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    // No addedDocumentsChanged(): the stored index does not have it.
    const restarted = new CorpusQueries(db);
    expect(
      (await restarted.search('carrier')).passages.some(
        (hit) => hit.passage.document.id === document.id,
      ),
    ).toBe(true);
  });

  it('takes in the new details of a text deleted and added again, searching while it changes', async () => {
    const first = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    await added.delete(first.id);
    const deleting = queries.addedDocumentsChanged();
    const during = queries.search('carrier');
    const again = await added.add({
      ...draft(BORDER_TEXT, 'Border resolution, corrected'),
      date: '2026-12-01',
    });
    expect(again.id).toBe(first.id);
    await Promise.all([deleting, queries.addedDocumentsChanged(), during]);
    const label = async (search: CorpusQueries) =>
      (await search.search('')).facets!.document.find((value) => value.value === first.id)?.label;
    expect(await label(queries)).toBe('Border resolution, corrected');
    const hit = (await queries.search('carrier')).passages.find(
      (candidate) => candidate.passage.document.id === first.id,
    );
    expect(hit?.passage.document).toMatchObject({
      title: 'Border resolution, corrected',
      date: '2026-12-01',
    });
    // A new background, whatever order the stored copies were written in, has the new details.
    expect(await label(new CorpusQueries(db))).toBe('Border resolution, corrected');
  });

  it('keeps the reader’s documents searchable when the built-in corpus is seeded again', async () => {
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    await seedCorpus(db, { ...CORPUS, hash: `${CORPUS.hash}-next` });
    queries.reset();
    const response = await queries.search('carrier');
    expect(response.passages.some((hit) => hit.passage.document.id === document.id)).toBe(true);
  });

  it('opens a term, a passage and the document from the reader’s tables', async () => {
    const document = await added.add(draft(BORDER_TEXT, 'Border resolution'));
    await queries.addedDocumentsChanged();
    const detail = await queries.lookupTerm('pnr');
    const commitment = detail!.commitments.find((passage) => passage.document.id === document.id);
    expect(commitment).toMatchObject({
      document: { addedByUser: true, title: 'Border resolution' },
    });
    expect(await queries.getPassage(commitment!.id)).toEqual(commitment);
    const view = await queries.getDocument(document.id);
    expect(view?.document).toMatchObject({ title: 'Border resolution', addedByUser: true });
    expect(view?.passages.map((passage) => passage.id)).toEqual(
      (await db.addedPassages.where('documentId').equals(document.id).sortBy('order')).map(
        (passage) => passage.id,
      ),
    );
    expect(view?.actors.map((actor) => actor.name)).toContain('Example Council');
  });
});
