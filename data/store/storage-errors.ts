/** How long an operation may wait for the database before the user is told it is stuck. */
export const STORAGE_TIMEOUT_MS = 10_000;

/**
 * A failure of the browser's database, worded for the user: what happened, what to do, and what
 * is safe (a failed IndexedDB transaction changes nothing).
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  /** Answered to the caller as a `storage` error: something the user can act on. */
  readonly code = 'storage';
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

/**
 * A failure as the user should read it, ending with what is safe ("Your clips are safe."); errors
 * that are not about storage pass unchanged.
 */
export function storageError(error: unknown, safe: string): Error {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return new StorageError(
      'The browser has no room left for Pledgemark’s data, so nothing was changed. Free some ' +
        `disk space (or clear other sites’ data) and try again. ${safe}`,
    );
  }
  if (names.some((name) => UNAVAILABLE.has(name))) {
    return new StorageError(
      'Pledgemark cannot use the browser’s database right now (a private window or a storage ' +
        `setting may block it), so nothing was changed. ${safe}`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Runs one database operation, its failures worded for the user, and gives up with a message if
 * the database does not answer in time (another tab holding it open for an upgrade). Giving up
 * aborts the operation's signal: a transaction bound to it (`abortWith`) is rolled back, or never
 * starts if it was still waiting, so that "nothing was changed" stays true.
 */
export async function guardStorage<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  safe: string,
  timeoutMs = STORAGE_TIMEOUT_MS,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new StorageError(
          'The browser’s database did not answer: another Pledgemark tab may be holding it ' +
            `open. Close other Pledgemark tabs and try again. ${safe}`,
        ),
      );
    }, timeoutMs);
  });
  const running = operation(controller.signal);
  // Once given up on, the operation's own failure (its abort) has nobody left to tell.
  running.catch(() => {});
  try {
    return await Promise.race([running, stuck]);
  } catch (error) {
    throw storageError(error, safe);
  } finally {
    clearTimeout(timer);
  }
}

/** Ties a transaction to a guard's signal: refused if already given up on, rolled back if later. */
export function abortWith(signal: AbortSignal, transaction: { abort(): void }): void {
  if (signal.aborted) throw new StorageError('The operation was given up on before it started.');
  signal.addEventListener('abort', () => {
    try {
      transaction.abort();
    } catch {
      // Already finished: it committed before the time ran out, or failed on its own.
    }
  });
}
