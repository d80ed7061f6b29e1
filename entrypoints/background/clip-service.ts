import { ClipStore } from '../../data/store/clips';
import type { PledgemarkDatabase } from '../../data/store/db';
import type { BackgroundProtocol, Handlers } from '../../utils/messaging';

/** The calls about the user's clips. */
export type ClipHandlers = Pick<
  Handlers<BackgroundProtocol>,
  'saveClip' | 'listClips' | 'moveClip' | 'removeClip' | 'restoreClip'
>;

/**
 * Answers the clip calls from the clip store. Saving cites the passage from the corpus, so it
 * waits for the corpus to be seeded; the list itself needs only the database.
 */
export function createClipService(
  db: PledgemarkDatabase,
  ensureSeeded: () => Promise<void>,
): ClipHandlers {
  const clips = new ClipStore(db);
  return {
    saveClip: async ({ passageId }) => (await ensureSeeded(), clips.save(passageId)),
    listClips: () => clips.list(),
    moveClip: ({ clipId, toIndex }) => clips.move(clipId, toIndex),
    removeClip: ({ clipId }) => clips.remove(clipId),
    restoreClip: ({ clipId }) => clips.restore(clipId),
  };
}
