import { browser } from 'wxt/browser';
import { routeToHash, type PageRoute } from '../../utils/extension-pages';

/**
 * Shows a view that takes a file (adding a document, packs): in this page when it is a tab; from
 * the toolbar popup, in a tab of its own, since a popup closes when a file picker opens.
 */
export async function openViewInTab(route: PageRoute): Promise<void> {
  if (await browser.tabs.getCurrent()) {
    location.hash = routeToHash(route);
    return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${routeToHash(route)}`) });
  window.close();
}
