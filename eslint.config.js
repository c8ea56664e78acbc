// Lint, including the layer rule (docs/architecture.md), enforced here rather than by memory:
// shared/ is pure; renderer/ talks to the outside only through window.newsmark; only
// electron/main.ts and electron/preload.ts touch Electron; cli/ stands on shared/ alone.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'http', 'https', 'net', 'worker_threads', 'readline', 'zlib', 'buffer', 'process'];
const node = { group: ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)], message: 'No Node APIs here.' };
const electron = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/main.ts and electron/preload.ts may import Electron or electron-store.' };
const store = { group: ['conf'], message: 'Stores belong to the main process (electron/services).' };
const layer = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`], message: why });

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The two rules of hooks. The React Compiler's rules (refs, set-state-in-effect, …) stay
    // off: Newsmark does not use the compiler, and its "latest value in a ref" hooks are deliberate.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests too: one that needs the file system (corpus, fixtures) lives in tests/shared/.
    files: ['shared/**/*.ts'],
    rules: restrict(
      node,
      electron,
      store,
      { group: ['react', 'react-dom', 'react-dom/*', 'slate-react', 'slate-dom', 'linkedom', '@mozilla/readability', 'playwright-core', '@playwright/test'], message: 'shared/ is pure TypeScript: no DOM, no React.' },
      layer('electron', 'shared/ imports nothing of ours outside shared/.'),
      layer('renderer', 'shared/ imports nothing of ours outside shared/.'),
      layer('cli', 'shared/ imports nothing of ours outside shared/.'),
      layer('e2e', 'shared/ imports nothing of ours outside shared/.'),
    ),
  },
  {
    // Tests too: one that reads files from disk lives in tests/renderer/.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(
      node,
      electron,
      store,
      layer('electron', 'The renderer reaches the main process only through window.newsmark.'),
      layer('cli', 'The renderer does not import the command line.'),
      layer('e2e', 'The renderer does not import test code.'),
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/**/*.test.ts'],
    rules: restrict(electron, layer('renderer', 'electron/ never imports renderer/.'), layer('cli', 'electron/ does not import cli/.'), layer('e2e', 'electron/ does not import test code.')),
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: restrict(layer('renderer', 'electron/ never imports renderer/.'), layer('cli', 'electron/ does not import cli/.'), layer('e2e', 'electron/ does not import test code.')),
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts'],
    rules: restrict(electron, store, layer('electron', 'cli/ stands on shared/ alone.'), layer('renderer', 'cli/ stands on shared/ alone.'), layer('e2e', 'cli/ does not import test code.')),
  },
);
