import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import type { Corpus } from '../../utils/corpus-types';
import { PledgemarkDatabase } from '../../data/store/db';
import type { CorpusSource } from '../../data/store/seed';
import corpusHash from '../../data/generated/corpus-hash.json';
import {
  BACKGROUND_VALIDATORS,
  dispatchMessage,
  type BackgroundProtocol,
  type Handlers,
} from '../../utils/messaging';
import { routeToHash } from '../../utils/extension-pages';
import { announceMatcherChange } from '../../utils/matcher-client';
import type { CompiledMatcher } from '../../utils/term-matcher';
import { runCommand } from './commands';
import { createAddedDocumentsService } from './added-documents-service';
import { createClipService } from './clip-service';
import { createClipboardWriter, OFFSCREEN_PATH } from './clipboard-writer';
import { createCorpusService } from './corpus-service';
import { createHostSenseRelay, type SendToTab } from './host-sense-relay';
import { createMatcherService, type StoredMatcher } from './matcher-service';
import { createPacksService } from './packs-service';
import { createUserTermsService } from './user-terms-service';
import { PageTermsBadge } from './page-terms-badge';

/**
 * The corpus this version ships, as a packaged file: read only to seed, so that the background,
 * which the browser starts again after every idle spell, starts without parsing it.
 */
const packagedCorpus: CorpusSource = {
  hash: corpusHash.hash,
  load: () => readPackagedFile<Corpus>('/corpus.json', 'corpus'),
};

/** The matcher compiled with the reader's terms, kept for the background's next start. */
const STORED_MATCHER_KEY = 'local:userMatcher';

async function readPackagedFile<T>(path: '/corpus.json' | '/matcher.json', what: string) {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`the packaged ${what} could not be read (${response.status})`);
  return (await response.json()) as T;
}

export default defineBackground({
  // An event page on Firefox MV2, like the service worker on Chrome MV3: it sleeps when idle.
  persistent: false,
  main() {
    const db = new PledgemarkDatabase();
    const service = createCorpusService(packagedCorpus, db, () => userTerms.relinkAll());
    // Seed on install, on update and whenever the background starts: a no-op for a stored hash.
    void service.ensureSeeded().catch((error: unknown) => console.error(error));

    const action = browser.action ?? browser.browserAction;
    const badge = new PageTermsBadge(action);
    const writeClipboard = createClipboardWriter({
      // A background page has a clipboard (Firefox MV2); a service worker (Chrome MV3) has none.
      clipboard: typeof document === 'undefined' ? undefined : navigator.clipboard,
      offscreen: browser.offscreen,
      offscreenUrl: () => browser.runtime.getURL(OFFSCREEN_PATH),
      sendMessage: (message) => browser.runtime.sendMessage(message),
    });
    const sendToTab: SendToTab = (tabId, envelope, frameId) =>
      frameId === undefined
        ? browser.tabs.sendMessage(tabId, envelope)
        : browser.tabs.sendMessage(tabId, envelope, { frameId });
    const matcher = createMatcherService({
      readPackaged: () => readPackagedFile<CompiledMatcher>('/matcher.json', 'matcher'),
      builtInKey: corpusHash.hash,
      userTerms: () => userTerms.list(),
      stored: {
        get: () => storage.getItem<StoredMatcher>(STORED_MATCHER_KEY),
        set: (value) => storage.setItem(STORED_MATCHER_KEY, value),
      },
      announce: announceMatcherChange,
    });
    const userTerms = createUserTermsService({
      db,
      queries: service.queries,
      ensureSeeded: service.ensureSeeded,
      compileWith: matcher.compileWith,
      userTermsChanged: matcher.userTermsChanged,
    });
    const handlers: Handlers<BackgroundProtocol> = {
      ...service.handlers,
      ...createClipService(db, service.ensureSeeded),
      ...createHostSenseRelay(sendToTab),
      ...matcher.handlers,
      ...userTerms.handlers,
      ...createPacksService({
        db,
        queries: service.queries,
        ensureSeeded: service.ensureSeeded,
        linkWithTerms: userTerms.linkWithTerms,
        userTermsChanged: matcher.userTermsChanged,
        fromExtensionPage: (sender) => sender.url?.startsWith(browser.runtime.getURL('/')) === true,
      }),
      ...createAddedDocumentsService({
        db,
        queries: service.queries,
        ensureSeeded: service.ensureSeeded,
        loadMatcher: matcher.loadMatcher,
      }),
      reportPageTerms: async ({ termCounts }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('reportPageTerms comes from a tab');
        await badge.report(tabId, sender.frameId ?? 0, Object.keys(termCounts));
        return null;
      },
      openTermView: async ({ termId }) => {
        const hash = routeToHash({ view: 'term', termId, passageId: null });
        await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${hash}`) });
        return null;
      },
      openDocument: async ({ documentId, passageId }) => {
        const hash = routeToHash({ view: 'document', documentId, passageId });
        await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${hash}`) });
        return null;
      },
      copyText: async ({ text }) => {
        await writeClipboard(text);
        return null;
      },
    };
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      void dispatchMessage(
        BACKGROUND_VALIDATORS,
        handlers,
        browser.runtime.id,
        message,
        sender,
      ).then(sendResponse);
      return true;
    });
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') badge.forget(tabId);
    });
    browser.tabs.onRemoved.addListener((tabId) => badge.forget(tabId));

    browser.commands.onCommand.addListener((command, tab) => {
      if (tab?.id === undefined) return;
      void runCommand(command, tab.id, sendToTab);
    });
  },
});
