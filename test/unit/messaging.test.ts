import { describe, expect, it, vi } from 'vitest';
import { MAX_PACK_BYTES } from '../../utils/pack';
import {
  BACKGROUND_VALIDATORS,
  callBackground,
  TAB_VALIDATORS,
  CHANNEL,
  dispatchMessage as dispatch,
  isOffscreenCopy,
  MAX_COPY_LENGTH,
  MAX_QUERY_LENGTH,
  OFFSCREEN_COPY_CHANNEL,
  type BackgroundProtocol,
  type Handlers,
  type MessageSender,
} from '../../utils/messaging';

const dispatchMessage = (
  handlers: Handlers<BackgroundProtocol>,
  ownId: string,
  message: unknown,
  sender: MessageSender,
) => dispatch(BACKGROUND_VALIDATORS, handlers, ownId, message, sender);

const OWN_ID = 'pledgemark-test';

function handlers(): Handlers<BackgroundProtocol> {
  return {
    lookupTerm: vi.fn(async () => null),
    search: vi.fn(async ({ query }) => ({ query, terms: [], passages: [], totalPassages: 0 })),
    getPassage: vi.fn(async () => null),
    getDocument: vi.fn(async () => null),
    reportPageTerms: vi.fn(async () => null),
    openTermView: vi.fn(async () => null),
    openDocument: vi.fn(async () => null),
    describeTerms: vi.fn(async () => []),
    saveClip: vi.fn(async ({ passageId }) => ({
      clip: { id: 1, passageId, savedAt: '2026-03-14T09:00:00.000Z', citation: null },
      alreadySaved: false,
    })),
    listClips: vi.fn(async () => []),
    moveClip: vi.fn(async () => []),
    removeClip: vi.fn(async () => []),
    restoreClip: vi.fn(async () => []),
    copyText: vi.fn(async () => null),
    shareHostSense: vi.fn(async () => null),
    hostPageSense: vi.fn(async () => null),
    loadMatcher: vi.fn(async () => {
      throw new Error('not used here');
    }),
    addDocument: vi.fn(async () => {
      throw new Error('not used here');
    }),
    deleteDocument: vi.fn(async () => ({ deleted: true })),
    listAddedDocuments: vi.fn(async () => []),
    saveTerm: vi.fn(async () => {
      throw new Error('not used here');
    }),
    deleteTerm: vi.fn(async () => ({ deleted: true })),
    listUserTerms: vi.fn(async () => []),
    exportPack: vi.fn(async () => {
      throw new Error('not used here');
    }),
    previewPack: vi.fn(async () => ({
      createdAt: '2026-12-08T09:00:00.000Z',
      documents: [],
      terms: [],
    })),
    importPack: vi.fn(async () => {
      throw new Error('not used here');
    }),
  };
}

describe('dispatchMessage', () => {
  it('answers a valid call with the handler’s value', async () => {
    const answer = await dispatchMessage(
      handlers(),
      OWN_ID,
      { channel: CHANNEL, name: 'search', request: { query: 'PNR' } },
      { id: OWN_ID },
    );
    expect(answer).toEqual({
      ok: true,
      value: { query: 'PNR', terms: [], passages: [], totalPassages: 0 },
    });
  });

  it('refuses messages from other extensions and from pages', async () => {
    const h = handlers();
    for (const sender of [{ id: 'another-extension' }, {}]) {
      const answer = await dispatchMessage(
        h,
        OWN_ID,
        { channel: CHANNEL, name: 'search', request: { query: 'x' } },
        sender,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(h.search).not.toHaveBeenCalled();
  });

  it('refuses unknown messages', async () => {
    for (const message of [
      null,
      'search',
      { channel: 'other', name: 'search', request: {} },
      { channel: CHANNEL, name: 'deleteEverything', request: {} },
      { channel: CHANNEL, name: 'toString', request: {} },
    ]) {
      expect(await dispatchMessage(handlers(), OWN_ID, message, { id: OWN_ID })).toMatchObject({
        ok: false,
        error: { code: 'unknown-message' },
      });
    }
  });

  it('refuses malformed requests with a message that names the problem', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['search', { query: 42 }, /query must be a string/],
      ['search', { query: 'x'.repeat(MAX_QUERY_LENGTH + 1) }, /longer than/],
      ['search', { query: 'x', limit: -1 }, /limit/],
      ['lookupTerm', { termId: '' }, /termId/],
      ['getPassage', [], /must be an object/],
      ['getDocument', { documentId: { id: 'x' } }, /documentId/],
      ['reportPageTerms', { termCounts: { fatf: -1 } }, /positive whole numbers/],
      ['reportPageTerms', { termCounts: [] }, /must be an object/],
    ];
    for (const [name, request, message] of cases) {
      const answer = await dispatchMessage(
        handlers(),
        OWN_ID,
        { channel: CHANNEL, name, request },
        { id: OWN_ID },
      );
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('bad-request');
        expect(answer.error.message).toMatch(message);
      }
    }
  });

  it('turns a handler’s failure into an error Result', async () => {
    const h = handlers();
    h.getDocument = async () => {
      throw new Error('database is closed');
    };
    expect(
      await dispatchMessage(
        h,
        OWN_ID,
        { channel: CHANNEL, name: 'getDocument', request: { documentId: 'x' } },
        { id: OWN_ID },
      ),
    ).toEqual({
      ok: false,
      error: { code: 'internal', message: 'database is closed' },
    });
  });
});

describe('failures the reader can act on', () => {
  it('keep the code the handler names; anything else is internal', async () => {
    for (const code of ['storage', 'bad-request', 'duplicate', 'forbidden', undefined]) {
      const h = handlers();
      h.deleteDocument = async () => {
        throw Object.assign(new Error('it failed'), { code });
      };
      const answer = await dispatchMessage(
        h,
        OWN_ID,
        { channel: CHANNEL, name: 'deleteDocument', request: { documentId: 'added-1' } },
        { id: OWN_ID },
      );
      const kept = code !== undefined;
      expect(answer).toEqual({
        ok: false,
        error: { code: kept ? code : 'internal', message: 'it failed' },
      });
    }
  });
});

describe('callBackground', () => {
  it('sends an envelope and returns the Result', async () => {
    const send = vi.fn(async () => ({ ok: true, value: null }));
    expect(await callBackground(send, 'getPassage', { passageId: 'a:b' })).toEqual({
      ok: true,
      value: null,
    });
    expect(send).toHaveBeenCalledWith({
      channel: CHANNEL,
      name: 'getPassage',
      request: { passageId: 'a:b' },
    });
  });

  it('reports a missing or broken background as unavailable', async () => {
    expect(
      await callBackground(
        async () => {
          throw new Error('Could not establish connection');
        },
        'search',
        { query: 'x' },
      ),
    ).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Could not establish connection' },
    });
    expect(await callBackground(async () => undefined, 'search', { query: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('the clip and page-term calls', () => {
  const problem = (name: keyof typeof BACKGROUND_VALIDATORS, request: Record<string, unknown>) =>
    BACKGROUND_VALIDATORS[name](request);

  it('accept well-formed requests', () => {
    expect(
      problem('saveClip', { passageId: 'g7-action-plan-2016:a1.border-security.b2' }),
    ).toBeNull();
    expect(problem('listClips', {})).toBeNull();
    expect(problem('moveClip', { clipId: 3, toIndex: 0 })).toBeNull();
    expect(problem('removeClip', { clipId: 3 })).toBeNull();
    expect(problem('restoreClip', { clipId: 3 })).toBeNull();
    expect(problem('describeTerms', { termIds: ['pnr', 'fatf'] })).toBeNull();
    expect(problem('describeTerms', { termIds: [] })).toBeNull();
  });

  it('refuse malformed ones, saying what is wrong', () => {
    const cases: [keyof typeof BACKGROUND_VALIDATORS, Record<string, unknown>, RegExp][] = [
      ['saveClip', {}, /passageId/],
      ['saveClip', { passageId: 'x'.repeat(201) }, /passageId/],
      ['listClips', { all: true }, /no fields/],
      ['moveClip', { clipId: 3 }, /toIndex/],
      ['moveClip', { clipId: 3, toIndex: 1.5 }, /toIndex/],
      ['moveClip', { clipId: 3, toIndex: -1 }, /toIndex/],
      ['moveClip', { clipId: '3', toIndex: 0 }, /clipId/],
      ['removeClip', { clipId: 0 }, /clipId/],
      ['removeClip', { clipId: Number.MAX_VALUE }, /clipId/],
      ['restoreClip', {}, /clipId/],
      ['describeTerms', { termIds: 'pnr' }, /termIds/],
      ['describeTerms', { termIds: ['pnr', ''] }, /termIds/],
      ['describeTerms', { termIds: Array.from({ length: 2_001 }, (_, i) => `t${i}`) }, /termIds/],
    ];
    for (const [name, request, message] of cases) {
      expect(problem(name, request), `${name} ${JSON.stringify(request).slice(0, 60)}`).toMatch(
        message,
      );
    }
  });

  it('let the popup ask a tab for the next highlight of one term', () => {
    expect(TAB_VALIDATORS.focusHighlight({ direction: 'next' })).toBeNull();
    expect(TAB_VALIDATORS.focusHighlight({ direction: 'previous', termId: 'pnr' })).toBeNull();
    expect(TAB_VALIDATORS.focusHighlight({ direction: 'next', termId: '' })).toMatch(/termId/);
    expect(TAB_VALIDATORS.focusHighlight({ direction: 'up', termId: 'pnr' })).toMatch(/direction/);
  });
});

describe('the added-document calls', () => {
  const passage = {
    locator: '1.',
    sectionPath: [],
    kind: 'commitment',
    actor: { name: 'Example Council', kind: 'body' },
    text: 'Decides to act.',
    format: 'prose',
    range: [0, 18],
  };
  const draft = {
    title: 'A resolution',
    issuingBody: 'Example Council',
    date: '2026-11-30',
    kind: 'resolution',
    origin: { kind: 'paste' },
    text: '1. Decides to act.',
    passages: [passage],
  };

  it('take a draft of the right shape, an id, or nothing', () => {
    expect(BACKGROUND_VALIDATORS.addDocument({ draft })).toBeNull();
    expect(
      BACKGROUND_VALIDATORS.addDocument({
        draft: { ...draft, origin: { kind: 'page', url: 'https://example.org/a' } },
      }),
    ).toBeNull();
    expect(BACKGROUND_VALIDATORS.deleteDocument({ documentId: 'added-0123' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.listAddedDocuments({})).toBeNull();
  });

  it('refuse anything else, saying what is wrong', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /draft must be an object/],
      [{ draft, extra: 1 }, /only a draft/],
      [{ draft: { ...draft, title: 42 } }, /title/],
      [{ draft: { ...draft, text: 'x'.repeat(5_000_001) } }, /5000000 characters/],
      [{ draft: { ...draft, origin: { kind: 'page' } } }, /origin/],
      [{ draft: { ...draft, origin: { kind: 'ftp' } } }, /origin/],
      [{ draft: { ...draft, passages: 'all' } }, /passages/],
      [{ draft: { ...draft, passages: [{ ...passage, range: [0] }] } }, /passages\[0\]/],
      [{ draft: { ...draft, passages: [{ ...passage, kind: 'rumour' }] } }, /passages\[0\]/],
      [{ draft: { ...draft, passages: [{ ...passage, actor: null }] } }, /passages\[0\]/],
      [{ draft: { ...draft, passages: [{ ...passage, fields: [{ label: 1 }] }] } }, /fields/],
    ];
    for (const [request, message] of cases) {
      expect(
        BACKGROUND_VALIDATORS.addDocument(request),
        JSON.stringify(request).slice(0, 80),
      ).toMatch(message);
    }
    expect(BACKGROUND_VALIDATORS.deleteDocument({})).toMatch(/documentId/);
    expect(BACKGROUND_VALIDATORS.listAddedDocuments({ all: true })).toMatch(/no fields/);
  });
});

describe('the term calls', () => {
  const draft = {
    label: 'Advance Passenger Information',
    aliases: ['API'],
    category: 'instrument',
    definition: '',
    cues: ['passenger'],
    vetoes: [],
  };

  it('take a draft of the right shape (with the id of the term it changes), an id, or nothing', () => {
    expect(BACKGROUND_VALIDATORS.saveTerm({ draft })).toBeNull();
    expect(BACKGROUND_VALIDATORS.saveTerm({ draft, termId: 'user-0123' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.deleteTerm({ termId: 'user-0123' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.listUserTerms({})).toBeNull();
  });

  it('refuse anything else, saying what is wrong', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /draft must be an object/],
      [{ draft, extra: 1 }, /a draft and a termId/],
      [{ draft, termId: '' }, /termId/],
      [{ draft: { ...draft, label: 42 } }, /label/],
      [{ draft: { ...draft, label: 'x'.repeat(201) } }, /label/],
      [{ draft: { ...draft, aliases: 'API' } }, /aliases/],
      [{ draft: { ...draft, aliases: Array(31).fill('A') } }, /aliases/],
      [{ draft: { ...draft, category: 'rumour' } }, /category/],
      [{ draft: { ...draft, definition: null } }, /definition/],
      [{ draft: { ...draft, cues: [1] } }, /cues/],
      [{ draft: { ...draft, colour: 'red' } }, /unknown fields/],
    ];
    for (const [request, message] of cases) {
      expect(BACKGROUND_VALIDATORS.saveTerm(request), JSON.stringify(request).slice(0, 80)).toMatch(
        message,
      );
    }
    expect(BACKGROUND_VALIDATORS.deleteTerm({})).toMatch(/termId/);
    expect(BACKGROUND_VALIDATORS.listUserTerms({ all: true })).toMatch(/no fields/);
  });
});

describe('the pack calls', () => {
  it('take a pack file’s text of a sensible length, and nothing else', () => {
    expect(BACKGROUND_VALIDATORS.previewPack({ file: '{"format":"pledgemark-pack"}' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.importPack({ file: '' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.exportPack({})).toBeNull();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /pack file's text/],
      [{ file: { format: 'pledgemark-pack' } }, /pack file's text/],
      [{ file: 'x'.repeat(MAX_PACK_BYTES + 1) }, /at most 50,000,000 characters/],
      [{ file: '{}', extra: 1 }, /only a file/],
    ];
    for (const [request, message] of cases) {
      expect(
        BACKGROUND_VALIDATORS.importPack(request),
        JSON.stringify(request).slice(0, 80),
      ).toMatch(message);
    }
    expect(BACKGROUND_VALIDATORS.exportPack({ all: true })).toMatch(/no fields/);
  });
});

describe('copying from the background', () => {
  it('takes a non-empty text of sensible length, and nothing else', () => {
    expect(BACKGROUND_VALIDATORS.copyText({ text: '“A quote.” — A document.' })).toBeNull();
    expect(BACKGROUND_VALIDATORS.copyText({ text: 'x'.repeat(MAX_COPY_LENGTH) })).toBeNull();
    for (const request of [
      {},
      { text: '' },
      { text: 42 },
      { text: 'x'.repeat(MAX_COPY_LENGTH + 1) },
    ]) {
      expect(BACKGROUND_VALIDATORS.copyText(request)).toMatch(/text/);
    }
  });

  it('tells the offscreen document’s one message from every other', () => {
    expect(isOffscreenCopy({ channel: OFFSCREEN_COPY_CHANNEL, text: 'quote' })).toBe(true);
    for (const message of [
      null,
      'quote',
      { channel: CHANNEL, name: 'copyText', request: { text: 'quote' } },
      { channel: OFFSCREEN_COPY_CHANNEL, text: '' },
      { channel: OFFSCREEN_COPY_CHANNEL, text: 7 },
    ]) {
      expect(isOffscreenCopy(message)).toBe(false);
    }
  });
});
