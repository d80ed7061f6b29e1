import type { PledgemarkDatabase } from '../../data/store/db';
import type { CorpusQueries } from '../../data/store/search/queries';
import { UserTerms, type LinkWithTerms } from '../../data/store/user-terms';
import type { BackgroundProtocol, Handlers } from '../../utils/messaging';
import { documentTermCounts, TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { termToDraft, type UserTerm } from '../../utils/user-term';
import { toTermSummary, type UserTermView } from '../../utils/views';

export type UserTermHandlers = Pick<
  Handlers<BackgroundProtocol>,
  'saveTerm' | 'deleteTerm' | 'listUserTerms'
>;

export interface UserTermsDeps {
  db: PledgemarkDatabase;
  queries: CorpusQueries;
  ensureSeeded: () => Promise<void>;
  /** The matcher with the given terms as the reader's (the packaged one with them). */
  compileWith: (terms: readonly UserTerm[]) => Promise<CompiledMatcher>;
  /** The reader's terms changed: the matcher is compiled again and open pages told. */
  userTermsChanged: () => Promise<unknown>;
}

/**
 * The reader's own terms: saved, deleted and listed. A term is linked to every document that
 * mentions it by the matcher the content scripts will get, and is highlighted on open pages by
 * the time the call answers.
 */
export function createUserTermsService(deps: UserTermsDeps) {
  const { db, queries, ensureSeeded } = deps;
  const linkWithTerms: LinkWithTerms = async (terms) => {
    const matcher = new TermMatcher(await deps.compileWith(terms));
    return (texts) => documentTermCounts(matcher, texts);
  };
  const store = new UserTerms(db, { linkWithTerms });
  const viewOf = async (term: UserTerm): Promise<UserTermView> => ({
    term: toTermSummary(term),
    draft: termToDraft(term),
    passageCount: await db.addedOccurrences.where('termId').equals(term.id).count(),
    updatedAt: term.updatedAt,
  });
  const changed = async () => {
    queries.userTermsChanged();
    await deps.userTermsChanged();
  };
  const handlers: UserTermHandlers = {
    saveTerm: async ({ draft, termId }) => {
      await ensureSeeded();
      const term = await store.save(draft, termId);
      await changed();
      return viewOf(term);
    },
    deleteTerm: async ({ termId }) => {
      const deleted = await store.delete(termId);
      if (deleted) await changed();
      return { deleted };
    },
    listUserTerms: async () => Promise.all((await store.list()).map(viewOf)),
  };
  return {
    handlers,
    /** The reader's terms, for the matcher (no seeding needed: their table is theirs alone). */
    list: () => store.list(),
    /** Links passages with the glossary's terms and the given terms of the reader's. */
    linkWithTerms,
    /** After the built-in corpus was replaced: the reader's terms are linked into it again. */
    relinkAll: () => store.relinkAll(),
  };
}
