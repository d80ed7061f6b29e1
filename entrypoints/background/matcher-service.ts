import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import {
  compileMatcher,
  termsOfMatcher,
  TermMatcher,
  type CompiledMatcher,
} from '../../utils/term-matcher';
import type { UserTerm } from '../../utils/user-term';

export type MatcherHandlers = Pick<Handlers<BackgroundProtocol>, 'loadMatcher'>;

/** The matcher compiled with the reader's terms, as kept in extension storage. */
export interface StoredMatcher {
  /** The packaged matcher it was compiled from (the corpus hash). */
  builtIn: string;
  /** The reader's terms it holds (`termsKey`). */
  terms: string;
  matcher: CompiledMatcher;
}

export interface MatcherServiceDeps {
  /** The packaged matcher, compiled from the glossary at build time. */
  readPackaged: () => Promise<CompiledMatcher>;
  /** What identifies the packaged matcher (the corpus hash it was built with). */
  builtInKey: string;
  /** The reader's terms. */
  userTerms: () => Promise<UserTerm[]>;
  /** The last matcher compiled with the reader's terms, in extension storage. */
  stored: {
    get: () => Promise<StoredMatcher | null>;
    set: (value: StoredMatcher) => Promise<void>;
  };
  /** Tells open pages that the matcher changed (they ask for it again). */
  announce: (termsKey: string) => Promise<void>;
}

/** Whether a content script can read the matcher (a stored copy may be damaged). */
function loads(matcher: CompiledMatcher): boolean {
  try {
    new TermMatcher(matcher);
    return matcher.version === 5;
  } catch {
    return false;
  }
}

/** Identifies a set of the reader's terms as saved: each id with when it last changed. */
export function termsKey(terms: readonly UserTerm[]): string {
  return terms.map((term) => `${term.id}@${term.updatedAt}`).join(' ');
}

/** The packaged matcher with the reader's terms after the glossary's (its own aliases first). */
export function withUserTerms(
  packaged: CompiledMatcher,
  terms: readonly UserTerm[],
): CompiledMatcher {
  return compileMatcher([...termsOfMatcher(packaged), ...terms]);
}

/**
 * The term matcher every frame's content script and the popup ask for, so that none carries it
 * in its own script. With no terms of the reader's it is the packaged one, read once per
 * background lifetime. With theirs, it is compiled from the packaged one and their terms and kept
 * in extension storage, so that a background started again does not compile it again. Whatever
 * goes wrong with the reader's terms (a blocked database, a term that does not compile), the
 * packaged matcher answers: built-in highlighting never stops for them. A failed read of the
 * packaged matcher is not kept: the next call tries again.
 */
export function createMatcherService(deps: MatcherServiceDeps) {
  let packaged: Promise<CompiledMatcher> | null = null;
  let current: Promise<CompiledMatcher> | null = null;
  const readPackaged = () =>
    (packaged ??= deps.readPackaged().catch((error: unknown) => {
      packaged = null;
      throw error;
    }));

  const compile = async (): Promise<{ matcher: CompiledMatcher; key: string }> => {
    const builtIn = await readPackaged();
    let terms: UserTerm[];
    try {
      terms = await deps.userTerms();
    } catch (error) {
      console.error(
        'Pledgemark highlights only the glossary: your terms could not be read.',
        error,
      );
      return { matcher: builtIn, key: '' };
    }
    const key = termsKey(terms);
    if (terms.length === 0) return { matcher: builtIn, key };
    const stored = await deps.stored.get().catch(() => null);
    if (stored?.builtIn === deps.builtInKey && stored.terms === key && loads(stored.matcher)) {
      return { matcher: stored.matcher, key };
    }
    try {
      const matcher = withUserTerms(builtIn, terms);
      if (!loads(matcher)) throw new Error('the compiled matcher does not load');
      await deps.stored
        .set({ builtIn: deps.builtInKey, terms: key, matcher })
        .catch((error: unknown) => console.error(error));
      return { matcher, key };
    } catch (error) {
      console.error('Pledgemark highlights only the glossary: your terms did not compile.', error);
      return { matcher: builtIn, key: '' };
    }
  };

  const loadMatcher = () => {
    current ??= compile()
      .then(({ matcher }) => matcher)
      .catch((error: unknown) => {
        current = null;
        throw error;
      });
    return current;
  };

  const handlers: MatcherHandlers = { loadMatcher: () => loadMatcher() };
  return {
    handlers,
    loadMatcher,
    /** The matcher with the given terms as the reader's, to link passages with before saving. */
    compileWith: async (terms: readonly UserTerm[]) => withUserTerms(await readPackaged(), terms),
    /** The reader's terms changed: compiles the matcher again and tells open pages. */
    async userTermsChanged(): Promise<CompiledMatcher> {
      current = null;
      const next = compile();
      current = next.then(({ matcher }) => matcher);
      current.catch(() => (current = null));
      const { matcher, key } = await next;
      await deps.announce(key).catch((error: unknown) => console.error(error));
      return matcher;
    },
  };
}
