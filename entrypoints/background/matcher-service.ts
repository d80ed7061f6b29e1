import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import type { CompiledMatcher } from '../../utils/term-matcher';

export type MatcherHandlers = Pick<Handlers<BackgroundProtocol>, 'loadMatcher'>;

/**
 * The compiled term matcher, read once per background lifetime and handed to every frame's
 * content script and to the popup, so that neither carries it in its own script: the content
 * script runs in every frame of every page, and compiling it there was its largest start-up cost.
 * A failed read is not kept: the next call tries again.
 */
export function createMatcherService(read: () => Promise<CompiledMatcher>): MatcherHandlers {
  let reading: Promise<CompiledMatcher> | null = null;
  return {
    loadMatcher: () => {
      reading ??= read().catch((error: unknown) => {
        reading = null;
        throw error;
      });
      return reading;
    },
  };
}
