import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddedCorpus, DraftError, DuplicateDocumentError } from '../../data/store/added-corpus';
import { ClipStore } from '../../data/store/clips';
import { PledgemarkDatabase } from '../../data/store/db';
import type { DocumentDraft } from '../../utils/document-draft';
import { seedCorpus } from '../../data/store/seed';
import { StorageError } from '../../data/store/storage-errors';
import { ADDED_ID_PREFIX } from '../../utils/corpus-types';
import { passageText, segmentText } from '../../utils/segmenter';
import { CORPUS } from './corpus-fixture';
import { linkTermsStandIn as linkTerms } from './link-terms-stand-in';
import { VERSION_4_STORES } from './older-schemas';

const TEXT = [
  'Resolution on Border Data Sharing',
  '',
  'The Council,',
  '',
  'Recalling its earlier resolutions on foreign terrorist fighters,',
  '',
  '1. Decides that Member States shall collect Passenger Name Record data;',
  '',
  '2. Calls upon Member States to share Advance Passenger Information with Türkiye and others.',
].join('\n');

function draft(overrides: Partial<DocumentDraft> = {}): DocumentDraft {
  const text = overrides.text ?? TEXT;
  return {
    title: 'Resolution on Border Data Sharing',
    issuingBody: 'Example Council',
    date: '2026-11-30',
    kind: 'resolution',
    origin: { kind: 'paste' },
    text,
    passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
    ...overrides,
  };
}

let db: PledgemarkDatabase;
let dbCount = 0;
beforeEach(() => {
  db = new PledgemarkDatabase(`pledgemark-added-${++dbCount}`);
});
afterEach(async () => {
  await db.delete();
});

const corpus = () =>
  new AddedCorpus(db, { linkTerms, now: () => new Date('2026-12-07T10:00:00.000Z') });

describe('adding a document of your own', () => {
  it('stores it with its passages, actors and term occurrences, each marked as added', async () => {
    const added = await corpus().add(draft());
    expect(added.id.startsWith(ADDED_ID_PREFIX)).toBe(true);
    expect(added).toMatchObject({
      title: 'Resolution on Border Data Sharing',
      issuingBody: 'Example Council',
      date: '2026-11-30',
      addedByUser: true,
      addedAt: '2026-12-07T10:00:00.000Z',
    });
    expect(await db.addedTexts.get(added.id)).toEqual({ documentId: added.id, text: TEXT });
    const passages = await db.addedPassages.where('documentId').equals(added.id).sortBy('order');
    expect(passages.length).toBe(added.passageCount);
    expect(passages.every((passage) => passage.addedByUser)).toBe(true);
    const operative = passages.find((passage) => passage.locator === 'Operative para. 1')!;
    expect(operative).toMatchObject({ kind: 'commitment', actorId: added.issuerActorId });
    expect(await db.addedActors.where('documentId').equals(added.id).count()).toBe(1);
    const occurrences = await db.addedOccurrences.where('documentId').equals(added.id).toArray();
    expect(occurrences.map((occurrence) => occurrence.termId).sort()).toEqual([
      'api',
      'ftf',
      'pnr',
    ]);
    expect(occurrences.every((occurrence) => occurrence.addedByUser)).toBe(true);
  });

  it('traces every passage to its place in the stored text, as UTF-8 bytes', async () => {
    // Characters of one to four bytes before and inside the passages.
    const text = TEXT.replace('The Council,', 'The Council 🌏 of Côte d’Ivoire,').replace(
      'Member States shall',
      'Member States (成员国) shall',
    );
    const added = await corpus().add(draft({ text }));
    const stored = (await db.addedTexts.get(added.id))!;
    const bytes = new TextEncoder().encode(stored.text);
    const passages = await db.addedPassages.where('documentId').equals(added.id).toArray();
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) {
      const slice = new TextDecoder().decode(bytes.slice(...passage.byteRange));
      expect(passageText(slice, passage.format)).toBe(passage.text);
    }
  });

  it('refuses passages that do not match their place in the text', async () => {
    const passages = draft().passages.map((passage, i) =>
      i === 1 ? { ...passage, text: `${passage.text} (edited)` } : passage,
    );
    await expect(corpus().add(draft({ passages }))).rejects.toThrow(/does not match its place/);
  });

  it('refuses a passage that starts or ends between the halves of a character', async () => {
    const text = 'Border data 🛂 checks\n\nA second paragraph on passenger records.';
    const split = text.indexOf('🛂') + 1;
    const passages = [
      {
        ...draft().passages[0]!,
        locator: 'Para. 1',
        text: text.slice(0, split),
        range: [0, split] as [number, number],
      },
    ];
    await expect(corpus().add(draft({ text, passages }))).rejects.toThrow(
      /starts or ends inside a character/,
    );
  });

  it('recognises the same text added twice by its content hash, and adds nothing', async () => {
    await corpus().add(draft());
    const again = corpus().add(draft({ title: 'Another title' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateDocumentError);
    await expect(again).rejects.toThrow(/already in your corpus as “Resolution on Border/);
    expect(await db.addedDocuments.count()).toBe(1);
  });

  it('refuses a draft it cannot cite, saying what to change, and adds nothing', async () => {
    const cases: [Partial<DocumentDraft>, RegExp][] = [
      [{ title: '  ' }, /title/],
      [{ issuingBody: '' }, /who issued/],
      [{ date: '30/11/2026' }, /year/],
      [{ date: '2021-02-31' }, /year/],
      [{ text: '   \n ', passages: [] }, /no text/],
      [{ passages: [] }, /No passages/],
      [
        {
          passages: [{ ...draft().passages[0]!, range: [0, TEXT.length + 5] as [number, number] }],
        },
        /past the end/,
      ],
    ];
    for (const [overrides, message] of cases) {
      await expect(corpus().add(draft(overrides))).rejects.toThrow(message);
    }
    await expect(corpus().add(draft({ title: ' ' }))).rejects.toBeInstanceOf(DraftError);
    expect(await db.addedDocuments.count()).toBe(0);
    expect(await db.addedPassages.count()).toBe(0);
  });

  it('leaves the corpus as it was when the database fails in the middle', async () => {
    const failing = new AddedCorpus(db, {
      linkTerms,
      now: () => new Date('2026-12-07T10:00:00.000Z'),
    });
    // The occurrences are written last: make that write fail as a full disk would.
    db.addedOccurrences.hook('creating', () => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    const failure = await failing.add(draft()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toMatch(/no room left.*Your corpus is as it was/);
    expect(await db.addedDocuments.count()).toBe(0);
    expect(await db.addedTexts.count()).toBe(0);
    expect(await db.addedPassages.count()).toBe(0);
    expect(await db.addedActors.count()).toBe(0);
  });
});

describe('a database that does not answer', () => {
  it('gives up with a clear message, and the add never lands once the database is free', async () => {
    const name = `pledgemark-added-blocked-${++dbCount}`;
    const older = new Dexie(name);
    older.version(5).stores(VERSION_4_STORES);
    await older.open();
    // An old connection that will not close blocks the upgrade to version 6.
    older.on('versionchange', () => false);
    const blocked = new PledgemarkDatabase(name);
    const failure = await new AddedCorpus(blocked, { linkTerms, timeoutMs: 50 })
      .add(draft())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toMatch(/did not answer.*Your corpus is as it was/);
    older.close();
    // The database opens now; the add that was given up on must not happen after all.
    expect(await new AddedCorpus(blocked, { linkTerms }).list()).toEqual([]);
    expect(await blocked.addedPassages.count()).toBe(0);
    await blocked.delete();
  });
});

describe('deleting a document of your own', () => {
  it('removes all of it and nothing else: the built-in corpus, clips, other added documents', async () => {
    await seedCorpus(db, CORPUS);
    const clips = new ClipStore(db);
    await clips.save('appf-2021:op2');
    const first = await corpus().add(draft());
    const second = await corpus().add(draft({ text: `${TEXT}\n\n3. Decides to remain seized.` }));
    expect(await corpus().delete(first.id)).toBe(true);
    expect(await db.addedDocuments.toArray()).toHaveLength(1);
    expect(await db.addedPassages.where('documentId').equals(first.id).count()).toBe(0);
    expect(await db.addedActors.where('documentId').equals(first.id).count()).toBe(0);
    expect(await db.addedOccurrences.where('documentId').equals(first.id).count()).toBe(0);
    expect(await db.addedTexts.get(first.id)).toBeUndefined();
    expect(await db.addedPassages.where('documentId').equals(second.id).count()).toBe(
      second.passageCount,
    );
    expect(await db.passages.count()).toBe(CORPUS.passages.length);
    expect(await clips.list()).toHaveLength(1);
    expect(await corpus().delete(first.id)).toBe(false);
    await expect(corpus().delete('appf-2021')).rejects.toThrow(/Only documents you added/);
  });

  it('lists what was added, oldest first', async () => {
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 7, 10, minute++));
    const store = new AddedCorpus(db, { linkTerms, now: clock });
    await store.add(draft({ title: 'First' }));
    await store.add(draft({ title: 'Second', text: `${TEXT}\n\n3. Decides to act.` }));
    const listed = await store.list();
    expect(listed.map((document) => document.title)).toEqual(['First', 'Second']);
  });
});

describe('the reader’s documents through re-seeding and upgrades', () => {
  it('survive the built-in corpus being replaced by another', async () => {
    await seedCorpus(db, CORPUS);
    const added = await corpus().add(draft());
    await seedCorpus(db, { ...CORPUS, hash: `${CORPUS.hash}-next` });
    expect(await db.addedDocuments.get(added.id)).toMatchObject({ title: added.title });
    expect(await db.addedPassages.where('documentId').equals(added.id).count()).toBe(
      added.passageCount,
    );
  });

  it('version 6 adds their tables and keeps the clips and the corpus of version 5', async () => {
    const name = `pledgemark-added-upgrade-${++dbCount}`;
    const older = new Dexie(name);
    older.version(5).stores(VERSION_4_STORES);
    const clip = { passageId: 'appf-2021:op2', position: 1, createdAt: '2026-01-01T00:00:00.000Z' };
    await older.table('clips').add(clip);
    await older.table('documents').bulkAdd(CORPUS.documents);
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    try {
      expect(await upgraded.clips.toArray()).toEqual([{ ...clip, id: 1 }]);
      expect(await upgraded.documents.count()).toBe(CORPUS.documents.length);
      expect(await upgraded.addedDocuments.count()).toBe(0);
      const store = new AddedCorpus(upgraded, { linkTerms });
      await store.add(draft());
      expect(await upgraded.addedDocuments.count()).toBe(1);
    } finally {
      await upgraded.delete();
    }
  });
});
