import { storage } from 'wxt/utils/storage';
import { callBackground, type SendMessage } from './messaging';
import { TermMatcher } from './term-matcher';

/**
 * How long to wait before each new try when the background does not answer: it may still be
 * starting (a service worker woken by this very call, an extension just installed or updated).
 */
export const MATCHER_RETRY_DELAYS_MS = [250, 1_000, 4_000] as const;

export type MatcherAnswer = { ok: true; matcher: TermMatcher } | { ok: false; message: string };

/**
 * The compiled term matcher, asked of the background (the only context that reads it from the
 * package). Tries again while the background is unavailable; any other failure, or an answer
 * that is not a matcher, is final: the caller goes on without marking terms.
 */
export async function requestMatcher(
  send: SendMessage,
  wait: (ms: number) => Promise<void>,
): Promise<MatcherAnswer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await callBackground(send, 'loadMatcher', {});
    if (answer.ok) {
      try {
        return { ok: true, matcher: new TermMatcher(answer.value) };
      } catch (error) {
        return { ok: false, message: `the term matcher could not be read: ${String(error)}` };
      }
    }
    const delay = MATCHER_RETRY_DELAYS_MS[attempt];
    if (answer.error.code !== 'unavailable' || delay === undefined) {
      return { ok: false, message: answer.error.message };
    }
    await wait(delay);
  }
}

/**
 * Which of the reader's terms the matcher last held, in extension storage: the background
 * changes it after compiling the matcher again, and every open page, watching it, asks for the
 * new matcher.
 */
const MATCHER_REVISION_KEY = 'local:matcherRevision';

export function announceMatcherChange(revision: string): Promise<void> {
  return storage.setItem<string>(MATCHER_REVISION_KEY, revision);
}

/** Calls back whenever the matcher changed. Returns the unsubscribe function. */
export function watchMatcherChanges(callback: () => void): () => void {
  return storage.watch<string>(MATCHER_REVISION_KEY, () => callback());
}
