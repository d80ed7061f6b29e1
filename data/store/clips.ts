import { ADDED_ID_PREFIX } from '../../utils/corpus-types';
import { toCitedPassage, type ClipView, type SavedClip } from '../../utils/views';
import type { Clip, PledgemarkDatabase } from './db';
import { abortWith, guardStorage, STORAGE_TIMEOUT_MS } from './storage-errors';

/** How long a removed clip can be restored (undo) before it is deleted for good. */
export const UNDO_WINDOW_MS = 30 * 60_000;

/** What the user is told is safe when the database fails a clip operation. */
const CLIPS_ARE_SAFE = 'Your clips are safe.';

/**
 * The user's clip list in IndexedDB: passages saved while reading, in the user's order. Each clip
 * keeps the citation it was saved with. Every change runs in one transaction, so a failure (a
 * full disk, a blocked database) leaves the list as it was.
 */
export class ClipStore {
  constructor(
    private readonly db: PledgemarkDatabase,
    /** Test seams. */
    private readonly now: () => Date = () => new Date(),
    private readonly timeoutMs = STORAGE_TIMEOUT_MS,
  ) {}

  /**
   * Saves a passage of the corpus at the end of the list, cited from the corpus as it stands. A
   * passage already in the list is not added again.
   */
  save(passageId: string): Promise<SavedClip> {
    const { db } = this;
    return this.guard((signal) =>
      db.transaction(
        'rw',
        [
          db.clips,
          db.passages,
          db.documents,
          db.actors,
          db.addedPassages,
          db.addedDocuments,
          db.addedActors,
        ],
        async (transaction) => {
          abortWith(signal, transaction);
          const existing = await db.clips.where('passageId').equals(passageId).toArray();
          const kept = existing.find((clip) => clip.removedAt === undefined);
          if (kept) return { clip: toClipView(kept), alreadySaved: true };
          // A passage of a document the reader added is in the reader's own tables.
          const added = passageId.startsWith(ADDED_ID_PREFIX);
          const passage = await (added ? db.addedPassages : db.passages).get(passageId);
          if (!passage) throw new Error(`Pledgemark has no passage ${passageId}`);
          const [document, actor] = await Promise.all([
            (added ? db.addedDocuments : db.documents).get(passage.documentId),
            (added ? db.addedActors : db.actors).get(passage.actorId),
          ]);
          if (!document || !actor) throw new Error(`Pledgemark cannot cite passage ${passageId}`);
          const last = await db.clips.orderBy('position').last();
          const clip: Clip = {
            passageId,
            position: (last?.position ?? -1) + 1,
            createdAt: this.now().toISOString(),
            citation: toCitedPassage(passage, document, actor),
          };
          // A removed clip of the same passage is superseded by the new one.
          await db.clips.bulkDelete(existing.map((removed) => removed.id!));
          const id = await db.clips.add(clip);
          return { clip: toClipView({ ...clip, id }), alreadySaved: false };
        },
      ),
    );
  }

  /** The clips in the user's order. Removed clips past their undo window are deleted here. */
  list(): Promise<ClipView[]> {
    const { db } = this;
    return this.guard((signal) =>
      db.transaction('rw', db.clips, async (transaction) => {
        abortWith(signal, transaction);
        const expired = (await db.clips.toArray()).filter(
          (clip) =>
            clip.removedAt !== undefined &&
            this.now().getTime() - Date.parse(clip.removedAt) > UNDO_WINDOW_MS,
        );
        await db.clips.bulkDelete(expired.map((clip) => clip.id!));
        return this.kept();
      }),
    );
  }

  /** Moves a clip to `toIndex` in the list (clamped to its ends); answers with the new order. */
  move(clipId: number, toIndex: number): Promise<ClipView[]> {
    const { db } = this;
    return this.guard((signal) =>
      db.transaction('rw', db.clips, async (transaction) => {
        abortWith(signal, transaction);
        const clips = await this.keptClips();
        const from = clips.findIndex((clip) => clip.id === clipId);
        if (from < 0) throw new Error('That clip is no longer in the list');
        const [moved] = clips.splice(from, 1);
        clips.splice(Math.min(Math.max(toIndex, 0), clips.length), 0, moved!);
        await db.clips.bulkPut(clips.map((clip, position) => ({ ...clip, position })));
        return this.kept();
      }),
    );
  }

  /**
   * Removes a clip, restorable with `restore` until the next removal or the end of the undo
   * window. Removing a clip that is already removed changes nothing.
   */
  remove(clipId: number): Promise<ClipView[]> {
    const { db } = this;
    return this.guard((signal) =>
      db.transaction('rw', db.clips, async (transaction) => {
        abortWith(signal, transaction);
        const clip = await db.clips.get(clipId);
        if (!clip) throw new Error('That clip is no longer in the list');
        if (clip.removedAt === undefined) {
          // Only the latest removal can be undone: earlier ones are deleted for good now.
          const earlier = (await db.clips.toArray()).filter(
            (other) => other.removedAt !== undefined,
          );
          await db.clips.bulkDelete(earlier.map((other) => other.id!));
          await db.clips.update(clipId, { removedAt: this.now().toISOString() });
        }
        return this.kept();
      }),
    );
  }

  /** Undoes the removal of a clip: it returns to the place it had. */
  restore(clipId: number): Promise<ClipView[]> {
    const { db } = this;
    return this.guard((signal) =>
      db.transaction('rw', db.clips, async (transaction) => {
        abortWith(signal, transaction);
        const clip = await db.clips.get(clipId);
        if (!clip) throw new Error('It is too late to undo: that clip was deleted for good');
        if (clip.removedAt !== undefined) {
          await db.clips.update(clipId, { removedAt: undefined });
        }
        return this.kept();
      }),
    );
  }

  /** The clips not removed, in the user's order (the index orders equal positions by id). */
  private async keptClips(): Promise<Clip[]> {
    const clips = await this.db.clips.orderBy('position').toArray();
    return clips.filter((clip) => clip.removedAt === undefined);
  }

  private async kept(): Promise<ClipView[]> {
    return (await this.keptClips()).map(toClipView);
  }

  /**
   * Runs a database operation, turning the browser's storage failures into messages for the
   * user and giving up waiting on a database that does not answer (blocked by a connection
   * that holds an older version open).
   */
  private guard<T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return guardStorage(operation, CLIPS_ARE_SAFE, this.timeoutMs);
  }
}

function toClipView(clip: Clip): ClipView {
  return {
    id: clip.id!,
    passageId: clip.passageId,
    savedAt: clip.createdAt,
    citation: clip.citation ?? null,
  };
}
