import { callBackground, type SendMessage } from './messaging';

/** What a passage's "Save clip" control shows. */
export type ClipMark =
  | { status: 'saving' }
  /** In the clip list: saved just now or earlier. */
  | { status: 'saved' }
  /** The reader tried to save a passage that was already in the list. */
  | { status: 'already-saved' }
  | { status: 'error'; message: string };

/** Clip marks by passage id; a passage with none offers "Save clip". */
export type ClipMarks = Readonly<Record<string, ClipMark>>;

/**
 * The marks of the passages already in the clip list. If the list cannot be read, no passage is
 * marked: saving one again is harmless, the background answers that it is already saved.
 */
export async function loadClipMarks(send: SendMessage): Promise<ClipMarks> {
  const result = await callBackground(send, 'listClips', {});
  if (!result.ok) return {};
  return Object.fromEntries(result.value.map((clip) => [clip.passageId, { status: 'saved' }]));
}

/** Saves a passage to the clip list; answers the mark it should show. */
export async function saveClip(send: SendMessage, passageId: string): Promise<ClipMark> {
  const result = await callBackground(send, 'saveClip', { passageId });
  if (!result.ok) return { status: 'error', message: result.error.message };
  return { status: result.value.alreadySaved ? 'already-saved' : 'saved' };
}
