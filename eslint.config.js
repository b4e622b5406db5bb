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
const engineTests = ['engine/**/*.test.ts'];

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
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES.filter((m) => !m.includes('*')).map((name) => ({
            name,
            message: 'engine/ runs in a Web Worker too: no Node modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'engine/ runs in a Web Worker too: no Node modules.' },
            ...forbidLayers(
              ['renderer', 'electron', 'cli', 'labs', 'scripts'],
              'engine/ is the bottom layer: it must not import renderer, electron, cli, labs or scripts.',
            ),
          ],
        },
      ],
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
  {
    files: ['engine/core/**/*.ts'],
    ignores: engineTests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '!../core/*'], message: 'engine/core imports nothing from the other engine layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['labs/**/*.ts'],
    ignores: ['labs/**/*.test.ts', 'labs/examples/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Labs are data: no Node modules.' },
            ...forbidLayers(['renderer', 'electron', 'cli', 'scripts'], 'labs/ may import only the engine.'),
          ],
        },
      ],
    },
  },
  {
    // Job files: learners' code keeps Hadoop's parameter names (offset, ctx) even when unused.
    files: ['labs/examples/**/*.{js,ts}', 'labs/*/steps/**/*.js', 'labs/*/reference/**/*.js'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The job API as learners' JavaScript meets it: `any` defaults and "any value" are the point.
    files: ['labs/jobApi.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    files: ['cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbidLayers(['renderer', 'electron'], 'cli/ may import engine and labs only.') },
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
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'scripts/bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
