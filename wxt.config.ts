import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/** The Firefox add-on id: stable so that users' storage and the end-to-end tests can rely on it. */
export const GECKO_ID = 'pledgemark@pledgemark.org';

/** The toolbar button: public/icon/<size>.png, which WXT also lists as the manifest's `icons`. */
const TOOLBAR_ACTION = {
  default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  default_title: 'Pledgemark',
};

const GENERATED_FILES = ['corpus.json', 'matcher.json'];

/**
 * pdf.js's files that the import view reads a PDF with, packaged under `pdfjs/` (see
 * entrypoints/popup/pdf-source.ts): the legacy build's worker, the character maps that CJK text
 * needs, and the standard fonts. Copied from the installed package, never kept in the project.
 */
const PDFJS = resolve('node_modules/pdfjs-dist');
const PDFJS_FILES = [
  { absoluteSrc: `${PDFJS}/legacy/build/pdf.worker.min.mjs`, relativeDest: 'pdfjs/pdf.worker.mjs' },
  ...['cmaps', 'standard_fonts'].flatMap((folder) =>
    readdirSync(`${PDFJS}/${folder}`).map((name) => ({
      absoluteSrc: `${PDFJS}/${folder}/${name}`,
      relativeDest: `pdfjs/${folder}/${name}`,
    })),
  ),
];

export default defineConfig({
  // Explicit imports keep the lint rules that separate contexts meaningful.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Pledgemark',
    description:
      'Highlights counter-terrorism policy terms on the pages you read and cross-references what five source documents commit to and who said what. Works offline; sends nothing.',
    // clipboardWrite: the background copies a citation where the page refuses the content
    // script the clipboard (entrypoints/background/clipboard-writer.ts); on MV3 it does so from
    // an offscreen document.
    permissions: [
      'storage',
      'activeTab',
      'clipboardWrite',
      ...(manifestVersion === 3 ? ['offscreen'] : []),
    ],
    // The toolbar icon, rendered from public/icon.svg by `npm run icons`. Under its MV2 key for
    // MV2: WXT writes the popup into `browser_action` there and would then drop an `action`.
    ...(manifestVersion === 2 ? { browser_action: TOOLBAR_ACTION } : { action: TOOLBAR_ACTION }),
    commands: {
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlighting on this tab off or back on',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted term and open its card',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted term and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              // Pledgemark collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The corpus and the compiled matcher are packaged files that the background reads (to seed
    // the database, to hand the matcher to content scripts and the popup), not part of any
    // script (see entrypoints/background/index.ts).
    'build:publicAssets': (_wxt, files) => {
      for (const name of GENERATED_FILES) {
        files.push({ absoluteSrc: resolve(`data/generated/${name}`), relativeDest: name });
      }
      files.push(...PDFJS_FILES);
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...GENERATED_FILES.map((name) => `/${name}`), '/pdfjs/pdf.worker.mjs');
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
});
