import { defineContentScript } from 'wxt/utils/define-content-script';
import { provideCardUi } from '../content/card-ui-slot';
import { TermCardUi } from './term-card-ui';

/**
 * The card's UI, in a script of its own so that starting Pledgemark on a page is two short tasks
 * rather than one long one (see entrypoints/content/card-ui-slot.ts). It runs at `document_end`,
 * before the content script's `document_idle`, and only leaves the card's factory for it: it
 * touches neither the page nor the extension's APIs.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  noScriptStartedPostMessage: true,
  main() {
    provideCardUi((deps) => new TermCardUi(deps));
  },
});
