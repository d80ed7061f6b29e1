import {
  callTab,
  type BackgroundProtocol,
  type Envelope,
  type Handlers,
  type MessageSender,
} from '../../utils/messaging';

export type HostSenseHandlers = Pick<
  Handlers<BackgroundProtocol>,
  'shareHostSense' | 'hostPageSense'
>;

/** Sends to a tab's content scripts: to one frame, or to every frame without `frameId`. */
export type SendToTab = (tabId: number, envelope: Envelope, frameId?: number) => Promise<unknown>;

function tabOf(sender: MessageSender, call: string): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(`${call} comes from a tab`);
  return tabId;
}

/**
 * Passes a tab's top frame's sense evidence to the tab's frames: a same-origin frame (a live
 * blog's embedded transcript) decides its occurrences with its own context plus the host page's
 * topic. The evidence goes from one content script of the tab to another, never further.
 */
export function createHostSenseRelay(sendToTab: SendToTab): HostSenseHandlers {
  return {
    shareHostSense: async (sense, sender) => {
      const tabId = tabOf(sender, 'shareHostSense');
      if (sender.frameId !== 0) throw new Error('shareHostSense comes from a top frame');
      // Every frame of the tab hears it; each takes it or not (same origin, not the top).
      await callTab((envelope) => sendToTab(tabId, envelope), 'adoptHostSense', sense);
      return null;
    },
    hostPageSense: async (_request, sender) => {
      const tabId = tabOf(sender, 'hostPageSense');
      if (sender.frameId === 0) return null;
      const answer = await callTab((envelope) => sendToTab(tabId, envelope, 0), 'getPageSense', {});
      return answer.ok ? answer.value : null;
    },
  };
}
