import { describe, expect, it, vi } from 'vitest';
import matcherJson from '../../data/generated/matcher.json';
import { createMatcherService } from '../../entrypoints/background/matcher-service';
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
import { corpusSense, type CompiledMatcher } from '../../utils/term-matcher';

const compiled = matcherJson as CompiledMatcher;

describe('the background’s matcher service', () => {
  it('reads the packaged matcher once and answers every caller with it', async () => {
    const read = vi.fn(async () => compiled);
    const service = createMatcherService(read);
    const [first, second] = await Promise.all([
      service.loadMatcher({}, {}),
      service.loadMatcher({}, {}),
    ]);
    expect(await service.loadMatcher({}, {})).toBe(first);
    expect(second).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    const read = vi
      .fn<() => Promise<CompiledMatcher>>()
      .mockRejectedValueOnce(new Error('the packaged matcher could not be read (404)'))
      .mockResolvedValueOnce(compiled);
    const service = createMatcherService(read);
    await expect(service.loadMatcher({}, {})).rejects.toThrow(/404/);
    expect(await service.loadMatcher({}, {})).toBe(compiled);
  });

  it('takes no fields', () => {
    expect(BACKGROUND_VALIDATORS.loadMatcher({})).toBeNull();
    expect(BACKGROUND_VALIDATORS.loadMatcher({ termIds: ['api'] })).toMatch(/no fields/);
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
