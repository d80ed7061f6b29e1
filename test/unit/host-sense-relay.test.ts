import { describe, expect, it, vi } from 'vitest';
import {
  createHostSenseRelay,
  type SendToTab,
} from '../../entrypoints/background/host-sense-relay';
import {
  fromPageSenseView,
  isSameOriginAsTop,
  toPageSenseView,
} from '../../entrypoints/content/host-sense';
import { CHANNEL, type Envelope } from '../../utils/messaging';
import { pageSense, SILENT_PAGE, withHostSense } from '../../utils/term-matcher';

const SENSE = { termsNamed: ['api', 'fatf'], securityTopic: true };

describe('the host sense relay', () => {
  it('passes the top frame’s evidence to every frame of its tab, and only the top frame’s', async () => {
    const sendToTab = vi.fn<SendToTab>(async () => ({ ok: true, value: null }));
    const relay = createHostSenseRelay(sendToTab);
    await relay.shareHostSense(SENSE, { tab: { id: 7 }, frameId: 0 });
    expect(sendToTab).toHaveBeenCalledWith(7, {
      channel: CHANNEL,
      name: 'adoptHostSense',
      request: SENSE,
    } satisfies Envelope);
    // Sent to all frames: no frame id.
    expect(sendToTab.mock.lastCall).toHaveLength(2);
    await expect(relay.shareHostSense(SENSE, { tab: { id: 7 }, frameId: 3 })).rejects.toThrow(
      /top frame/,
    );
    await expect(relay.shareHostSense(SENSE, {})).rejects.toThrow(/from a tab/);
  });

  it('asks the top frame for a frame, and answers null when there is none to ask', async () => {
    const sendToTab = vi.fn<SendToTab>(async () => ({ ok: true, value: SENSE }));
    const relay = createHostSenseRelay(sendToTab);
    expect(await relay.hostPageSense({}, { tab: { id: 7 }, frameId: 2 })).toEqual(SENSE);
    expect(sendToTab).toHaveBeenCalledWith(
      7,
      { channel: CHANNEL, name: 'getPageSense', request: {} } satisfies Envelope,
      0,
    );
    // The top frame has no host.
    expect(await relay.hostPageSense({}, { tab: { id: 7 }, frameId: 0 })).toBeNull();
    // No content script in the top frame (a page it may not run on): no evidence, no error.
    sendToTab.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await relay.hostPageSense({}, { tab: { id: 7 }, frameId: 2 })).toBeNull();
  });
});

describe('a frame’s evidence with its host page’s', () => {
  it('joins the terms named outright, and takes the host’s topic', () => {
    const host = { termsNamed: new Set(['fatf']), securityTopic: true };
    const sense = withHostSense(new Set(['api']), host);
    expect([...sense.termsNamed].sort()).toEqual(['api', 'fatf']);
    expect(sense.securityTopic).toBe(true);
  });

  it('is the frame’s own without a host, and a neutral host adds only its terms', () => {
    expect(withHostSense(new Set(['api']), SILENT_PAGE)).toEqual(pageSense(new Set(['api'])));
    const sense = withHostSense(new Set(['api']), {
      termsNamed: new Set(['pnr']),
      securityTopic: false,
    });
    expect(sense.securityTopic).toBe(false);
    expect([...sense.termsNamed].sort()).toEqual(['api', 'pnr']);
  });
});

describe('a frame and its top frame', () => {
  it('takes the top frame’s evidence only as a same-origin frame', () => {
    const top = { document: {} } as unknown as Window;
    const sameOrigin = { top } as unknown as Window;
    const crossOrigin = {
      get top(): Window {
        return {
          get document(): Document {
            throw new DOMException('Blocked a frame', 'SecurityError');
          },
        } as unknown as Window;
      },
    } as unknown as Window;
    const topFrame = { document: {} } as unknown as Window & { top: Window };
    topFrame.top = topFrame;
    expect(isSameOriginAsTop(sameOrigin)).toBe(true);
    expect(isSameOriginAsTop(crossOrigin)).toBe(false);
    expect(isSameOriginAsTop(topFrame)).toBe(false);
  });

  it('carries the evidence as plain data and back', () => {
    const sense = { termsNamed: new Set(['api', 'fatf']), securityTopic: true };
    const view = toPageSenseView(sense);
    expect(view).toEqual({ termsNamed: ['api', 'fatf'], securityTopic: true });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(fromPageSenseView(view)).toEqual(sense);
  });
});
