import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipStore, UNDO_WINDOW_MS } from '../../data/store/clips';
import { StorageError } from '../../data/store/storage-errors';
import { PledgemarkDatabase } from '../../data/store/db';
import { CORPUS } from './corpus-fixture';
import { VERSION_1_STORES } from './older-schemas';

const G7_PNR = 'g7-action-plan-2016:a1.border-security.b2';
const WORKPLAN_PNR = 'apec-workplan-2017:introduction.step-9';
const PLAN_PNR = 'apec-strategic-plan-2018:fa5';

let db: PledgemarkDatabase;
let dbCount = 0;
let clock: Date;
let store: ClipStore;

/** The corpus records a clip is cited from (the search index is not needed here). */
async function putCorpus(target: Pick<Dexie, 'table'>): Promise<void> {
  await target.table('documents').bulkAdd(CORPUS.documents);
  await target.table('passages').bulkAdd(CORPUS.passages);
  await target.table('actors').bulkAdd(CORPUS.actors);
}

beforeEach(async () => {
  db = new PledgemarkDatabase(`pledgemark-clips-test-${++dbCount}`);
  await putCorpus(db);
  clock = new Date('2026-03-14T09:00:00Z');
  store = new ClipStore(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

const ids = (clips: { passageId: string }[]) => clips.map((clip) => clip.passageId);

describe('ClipStore', () => {
  it('saves a passage with its full citation, at the end of the list', async () => {
    const first = await store.save(G7_PNR);
    clock = new Date('2026-03-14T09:05:00Z');
    const second = await store.save(PLAN_PNR);
    expect(first.alreadySaved).toBe(false);
    expect(first.clip).toMatchObject({
      passageId: G7_PNR,
      savedAt: '2026-03-14T09:00:00.000Z',
      citation: {
        id: G7_PNR,
        locator: 'Action 1 › Border Security › bullet 2',
        kind: 'commitment',
        document: { shortTitle: 'G7 Action Plan 2016', dateLabel: 'May 2016' },
        actor: { name: 'G7' },
      },
    });
    expect(second.clip.savedAt).toBe('2026-03-14T09:05:00.000Z');
    expect(ids(await store.list())).toEqual([G7_PNR, PLAN_PNR]);
  });

  it('does not save the same passage twice, and says it was already saved', async () => {
    const saved = await store.save(G7_PNR);
    const again = await store.save(G7_PNR);
    expect(again).toEqual({ clip: saved.clip, alreadySaved: true });
    expect(await db.clips.count()).toBe(1);
  });

  it('refuses a passage the corpus does not have', async () => {
    await expect(store.save('no-such-document:p1')).rejects.toThrow(/no passage/);
    expect(await db.clips.count()).toBe(0);
  });

  it('moves a clip to a new place, keyboard-style one step or anywhere, clamped to the ends', async () => {
    for (const passageId of [G7_PNR, WORKPLAN_PNR, PLAN_PNR]) await store.save(passageId);
    const [g7, workplan, plan] = await store.list();
    expect(ids(await store.move(plan!.id, 1))).toEqual([G7_PNR, PLAN_PNR, WORKPLAN_PNR]);
    expect(ids(await store.move(g7!.id, 99))).toEqual([PLAN_PNR, WORKPLAN_PNR, G7_PNR]);
    expect(ids(await store.move(workplan!.id, -1))).toEqual([WORKPLAN_PNR, PLAN_PNR, G7_PNR]);
    // The order is stored, not only answered.
    expect(ids(await new ClipStore(db).list())).toEqual([WORKPLAN_PNR, PLAN_PNR, G7_PNR]);
    await expect(store.move(12345, 0)).rejects.toThrow(/no longer in the list/);
  });

  it('removes a clip and restores it to its place (undo)', async () => {
    for (const passageId of [G7_PNR, WORKPLAN_PNR, PLAN_PNR]) await store.save(passageId);
    const [, workplan] = await store.list();
    expect(ids(await store.remove(workplan!.id))).toEqual([G7_PNR, PLAN_PNR]);
    expect(ids(await store.remove(workplan!.id))).toEqual([G7_PNR, PLAN_PNR]);
    expect(ids(await store.restore(workplan!.id))).toEqual([G7_PNR, WORKPLAN_PNR, PLAN_PNR]);
    expect((await store.list())[1]).toEqual(workplan);
  });

  it('deletes a removed clip for good at the next removal or after the undo window', async () => {
    for (const passageId of [G7_PNR, WORKPLAN_PNR, PLAN_PNR]) await store.save(passageId);
    const [g7, workplan, plan] = await store.list();
    await store.remove(g7!.id);
    await store.remove(workplan!.id);
    await expect(store.restore(g7!.id)).rejects.toThrow(/too late to undo/);
    clock = new Date(clock.getTime() + UNDO_WINDOW_MS + 1);
    expect(ids(await store.list())).toEqual([PLAN_PNR]);
    await expect(store.restore(workplan!.id)).rejects.toThrow(/too late to undo/);
    expect(await db.clips.count()).toBe(1);
    await store.remove(plan!.id);
    expect((await store.save(PLAN_PNR)).alreadySaved).toBe(false);
    expect(await db.clips.count()).toBe(1);
  });

  it('turns a full disk into a clear message and loses nothing', async () => {
    await store.save(G7_PNR);
    vi.spyOn(db.clips, 'add').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const failure = await store.save(PLAN_PNR).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toMatch(/no room left.*nothing was changed.*clips are safe/);
    expect(ids(await store.list())).toEqual([G7_PNR]);
  });

  it('gives up on a blocked database with a clear message', async () => {
    const name = `pledgemark-clips-blocked-${dbCount}`;
    const older = new VersionOneDatabase(name);
    await older.open();
    // An old connection that will not close blocks the upgrade to version 2.
    older.on('versionchange', () => false);
    const blocked = new PledgemarkDatabase(name);
    const failure = await new ClipStore(blocked, () => clock, 50)
      .list()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toMatch(/did not answer.*clips are safe/);
    older.close();
    expect(await new ClipStore(blocked).list()).toEqual([]);
    await blocked.delete();
  });
});

/** The schema as version 1 shipped it, to make a database as a user of that version has it. */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(VERSION_1_STORES);
  }
}

describe('the database upgrade to version 2', () => {
  it('keeps every version 1 clip, in order, and adds the citations it can', async () => {
    const name = `pledgemark-clips-upgrade-${dbCount}`;
    const older = new VersionOneDatabase(name);
    await putCorpus(older);
    const v1Clips = [
      { passageId: PLAN_PNR, position: 0, createdAt: '2025-11-02T10:00:00.000Z' },
      { passageId: 'retired-document:p9', position: 1, createdAt: '2025-11-03T10:00:00.000Z' },
      { passageId: G7_PNR, position: 2, createdAt: '2025-11-04T10:00:00.000Z' },
    ];
    await older.table('clips').bulkAdd(v1Clips);
    older.close();

    const upgraded = new PledgemarkDatabase(name);
    await upgraded.open();
    // Through version 2 to the current one (3 to 5 are about the search index, 6 to 8 about
    // the reader's documents and terms: none about the clips).
    expect(upgraded.verno).toBe(8);
    const clips = await new ClipStore(upgraded).list();
    expect(clips.map(({ id, passageId, savedAt }) => ({ id, passageId, savedAt }))).toEqual(
      v1Clips.map((clip, i) => ({ id: i + 1, passageId: clip.passageId, savedAt: clip.createdAt })),
    );
    expect(clips[0]!.citation).toMatchObject({
      id: PLAN_PNR,
      locator: 'FA5',
      document: { shortTitle: 'APEC CTWG Strategic Plan 2018–2022' },
    });
    expect(clips[1]!.citation).toBeNull();
    expect(clips[2]!.citation?.actor.name).toBe('G7');
    await upgraded.delete();
  });
});
