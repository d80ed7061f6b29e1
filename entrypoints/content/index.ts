import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  callBackground,
  dispatchMessage,
  TAB_VALIDATORS,
  type Envelope,
} from '../../utils/messaging';
import { DEFAULT_SETTINGS, hiddenTermsOn, type Settings } from '../../utils/settings';
import { loadSettings, watchSettings } from '../../utils/settings-storage';
import { requestMatcher, watchMatcherChanges } from '../../utils/matcher-client';
import { CardController } from './card-controller';
import { extensionCardPort } from './card-port';
import { ContentController } from './content-controller';
import { HighlightSession } from './highlight-session';
import { askHostSense, isSameOriginAsTop, shareHostSense } from './host-sense';
import { PageLifetime } from './page-lifetime';
import { throttledReport } from './page-terms-report';
import { tabHandlers } from './tab-handlers';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // Nothing is injected into the page's own styles: the card puts its CSS into its closed shadow
  // root, the highlights theirs into each root they are in (both imported `?inline`).
  cssInjectionMode: 'ui',
  // WXT's start announcement would tell the page the extension id; see page-lifetime.ts.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // How long this script runs: until the extension is gone or a newer instance starts here.
    // Not WXT's `ctx`, which a page that knows the extension id can end (see page-lifetime.ts).
    const lifetime = PageLifetime.start({ framework: ctx });
    const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);
    // The matcher comes from the background rather than in this script, which every frame of
    // every page compiles. Start-up goes in short tasks (a page's task over 50 ms is a long
    // task): the matcher arrives in one, the wiring comes in the next.
    const wait = (ms: number) => new Promise<void>((resolve) => lifetime.setTimeout(resolve, ms));
    const loaded = await requestMatcher(send, wait);
    if (!loaded.ok) console.warn(`Pledgemark highlights nothing here: ${loaded.message}`);
    if (!loaded.ok || !lifetime.isValid) return;
    // Replaced when the reader's terms change (see below).
    let { matcher } = loaded;
    await wait(0);
    if (!lifetime.isValid) return;
    let settings: Settings = DEFAULT_SETTINGS;
    const report = throttledReport(lifetime.setTimeout.bind(lifetime), () => {
      void callBackground(send, 'reportPageTerms', {
        termCounts: controller.pageTerms().termCounts,
      });
    });
    const session = new HighlightSession({
      window,
      matcher,
      onCountsChanged: (counts) => {
        controller.countsChanged(counts);
        report();
      },
      onOwnSenseChanged: window === window.top ? shareHostSense(send) : undefined,
    });
    const controller = new ContentController(
      session,
      location.hostname,
      (termId) => matcher.categoryOf(termId),
      (aliasIndex) => matcher.aliases[aliasIndex]?.text,
    );
    const cards = new CardController(
      extensionCardPort({
        send,
        matcher: () => matcher,
        hostname: location.hostname,
        pageCount: (termId) => controller.pageTerms().termCounts[termId] ?? 0,
        settings: () => settings,
      }),
    );
    const takesHostSense = isSameOriginAsTop(window);
    const handlers = tabHandlers(document, session, controller, cards, takesHostSense);
    const onMessage = (
      message: unknown,
      sender: object,
      sendResponse: (answer: unknown) => void,
    ) => {
      void dispatchMessage(TAB_VALIDATORS, handlers, browser.runtime.id, message, sender).then(
        sendResponse,
      );
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const unwatch = watchSettings((next) => {
      settings = next;
      cards.hiddenTermsChanged(hiddenTermsOn(next, location.hostname));
      void controller.apply(next);
    });
    // When the lifetime ends (or at once, if it ended while this script was starting), leave
    // the page as it was. An orphan's extension APIs are gone (touching them throws): nothing
    // can call its listeners any more, so there is nothing to unhook.
    lifetime.onInvalidated(() => cards.destroy());
    lifetime.onInvalidated(() => session.stop());
    // The reader added, changed or deleted a term: highlight with the matcher that has it.
    let matcherRequests = 0;
    const unwatchMatcher = watchMatcherChanges(() => {
      const request = ++matcherRequests;
      void requestMatcher(send, wait).then((next) => {
        // Of changes in quick succession, the last answer asked for is the one kept.
        if (!next.ok || !lifetime.isValid || request !== matcherRequests) return;
        matcher = next.matcher;
        void session.useMatcher(matcher);
      });
    });
    lifetime.onInvalidated(() => {
      if (lifetime.isOrphaned) return;
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
      unwatchMatcher();
    });
    settings = await loadSettings();
    if (!lifetime.isValid) return;
    cards.hiddenTermsChanged(hiddenTermsOn(settings, location.hostname));
    await controller.apply(settings);
    // A frame loaded after its host page shared its evidence asks for it.
    if (takesHostSense && session.active) {
      const host = await askHostSense(send);
      if (host && lifetime.isValid) session.adoptHostSense(host);
    }
  },
});
