import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PledgemarkDatabase } from '../../data/store/db';
import { createCorpusService } from '../../entrypoints/background/corpus-service';
import { CORPUS } from './corpus-fixture';

let db: PledgemarkDatabase;

afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('the background’s corpus service', () => {
  it('links the reader’s terms again only after a corpus was stored in place of another', async () => {
    db = new PledgemarkDatabase(`corpus-service-${crypto.randomUUID()}`);
    const onSeeded = vi.fn(async () => undefined);
    const first = createCorpusService(
      { hash: CORPUS.hash, load: async () => CORPUS },
      db,
      onSeeded,
    );
    await first.ensureSeeded();
    await first.ensureSeeded();
    expect(onSeeded).toHaveBeenCalledTimes(1);
    // A background started again with the same corpus: nothing is seeded, nothing relinked.
    const again = createCorpusService(
      { hash: CORPUS.hash, load: async () => CORPUS },
      db,
      onSeeded,
    );
    await again.ensureSeeded();
    expect(onSeeded).toHaveBeenCalledTimes(1);
  });

  it('keeps the corpus it stored when relinking fails, and says so in the console', async () => {
    db = new PledgemarkDatabase(`corpus-service-${crypto.randomUUID()}`);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const service = createCorpusService(
      { hash: CORPUS.hash, load: async () => CORPUS },
      db,
      async () => {
        throw new Error('QuotaExceededError');
      },
    );
    await service.ensureSeeded();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: 'QuotaExceededError' }));
    expect(await service.handlers.lookupTerm({ termId: 'fatf' }, {})).toMatchObject({
      term: { id: 'fatf' },
    });
  });
});
