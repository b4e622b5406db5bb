// spark.sql in the app (issue 12): the sandbox's SQL example runs its query on DuckDB-wasm inside
// the sandbox worker (the pool hands it the compiled module), shows DuckDB's answer, and draws the
// stages the plan's shape gives; a syntax error is DuckDB's message at the query. Run twice, to
// see that the worker's DuckDB is reused. A job whose code does not name sql runs in workers
// without DuckDB: reaching spark.sql from one is answered with what to write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { setEditorText, waitForRunEnd } from './labActions';

const consoleText = async (page: Page) => (await page.getByTestId('run-console-text').textContent()) ?? '';
/** The page's sandbox workers (nested in the engine worker), by script: sandboxWorker or sandboxSqlWorker. */
const sandboxWorkers = (page: Page) =>
  page
    .workers()
    .map((w) => /(sandbox(?:Sql)?Worker)-[^/]*\.js$/.exec(w.url())?.[1])
    .filter((name) => name !== undefined)
    .sort();

describe('spark.sql in the app', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
  });

  // First, while the page's sandbox workers are those without DuckDB (engine/sandbox/jobWantsSql.ts).
  it('tells a job that reaches spark.sql under a name it builds to spell it out', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    // No "s-q-l" anywhere in this code: the workers stay those without DuckDB.
    await setEditorText(
      page,
      `export default async (sc, spark) => {
  const query = spark['s' + 'ql'];
  return (await query('SELECT 1 AS one')).collect();
};
`,
      '.sandbox-editor',
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    const error = (await page.getByTestId('run-error').textContent()) ?? '';
    expect(error).toContain(
      'spark.sql needs DuckDB, which the sandbox starts only for a job whose text contains the letters sql',
    );
    expect(error).toContain('call it as spark.sql(...)');
    expect(sandboxWorkers(page)).toEqual(['sandboxWorker', 'sandboxWorker']);
  });

  it('runs the SQL example on DuckDB in the sandbox, with the plan and the answer', async () => {
    const { page } = s;
    await page.getByLabel('Example job').selectOption('iot-sql');
    for (const attempt of [1, 2]) {
      await page.getByRole('button', { name: '▶ Run' }).click();
      await waitForRunEnd(page, 120_000);
      expect(await page.getByTestId('run-error').count(), `run ${attempt}`).toBe(0);
      const text = await consoleText(page);
      expect(text).toContain('Exchange hashpartitioning(day, 8)');
      expect(text).toContain('|2016-05-01|');
      expect(text).toContain('only showing top 5 rows');
      await page.locator('#run-tab-output').click();
      const output = (await page.getByTestId('run-output').textContent()) ?? '';
      expect(output).toContain('2016-05-30');
    }
    // The DAG: the scan and the partial aggregate (the Exchange's map side), the final aggregate's tasks, the ORDER BY's last stage.
    await page.locator('#run-tab-dag').click();
    const jobs = page.getByLabel('Spark job');
    const collect = await jobs
      .locator('option')
      .evaluateAll((options) =>
        (options as HTMLOptionElement[]).filter((o) => o.textContent?.includes('collect')).map((o) => o.value),
      );
    await jobs.selectOption(collect.at(-1)!);
    const dag = (await page.getByTestId('run-dag').textContent()) ?? '';
    // Stages: the scan and HashAggregate (partial), the final aggregate's tasks, the ORDER BY's last
    // stage (the first two ran in show()'s job already: skipped, their shuffle output reused).
    expect(dag).toMatch(/Stage \d+ \(skipped\)textFile → Scan → Project → HashA/);
    expect(dag).toMatch(/Exchange → HashAggregate → Exchan/);
    expect(dag).toMatch(/Exchange SinglePartitionSort/);
    await s.screenshot('spark-sql-dag-1440-dark');
  });

  it("answers a syntax error with DuckDB's message", async () => {
    const { page } = s;
    await setEditorText(
      page,
      `export default async (sc, spark) => {
  spark.createDataFrame([{ a: 1 }]).createOrReplaceTempView('t');
  return (await spark.sql('SELEC a FROM t')).collect();
};
`,
      '.sandbox-editor',
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    const error = (await page.getByTestId('run-error').textContent()) ?? '';
    expect(error).toMatch(/ParseException/);
    expect(error).toMatch(/syntax error at or near "SELEC"/);
  });

  it("keeps DuckDB's runtime methods out of a job's reach, so the next run's spark.sql is DuckDB's own", async () => {
    const { page } = s;
    await setEditorText(
      page,
      // Names sql, so it runs where DuckDB is, whatever ran before it.
      `// sql
export default async (sc, spark) => {
  const tries = [];
  const attempt = (what, fn) => { try { fn(); tries.push(what + ' changed'); } catch { tries.push(what + ' refused'); } };
  attempt('assign', () => { DUCKDB_RUNTIME.openFile = () => { throw new Error('tampered'); }; });
  attempt('define', () => Object.defineProperty(DUCKDB_RUNTIME, 'getDefaultDataProtocol', { value: undefined }));
  attempt('delete', () => { if (!delete DUCKDB_RUNTIME.openFile) throw new Error('kept'); });
  const d = Object.getOwnPropertyDescriptor(DUCKDB_RUNTIME, 'openFile');
  console.log(tries.join(', ') + '; openFile writable ' + d.writable + ', configurable ' + d.configurable);
  return [];
};
`,
      '.sandbox-editor',
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect(await consoleText(page)).toContain(
      'assign refused, define refused, delete refused; openFile writable false, configurable false',
    );
    // The SQL example still runs on DuckDB as it is.
    await page.getByLabel('Example job').selectOption('iot-sql');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await consoleText(page)).toContain('|2016-05-01|');
  });

  it('warms up workers with DuckDB when the code shown names sql, and the first run keeps them', async () => {
    const { page } = s;
    // The SQL example is still in the editor: saved with the page's progress, shown again after a reload.
    const started: string[] = [];
    page.on('worker', (w) => started.push(w.url()));
    await page.reload();
    await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => sandboxWorkers(page), { timeout: 30_000 })
      .toEqual(['sandboxSqlWorker', 'sandboxSqlWorker']);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await consoleText(page)).toContain('|2016-05-01|');
    expect(sandboxWorkers(page)).toEqual(['sandboxSqlWorker', 'sandboxSqlWorker']);
    expect(started.filter((url) => /sandbox(Sql)?Worker-/.test(url))).toHaveLength(2);
  });

  // Last: in workers that no spark.sql has used yet (the reload above warmed them).
  it("opens DuckDB before any job's code, so what a run leaves in the worker cannot break a later run's spark.sql", async () => {
    const { page } = s;
    await page.reload();
    await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => sandboxWorkers(page), { timeout: 30_000 })
      .toEqual(['sandboxSqlWorker', 'sandboxSqlWorker']);
    await setEditorText(
      page,
      // Names sql, so it runs in the workers with DuckDB; it never calls it.
      `// sql
const g = Function('return this')();
export default async () => {
  const tries = [];
  const attempt = (what, fn) => { try { fn(); tries.push(what + ' done'); } catch (e) { tries.push(what + ': ' + e.message); } };
  // What DuckDB's code wrote as it opened (Emscripten's .sig on shared functions) fails once they are frozen.
  attempt('freeze', () => { Object.freeze(Math.cbrt); Object.freeze(Math.pow); });
  // What it read (process: Node's) cannot be left behind.
  attempt('leave process', () => { g.process = { versions: { node: '20.0.0' }, argv: [], on() {} }; });
  attempt('leave on a prototype', () => { Object.getPrototypeOf(g).process = { versions: { node: '20.0.0' } }; });
  attempt('replace performance.now', () => { Object.getPrototypeOf(performance).now = () => 0; });
  // Deeper in: what DuckDB calls as its memory grows, what formats numbers, an iterator helper, a built-in's property.
  attempt('replace Memory.grow', () => { WebAssembly.Memory.prototype.grow = () => { throw new RangeError('no'); }; });
  attempt('replace format', () => { Object.defineProperty(Intl.NumberFormat.prototype, 'format', { get: () => () => 'A!' }); });
  attempt('replace a helper', () => { Object.getPrototypeOf([].values().map((x) => x)).next = () => ({ done: true }); });
  attempt('mark Math.max', () => { Math.max.secret = 42; });
  // DuckDB's instance (it sets this global as it opens) is out of reach.
  tries.push('bindings ' + typeof g.DUCKDB_BINDINGS);
  console.log(tries.join('; '));
  return [];
};
`,
      '.sandbox-editor',
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    const tries = await consoleText(page);
    expect(tries).toContain('freeze done');
    expect(tries).toContain('leave process: Cannot add property process, object is not extensible');
    expect(tries).toContain('leave on a prototype: Cannot add property process, object is not extensible');
    expect(tries).toContain("replace performance.now: Cannot assign to read only property 'now'");
    expect(tries).toContain("replace Memory.grow: Cannot assign to read only property 'grow'");
    expect(tries).toContain('replace format: Cannot redefine property: format');
    expect(tries).toContain("replace a helper: Cannot assign to read only property 'next'");
    expect(tries).toContain('mark Math.max: Cannot add property secret, object is not extensible');
    expect(tries).toContain('bindings undefined');
    // The same workers run the SQL example on DuckDB as it is.
    await page.getByLabel('Example job').selectOption('iot-sql');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await consoleText(page)).toContain('|2016-05-01|');
    expect(sandboxWorkers(page)).toEqual(['sandboxSqlWorker', 'sandboxSqlWorker']);
  });
});

describe('spark.sql after DuckDB failed to load', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says so in that run, and the next run loads it afresh', async () => {
    const { page, context } = s;
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    // DuckDB's wasm cannot be fetched (added after the harness's route: tried first).
    const blocked = (route: { abort(): Promise<void> }) => route.abort();
    await context.route('**/duckdb-eh*.wasm', blocked);
    await page.getByLabel('Example job').selectOption('iot-sql');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect((await page.getByTestId('run-error').textContent()) ?? '').toContain(
      'spark.sql: DuckDB could not be loaded',
    );
    await context.unroute('**/duckdb-eh*.wasm', blocked);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 120_000);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await consoleText(page)).toContain('|2016-05-01|');
  });
});
