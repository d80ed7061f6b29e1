import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipStore } from '../../data/store/clips';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries } from '../../data/store/search/queries';
import { seedCorpus } from '../../data/store/seed';
import { createAddedDocumentsService } from '../../entrypoints/background/added-documents-service';
import type { DocumentDraft } from '../../utils/document-draft';
import {
  BACKGROUND_VALIDATORS,
  CHANNEL,
  dispatchMessage,
  type BackgroundProtocol,
  type Handlers,
} from '../../utils/messaging';
import { segmentText } from '../../utils/segmenter';
import { BUILT, CORPUS } from './corpus-fixture';

const TEXT = [
  'Ministerial Statement on Travel Data',
  '',
  '1. We will require airlines to transmit PNR data to our passenger information unit.',
  '',
  '2. We commit to share API data on foreign terrorist fighters with our neighbours.',
  '',
  '3. The API of the booking website will be documented for developers.',
].join('\n');

function draft(): DocumentDraft {
  return {
    title: 'Ministerial Statement on Travel Data',
    issuingBody: 'Ministry of the Interior',
    date: '2026-12-01',
    kind: 'statement',
    origin: { kind: 'file', name: 'travel-data.txt' },
    text: TEXT,
    passages: segmentText(TEXT, { issuingBody: 'Ministry of the Interior' }).passages,
  };
}

let db: PledgemarkDatabase;
let queries: CorpusQueries;
let handlers: Pick<
  Handlers<BackgroundProtocol>,
  'addDocument' | 'deleteDocument' | 'listAddedDocuments'
>;

beforeEach(async () => {
  db = new PledgemarkDatabase(`pledgemark-added-service-${Math.random()}`);
  await seedCorpus(db, CORPUS);
  queries = new CorpusQueries(db);
  handlers = createAddedDocumentsService({
    db,
    queries,
    ensureSeeded: async () => {},
    loadMatcher: async () => BUILT.matcher,
  });
});
afterEach(async () => {
  await db.delete();
});

/** Sends one call through the message contract, as the import view does. */
const send = (name: keyof typeof handlers, request: object) =>
  dispatchMessage(
    BACKGROUND_VALIDATORS,
    handlers as Handlers<BackgroundProtocol>,
    'own',
    { channel: CHANNEL, name, request },
    { id: 'own' },
  );

describe('adding a document through the background', () => {
  it('links its passages to terms with the pages’ matcher and sense model', async () => {
    const answer = await send('addDocument', { draft: draft() });
    expect(answer).toMatchObject({
      ok: true,
      value: { title: 'Ministerial Statement on Travel Data', origin: { kind: 'file' } },
    });
    const passages = await db.addedPassages.toArray();
    const byText = (part: string) => passages.find((passage) => passage.text.includes(part))!;
    const occurrences = await db.addedOccurrences.toArray();
    const linked = async (part: string) =>
      occurrences
        .filter((occurrence) => occurrence.passageId === byText(part).id)
        .map((occurrence) => occurrence.termId);
    expect(await linked('transmit PNR')).toContain('pnr');
    expect(await linked('share API data')).toEqual(expect.arrayContaining(['api', 'ftf']));
    // A software API is not Advance Passenger Information, even in a document about it.
    expect(await linked('booking website')).not.toContain('api');
  });

  it('is searchable and citable once the call answers, and cleanly gone once deleted', async () => {
    const added = await send('addDocument', { draft: draft() });
    const id = (added as { value: { id: string } }).value.id;
    const found = await queries.search('airlines transmit');
    expect(found.passages[0]?.passage.document).toMatchObject({ id, addedByUser: true });
    const clips = new ClipStore(db);
    const saved = await clips.save(found.passages[0]!.passage.id);
    expect(saved.clip.citation?.document).toMatchObject({ id, addedByUser: true });

    expect(await send('listAddedDocuments', {})).toMatchObject({ ok: true, value: [{ id }] });
    expect(await send('deleteDocument', { documentId: id })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect((await queries.search('airlines transmit')).passages).toEqual([]);
    expect(await send('listAddedDocuments', {})).toEqual({ ok: true, value: [] });
    // The clip keeps its citation: user data outlives the document it quotes.
    expect((await clips.list())[0]?.citation?.document.id).toBe(id);
    expect(await send('deleteDocument', { documentId: id })).toEqual({
      ok: true,
      value: { deleted: false },
    });
  });

  it('answers a second copy of the same text as a duplicate, and a bad draft as refused', async () => {
    await send('addDocument', { draft: draft() });
    expect(await send('addDocument', { draft: { ...draft(), title: 'Again' } })).toMatchObject({
      ok: false,
      error: { code: 'duplicate', message: expect.stringContaining('already in your corpus') },
    });
    expect(await send('addDocument', { draft: { ...draft(), date: '2026-02-31' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('date') },
    });
    expect(
      await send('addDocument', {
        draft: {
          ...draft(),
          text: `${TEXT}!`,
          origin: { kind: 'page', url: 'javascript:alert(1)' },
        },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('http') },
    });
    expect(await db.addedDocuments.count()).toBe(1);
  });
});
