import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

// The engine's libraries stay behind src/db/ (DESIGN.md): the rest of the app asks src/db/engine.ts.
const ENGINE_PACKAGES = [
  '@duckdb/duckdb-wasm',
  '@duckdb/duckdb-wasm/*',
  'parquet-wasm',
  'parquet-wasm/*',
  'apache-arrow',
  'apache-arrow/*',
];

const ENGINE_RESTRICTION = {
  group: ENGINE_PACKAGES,
  message: 'Only src/db/ talks to DuckDB, parquet-wasm and Arrow; use src/db/engine.ts.',
};

// Charts are presentational components in one feature (DESIGN.md): the rest of the app stays
// independent of the charting library.
const RECHARTS_RESTRICTION = {
  group: ['recharts', 'recharts/*'],
  message: 'Only chart components (src/features/charts/) import recharts.',
};

// Dataset text is untrusted (DESIGN.md): raw HTML would let a conversation run script in the app.
const RAW_HTML_MESSAGE =
  'Dataset text is untrusted: render React elements (see src/features/viewer/markdown/), never raw HTML.';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', '.cache', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022 },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: RAW_HTML_MESSAGE,
        },
        {
          // The same prop passed through createElement or a props object.
          selector: "Property[key.name='dangerouslySetInnerHTML']",
          message: RAW_HTML_MESSAGE,
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      'no-restricted-imports': ['error', { patterns: [ENGINE_RESTRICTION, RECHARTS_RESTRICTION] }],
    },
  },
  {
    files: ['src/features/charts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_RESTRICTION] }] },
  },
  {
    files: ['src/db/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
