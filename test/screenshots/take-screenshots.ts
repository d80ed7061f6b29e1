/**
 * `npm run screenshots`: the hover card on the E2E fixture page in light and dark mode, and the
 * popup's search, term view and clips at popup size, taken in headless Chromium with the built
 * extension (`npx wxt build` first). The README links them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS } from '../e2e/browsers';
import { startFixtureServer } from '../e2e/fixture-server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const build = join(root, '.output', 'chrome-mv3');
const profile = mkdtempSync(join(tmpdir(), 'pledgemark-screenshots-'));
const server = await startFixtureServer();
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1000, height: 760 },
  args: [
    '--headless=new',
    `--disable-extensions-except=${build}`,
    `--load-extension=${build}`,
    ...QUIET_CHROMIUM_ARGS,
  ],
});
try {
  const page = await context.newPage();
  await page.goto(server.url('slice.html'));
  const highlight = page.locator('[data-pledgemark-term="pnr"]').first();
  await highlight.waitFor({ state: 'attached' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600);
    await highlight.hover();
    await page.waitForTimeout(1_200);
    const path = join(root, 'test', 'screenshots', `card-${scheme}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  }

  // The popup's views, at the size of a toolbar popup (which cannot be opened headless).
  const worker =
    context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension:')) ??
    (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  const views = [
    { name: 'popup-search', hash: '#search?q=PNR', ready: '.search-facets select' },
    { name: 'popup-term', hash: '#term?id=pnr', ready: 'table' },
  ];
  for (const { name, hash, ready } of views) {
    await popup.goto(`${origin}/popup.html${hash}`);
    await popup.locator(ready).first().waitFor();
    await popup.waitForTimeout(500);
    const path = join(root, 'test', 'screenshots', `${name}.png`);
    await popup.screenshot({ path });
    console.log(`wrote ${path}`);
  }

  // Clips: two of PNR's commitments saved from its term view, then the list.
  for (const documentId of ['g7-action-plan-2016', 'apec-strategic-plan-2018']) {
    const save = popup.locator(`tr[data-document="${documentId}"] button.save-clip`).first();
    await save.click();
    await popup
      .locator(`tr[data-document="${documentId}"] button.save-clip:has-text("Saved")`)
      .first()
      .waitFor();
  }
  await popup.goto(`${origin}/popup.html#clips`);
  await popup.locator('li.clip').nth(1).waitFor();
  await popup.waitForTimeout(500);
  const clipsPath = join(root, 'test', 'screenshots', 'popup-clips.png');
  await popup.screenshot({ path: clipsPath });
  console.log(`wrote ${clipsPath}`);
} finally {
  await context.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
