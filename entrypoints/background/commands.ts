import { callTab, type Envelope } from '../../utils/messaging';

/** Sends an envelope to a tab, to all its frames or to one. */
export type TabSender = (tabId: number, envelope: Envelope, frameId?: number) => Promise<unknown>;

/**
 * What the keyboard commands do: toggle highlighting in every frame of the tab, or go to the
 * next or previous highlight in its top frame (the page the reader is on).
 */
export function runCommand(
  command: string,
  tabId: number,
  send: TabSender,
): Promise<unknown> | null {
  if (command === 'toggle-highlighting') {
    return callTab((envelope) => send(tabId, envelope), 'toggleHighlighting', {});
  }
  if (command === 'next-highlight' || command === 'previous-highlight') {
    const direction = command === 'next-highlight' ? 'next' : 'previous';
    return callTab((envelope) => send(tabId, envelope, 0), 'focusHighlight', { direction });
  }
  return null;
}
