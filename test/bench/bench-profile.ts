import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS } from '../e2e/browsers';

/** A headless Chromium on a fresh profile of its own, with an extension build or without. */
export interface BenchProfile {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export async function launchBenchProfile(
  build: string | null,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BenchProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'pledgemark-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [
      '--headless=new',
      ...(build ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : []),
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
