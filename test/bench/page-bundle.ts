import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Vite's `?inline` and `?raw` imports (the content script imports its CSS as a string). */
const viteQueryImports: Plugin = {
  name: 'vite-query-imports',
  setup(builder) {
    builder.onResolve({ filter: /\?(inline|raw)$/ }, ({ path, resolveDir }) => ({
      path: resolve(resolveDir, path.replace(/\?(inline|raw)$/, '')),
      namespace: 'vite-text',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'vite-text' }, ({ path }) => ({
      contents: readFileSync(path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** Bundles a page-side bench script into one script that a bench page runs as it is. */
export async function bundleForPage(entryPoint: string): Promise<string> {
  const bundled = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
    plugins: [viteQueryImports],
  });
  return bundled.outputFiles[0]!.text;
}
