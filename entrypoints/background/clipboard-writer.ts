import { OFFSCREEN_COPY_CHANNEL, type OffscreenCopy } from '../../utils/messaging';

/** The offscreen document (Chrome MV3) that writes the clipboard: `entrypoints/clipboard/`. */
export const OFFSCREEN_PATH = '/clipboard.html' as const;

/** The parts of the browser the clipboard writer uses. */
export interface ClipboardEnvironment {
  /**
   * A background page's own clipboard (Firefox MV2, which lets a background with
   * `clipboardWrite` write without a user gesture). Absent in a service worker.
   */
  clipboard?: Pick<Clipboard, 'writeText'> | undefined;
  /** Chrome MV3's offscreen documents, when the service worker has no DOM. */
  offscreen?:
    | {
        createDocument(parameters: {
          url: string;
          reasons: 'CLIPBOARD'[];
          justification: string;
        }): Promise<void>;
        closeDocument(): Promise<void>;
      }
    | undefined;
  /** The offscreen document's URL (`browser.runtime.getURL(OFFSCREEN_PATH)`). */
  offscreenUrl: () => string;
  /** `browser.runtime.sendMessage`, to the offscreen document. */
  sendMessage: (message: OffscreenCopy) => Promise<unknown>;
}

/**
 * Writes text to the clipboard from the background, an extension context the page has no part in
 * (no `copy` event of the page's, no permissions policy of the page's). Firefox MV2: the
 * background page writes it. Chrome MV3: an offscreen document (reason CLIPBOARD) is opened for
 * the copy and closed after it. Copies run one at a time. Rejects when the text could not be
 * written, so that the card says the copy failed.
 */
export function createClipboardWriter(env: ClipboardEnvironment): (text: string) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (text: string): Promise<void> => {
    if (env.offscreen) {
      await writeOffscreen(env, env.offscreen, text);
      return;
    }
    if (!env.clipboard) throw new Error('This browser gives the background no clipboard');
    await env.clipboard.writeText(text);
  };
  return (text) => {
    const copy = queue.then(() => write(text));
    queue = copy.catch(() => {});
    return copy;
  };
}

async function writeOffscreen(
  env: ClipboardEnvironment,
  offscreen: NonNullable<ClipboardEnvironment['offscreen']>,
  text: string,
): Promise<void> {
  try {
    await offscreen.createDocument({
      url: env.offscreenUrl(),
      reasons: ['CLIPBOARD'],
      justification: 'Copies a citation the reader asked for, where the web page refuses it.',
    });
  } catch {
    // One left open by a copy cut short (a worker stopped mid-copy): use it.
  }
  try {
    const answer = (await env.sendMessage({ channel: OFFSCREEN_COPY_CHANNEL, text })) as {
      ok?: unknown;
    } | null;
    if (answer?.ok !== true) throw new Error('The browser refused to copy');
  } finally {
    await offscreen.closeDocument().catch(() => {});
  }
}
