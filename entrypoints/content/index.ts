import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherJson from '../../data/generated/matcher.json';
import { loadClipMarks, saveClip } from '../../utils/clip-marks';
import {
  callBackground,
  dispatchMessage,
  TAB_VALIDATORS,
  type Envelope,
  type Handlers,
  type MessageSender,
  type TabProtocol,
} from '../../utils/messaging';
import {
  DEFAULT_SETTINGS,
  withTermHidden,
  withTermShown,
  type Settings,
} from '../../utils/settings';
import { loadSettings, settingsItem, watchSettings } from '../../utils/settings-storage';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { copyAroundThePage } from './card-clipboard';
import { CardController } from './card-controller';
import { ContentController } from './content-controller';
import { HighlightSession } from './highlight-session';
import { adjacentMention, highlightAt, mentionHeads, termOf } from './page-contract';
import { PageLifetime } from './page-lifetime';

/** The badge is refreshed at most this often while a page keeps adding highlights. */
const REPORT_INTERVAL_MS = 500;

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
    const matcher = new TermMatcher(matcherJson as CompiledMatcher);
    const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);
    let settings: Settings = DEFAULT_SETTINGS;
    let reportPending = false;
    const session = new HighlightSession({
      window,
      matcher,
      onCountsChanged: (counts) => {
        controller.countsChanged(counts);
        if (reportPending) return;
        reportPending = true;
        lifetime.setTimeout(() => {
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

    const updateSettings = async (change: (current: Settings) => Settings) =>
      settingsItem.setValue(change(await loadSettings()));

    const cards = new CardController({
      lookupTerm: (termId) => callBackground(send, 'lookupTerm', { termId }),
      clipMarks: () => loadClipMarks(send),
      saveClip: (passageId) => saveClip(send, passageId),
      copy: (text) =>
        copyAroundThePage(text, {
          clipboard: navigator.clipboard,
          background: (copied) => callBackground(send, 'copyText', { text: copied }),
        }),
      mentionsIn: (termId, text) =>
        matcher
          .findMentions(text, new Set([termId]))
          .filter((mention) => mention.termId === termId),
      pageCount: (termId) => controller.pageTerms().termCounts[termId] ?? 0,
      openTermView: (termId) => void callBackground(send, 'openTermView', { termId }),
      openInDocument: (passage) =>
        void callBackground(send, 'openDocument', {
          documentId: passage.document.id,
          passageId: passage.id,
        }),
      // The card closes and offers Undo itself; the settings are read afresh for each change.
      hostname: location.hostname,
      hideTerm: (termId) =>
        void updateSettings((current) => withTermHidden(current, location.hostname, termId)),
      showTerm: (termId) =>
        void updateSettings((current) => withTermShown(current, location.hostname, termId)),
      triggerSettings: () => settings,
    });

    const handlers: Handlers<TabProtocol> = {
      toggleHighlighting: async () => ({ active: await controller.toggle() }),
      getPageTerms: async () => controller.pageTerms(),
      focusHighlight: async ({ direction, termId }) => {
        // On a big page, blocks far from the viewport are not wrapped yet: the move must reach them.
        await session.wrapAllWaiting();
        // Go on from the open card's highlight, or from the one the reader last went to.
        const focused = highlightAt(document.activeElement);
        const heads = mentionHeads(document).filter(
          (head) => termId === undefined || termOf(head) === termId,
        );
        const target = adjacentMention(heads, cards.openFor ?? focused, direction);
        if (!target) return { found: false, index: 0, total: 0 };
        cards.close(false);
        target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
        const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
        target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
        cards.open(target, 'keyboard', null);
        return { found: true, index: heads.indexOf(target) + 1, total: heads.length };
      },
    };
    const onMessage = (
      message: unknown,
      sender: MessageSender,
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
      void controller.apply(next);
    });
    // When the lifetime ends (or at once, if it ended while this script was starting), leave
    // the page as it was. An orphan's extension APIs are gone (touching them throws): nothing
    // can call its listeners any more, so there is nothing to unhook.
    lifetime.onInvalidated(() => cards.destroy());
    lifetime.onInvalidated(() => session.stop());
    lifetime.onInvalidated(() => {
      if (lifetime.isOrphaned) return;
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
    });
    settings = await loadSettings();
    if (lifetime.isValid) await controller.apply(settings);
  },
});
