/**
 * The popup as a reader opens it, from the toolbar: the browser lays the page out and sizes the
 * popup to the page's preferred width (Chromium its min-content width, Firefox its max-content
 * width, 25–800 px), so a width that depends on the viewport squeezes it (it was 255 px wide in
 * Chromium, 24 px in Firefox). Each view must open at a readable width, with nothing cut: the
 * "Clips" link, the filters' names and chosen values, the term view's commitments matrix.
 *
 * Chromium opens its real popup with `chrome.action.openPopup()` and Firefox its real
 * browser-action panel with `browserAction.openPopup()` (see `openToolbarPopup`): the widths
 * measured here are the ones the browsers give, not a tab's.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';

const SEARCH_INPUT = 'input[type="search"][aria-label="Search the corpus"]';
/** The widest a browser makes a toolbar popup. */
const MAX_POPUP_WIDTH = 800;

interface Layout {
  /** The popup's width, as its page sees it. */
  innerWidth: number;
  /** Without the vertical scrollbar, where there is one. */
  clientWidth: number;
  documentWidth: number;
  scrollWidth: number;
  clipsLinkRight: number;
  /** Each filter's name: the width it needs, the width it has, on how many lines. */
  facetNames: { name: string; scrollWidth: number; clientWidth: number; lines: number }[];
  /** Each filter's chosen value: the width its text, padding and arrow need, the width it has. */
  facetValues: { name: string; text: string; needed: number; width: number }[];
}

/** Runs in the popup: its width, and what is wider than the room it is given. */
function readLayout(): Layout {
  const root = document.documentElement;
  const clean = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const facets = [...document.querySelectorAll('.facet')];
  const probe = document.createElement('span');
  probe.style.cssText = 'position: absolute; visibility: hidden; white-space: pre;';
  document.body.append(probe);
  const facetValues = facets.flatMap((facet) => {
    const select = facet.querySelector('select');
    if (!select) return [];
    const style = getComputedStyle(select);
    for (const property of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle'] as const) {
      probe.style[property] = style[property];
    }
    const text = clean(select.selectedOptions[0]);
    probe.textContent = text;
    // The text, the select's padding, and about 16 px for its drop-down arrow.
    const needed =
      probe.getBoundingClientRect().width +
      parseFloat(style.paddingLeft) +
      parseFloat(style.paddingRight) +
      16;
    return [
      { name: clean(facet.querySelector('.facet-name')), text, needed, width: select.clientWidth },
    ];
  });
  probe.remove();
  return {
    innerWidth,
    clientWidth: root.clientWidth,
    documentWidth: root.getBoundingClientRect().width,
    scrollWidth: root.scrollWidth,
    clipsLinkRight: document.querySelector('.popup-nav a[href="#clips"]')!.getBoundingClientRect()
      .right,
    facetNames: facets.flatMap((facet) => {
      const label = facet.querySelector('.facet-name');
      if (!label) return [];
      const range = document.createRange();
      range.selectNodeContents(label);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      return [
        {
          name: clean(label),
          scrollWidth: label.scrollWidth,
          clientWidth: label.clientWidth,
          lines,
        },
      ];
    }),
    facetValues,
  };
}

/** Runs in the popup: the commitments matrix's place, and any cell wider than its column. */
function readMatrix() {
  const table = document.querySelector('table.commitments-matrix')!;
  const section = table.closest('.term-section')!;
  return {
    display: getComputedStyle(table).display,
    columns: table.querySelectorAll('thead th').length,
    right: table.getBoundingClientRect().right,
    tableScrollWidth: table.scrollWidth,
    tableClientWidth: table.clientWidth,
    sectionScrollWidth: section.scrollWidth,
    sectionClientWidth: section.clientWidth,
    overflowingCells: [...table.querySelectorAll('th, td')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth)
      .map((cell) => (cell.textContent ?? '').slice(0, 40)),
  };
}

/** What every view must hold: a readable width, within the browser's limit, nothing cut. */
function expectNothingCut(layout: Layout, view: string, minWidth: number): void {
  const where = `${view}: ${JSON.stringify(layout)}`;
  expect(layout.innerWidth, where).toBeGreaterThanOrEqual(minWidth);
  expect(layout.innerWidth, where).toBeLessThanOrEqual(MAX_POPUP_WIDTH);
  expect(layout.documentWidth, where).toBeGreaterThanOrEqual(400);
  expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.clipsLinkRight, where).toBeLessThanOrEqual(layout.clientWidth);
  for (const facet of layout.facetNames) {
    expect(facet.scrollWidth, `${facet.name} (${where})`).toBeLessThanOrEqual(facet.clientWidth);
    expect(facet.lines, `${facet.name} (${where})`).toBe(1);
  }
  for (const facet of layout.facetValues) {
    expect(facet.needed, `${facet.name}: "${facet.text}" (${where})`).toBeLessThanOrEqual(
      facet.width,
    );
  }
}

/** Runs in the popup: activates the first element matching `selector` whose text is `text`. */
function clickByText({ selector, text }: { selector: string; text: string }): boolean {
  const target = [...document.querySelectorAll(selector)].find(
    (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  ) as HTMLElement | undefined;
  target?.click();
  return target !== undefined;
}

/** Runs in the popup: whether an element matching `selector` has the text `text`. */
function hasText({ selector, text }: { selector: string; text: string }): boolean {
  return [...document.querySelectorAll(selector)].some(
    (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  );
}

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`toolbar popup in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let popup: PageDriver;
    /** An extension tab opened first, from which the last test looks for the import tab. */
    let lookout: PageDriver;

    beforeAll(async () => {
      session = await launchExtension(name, { toolbarPopup: true });
      // Opened before the popup: opening a tab later would take the focus and close the popup,
      // maybe before its click had opened the import tab.
      lookout = await session.openExtensionPage('popup.html#clips', '.clips');
      popup = await session.openToolbarPopup('.search-facets select');
    });
    afterAll(async () => {
      await session?.close();
    });

    it('opens the search at a readable width, with the "Clips" link and every filter whole', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const layout = await popup.evaluate(readLayout, null);
      expect(layout.facetNames.length).toBeGreaterThanOrEqual(6);
      expect(layout.facetValues.length).toBeGreaterThanOrEqual(6);
      expectNothingCut(layout, 'search', 400);
    });

    it('searches "PNR" and opens its term view, which widens the popup to a two-column matrix with nothing cut', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.type(SEARCH_INPUT, 'PNR');
      const term = { selector: 'button', text: 'Passenger Name Record (PNR)' };
      await popup.waitForFunction(hasText, term, WAIT_MS);
      expectNothingCut(await popup.evaluate(readLayout, null), 'search "PNR"', 400);

      if (name === 'Chromium') {
        // The real popup takes real keys: the term's button, then Enter.
        expect(
          await popup.evaluate(({ text }) => {
            const button = [...document.querySelectorAll('button')].find(
              (element) => (element.textContent ?? '').trim() === text,
            );
            button?.focus();
            return document.activeElement === button;
          }, term),
        ).toBe(true);
        await popup.press('Enter');
      } else {
        expect(await popup.evaluate(clickByText, term)).toBe(true);
      }
      await popup.waitForSelector('table.commitments-matrix tbody > tr', WAIT_MS);
      expect(popup.url()).toMatch(/#term\?id=pnr$/);
      // The browser resizes the popup once the wider view is laid out.
      await popup.waitForFunction(() => innerWidth >= 700, null, WAIT_MS);

      const layout = await popup.evaluate(readLayout, null);
      expectNothingCut(layout, 'term', 700);
      const matrix = await popup.evaluate(readMatrix, null);
      const where = JSON.stringify({ matrix, layout });
      expect(matrix.display, where).toBe('table');
      expect(matrix.columns, where).toBe(2);
      expect(matrix.right, where).toBeLessThanOrEqual(layout.clientWidth);
      expect(matrix.tableScrollWidth, where).toBeLessThanOrEqual(matrix.tableClientWidth);
      expect(matrix.sectionScrollWidth, where).toBeLessThanOrEqual(matrix.sectionClientWidth);
      expect(matrix.overflowingCells, where).toEqual([]);
    });

    it('gives a document and the clips their own widths, with nothing cut', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await popup.evaluate(() => {
        location.hash = '#document?id=g7-action-plan-2016';
      }, null);
      await popup.waitForSelector('.document-view', WAIT_MS);
      await popup.waitForFunction(() => innerWidth >= 700, null, WAIT_MS);
      expectNothingCut(await popup.evaluate(readLayout, null), 'document', 700);

      expect(await popup.evaluate(clickByText, { selector: '.popup-nav a', text: 'Clips' })).toBe(
        true,
      );
      await popup.waitForSelector('.clips', WAIT_MS);
      // Narrower than a document, wider than the search.
      await popup.waitForFunction(() => innerWidth < 700, null, WAIT_MS);
      expectNothingCut(await popup.evaluate(readLayout, null), 'clips', 560);
    });

    it('shows "Add term" in the popup itself, its form whole at the popup’s width', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const link = { selector: '.popup-nav a', text: 'Add term' };
      expect(await popup.evaluate(clickByText, link)).toBe(true);
      await popup.waitForSelector('#term-label', WAIT_MS);
      const layout = await popup.evaluate(readLayout, null);
      expectNothingCut(layout, 'terms', 400);
      const formRight = await popup.evaluate(
        () =>
          Math.max(
            ...[...document.querySelectorAll('.term-form input, .term-form button')].map(
              (control) => control.getBoundingClientRect().right,
            ),
          ),
        null,
      );
      expect(formRight, JSON.stringify(layout)).toBeLessThanOrEqual(layout.clientWidth);
    });

    it('opens "Add document" in a tab of its own, told which tab the reader was on', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const link = { selector: '.popup-nav a', text: 'Add document' };
      expect(await popup.evaluate(hasText, link)).toBe(true);
      // Clicked as a reader does; the popup closes once the tab is opened.
      await popup.evaluate(clickByText, link).catch(() => undefined);
      await lookout.waitForFunction(
        () =>
          (
            globalThis as unknown as {
              chrome: { extension: { getViews(filter: object): Window[] } };
            }
          ).chrome.extension
            .getViews({ type: 'tab' })
            .some((view) => /#import\?tab=\d+$/.test(view.location.href)),
        null,
        WAIT_MS,
      );
    });
  });
}
