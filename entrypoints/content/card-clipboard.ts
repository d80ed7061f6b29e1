import type { Result } from '../../utils/messaging';

/** The ways a citation can reach the clipboard without the page. */
export interface CopyRoutes {
  /**
   * The content script's own async clipboard (`navigator.clipboard` in its own world): it fires
   * no event in the page. Absent on a plain http page; refused where the page's permissions
   * policy says `clipboard-write=()`.
   */
  clipboard: Pick<Clipboard, 'writeText'> | undefined;
  /** Asks the background, an extension context, to write it (`copyText`). */
  background: (text: string) => Promise<Result<null>>;
}

/**
 * Copies text to the clipboard around the page: first with the content script's own clipboard,
 * then through the background. Never with `document.execCommand('copy')` in the page, whose
 * `copy` event the page's listeners can read and rewrite. Rejects when neither could copy, so
 * that the card says "Copy failed".
 */
export async function copyAroundThePage(text: string, routes: CopyRoutes): Promise<void> {
  if (routes.clipboard) {
    try {
      await routes.clipboard.writeText(text);
      return;
    } catch {
      // Refused (the page's permissions policy, no focus): the background may still copy.
    }
  }
  const result = await routes.background(text);
  if (!result.ok) throw new Error(result.error.message);
}
