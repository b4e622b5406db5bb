/**
 * spark.sql's partial aggregation on DuckDB-wasm (the Node build): the map side's and reduce
 * side's queries (engine/spark/sql/partialAggregateSql.ts) run by hand over split rows give DuckDB's
 * answer to the whole query (NULLs, empty groups, HAVING, expressions over aggregates, aliases,
 * ORDER BY, LIMIT, global aggregates); what does not merge keeps the full-row Exchange; and a job
 * shuffles one record per group per map task, as the DataFrame's groupBy().agg() does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../engine/core';
import { runJob } from '../engine/api';
import {
  createInProcessRunner,
  evaluateWithFunction,
  type SqlColumn,
  type SqlEngine,
  type SqlTable,
} from '../engine/sandbox';
import { partialAggregateSql, sqlShapeOf } from '../engine/spark';
import { loadDuckDbModule } from './duckDbNode';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await loadDuckDbModule()();
});

const columns: SqlColumn[] = [
  { name: 'k', type: 'string' },
  { name: 'j', type: 'integer' },
  { name: 'x', type: 'integer' },
  { name: 'y', type: 'double' },
  { name: 's', type: 'string' },
];
// Doubles that add exactly (quarters), so sums in any order are equal to the last bit.
const rows: unknown[][] = Array.from({ length: 97 }, (_, i) => [
  i % 11 === 0 ? null : `k${i % 5}`,
  i % 3,
  i % 7 === 0 ? null : (i * 37) % 101,
  i % 4 === 0 ? null : ((i * 13) % 17) / 4,
  i % 9 === 0 ? null : `s${(i * 7) % 13}`,
]);
// A group whose x and y are all NULL: count(x) 0, sum and avg NULL.
rows.push(['empty', 1, null, null, null], ['empty', 2, null, null, null]);
const table = (rs: unknown[][]): SqlTable => ({ name: 't', columns, rows: rs });

/** The query's answer through the two queries: `maps` map tasks, `reduces` reduce tasks, hashed on the keys. */
function viaPartials(sql: string, maps: number, reduces: number): unknown[][][] | null {
  const planned = engine.plan(sql, [table([])]);
  const { shape } = sqlShapeOf(planned.plan, new Map([['t', columns.map((c) => c.name)]]));
  if (shape.kind !== 'grouped') return null;
  const q = partialAggregateSql(engine, sql, planned.plan, table([]), shape.keys, planned.columns, [table([])]);
  if (!q) return null;
  const width = shape.keys.length;
  const reduceRows: unknown[][][] = Array.from({ length: width === 0 ? 1 : reduces }, () => []);
  for (let m = 0; m < maps; m++) {
    const mine = rows.filter((_, i) => i % maps === m);
    if (width > 0 && mine.length === 0) continue;
    for (const r of engine.run(q.partial, [table(mine)], q.partialColumns)) {
      const key = JSON.stringify(r.slice(0, width));
      const p = [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1000003, 7) % reduceRows.length;
      reduceRows[p]!.push(r);
    }
  }
  const partialTable = (rs: unknown[][]): SqlTable => ({ name: 't', columns: q.partialColumns, rows: rs });
  const parts = reduceRows.map((rs) => engine.run(q.final, [partialTable(rs)], planned.columns));
  // The last stage (ORDER BY, LIMIT): the final query over every partial row, in its order.
  return [...parts, engine.run(q.final, [partialTable(reduceRows.flat())], planned.columns)];
}

const sorted = (rs: unknown[][]) => rs.map((r) => JSON.stringify(r)).sort();

describe('partial and final aggregates as DuckDB queries', () => {
  const queries = [
    'SELECT k, count(*), count(x), sum(x), min(x), max(x), avg(x), sum(y), avg(y) FROM t GROUP BY k',
    'SELECT k AS key, sum(x) / count(*) AS ratio, max(s) AS top, min(s) FROM t GROUP BY k',
    'SELECT k, avg(x) AS a FROM t WHERE j > 0 AND y IS NOT NULL GROUP BY k HAVING count(*) > 3 AND avg(x) > 10',
    'SELECT k, j, count(*) AS n, sum(x + j) * 2 AS twice FROM t GROUP BY k, j ORDER BY n DESC, k, j LIMIT 5',
    'SELECT count(*), count(x), sum(x), avg(y), min(s), max(y) FROM t',
    'SELECT count(*) AS n, sum(x) FROM t WHERE x > 1000',
    "SELECT k, count(*) FROM t WHERE k = 'nowhere' GROUP BY k",
    'SELECT upper(k) AS K2, max(x) - min(x) AS spread, coalesce(sum(x), -1) AS total FROM t GROUP BY k ORDER BY 1 NULLS FIRST',
    'select k, COUNT( * ) c, Avg(y) from t group by 1 having c >= 2 order by c, k limit 3 offset 1 ;',
    'SELECT k, count(1), sum(CASE WHEN x > 50 THEN 1 ELSE 0 END) AS big FROM t GROUP BY ALL',
    'SELECT "k", count(*) -- a comment: sum(x)\n FROM t /* min(y) */ GROUP BY "k"',
    // mean is avg's other name; two literals that differ only in spaces are two aggregates.
    'SELECT k, mean(x) AS m, avg(x) AS a FROM t GROUP BY k',
    "SELECT k, count(CASE WHEN s = 'p  q' THEN 1 END) AS a, count(CASE WHEN s = 'p q' THEN 1 END) AS b FROM t GROUP BY k",
  ];
  for (const sql of queries)
    it(sql, () => {
      const whole = engine.run(sql, [table(rows)], engine.plan(sql, [table([])]).columns);
      for (const [maps, reduces] of [
        [1, 1],
        [4, 3],
        [7, 200],
      ]) {
        const got = viaPartials(sql, maps!, reduces!);
        expect(got, 'the query takes the partial path').not.toBeNull();
        const last = got!.pop()!;
        // In the query's order when it has one (ORDER BY), else as the same rows.
        if (/ORDER BY/i.test(sql)) expect(last).toEqual(whole);
        else expect(sorted(last)).toEqual(sorted(whole));
        if (!/LIMIT/i.test(sql)) expect(sorted(got!.flat())).toEqual(sorted(whole));
      }
    });

  for (const sql of [
    'SELECT k, count(DISTINCT x) FROM t GROUP BY k',
    'SELECT k, median(x) FROM t GROUP BY k',
    "SELECT k, string_agg(s, ',') FROM t GROUP BY k",
    'SELECT k, quantile_cont(x, 0.5) FROM t GROUP BY k',
    // Names the text cut does not read as calls: count_star, a function name in quotes.
    'SELECT k, count(*) AS a, count_star() AS b, sum(x) AS c FROM t GROUP BY k',
    'SELECT k, "count"(*) AS a, sum(x) AS c FROM t GROUP BY k',
    'SELECT k, sum(x) FILTER (WHERE j = 1) FROM t GROUP BY k',
    'SELECT k, sum(x), first(s) FROM t GROUP BY k',
    'SELECT k, max(x, 2) FROM t GROUP BY k',
    'SELECT k, sum(x * 1.5) FROM t GROUP BY k',
    'SELECT k, sum(sum(x)) OVER () FROM t GROUP BY k',
    'SELECT k, sum(x) FROM t GROUP BY ROLLUP (k)',
    'SELECT k, sum(x) FROM t WHERE x > (SELECT avg(x) FROM t) GROUP BY k',
    'SELECT DISTINCT count(*) FROM t GROUP BY k',
    'SELECT k FROM t GROUP BY k',
  ])
    it(`keeps the full-row Exchange for ${sql}`, () => {
      expect(viaPartials(sql, 3, 4)).toBeNull();
    });
});

describe('spark.sql GROUP BY on the cluster', () => {
  const printed: string[] = [];
  const runner = createInProcessRunner({
    evaluate: evaluateWithFunction,
    lineOffset: 2,
    decodeUtf8,
    sqlEngine: loadDuckDbModule(),
    log: (line) => printed.push(line),
  });
  afterAll(() => runner.close());
  // Sevenths: sums of doubles depend on the order they are added in, so an answer equal to the
  // DataFrame's to the last bit is the merged partials' (DuckDB's single pass differs).
  const sensors = Array.from({ length: 3000 }, (_, i) => ({ sensor: `s${i % 9}`, value: ((i * 7919) % 50) / 7 }));
  const job = (body: string) =>
    runJob({
      source: {
        fileName: 'job.js',
        code: `exports.default = async (sc, spark) => {
  const df = spark.createDataFrame(${JSON.stringify(sensors)});
  df.createOrReplaceTempView('sensors');
  spark.conf.set('spark.sql.shuffle.partitions', 8);
${body}
};`,
      },
      runner,
      cluster: 'classroom',
      seed: 3,
    });

  it('shuffles partial aggregates, as the DataFrame does, with the same answer and plan', async () => {
    const sql = await job(
      `const q = await spark.sql('SELECT sensor, count(*) AS n, avg(value) AS a, max(value) AS m FROM sensors GROUP BY sensor ORDER BY sensor');
      q.explain();
      return q.collect();`,
    );
    const df = await job(
      `const { count, avg, max } = spark.functions;
      return df.groupBy('sensor').agg(count('*').alias('n'), avg('value').alias('a'), max('value').alias('m')).orderBy('sensor').collect();`,
    );
    expect(sql.result).toEqual(df.result);
    expect(sql.result).toHaveLength(9);
    // DuckDB's one pass over all the rows adds the doubles in another order: its averages differ in
    // their last bits, so the job's answer is the merged partials', not a hidden whole-query run.
    const onePass = engine.run(
      'SELECT sensor, avg(value) AS a FROM sensors GROUP BY sensor ORDER BY sensor',
      [
        {
          name: 'sensors',
          columns: [
            { name: 'sensor', type: 'string' },
            { name: 'value', type: 'double' },
          ],
          rows: sensors.map((r) => [r.sensor, r.value]),
        },
      ],
      [
        { name: 'sensor', type: 'string' },
        { name: 'a', type: 'double' },
      ],
    );
    const averages = (sql.result as { a: number }[]).map((r) => r.a);
    expect(onePass.map((r) => r[1])).not.toEqual(averages);
    onePass.forEach((r, i) => expect(r[1] as number).toBeCloseTo(averages[i]!, 9));
    // One record per sensor per map task either way: the shuffles are the same size, give or take the keys' framing.
    expect(sql.metrics.shuffleBytes).toBeGreaterThan(0);
    expect(Math.abs(sql.metrics.shuffleBytes - df.metrics.shuffleBytes)).toBeLessThan(df.metrics.shuffleBytes * 0.25);
    const trace = JSON.stringify(sql.trace);
    expect(trace).toContain('HashAggregate (partial)');
    expect(trace).toContain('HashAggregate (final)');
    expect(trace).toContain('Exchange hashpartitioning(sensor, 8)');
  });

  it("explain() prints Spark's partial and final HashAggregate around the Exchange", async () => {
    printed.length = 0;
    await job(
      `(await spark.sql('SELECT sensor, count(*) AS n, avg(value) AS a, max(value) FROM sensors GROUP BY sensor')).explain();`,
    );
    const text = printed.join('\n');
    expect(text).toContain('HashAggregate(keys=[sensor], functions=[count(1), avg(value), max(value)])');
    expect(text).toContain('Exchange hashpartitioning(sensor, 8), ENSURE_REQUIREMENTS');
    expect(text).toContain(
      'HashAggregate(keys=[sensor], functions=[partial_count(1), partial_avg(value), partial_max(value)])',
    );
  });

  it('HAVING, ORDER BY and LIMIT over the merged partials, in a last stage', async () => {
    const report = await job(
      `return (await spark.sql('SELECT sensor, count(*) AS n, round(sum(value) / count(*), 6) AS mean FROM sensors GROUP BY sensor HAVING max(value) > 6 ORDER BY mean DESC, sensor LIMIT 3')).collect();`,
    );
    const groups = new Map<string, number[]>();
    for (const r of sensors) groups.set(r.sensor, [...(groups.get(r.sensor) ?? []), r.value]);
    const expected = [...groups]
      .filter(([, vs]) => Math.max(...vs) > 6)
      .map(([sensor, vs]) => ({
        sensor,
        n: vs.length,
        mean: Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 1e6) / 1e6,
      }))
      .sort((a, b) => b.mean - a.mean || a.sensor.localeCompare(b.sensor))
      .slice(0, 3);
    expect(report.result).toEqual(expected);
    const trace = JSON.stringify(report.trace);
    expect(trace).toContain('HashAggregate (partial)');
    expect(trace).toContain('TakeOrderedAndProject');
  });

  it('a distinct count keeps the full-row Exchange, with the right answer', async () => {
    const report = await job(
      `return (await spark.sql('SELECT count(DISTINCT sensor) AS d, count(*) AS n FROM sensors')).collect();`,
    );
    expect(report.result).toEqual([{ d: 9, n: 3000 }]);
    expect(JSON.stringify(report.trace)).not.toContain('HashAggregate (partial)');
  });
});
