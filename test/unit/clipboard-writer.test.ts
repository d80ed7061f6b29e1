import { describe, expect, it, vi } from 'vitest';
import {
  createClipboardWriter,
  type ClipboardEnvironment,
} from '../../entrypoints/background/clipboard-writer';
import { OFFSCREEN_COPY_CHANNEL } from '../../utils/messaging';

const URL = 'chrome-extension://pledgemark/clipboard.html';

function offscreenEnvironment(answer: unknown = { ok: true }) {
  const calls: string[] = [];
  const offscreen = {
    createDocument: vi.fn(async ({ url, reasons }: { url: string; reasons: string[] }) => {
      calls.push(`create ${url} ${reasons.join()}`);
    }),
    closeDocument: vi.fn(async () => {
      calls.push('close');
    }),
  };
  const sendMessage = vi.fn(async (message: unknown) => {
    calls.push(`send ${JSON.stringify(message)}`);
    return answer;
  });
  const env: ClipboardEnvironment = { offscreen, offscreenUrl: () => URL, sendMessage };
  return { env, calls, offscreen, sendMessage };
}

describe('the background’s clipboard writer', () => {
  it('writes with the background page’s own clipboard where it has one (Firefox MV2)', async () => {
    const writeText = vi.fn(async () => {});
    const write = createClipboardWriter({
      clipboard: { writeText },
      offscreenUrl: () => URL,
      sendMessage: vi.fn(),
    });
    await write('“A quote.”');
    expect(writeText).toHaveBeenCalledWith('“A quote.”');
  });

  it('opens an offscreen document for the copy and closes it after (Chrome MV3)', async () => {
    const { env, calls } = offscreenEnvironment();
    await createClipboardWriter(env)('“A quote.”');
    expect(calls).toEqual([
      `create ${URL} CLIPBOARD`,
      `send ${JSON.stringify({ channel: OFFSCREEN_COPY_CHANNEL, text: '“A quote.”' })}`,
      'close',
    ]);
  });

  it('rejects when the copy did not happen, and closes the document all the same', async () => {
    const { env, offscreen } = offscreenEnvironment({ ok: false });
    await expect(createClipboardWriter(env)('“A quote.”')).rejects.toThrow(/refused/);
    expect(offscreen.closeDocument).toHaveBeenCalledTimes(1);
    const silent = offscreenEnvironment(null);
    await expect(createClipboardWriter(silent.env)('“A quote.”')).rejects.toThrow();
    await expect(
      createClipboardWriter({ offscreenUrl: () => URL, sendMessage: vi.fn() })('x'),
    ).rejects.toThrow(/no clipboard/);
  });

  it('uses a document left open by an earlier copy, and copies one text at a time', async () => {
    const { env, calls, offscreen } = offscreenEnvironment();
    offscreen.createDocument.mockRejectedValueOnce(new Error('Only a single offscreen document'));
    const write = createClipboardWriter(env);
    await Promise.all([write('first'), write('second')]);
    expect(calls.filter((call) => !call.startsWith('create'))).toEqual([
      `send ${JSON.stringify({ channel: OFFSCREEN_COPY_CHANNEL, text: 'first' })}`,
      'close',
      `send ${JSON.stringify({ channel: OFFSCREEN_COPY_CHANNEL, text: 'second' })}`,
      'close',
    ]);
  });
});
