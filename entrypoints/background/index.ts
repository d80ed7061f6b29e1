import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Corpus } from '../../data/corpus-types';
import corpusJson from '../../data/generated/corpus.json';
import { dispatchMessage } from '../../utils/messaging';
import { createCorpusService } from './corpus-service';

export default defineBackground({
  // An event page on Firefox MV2, like the service worker on Chrome MV3: it sleeps when idle.
  persistent: false,
  main() {
    const service = createCorpusService(corpusJson as Corpus);
    // Seed on install, on update and whenever the background starts: a no-op for a stored hash.
    void service.ensureSeeded().catch((error: unknown) => console.error(error));

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      void dispatchMessage(service.handlers, browser.runtime.id, message, sender).then(
        sendResponse,
      );
      return true;
    });
  },
});
