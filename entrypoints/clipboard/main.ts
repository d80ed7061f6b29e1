import { browser } from 'wxt/browser';
import { isOffscreenCopy } from '../../utils/messaging';

/**
 * Chrome MV3's offscreen document (reason CLIPBOARD), opened by the background for one copy: it
 * writes the text it is sent with `execCommand('copy')` in its own document, which no web page
 * can see (an offscreen document has no focus, so the async clipboard is refused to it). It
 * answers only its own channel's messages from Pledgemark; the content script's calls to the
 * background reach it too, and are left to the background.
 */
const field = document.querySelector('textarea')!;

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== browser.runtime.id || !isOffscreenCopy(message)) return undefined;
  field.value = message.text;
  field.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    field.value = '';
  }
  sendResponse({ ok });
  return undefined;
});
