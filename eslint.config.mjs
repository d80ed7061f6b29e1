import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The background's store (Dexie, seeding, the user's clips, search): imported anywhere else, it
 * would open the database in another context's origin (a content script's IndexedDB belongs to
 * the web page) or carry the index where nothing searches it.
 */
const STORE = {
  group: [
    '**/data/store',
    '**/data/store/**',
    '**/store',
    '**/store/**',
    'dexie',
    'minisearch',
    'minisearch/*',
  ],
  message: 'Only the background opens the store; ask it through utils/messaging.',
};
/** The build step runs at build time, in Node. */
const BUILD = {
  group: ['**/data/build', '**/data/build/**', './build', './build/**', '../build', '../build/**'],
  message: 'data/build/ runs at build time, in Node.',
};
/** The corpus and matcher the build generates: packaged files the background reads and hands out. */
const GENERATED = {
  group: ['**/data/generated/**'],
  message: 'The background reads the generated files; ask it (loadMatcher, lookupTerm, …).',
};
const CONTEXTS = {
  group: ['**/entrypoints/**', '**/components/**'],
  message: 'Shared code and data do not depend on contexts or UI.',
};

/** One zone's import rule (a file gets the rule of the last zone it is in, so zones are disjoint). */
const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'data/generated/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The content script and the extension pages ask the background for everything stored.
  {
    files: ['entrypoints/content/**', 'entrypoints/popup/**'],
    rules: restrictImports(STORE, BUILD, GENERATED),
  },
  {
    // The card's own script (see entrypoints/content/card-ui-slot.ts) only renders: everything
    // beyond the page comes through the data port the content script hands it.
    files: ['entrypoints/card-ui.content/**'],
    rules: {
      ...restrictImports(STORE, BUILD, GENERATED, {
        group: ['wxt/browser'],
        message: "The card's script uses no extension APIs: the content script's port does.",
      }),
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: "The card's script uses no extension APIs." },
        { name: 'chrome', message: "The card's script uses no extension APIs." },
      ],
    },
  },
  { files: ['entrypoints/background/**'], rules: restrictImports(BUILD) },
  // The offscreen clipboard page only copies text: no store, no build step.
  { files: ['entrypoints/clipboard/**'], rules: restrictImports(STORE, BUILD) },
  {
    // Components render what they are given: no extension APIs, no store, no entrypoints.
    files: ['components/**'],
    rules: {
      ...restrictImports(STORE, BUILD, GENERATED, {
        group: ['**/entrypoints/**', 'wxt/browser', 'wxt/*'],
        message: 'Components take props and call callbacks; they use no extension APIs.',
      }),
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Components must not use extension APIs.' },
        { name: 'chrome', message: 'Components must not use extension APIs.' },
      ],
    },
  },
  {
    // The bottom layer, shared by every runtime: it imports nothing above it.
    files: ['utils/**'],
    rules: restrictImports(STORE, BUILD, CONTEXTS, {
      group: ['**/data/**'],
      message: 'utils/ imports nothing above it.',
    }),
  },
  { files: ['data/store/**'], rules: restrictImports(BUILD, CONTEXTS) },
  { files: ['data/build/**', 'data/*.ts'], rules: restrictImports(STORE, CONTEXTS) },
  {
    files: ['test/**', '*.config.*', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
