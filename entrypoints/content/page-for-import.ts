/** More HTML than any article page has; a larger page is refused rather than sent. */
export const MAX_PAGE_HTML_LENGTH = 20_000_000;

export interface PageForImport {
  html: string;
  url: string;
  title: string;
}

/**
 * The page for "This page" in the import view: its serialised HTML, which the import view parses
 * in a document of its own (inert: nothing runs or loads there), removes Pledgemark's own
 * elements from and reads the article of. Serialising runs none of the page's code, where cloning
 * would (a clone of a custom element is constructed by the page's own class).
 */
export function pageForImport(document: Document): PageForImport {
  const html = document.documentElement.outerHTML;
  if (html.length > MAX_PAGE_HTML_LENGTH) {
    throw new Error('This page is too large to add. Save it as a file and add the file instead.');
  }
  return { html, url: document.URL, title: document.title };
}
