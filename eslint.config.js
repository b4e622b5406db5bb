// Lint rules, including the layering rules of ARCHITECTURE.md: each folder may import only the
// layers below it, and the engine stays free of DOM, Node, timers, wall clock and Math.random.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_MODULES = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'vm',
  'url',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'util',
  'events',
];

/** `no-restricted-imports` patterns that forbid importing the named top-level folders. */
function forbidLayers(layers, why) {
  return layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}`], message: why }));
}

const engineSource = ['engine/**/*.ts'];
const engineTests = ['engine/**/*.test.ts', 'engine/**/__tests__/**'];

/**
 * The engine's layers from the bottom up (ARCHITECTURE.md, "Layers"): each imports only the ones
 * before it. `sandbox/contract` (what MapReduce and Spark run learners' code through) sits below
 * them; the rest of `sandbox` (pool, executor, compiling) runs them, so it sits above.
 */
const ENGINE_LAYERS = [
  'core',
  'cluster',
  'hdfs',
  'yarn',
  'exec',
  'sandbox/contract',
  'mapreduce',
  'spark',
  'streaming',
  'datasets',
  'server',
  'pipeline',
  'sandbox',
  'api',
];

/** A regex source matching an import of engine layer `layer` from a file one folder deep in engine/. */
function layerImport(layer) {
  if (layer === 'sandbox/contract') return String.raw`^(\.\./)+sandbox/contract(/|$)`;
  if (layer === 'sandbox') return String.raw`^(\.\./)+sandbox(?!/contract(/|$))(/|$)`;
  return String.raw`^(\.\./)+${layer}(/|$)`;
}

/** `no-restricted-imports` patterns that keep engine layer `layer` from importing the layers above it. */
function forbidHigherLayers(layer) {
  const index = ENGINE_LAYERS.indexOf(layer);
  const below = ENGINE_LAYERS.slice(0, index);
  const allowed = below.length ? `only ${below.map((l) => `engine/${l}`).join(', ')}` : 'nothing from the other layers';
  return ENGINE_LAYERS.slice(index + 1).map((higher) => ({
    regex: layerImport(higher),
    message: `engine/${layer} is below engine/${higher} (ARCHITECTURE.md, Layers): it may import ${allowed}. Move shared code down or pass it in.`,
  }));
}

/** Rules of the whole engine: no Node modules, no outer folder. */
const engineImportPaths = NODE_MODULES.filter((m) => !m.includes('*')).map((name) => ({
  name,
  message: 'engine/ runs in a Web Worker too: no Node modules.',
}));
const engineImportPatterns = [
  { group: ['node:*'], message: 'engine/ runs in a Web Worker too: no Node modules.' },
  ...forbidLayers(
    ['renderer', 'electron', 'cli', 'labs', 'scripts'],
    'engine/ is the bottom layer: it must not import renderer, electron, cli, labs or scripts.',
  ),
];

/** Per engine layer, its files (sandbox's own without its contract) and the imports it may not make. */
function engineLayerConfigs() {
  return ENGINE_LAYERS.map((layer) => {
    const patterns = [...engineImportPatterns, ...forbidHigherLayers(layer)];
    if (layer === 'sandbox/contract') {
      // The contract's files sit one folder deeper: `../x` is the rest of engine/sandbox, above it.
      patterns.push(
        {
          regex: String.raw`^\.\./(?!\.\./)`,
          message:
            'engine/sandbox/contract is below the rest of engine/sandbox and MapReduce and Spark: it may import only engine/core.',
        },
        {
          regex: String.raw`^\.\./\.\./(?!core(/|$))`,
          message:
            'engine/sandbox/contract is below the rest of engine/sandbox and MapReduce and Spark: it may import only engine/core.',
        },
      );
    }
    return {
      files: [`engine/${layer}/**/*.ts`],
      ignores: [...engineTests, ...(layer === 'sandbox' ? ['engine/sandbox/contract/**'] : [])],
      rules: { 'no-restricted-imports': ['error', { paths: engineImportPaths, patterns }] },
    };
  });
}

/**
 * Outside the engine, only its public entries may be imported: engine/<area> (its index.ts), and
 * engine/sandbox/compile (the compiler, kept out of engine/sandbox so workers do not carry it) with
 * engine/sandbox/compile/plain (its part without sucrase, so the CLI loads sucrase only when needed).
 * A deep import into engine/<area>/<file> is refused.
 */
const engineEntriesOnly = {
  regex: String.raw`(^|/)engine/(?!sandbox/compile(/plain)?$)[^/]+/.`,
  message:
    'Import the engine through its public entries only (engine/<area>, its index.ts; engine/sandbox/compile and engine/sandbox/compile/plain): export what you need from there.',
};

/** The TypeScript projects type-aware rules read: every .ts and .tsx file belongs to one. */
const TS_PROJECTS = [
  './engine/tsconfig.json',
  './labs/tsconfig.json',
  './renderer/tsconfig.json',
  './electron/tsconfig.json',
  './cli/tsconfig.json',
  './tsconfig.tests.json',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'e2e/artifacts/', '**/__golden__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      // Learners' code is compiled by the sandbox alone; nothing of ours evaluates strings.
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: engineSource,
    ignores: engineTests,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: engineImportPaths, patterns: engineImportPatterns }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'engine/ has no DOM.' },
        { name: 'document', message: 'engine/ has no DOM.' },
        { name: 'localStorage', message: 'engine/ has no DOM.' },
        { name: 'setTimeout', message: 'Use the Kernel: engine/ has no timers.' },
        { name: 'setInterval', message: 'Use the Kernel: engine/ has no timers.' },
        { name: 'performance', message: 'Simulated time only: use kernel.now.' },
        { name: 'process', message: 'engine/ has no Node.' },
        { name: 'require', message: 'engine/ has no Node.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use an Rng from engine/core/rng (createRng(seed)) so runs are deterministic.',
        },
        { object: 'Date', property: 'now', message: 'Simulated time only: use kernel.now.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Simulated time only: use kernel.now.' },
      ],
    },
  },
  ...engineLayerConfigs(),
  {
    files: ['labs/**/*.ts'],
    ignores: ['labs/**/*.test.ts', 'labs/**/__tests__/**', 'labs/examples/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Labs are data: no Node modules.' },
            ...forbidLayers(['renderer', 'electron', 'cli', 'scripts'], 'labs/ may import only the engine.'),
            engineEntriesOnly,
          ],
        },
      ],
    },
  },
  {
    // Job files: learners' code keeps Hadoop's parameter names (offset, ctx) even when unused.
    files: [
      'labs/examples/**/*.{js,ts}',
      'labs/*/steps/**/*.js',
      'labs/*/reference/**/*.js',
      'labs/packs/*/*/steps/**/*.js',
    ],
    // A streaming program's timers run on the simulated clock (engine/sandbox/simulatedTimers.ts).
    languageOptions: {
      globals: { setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' },
    },
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The job API as learners' JavaScript meets it: `any` defaults and "any value" are the point.
    files: ['labs/jobApi/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    files: ['cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidLayers(['renderer', 'electron'], 'cli/ may import engine and labs only.'),
            engineEntriesOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the desktop only through the preload API (window.clusterlab).',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: use the preload API.' },
            ...forbidLayers(['cli', 'scripts'], 'renderer/ may import engine and labs only.'),
            engineEntriesOnly,
            {
              group: ['**/electron/*', '**/electron'],
              allowTypeImports: true,
              message:
                'renderer/ may import only types from electron/preloadApi: the desktop is reached through window.clusterlab.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidLayers(
            ['engine', 'renderer', 'labs', 'cli'],
            'electron/ is the desktop shell: it never imports engine, renderer, labs or cli.',
          ),
        },
      ],
    },
  },
  {
    // Labs' tests and the end-to-end tests also reach the engine through its entries only.
    files: ['labs/**/*.test.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineEntriesOnly] }] },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'scripts/bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Promises nobody awaits: in this worker-heavy code a floating promise is a failure nobody
    // hears of. `void promise` says fire-and-forget on purpose; a promise-returning function
    // where a void callback is expected (an event handler) is refused too.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['scripts/bench/**', '**/*.d.ts'],
    languageOptions: { parserOptions: { project: TS_PROJECTS, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
