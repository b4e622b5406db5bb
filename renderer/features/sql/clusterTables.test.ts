import { beforeAll, describe, expect, it } from 'vitest';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { sensorCsv } from '../../../engine/datasets';
import { ClusterTables, type RunOutputs } from './clusterTables';
import type { SqlDb } from './sqlDb';
import { sqlErrorView } from './sqlError';
import { queryResult, type ArrowTableLike } from './queryResult';

const dist = (file: string) =>
  new URL(`../../../node_modules/@duckdb/duckdb-wasm/dist/${file}`, import.meta.url).pathname;

/** The real DuckDB-wasm (the Node build of the same wasm), behind the console's SqlDb. */
let arrowQuery: (sql: string) => ArrowTableLike;

async function nodeDuckDb(): Promise<SqlDb> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  arrowQuery = (sql) => conn.query(sql) as unknown as ArrowTableLike;
  return {
    registerText: async (name, text) => db.registerFileText(name, text),
    dropText: async (name) => db.dropFile(name),
    query: async (sql) =>
      conn
        .query(sql)
        .toArray()
        .map((r: { toJSON(): Record<string, unknown> }) => {
          const o = r.toJSON();
          for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
          return o;
        }),
  };
}

const mrRun: RunOutputs = {
  kind: 'mapreduce',
  result: null,
  outputs: [
    { path: '/out/daily/_SUCCESS', text: '' },
    { path: '/out/daily/part-r-00000', text: '2016-05-01\t20.5\n2016-05-04\t21\n' },
    { path: '/out/daily/part-r-00001', text: '2016-05-02\t19.25\n' },
    { path: '/out/daily/part-r-00002', text: '' },
    { path: '/pr/iter-1/part-r-00000', text: 'p1\t0.5\tp2,p3\np2\t0.25\t\n' },
  ],
};

describe('the cluster data as DuckDB tables', () => {
  let db: SqlDb;
  let tables: ClusterTables;
  beforeAll(async () => {
    db = await nodeDuckDb();
    tables = new ClusterTables(db);
  });

  it('has the built-in datasets before any run, typed and counted', async () => {
    const list = await tables.sync(null);
    expect(list.map((t) => t.name)).toEqual(['sensors', 'corpus', 'pages', 'graph']);
    const sensors = list[0]!;
    expect(sensors.origin).toBe('/data/sensors.csv');
    expect(sensors.columns).toEqual([
      { name: 'timestamp', type: 'TIMESTAMP' },
      { name: 'sensor', type: 'VARCHAR' },
      { name: 'value', type: 'DOUBLE' },
    ]);
    expect(sensors.rows).toBe(sensorCsv(100_000).trimEnd().split('\n').length);
    expect(list.find((t) => t.name === 'graph')!.columns.map((c) => c.name)).toEqual(['src', 'dst']);
    expect(list.find((t) => t.name === 'pages')!.columns.map((c) => c.name)).toEqual(['url', 'html']);
    expect(list.find((t) => t.name === 'corpus')!.rows).toBe(40_000);
    const [first] = await db.query(
      `SELECT strftime(timestamp, '%Y-%m-%d %H:%M:%S') AS t, sensor, value FROM sensors LIMIT 1`,
    );
    const [t, sensor, value] = sensorCsv(1).trim().split(',');
    expect(first).toEqual({ t, sensor, value: Number(value) });
  });

  it('makes one (key, value) table per output directory, with types inferred, and replaces it after the next run', async () => {
    const list = await tables.sync(mrRun);
    const daily = list.find((t) => t.name === 'daily')!;
    expect(daily.origin).toBe('/out/daily/part-* (3 part files)');
    expect(daily.columns).toEqual([
      { name: 'key', type: 'DATE' },
      { name: 'value', type: 'DOUBLE' },
    ]);
    expect(daily.rows).toBe(3);
    // Split at the first TAB only: PageRank's value keeps its own TAB.
    const iter = list.find((t) => t.name === 'iter_1')!;
    expect(iter.columns).toEqual([
      { name: 'key', type: 'VARCHAR' },
      { name: 'value', type: 'VARCHAR' },
    ]);
    expect(await db.query(`SELECT value FROM iter_1 ORDER BY key`)).toEqual([
      { value: '0.5\tp2,p3' },
      { value: '0.25\t' },
    ]);

    const spark: RunOutputs = {
      kind: 'spark',
      result: [
        ['a', 3],
        ['b', 1],
      ],
      outputs: [],
    };
    const after = await tables.sync(spark);
    expect(after.map((t) => t.name)).toEqual(['sensors', 'corpus', 'pages', 'graph', 'result']);
    expect(after[4]!.columns).toEqual([
      { name: 'key', type: 'VARCHAR' },
      { name: 'value', type: 'BIGINT' },
    ]);
    await expect(db.query('SELECT * FROM daily')).rejects.toThrow(/daily does not exist/);
  });

  it("reads saveAsTextFile parts of pairs, written as Spark's tuples (data,12), as key and value", async () => {
    const run: RunOutputs = {
      kind: 'spark',
      result: [],
      outputs: [
        { path: '/out/pairs/part-00000', text: '(data,12)\n(node,7)\n' },
        { path: '/out/pairs/part-00001', text: '(lake,(1,2))\n' },
      ],
    };
    const list = await tables.sync(run);
    const pairs = list.find((t) => t.name === 'pairs')!;
    expect(pairs.columns.map((c) => c.name)).toEqual(['key', 'value']);
    expect(pairs.rows).toBe(3);
    expect(await db.query(`SELECT key, value FROM pairs ORDER BY key`)).toEqual([
      { key: 'data', value: '12' },
      { key: 'lake', value: '(1,2)' },
      { key: 'node', value: '7' },
    ]);
  });

  it('reads saveAsTextFile parts (JSON records) and collected objects', async () => {
    const run: RunOutputs = {
      kind: 'spark',
      result: [
        { day: '2016-05-01', avg: 20.5 },
        { day: '2016-05-02', avg: null },
      ],
      outputs: [{ path: '/out/top/part-00000', text: '["data",12]\n["node",7]\n' }],
    };
    const list = await tables.sync(run);
    const top = list.find((t) => t.name === 'top')!;
    expect(top.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['key VARCHAR', 'value BIGINT']);
    expect(top.rows).toBe(2);
    const result = list.find((t) => t.name === 'result')!;
    expect(result.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['day DATE', 'avg DOUBLE']);
    expect(await db.query(`SELECT count(avg)::INT AS n FROM result`)).toEqual([{ n: 1 }]);
  });

  it('brings back a dataset the learner dropped', async () => {
    await db.query('DROP TABLE graph');
    const list = await tables.sync(null);
    expect(list.find((t) => t.name === 'graph')!.rows).toBeGreaterThan(1000);
  });

  it('turns DuckDB’s own errors into one message with the caret on the query', async () => {
    for (const [query, at] of [
      ['SELEC 1', 'SELEC'],
      ['SELECT * FROM nope', 'nope'],
      ['SELECT sensor,\n  avg(value) FROM sensors GROUP BY sensor ORDER BY nope', 'nope'],
      ['SELECT count(*)\nFROM sensors\nWHERE value > > 3', '> 3'],
      ['SELECT\t* FROM nope', 'nope'],
      ["SELECT '温度', x FROM nope", 'nope'],
    ] as const) {
      const message = await db.query(query).then(
        () => '',
        (e: Error) => e.message,
      );
      const view = sqlErrorView(message, query);
      expect(view.text.match(/LINE \d+:/g)).toHaveLength(1);
      expect(view.position?.offset).toBe(query.indexOf(at));
    }
  });

  it('shows values as written: decimals with their scale, timestamps and dates as text, a limited number of rows', async () => {
    const r = queryResult(
      arrowQuery(
        `SELECT 1.5 AS d, -0.045::DECIMAL(10,3) AS small, sum(x) AS s, TIMESTAMP '2016-05-01 01:02:03' AS ts,
         DATE '2016-05-02' AS dt, [1, 2] AS l, NULL::INT AS n, 2 AS d FROM range(3) t(x)`,
      ),
      10,
    );
    expect(r.columns).toEqual(['d', 'small', 's', 'ts', 'dt', 'l', 'n', 'd']);
    expect(r.rows).toEqual([['1.5', '-0.045', '3', '2016-05-01 01:02:03', '2016-05-02', '[1,2]', null, 2]]);
    const many = queryResult(arrowQuery('SELECT * FROM sensors'), 50);
    expect(many.rows).toHaveLength(50);
    expect(many.total).toBe(100_000);
    expect(many.rows[0]![0]).toMatch(/^2016-05-01 \d\d:\d\d:\d\d$/);
  });
});
