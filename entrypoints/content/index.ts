import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherJson from '../../data/generated/matcher.json';
import {
  callBackground,
  dispatchMessage,
  TAB_VALIDATORS,
  type Envelope,
  type Handlers,
  type TabProtocol,
} from '../../utils/messaging';
import { loadSettings, watchSettings } from '../../utils/settings';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { ContentController } from './content-controller';
import { HighlightSession } from './highlight-session';

/** The badge is refreshed at most this often while a page keeps adding highlights. */
const REPORT_INTERVAL_MS = 500;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // CSS imported here styles the card inside its shadow root; highlights get theirs by hand.
  cssInjectionMode: 'ui',
  async main(ctx) {
    const matcher = new TermMatcher(matcherJson as CompiledMatcher);
    const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);
    const report = ctx.setTimeout.bind(ctx);
    let reportPending = false;
    const session = new HighlightSession({
      window,
      matcher,
      onCountsChanged: (counts) => {
        controller.countsChanged(counts);
        if (reportPending) return;
        reportPending = true;
        report(() => {
          reportPending = false;
          void callBackground(send, 'reportPageTerms', {
            termCounts: controller.pageTerms().termCounts,
          });
        }, REPORT_INTERVAL_MS);
      },
    });
    const controller = new ContentController(session, location.hostname, (termId) =>
      matcher.categoryOf(termId),
    );

    const handlers: Handlers<TabProtocol> = {
      toggleHighlighting: async () => ({ active: await controller.toggle() }),
      getPageTerms: async () => controller.pageTerms(),
    };
    const onMessage = (
      message: unknown,
      sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1],
      sendResponse: (answer: unknown) => void,
    ) => {
      void dispatchMessage(TAB_VALIDATORS, handlers, browser.runtime.id, message, sender).then(
        sendResponse,
      );
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const unwatch = watchSettings((settings) => void controller.apply(settings));
    // Reloading or removing the extension invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      session.stop();
    });
    await controller.apply(await loadSettings());
  },
});
