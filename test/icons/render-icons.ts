/**
 * `npm run icons`: renders the extension's icons, public/icon/<size>.png, from the one source
 * image, public/icon.svg, in headless Chromium (Debian's, or CHROMIUM_PATH). WXT lists
 * public/icon/<size>.png as the manifest's `icons`; wxt.config.ts names them as the toolbar icon.
 * Run it again after changing the SVG, and commit the PNGs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 128] as const;

const root = fileURLToPath(new URL('../../', import.meta.url));
const svg = readFileSync(join(root, 'public', 'icon.svg'), 'utf8');
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const outDir = join(root, 'public', 'icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new'],
});
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img id="icon" src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('#icon').evaluate((image: HTMLImageElement) => image.decode());
    const path = join(outDir, `${size}.png`);
    await page.screenshot({
      path,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
