import { describe, expect, it, vi } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import {
  createMatcherService,
  termsKey,
  type StoredMatcher,
} from '../../entrypoints/background/matcher-service';
import { draftAliases, type TermDraft, type UserTerm } from '../../utils/user-term';
import { requestMatcher, MATCHER_RETRY_DELAYS_MS } from '../../utils/matcher-client';
import {
  BACKGROUND_VALIDATORS,
  CHANNEL,
  dispatchMessage,
  type BackgroundProtocol,
  type Envelope,
  type Handlers,
  type Result,
} from '../../utils/messaging';
import {
  compileMatcher,
  corpusSense,
  termsOfMatcher,
  TermMatcher,
  type CompiledMatcher,
} from '../../utils/term-matcher';

const compiled = matcherJson as CompiledMatcher;

/** The packaged matcher, and a service whose reader has `terms`; storage in memory. */
function serviceWith(
  terms: UserTerm[] | (() => Promise<UserTerm[]>),
  read = vi.fn(async () => compiled),
) {
  let stored: StoredMatcher | null = null;
  const deps = {
    readPackaged: read,
    builtInKey: 'corpus-hash-1',
    userTerms: vi.fn(typeof terms === 'function' ? terms : async () => terms),
    stored: {
      get: vi.fn(async () => stored),
      set: vi.fn(async (value: StoredMatcher) => void (stored = value)),
    },
    announce: vi.fn(async () => undefined),
  };
  return { service: createMatcherService(deps), deps, stored: () => stored };
}

const userTerm = (label: string, aliases: TermDraft['aliases'], extra: Partial<TermDraft> = {}) => {
  const draft: TermDraft = {
    label,
    aliases,
    category: 'group',
    definition: '',
    cues: [],
    vetoes: [],
    ...extra,
  };
  return {
    id: `user-${label.toLowerCase().replace(/\W+/g, '-')}`,
    label,
    category: draft.category,
    aliases: draftAliases(draft),
    definition: '',
    sourcePassageIds: [],
    related: [],
    addedByUser: true,
    addedAt: '2026-12-07T10:00:00.000Z',
    updatedAt: '2026-12-07T10:00:00.000Z',
  } satisfies UserTerm;
};

describe('the background’s matcher service', () => {
  it('with no terms of the reader’s, reads the packaged matcher once for every caller', async () => {
    const read = vi.fn(async () => compiled);
    const { service } = serviceWith([], read);
    const [first, second] = await Promise.all([
      service.handlers.loadMatcher({}, {}),
      service.handlers.loadMatcher({}, {}),
    ]);
    expect(await service.handlers.loadMatcher({}, {})).toBe(first);
    expect(second).toBe(compiled);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    const read = vi
      .fn<() => Promise<CompiledMatcher>>()
      .mockRejectedValueOnce(new Error('the packaged matcher could not be read (404)'))
      .mockResolvedValueOnce(compiled);
    const { service } = serviceWith([], read);
    await expect(service.handlers.loadMatcher({}, {})).rejects.toThrow(/404/);
    expect(await service.handlers.loadMatcher({}, {})).toBe(compiled);
  });

  it('takes no fields', () => {
    expect(BACKGROUND_VALIDATORS.loadMatcher({})).toBeNull();
    expect(BACKGROUND_VALIDATORS.loadMatcher({ termIds: ['api'] })).toMatch(/no fields/);
  });

  it('compiles the packaged matcher again into itself: the terms it holds round-trip', () => {
    expect(compileMatcher(termsOfMatcher(compiled))).toEqual(compiled);
  });

  it('adds the reader’s terms after the glossary’s, which keep their aliases and order', async () => {
    const tehreek = userTerm('Tehreek-e-Labbaik Pakistan', ['TLP']);
    const { service, deps, stored } = serviceWith([tehreek]);
    const matcher = await service.loadMatcher();
    expect(matcher.aliases.slice(0, compiled.aliases.length)).toEqual(compiled.aliases);
    expect(matcher.aliases.slice(compiled.aliases.length).map((alias) => alias.text)).toEqual([
      'Tehreek-e-Labbaik Pakistan',
      'TLP',
    ]);
    const found = new TermMatcher(matcher).findMentions(
      'Both the FATF and the TLP were named.',
      corpusSense(new Set()),
    );
    expect(found.map((mention) => mention.termId)).toEqual(['fatf', tehreek.id]);
    expect(stored()).toMatchObject({ builtIn: 'corpus-hash-1', terms: termsKey([tehreek]) });
    expect(deps.stored.set).toHaveBeenCalledTimes(1);
  });

  it('a background started again takes the stored matcher instead of compiling it again', async () => {
    const terms = [userTerm('Operation Zarb-e-Azb', [])];
    const first = serviceWith(terms);
    const kept = await first.service.loadMatcher();
    const second = serviceWith(terms);
    second.deps.stored.get.mockResolvedValue(first.stored());
    expect(await second.service.loadMatcher()).toBe(kept);
    expect(second.deps.stored.set).not.toHaveBeenCalled();
  });

  it('compiles again when the stored matcher is of other terms, another corpus or damaged', async () => {
    const terms = [userTerm('Operation Zarb-e-Azb', [])];
    const kept = await serviceWith(terms).service.loadMatcher();
    const stale: StoredMatcher[] = [
      { builtIn: 'corpus-hash-0', terms: termsKey(terms), matcher: kept },
      { builtIn: 'corpus-hash-1', terms: 'user-other@2026', matcher: kept },
      {
        builtIn: 'corpus-hash-1',
        terms: termsKey(terms),
        matcher: { ...kept, trie: null } as unknown as CompiledMatcher,
      },
    ];
    for (const stored of stale) {
      const { service, deps } = serviceWith(terms);
      deps.stored.get.mockResolvedValue(stored);
      expect(await service.loadMatcher()).toEqual(kept);
      expect(deps.stored.set).toHaveBeenCalledTimes(1);
    }
  });

  it('answers with the packaged matcher when the reader’s terms cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { service } = serviceWith(async () => {
      throw new Error('DatabaseClosedError');
    });
    expect(await service.loadMatcher()).toBe(compiled);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/could not be read/),
      expect.anything(),
    );
    error.mockRestore();
  });

  it('compiles again and tells open pages when the reader’s terms change', async () => {
    const terms: UserTerm[] = [];
    const { service, deps } = serviceWith(async () => [...terms]);
    expect(await service.loadMatcher()).toBe(compiled);
    terms.push(userTerm('Operation Zarb-e-Azb', []));
    const changed = await service.userTermsChanged();
    expect(changed.aliases.at(-1)?.text).toBe('Operation Zarb-e-Azb');
    expect(await service.loadMatcher()).toBe(changed);
    expect(deps.announce).toHaveBeenLastCalledWith(termsKey(terms));
    terms.length = 0;
    expect(await service.userTermsChanged()).toBe(compiled);
    expect(deps.announce).toHaveBeenLastCalledWith('');
  });
});

/** A background at the other end of `send`, through the real dispatcher, its JSON round trip. */
function backgroundAnswering(loadMatcher: Handlers<BackgroundProtocol>['loadMatcher']) {
  const handlers = { loadMatcher } as Handlers<BackgroundProtocol>;
  return vi.fn(async (envelope: Envelope) => {
    const answer = await dispatchMessage(BACKGROUND_VALIDATORS, handlers, 'own', envelope, {
      id: 'own',
    });
    return JSON.parse(JSON.stringify(answer)) as unknown;
  });
}

describe('asking for the matcher', () => {
  it('builds a working matcher from the background’s answer', async () => {
    const send = backgroundAnswering(async () => compiled);
    const answer = await requestMatcher(send, async () => {});
    expect(send).toHaveBeenCalledWith({ channel: CHANNEL, name: 'loadMatcher', request: {} });
    if (!answer.ok) throw new Error(answer.message);
    const text = 'The FATF reviewed Advance Passenger Information (API) rules.';
    const found = answer.matcher.findMentions(text, corpusSense(new Set(['fatf', 'api'])));
    expect(found.map((mention) => text.slice(mention.start, mention.end))).toEqual(
      expect.arrayContaining(['FATF', 'Advance Passenger Information', 'API']),
    );
  });

  it('waits and tries again while the background is not there yet', async () => {
    const unavailable: Result<never> = {
      ok: false,
      error: { code: 'unavailable', message: 'Receiving end does not exist.' },
    };
    const send = vi
      .fn<(envelope: Envelope) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('Could not establish connection.'))
      .mockResolvedValueOnce(unavailable)
      .mockResolvedValueOnce({ ok: true, value: compiled });
    const waits: number[] = [];
    const answer = await requestMatcher(send, async (ms) => void waits.push(ms));
    expect(answer.ok).toBe(true);
    expect(waits).toEqual(MATCHER_RETRY_DELAYS_MS.slice(0, 2));
  });

  it('gives up, saying why, when the background keeps away or cannot read the matcher', async () => {
    const away = vi.fn(async () => {
      throw new Error('Could not establish connection.');
    });
    const waits: number[] = [];
    expect(await requestMatcher(away, async (ms) => void waits.push(ms))).toEqual({
      ok: false,
      message: 'Could not establish connection.',
    });
    expect(waits).toEqual([...MATCHER_RETRY_DELAYS_MS]);
    expect(away).toHaveBeenCalledTimes(MATCHER_RETRY_DELAYS_MS.length + 1);

    const broken = backgroundAnswering(async () => {
      throw new Error('the packaged matcher could not be read (404)');
    });
    const noWaits = vi.fn(async () => {});
    expect(await requestMatcher(broken, noWaits)).toEqual({
      ok: false,
      message: 'the packaged matcher could not be read (404)',
    });
    expect(noWaits).not.toHaveBeenCalled();

    const garbled = backgroundAnswering(async () => ({ version: 5 }) as unknown as CompiledMatcher);
    const answer = await requestMatcher(garbled, noWaits);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.message).toMatch(/could not be read/);
  });
});
