import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

// The engine's libraries stay behind src/db/: the rest of the app asks the engine.
const ENGINE_PACKAGES = [
  '@duckdb/duckdb-wasm',
  '@duckdb/duckdb-wasm/*',
  'parquet-wasm',
  'parquet-wasm/*',
  'apache-arrow',
  'apache-arrow/*',
  'arrow-js-ffi',
  'arrow-js-ffi/*',
];

const ENGINE_RESTRICTION = {
  group: ENGINE_PACKAGES,
  message:
    'Only src/db/ talks to DuckDB, parquet-wasm and Arrow; use the engine (src/db/index.ts).',
};

// Charts are presentational components in one feature: the rest of the app stays
// independent of the charting library.
const RECHARTS_RESTRICTION = {
  group: ['recharts', 'recharts/*'],
  message: 'Only chart components (src/features/charts/) import recharts.',
};

// The house's layers (docs/architecture.md#folder-map-and-import-rules): each imports only the layers
// below it. `db` may use `sql`'s builders; `sql` never runs anything.
const LAYERS = {
  model: [],
  lib: ['model'],
  components: ['lib', 'model'],
  sql: ['lib', 'model'],
  db: ['sql', 'lib', 'model'],
  features: ['db', 'sql', 'components', 'lib', 'model'],
};
const ALL_LAYERS = ['app', 'features', 'db', 'sql', 'components', 'lib', 'model'];
const layerZones = Object.entries(LAYERS).map(([layer, below]) => ({
  target: `./src/${layer}`,
  from: ALL_LAYERS.filter((l) => l !== layer && !below.includes(l)).map((l) => `./src/${l}`),
  // Test helpers may build their fixtures with the layer above's test helpers (a native DuckDB).
  except: layer === 'sql' ? ['../db/testing'] : [],
  message: `src/${layer}/ imports only ${below.length ? below.join(', ') : 'itself'} (layers import downward).`,
}));

// Each feature has one front door, its index.ts: other features and the app import only that.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const frontDoorZones = FEATURES.map((feature) => ({
  target: ['./src/app', ...FEATURES.filter((f) => f !== feature).map((f) => `./src/features/${f}`)],
  from: `./src/features/${feature}`,
  except: ['./index.ts'],
  message: `Import src/features/${feature}/ through its front door, src/features/${feature}/index.ts.`,
}));

// The engine has one front door too: the rest of the app imports src/db/index.ts (tests may use
// src/db/testing/, e.g. the fake engine).
const engineDoorZone = {
  target: './src/!(db)/**/*',
  from: './src/db',
  except: ['./index.ts', './testing'],
  message: 'Import the engine through its front door, src/db/index.ts.',
};

// The app's code never reaches into the repository's scripts; only test helpers (a testing/ folder)
// may, to generate fixtures.
const scriptZone = {
  target: './src/**/!(testing)/*',
  from: './scripts',
  message: 'Only test helpers (src/**/testing/) use scripts/, e.g. to generate a dataset.',
};

// Dataset text is untrusted (docs/architecture.md#security): raw HTML would let a conversation run script in the app.
const RAW_HTML_MESSAGE =
  'Dataset text is untrusted: render React elements (see src/features/viewer/markdown/), never raw HTML.';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      '.cache',
      'test-results',
      'playwright-report',
      // Breaks the import rules on purpose: scripts/lint/house-rules.test.ts lints it.
      'scripts/lint/fixtures',
    ],
  },
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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      // One import statement per module: the front doors made several lines name the same one.
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...layerZones, ...frontDoorZones, engineDoorZone, scriptZone] },
      ],
      'max-lines': ['error', { max: 300 }],
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
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
