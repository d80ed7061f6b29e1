import { HIGHLIGHT_ELEMENT, UI_ATTRIBUTE } from './page-contract';

/** More HTML than any article page has; a larger page is refused rather than sent. */
export const MAX_PAGE_HTML_LENGTH = 20_000_000;

export interface PageForImport {
  html: string;
  url: string;
  title: string;
}

/**
 * The page for "This page" in the import view: a clone of the document with Pledgemark's own
 * elements removed and its highlights unwrapped (their text stays), serialised for the import
 * view to read its article from. The live page is neither changed nor parsed; nothing runs.
 */
export function pageForImport(document: Document): PageForImport {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const own of clone.querySelectorAll(`[${UI_ATTRIBUTE}]`)) own.remove();
  for (const highlight of clone.querySelectorAll(HIGHLIGHT_ELEMENT)) {
    highlight.replaceWith(...highlight.childNodes);
  }
  const html = clone.outerHTML;
  if (html.length > MAX_PAGE_HTML_LENGTH) {
    throw new Error('This page is too large to add. Save it as a file and add the file instead.');
  }
  return { html, url: document.URL, title: document.title };
}
