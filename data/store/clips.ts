import { toCitedPassage, type ClipView, type SavedClip } from '../../utils/views';
import type { Clip, PledgemarkDatabase } from './db';

/** How long a removed clip can be restored (undo) before it is deleted for good. */
export const UNDO_WINDOW_MS = 30 * 60_000;
/** How long a clip operation may wait for the database before the user is told it is stuck. */
export const STORAGE_TIMEOUT_MS = 10_000;

/**
 * A failure of the browser's database, worded for the user: what happened, and that the clips
 * already saved are safe (a failed IndexedDB transaction changes nothing).
 */
export class ClipStorageError extends Error {
  override readonly name = 'ClipStorageError';
  /** Answered to the caller as a `storage` error: something the user can act on. */
  readonly code = 'storage';
}

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
    return this.guard(() =>
      db.transaction('rw', [db.clips, db.passages, db.documents, db.actors], async () => {
        const existing = await db.clips.where('passageId').equals(passageId).toArray();
        const kept = existing.find((clip) => clip.removedAt === undefined);
        if (kept) return { clip: toClipView(kept), alreadySaved: true };
        const passage = await db.passages.get(passageId);
        if (!passage) throw new Error(`Pledgemark has no passage ${passageId}`);
        const [document, actor] = await Promise.all([
          db.documents.get(passage.documentId),
          db.actors.get(passage.actorId),
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
      }),
    );
  }

  /** The clips in the user's order. Removed clips past their undo window are deleted here. */
  list(): Promise<ClipView[]> {
    const { db } = this;
    return this.guard(() =>
      db.transaction('rw', db.clips, async () => {
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
    return this.guard(() =>
      db.transaction('rw', db.clips, async () => {
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
    return this.guard(() =>
      db.transaction('rw', db.clips, async () => {
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
    return this.guard(() =>
      db.transaction('rw', db.clips, async () => {
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
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ClipStorageError(
              'The browser’s database did not answer: another Pledgemark tab may be holding it ' +
                'open. Close other Pledgemark tabs and try again. Your clips are safe.',
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation(), stuck]);
    } catch (error) {
      throw storageError(error);
    } finally {
      clearTimeout(timer);
    }
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

/** The names a failure goes by: its own, and those of the errors it wraps (Dexie's `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') break;
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

/** IndexedDB failures that mean the database cannot be opened or used in this browser now. */
const UNAVAILABLE = new Set([
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'MissingAPIError',
  'VersionError',
  'UnknownError',
]);

/** A failure as the user should read it; errors that are not about storage pass unchanged. */
export function storageError(error: unknown): Error {
  if (error instanceof ClipStorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return new ClipStorageError(
      'The browser has no room left for Pledgemark’s data, so nothing was changed. Free some ' +
        'disk space (or clear other sites’ data) and try again. Your clips are safe.',
    );
  }
  if (names.some((name) => UNAVAILABLE.has(name))) {
    return new ClipStorageError(
      'Pledgemark cannot use the browser’s database right now (a private window or a storage ' +
        'setting may block it), so nothing was changed. Your clips are safe.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
