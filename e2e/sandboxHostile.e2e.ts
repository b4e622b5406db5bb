// Hostile jobs in the real browser sandbox (issue 10, §1 and §4): a job reaches the worker's
// global with Function('return this')() and looks every name up through the prototype chain, as
// `Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, 'indexedDB').get.call(globalThis)`
// does. Writing to IndexedDB or Cache Storage, posting a forged sparkDone, talking to other tabs
// over BroadcastChannel: each fails with a message, leaves no trace in the origin, and the app
// keeps working (a normal job runs after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { openApp, type Session } from './harness';
import { setEditorText } from './labActions';

const IOT_EXAMPLE = readFileSync('labs/examples/jobs/iot-daily-average.js', 'utf8');
const IOT_FIRST_LINE = IOT_EXAMPLE.split('\n')[0]!.replace(/\s+/g, '');

/** Finds a name on the worker's global or any object of its prototype chain (getters called on the global). */
const FIND = `const g = Function('return this')();
const find = (name) => {
  for (let o = g; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d.get ? d.get.call(g) : d.value;
  }
  return undefined;
};`;

const HOSTILE: { name: string; code: string }[] = [
  {
    name: 'IndexedDB through the prototype',
    code: `export default async (sc) => {
${FIND}
  const idb = find('indexedDB') ?? (find('IDBFactory') && Object.create(find('IDBFactory').prototype));
  if (!idb || typeof idb.open !== 'function') throw new Error('hostile: no indexedDB');
  await new Promise((resolve, reject) => {
    const request = idb.open('hostile', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('junk').put('x'.repeat(1000), 1);
    request.onsuccess = resolve;
    request.onerror = reject;
  });
  return 'wrote IndexedDB';
};`,
  },
  {
    name: 'Cache Storage',
    code: `export default async (sc) => {
${FIND}
  const caches = find('caches');
  if (!caches || typeof caches.open !== 'function') throw new Error('hostile: no caches');
  await caches.open('hostile');
  return 'opened a cache';
};`,
  },
  {
    name: 'a forged sparkDone',
    code: `export default async (sc) => {
${FIND}
  const post = find('postMessage');
  if (typeof post !== 'function') throw new Error('hostile: no postMessage');
  const log = { rdds: [], shuffles: [], jobs: [], aborted: false };
  for (let id = 0; id < 200; id++) post.call(g, { type: 'sparkDone', id, output: { result: ['FAKE RESULT'], jobs: [log], written: [] } });
  return 'FAKE RESULT';
};`,
  },
  {
    name: 'a BroadcastChannel message to other tabs',
    code: `export default async (sc) => {
${FIND}
  const Channel = find('BroadcastChannel');
  if (typeof Channel !== 'function') throw new Error('hostile: no BroadcastChannel');
  new Channel('clusterlab-hostile').postMessage('hello from a job');
  return 'sent';
};`,
  },
  {
    name: 'navigator.storage and a nested Worker',
    code: `export default async (sc) => {
${FIND}
  const nav = find('navigator');
  if (nav && nav.storage) await nav.storage.getDirectory();
  const W = find('Worker');
  if (typeof W === 'function') new W('data:text/javascript,postMessage(1)');
  if (!nav && typeof W !== 'function') throw new Error('hostile: no navigator, no Worker');
  return 'reached storage';
};`,
  },
  {
    name: "a message listener that would hear later runs' requests",
    code: `export default async (sc) => {
${FIND}
  const listen = find('addEventListener');
  if (typeof listen !== 'function') throw new Error('hostile: no addEventListener');
  listen.call(g, 'message', (e) => { g.heard = (g.heard ?? '') + ' ' + e.data.type; });
  return 'listening';
};`,
  },
  {
    name: 'a monkeypatched RDD.collect and Array.prototype.push',
    code: `export default async (sc) => {
  const rdd = sc.parallelize([1, 2]);
  try { Array.prototype.push = function () { return 0; }; } catch {}
  Object.getPrototypeOf(rdd).collect = async () => ['FAKE RESULT'];
  return rdd.collect();
};`,
  },
];

/** Bytes and times the engine reports go through JSON: a fake one would shrink them. */
const SWAPPED_GLOBALS = `export default async (sc) => {
  const g = Function('return this')();
  const RealJSON = JSON;
  g.JSON = { stringify: () => '1', parse: RealJSON.parse };
  return ['FAKE RESULT'];
};`;

/**
 * RegExp.prototype stays frozen although V8 then leaves its fast paths for split and replace: a job
 * that could change it for a moment could reach the engine's own regular expressions and leave code
 * in them for the worker's later runs (a review found it when it was watched instead).
 */
const CHANGED_REGEXP = `export default async (sc) => {
  RegExp.prototype.exec = () => null;
  return 'a b'.split(/ /);
};`;

/**
 * Workers serve many runs: callbacks a job leaves running (its own, and a built-in one) fire at
 * wall-clock time `at`, while the next job waits; they must not fail that run, nor print into it.
 * The next job says whether it started before `at` (else the test proves nothing).
 */
const LEAVES_CALLBACKS = (
  at: number,
) => `AbortSignal.timeout(${at} - Date.now()).onabort = () => { console.log('LATE LINE'); throw new Error('LATE THROW'); };
AbortSignal.timeout(${at} - Date.now()).onabort = JSON.parse.bind(null, '{');
export default async (sc) => 'first done';`;
const WAITS = (at: number) => `export default async (sc) => {
  const early = Date.now() < ${at};
  await new Promise((resolve) => { AbortSignal.timeout(Math.max(0, ${at + 1000} - Date.now())).onabort = resolve; });
  return 'second done, started early: ' + early;
};`;
/** A run's own callback that throws while it runs is that run's error, at its line. */
const OWN_LATE_THROW = `export default async (sc) => {
  AbortSignal.timeout(100).onabort = () => { throw new Error('MY LATE THROW'); };
  await new Promise((resolve) => { AbortSignal.timeout(1500).onabort = resolve; });
  return 'not reached';
};`;

/**
 * The compiler's split helper (engine/sandbox/regexpSplit.ts) in the real, frozen worker: what
 * String.prototype.split gives in an untouched realm (this test's), and the learner's line when the
 * receiver is null.
 */
const SPLITS = [
  "'a b  c'.split(/\\s+/)",
  "'a1b22c'.split(/(\\d)+/)",
  "'x😀y'.split(/(?:)/u)",
  "'a,b,,c'.split(/,/, 2)",
  "' ab '.split(/\\b/)",
];
const SPLIT_JOB = `export default async (sc) => {
  console.log(JSON.stringify([${SPLITS.join(', ')}]) + ' was split');
  return 1;
};`;
const NULL_SPLIT = `export default async (sc) => {
  const words = null;
  return words.split(/ /);
};`;

async function runInSandbox(page: Page, code: string) {
  await setEditorText(page, code, '.sandbox-editor');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-label="Running"]') &&
      (!!document.querySelector('[data-testid="run-error"]') || !!document.querySelector('.run-area')),
    undefined,
    { timeout: 60_000 },
  );
  return page
    .getByTestId('run-error')
    .count()
    .then(async (n) => (n ? await page.getByTestId('run-error').textContent() : null));
}

/**
 * The module syntax in a built script: imports (static or `import()`), `import.meta` and exports.
 * A sandbox worker's script must have none: a chunk of its own, or an export, is a module instance
 * the learner's `import()` could reach and change under the engine (the CSP allows 'self').
 */
function moduleLinks(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const type = (node as { type?: unknown }).type;
    if (
      type === 'ImportDeclaration' ||
      type === 'ImportExpression' ||
      (type === 'MetaProperty' && (node as { meta?: { name?: unknown } }).meta?.name === 'import') ||
      type === 'ExportNamedDeclaration' ||
      type === 'ExportDefaultDeclaration' ||
      type === 'ExportAllDeclaration'
    )
      found.push(type);
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

describe('the sandbox workers as built', () => {
  it('are each one script that imports and exports nothing', () => {
    const assets = join('dist', 'renderer', 'assets');
    const workers = readdirSync(assets).filter((f) => /^sandbox(Sql)?Worker-[\w-]+\.js$/.test(f));
    expect(workers.map((f) => f.replace(/-[\w-]+\.js$/, '')).sort()).toEqual(['sandboxSqlWorker', 'sandboxWorker']);
    for (const file of workers) expect(moduleLinks(readFileSync(join(assets, file), 'utf8')), file).toEqual([]);
    // The test can fail: a script with a chunk of its own is found.
    expect(moduleLinks("import('./chunk.js'); export const x = import.meta.url;").sort()).toEqual([
      'ExportNamedDeclaration',
      'ImportExpression',
      'MetaProperty',
    ]);
  });
});

describe('hostile jobs in the browser sandbox', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await s.page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await s.page.getByRole('tab', { name: 'Jobs' }).click();
    await s.page.getByLabel('Example job').selectOption('iot');
    await s.page.waitForFunction(
      (first) =>
        (document.querySelector('.sandbox-editor .view-lines')?.textContent ?? '').replace(/\s+/g, '').includes(first),
      IOT_FIRST_LINE,
      { timeout: 60_000 },
    );
    // Another tab's ears: what a job sends over BroadcastChannel would land here.
    await s.page.evaluate(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      new BroadcastChannel('clusterlab-hostile').onmessage = (e) => heard.push(e.data);
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(HOSTILE.map((h) => [h.name, h.code]))('contains %s', async (_name, code) => {
    const error = await runInSandbox(s.page, code);
    expect(error).toMatch(
      /hostile: no |is not a function|Cannot read properties of undefined|read only property 'collect'/,
    );
    expect(await s.page.locator('body').textContent()).not.toContain('FAKE RESULT');
  });

  it("refuses a fake JSON swapped into the global binding the engine reads, at the learner's line", async () => {
    const error = await runInSandbox(s.page, SWAPPED_GLOBALS);
    expect(error).toMatch(/:4: TypeError: Cannot assign to read only property 'JSON'/);
    expect(await s.page.locator('body').textContent()).not.toContain('FAKE RESULT');
  });

  it("refuses a change to RegExp.prototype, at the learner's line", async () => {
    const error = await runInSandbox(s.page, CHANGED_REGEXP);
    expect(error).toMatch(/:2: TypeError: Cannot assign to read only property 'exec'/);
  });

  it("keeps a job's late callbacks out of the next run; a run's own late error is its own", async () => {
    const { page } = s;
    const output = async () => {
      await page.getByRole('tab', { name: 'Output' }).click();
      return page.locator('.sandbox-job').textContent();
    };
    // Time enough to type and start the next job (a few seconds on a loaded machine).
    const at = Date.now() + 8000;
    expect(await runInSandbox(page, LEAVES_CALLBACKS(at))).toBeNull();
    expect(await output()).toContain('first done');
    expect(await runInSandbox(page, WAITS(at))).toBeNull();
    expect(await output()).toContain('second done, started early: true');
    expect(await page.locator('body').textContent()).not.toContain('LATE');
    const own = await runInSandbox(page, OWN_LATE_THROW);
    expect(own).toMatch(/\.js:2: Your code failed .*MY LATE THROW/);
  });

  it('splits on a regular expression literal as String.prototype.split does, and names the line of a null receiver', async () => {
    expect(await runInSandbox(s.page, SPLIT_JOB)).toBeNull();
    const expected = new Function(`return JSON.stringify([${SPLITS.join(', ')}]);`)() as string;
    expect(await s.page.getByTestId('run-console').textContent()).toContain(`${expected} was split`);
    expect(await runInSandbox(s.page, NULL_SPLIT)).toMatch(
      /:3: TypeError: Cannot read properties of null \(reading 'split'\)/,
    );
  });

  it('left nothing in the origin, heard nothing in other tabs, and still runs a normal job', async () => {
    const { page } = s;
    const traces = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
      heard: (window as unknown as { heard: unknown[] }).heard,
    }));
    expect(traces.databases).not.toContain('hostile');
    expect(traces.caches).not.toContain('hostile');
    expect(traces.heard).toEqual([]);
    expect(await runInSandbox(page, IOT_EXAMPLE)).toBeNull();
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
