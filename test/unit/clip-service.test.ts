import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PledgemarkDatabase } from '../../data/store/db';
import { createClipService, type ClipHandlers } from '../../entrypoints/background/clip-service';
import {
  BACKGROUND_VALIDATORS,
  CHANNEL,
  dispatchMessage,
  type BackgroundProtocol,
} from '../../utils/messaging';
import { CORPUS } from './corpus-fixture';

type ClipProtocol = Pick<BackgroundProtocol, keyof ClipHandlers>;
const OWN_ID = 'pledgemark-test';
const VALIDATORS = {
  saveClip: BACKGROUND_VALIDATORS.saveClip,
  listClips: BACKGROUND_VALIDATORS.listClips,
  moveClip: BACKGROUND_VALIDATORS.moveClip,
  removeClip: BACKGROUND_VALIDATORS.removeClip,
  restoreClip: BACKGROUND_VALIDATORS.restoreClip,
};

let db: PledgemarkDatabase;
let dbCount = 0;
let handlers: ClipHandlers;
let ensureSeeded: ReturnType<typeof vi.fn<() => Promise<void>>>;

/** Stands for the corpus service: seeds the tables a clip is cited from. */
async function seed(): Promise<void> {
  if ((await db.passages.count()) > 0) return;
  await db.documents.bulkAdd(CORPUS.documents);
  await db.passages.bulkAdd(CORPUS.passages);
  await db.actors.bulkAdd(CORPUS.actors);
}

const ask = <N extends keyof ClipProtocol>(name: N, request: ClipProtocol[N]['request']) =>
  dispatchMessage<ClipProtocol>(
    VALIDATORS,
    handlers,
    OWN_ID,
    { channel: CHANNEL, name, request },
    { id: OWN_ID },
  );

beforeEach(() => {
  db = new PledgemarkDatabase(`pledgemark-clip-service-${++dbCount}`);
  ensureSeeded = vi.fn(seed);
  handlers = createClipService(db, ensureSeeded);
});
afterEach(async () => {
  await db.delete();
});

describe('the clip calls', () => {
  it('save a passage once the corpus is seeded, and answer with serialisable results', async () => {
    const saved = await ask('saveClip', { passageId: 'apec-strategic-plan-2018:fa5' });
    expect(ensureSeeded).toHaveBeenCalled();
    expect(saved).toMatchObject({
      ok: true,
      value: { alreadySaved: false, clip: { passageId: 'apec-strategic-plan-2018:fa5' } },
    });
    const listed = await ask('listClips', {});
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    expect(listed).toMatchObject({ ok: true, value: [{ citation: { locator: 'FA5' } }] });
  });

  it('answer a full disk with a storage error the popup can show, and lose nothing', async () => {
    await ask('saveClip', { passageId: 'apec-strategic-plan-2018:fa5' });
    vi.spyOn(db.clips, 'add').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const failed = await ask('saveClip', {
      passageId: 'g7-action-plan-2016:a1.border-security.b2',
    });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(!failed.ok && failed.error.message).toMatch(/no room left/);
    expect(await ask('listClips', {})).toMatchObject({
      ok: true,
      value: [{ passageId: 'apec-strategic-plan-2018:fa5' }],
    });
  });

  it('refuse to move or remove a clip that is not there, as an ordinary failure', async () => {
    expect(await ask('moveClip', { clipId: 41, toIndex: 0 })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'That clip is no longer in the list' },
    });
    expect(await ask('removeClip', { clipId: 41 })).toMatchObject({ ok: false });
  });
});
