import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'test-results',
      'playwright-report',
      'coverage',
      'docs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['node:*'] }],
    },
  },
  {
    // Only the IPC wrappers may touch Electron's raw IPC objects.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/ipc.ts', 'src/preload/index.ts', 'src/main/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Use src/main/ipc.ts.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Use src/preload/index.ts.' },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'core and shared stay Electron-free (see ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, often none.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
);
