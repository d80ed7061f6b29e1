/**
 * The icons rendered from public/icon.svg (`npm run icons`): one RGBA PNG per size at that exact
 * size, and the toolbar button declaring all of them, for MV3 (`action`) and MV2
 * (`browser_action`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const SIZES = [16, 32, 48, 128];
const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = join(root, 'public');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readIcon(size: number): Buffer {
  return readFileSync(join(publicDir, 'icon', `${size}.png`));
}

async function manifestFor(manifestVersion: 2 | 3, browser: string) {
  const { manifest } = config;
  return typeof manifest === 'function'
    ? await manifest({ browser, manifestVersion, mode: 'production', command: 'build' })
    : await manifest;
}

describe('icons', () => {
  it('has the single source image', () => {
    expect(readFileSync(join(publicDir, 'icon.svg'), 'utf8')).toMatch(
      /^<svg[^>]*viewBox="0 0 128 128"/,
    );
  });

  it.each(SIZES)('public/icon/%i.png is an RGBA PNG of that size', (size) => {
    const png = readIcon(size);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
      width: size,
      height: size,
    });
    expect(png[24]).toBe(8); // bit depth
    expect(png[25]).toBe(6); // colour type: truecolour with alpha
  });

  it('has a different image at each size', () => {
    const contents = new Set(SIZES.map((size) => readIcon(size).toString('base64')));
    expect(contents.size).toBe(SIZES.length);
  });

  it.each([
    { manifestVersion: 3, browser: 'chrome', key: 'action' },
    { manifestVersion: 3, browser: 'firefox', key: 'action' },
    { manifestVersion: 2, browser: 'firefox', key: 'browser_action' },
  ] as const)(
    'the $browser MV$manifestVersion toolbar button ($key) has every size',
    async ({ manifestVersion, browser, key }) => {
      const manifest = await manifestFor(manifestVersion, browser);
      const toolbar = manifest?.[key] as { default_icon?: Record<string, string> } | undefined;
      const icons = toolbar?.default_icon ?? {};
      expect(
        Object.keys(icons)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(SIZES);
      for (const size of SIZES) {
        const path = icons[size] ?? '';
        expect(path).toBe(`icon/${size}.png`);
        expect(existsSync(join(publicDir, path))).toBe(true);
      }
    },
  );
});
