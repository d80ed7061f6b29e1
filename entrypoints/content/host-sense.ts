import { callBackground, type SendMessage } from '../../utils/messaging';
import type { PageSense } from '../../utils/term-matcher';
import type { PageSenseView } from '../../utils/views';

/**
 * A same-origin frame (an embedded transcript, a live blog's posts) is decided with its own
 * context plus its host page's evidence: the tab's top frame shares what its text names outright
 * and its topic, through the background, and a frame that starts later asks for it.
 */

/** Whether this frame's document may read its top frame's: the same origin (or about:blank). */
export function isSameOriginAsTop(frame: Window): boolean {
  if (frame === frame.top) return false;
  try {
    return frame.top?.document !== undefined;
  } catch {
    return false;
  }
}

export function toPageSenseView({ termsNamed, securityTopic }: PageSense): PageSenseView {
  return { termsNamed: [...termsNamed], securityTopic };
}

export function fromPageSenseView({ termsNamed, securityTopic }: PageSenseView): PageSense {
  return { termsNamed: new Set(termsNamed), securityTopic };
}

/** What a top frame calls when its own evidence grew: its frames hear of it. */
export function shareHostSense(send: SendMessage): (sense: PageSense) => void {
  return (sense) => void callBackground(send, 'shareHostSense', toPageSenseView(sense));
}

/** The top frame's evidence as it stands (null if there is none to be had). */
export async function askHostSense(send: SendMessage): Promise<PageSense | null> {
  const answer = await callBackground(send, 'hostPageSense', {});
  return answer.ok && answer.value ? fromPageSenseView(answer.value) : null;
}
