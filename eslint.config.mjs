import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that would let one extension context reach into another's privileges. */
const DATABASE_MODULES = [
  '**/data/db',
  '**/data/db.ts',
  '**/data/seed',
  '**/data/seed.ts',
  '**/data/queries',
  '**/data/queries.ts',
  'dexie',
];

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
  {
    // The content script runs in the web page's origin: IndexedDB opened there belongs to the page.
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DATABASE_MODULES,
              message: 'Only the background opens the database; ask it through utils/messaging.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/popup/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DATABASE_MODULES,
              message: 'Only the background opens the database; ask it through utils/messaging.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components render what they are given: no extension APIs, no database, no entrypoints.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...DATABASE_MODULES, '**/entrypoints/**'],
              message: 'Components take props and call callbacks.',
            },
            { group: ['wxt/browser', 'wxt/*'], message: 'Components must not use extension APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Components must not use extension APIs.' },
        { name: 'chrome', message: 'Components must not use extension APIs.' },
      ],
    },
  },
  {
    files: ['data/**', 'utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entrypoints/**', '**/components/**'],
              message: 'Shared code does not depend on contexts or UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', '*.config.*', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
