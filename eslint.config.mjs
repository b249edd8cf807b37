import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'stream', 'events', 'buffer', 'worker_threads', 'module', 'vm', 'net', 'http', 'https']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/artifacts/**', 'bench/results*.json', '.tmp*/**', '**/.tmp*/**', '.tmp-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The domain core stays pure: no Electron, no Node, no React, no DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'react/*', 'recharts', 'lowdb', ...nodeBuiltins], message: 'shared/ is the pure domain core: no Electron, Node, React or storage imports.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', '__dirname', 'global'],
    },
  },
  {
    // The renderer talks to the machine only through the preload bridge.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'lowdb', ...nodeBuiltins, '**/electron/**'], message: 'renderer/ may not import Electron, Node or main-process code; use the API bridge.' }] }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'global'],
    },
  },
  {
    // Services and the store must run under plain Node: only electron/main may touch Electron.
    files: ['electron/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['electron'], message: 'services are plain Node modules; Electron belongs in electron/main.' }] }] },
  },
)
