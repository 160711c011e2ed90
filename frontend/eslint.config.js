// ESLint for the web app, run by `npm run build` (and so by the Maven build through Quinoa):
// any error or warning fails it (`--max-warnings 0`). Syntax only, no type information: the type
// check is TypeScript 7's `tsc` (`npm run typecheck`); typescript-eslint parses with the
// TypeScript 6 API (`typescript` in package.json), which it needs and TypeScript 7 does not ship.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/']),
  js.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts'],
    extends: [tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    // useLoad (src/hooks/useLoad.ts) takes deps like useEffect: exhaustive-deps checks them where it is called.
    settings: { 'react-hooks': { additionalEffectHooks: '^useLoad$' } },
  },
  {
    // The browser scenario: a Node script driving Chromium, with callbacks that run in the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
]);
