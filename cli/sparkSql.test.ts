/**
 * spark.sql on DuckDB-wasm (the Node build the CLI's sandbox opens, cli/duckDbNode.ts): real
 * queries over temporary views, answers checked against plain computations, the stages the
 * plan's shape gives, and the learner's mistakes answered with DuckDB's own messages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../engine/core';
import { runJob, type RunJobOptions } from '../engine/api';
import { createInProcessRunner, evaluateWithFunction } from '../engine/sandbox';
import { loadDuckDbModule } from './duckDbNode';

const runner = createInProcessRunner({
  evaluate: evaluateWithFunction,
  lineOffset: 2,
  decodeUtf8,
  sqlEngine: loadDuckDbModule(),
});
afterAll(() => runner.close());

const people = 'name,dept,salary\nann,eng,100\nbob,eng,80\ncid,ops,50\ndee,ops,70\neve,hr,60\nfay,,40\n';
const depts = 'dept,floor\neng,3\nops,1\nhr,2\nlegal,4\n';
const files = [
  { path: '/in/people.csv', bytes: encodeUtf8(people) },
  { path: '/in/depts.csv', bytes: encodeUtf8(depts) },
];

async function run(body: string, extra: Partial<RunJobOptions> = {}) {
  return runJob({
    source: {
      fileName: 'job.js',
      code: `exports.default = async (sc, spark) => {
  const people = await spark.read.option('header', true).option('inferSchema', true).csv('/in/people.csv');
  const depts = await spark.read.option('header', true).option('inferSchema', true).csv('/in/depts.csv');
  people.createOrReplaceTempView('people');
  depts.createOrReplaceTempView('depts');
${body}
};`,
    },
    runner,
    cluster: 'classroom',
    seed: 3,
    files,
    ...extra,
  });
}

async function failure(body: string): Promise<Error> {
  try {
    await run(body);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the job succeeded');
}

const rows = people
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .map(([name, dept, salary]) => ({ name: name!, dept: dept === '' ? null : dept!, salary: Number(salary) }));

describe('spark.sql over temporary views', () => {
  it('groups as a plain computation does, through a hash Exchange on the key', async () => {
    spark: {
      const report = await run(
        `spark.conf.set('spark.sql.shuffle.partitions', 4);
        return (await spark.sql('SELECT dept, sum(salary) AS total, count(*) AS n FROM people GROUP BY dept')).collect();`,
      );
      const expected = new Map<string | null, { total: number; n: number }>();
      for (const r of rows) {
        const e = expected.get(r.dept) ?? { total: 0, n: 0 };
        expected.set(r.dept, { total: e.total + r.salary, n: e.n + 1 });
      }
      const got = report.result as { dept: string | null; total: number; n: number }[];
      expect(got).toHaveLength(expected.size);
      for (const g of got) expect({ total: g.total, n: g.n }).toEqual(expected.get(g.dept));
      const trace = JSON.stringify(report.trace);
      expect(trace).toContain('Exchange hashpartitioning(dept, 4)');
      break spark;
    }
  });

  it('orders and limits like the query says, in a last single-partition stage', async () => {
    const report = await run(
      `return (await spark.sql('SELECT name, salary FROM people WHERE salary >= 60 ORDER BY salary DESC, name LIMIT 3')).collect();`,
    );
    expect(report.result).toEqual([
      { name: 'ann', salary: 100 },
      { name: 'bob', salary: 80 },
      { name: 'dee', salary: 70 },
    ]);
    expect(JSON.stringify(report.trace)).toContain('TakeOrderedAndProject');
  });

  it('joins two views: broadcast when one is small, sort-merge when broadcasting is off', async () => {
    const query = `(await spark.sql('SELECT p.name, d.floor FROM people p JOIN depts d ON p.dept = d.dept ORDER BY p.name')).collect()`;
    const expected = [
      { name: 'ann', floor: 3 },
      { name: 'bob', floor: 3 },
      { name: 'cid', floor: 1 },
      { name: 'dee', floor: 1 },
      { name: 'eve', floor: 2 },
    ];
    const small = await run(`return ${query};`);
    expect(small.result).toEqual(expected);
    expect(JSON.stringify(small.trace)).toContain('BroadcastHashJoin Inner');
    const big = await run(`spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);\nreturn ${query};`);
    expect(big.result).toEqual(expected);
    expect(JSON.stringify(big.trace)).toContain('SortMergeJoin Inner');
  });

  it('keeps unmatched rows of outer joins and null keys apart', async () => {
    const report = await run(
      `spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
      return (await spark.sql('SELECT d.dept, count(p.name) AS n FROM depts d LEFT JOIN people p ON p.dept = d.dept GROUP BY d.dept ORDER BY d.dept')).collect();`,
    );
    expect(report.result).toEqual([
      { dept: 'eng', n: 2 },
      { dept: 'hr', n: 1 },
      { dept: 'legal', n: 0 },
      { dept: 'ops', n: 2 },
    ]);
  });

  it('gives a grouping by an expression that hides a column the right answer', async () => {
    const report = await run(
      `spark.conf.set('spark.sql.shuffle.partitions', 8);
      return (await spark.sql("SELECT CASE WHEN salary > 60 THEN 'high' ELSE 'low' END AS salary, count(*) AS n FROM people GROUP BY 1 ORDER BY 1")).collect();`,
    );
    expect(report.result).toEqual([
      { salary: 'high', n: 3 },
      { salary: 'low', n: 3 },
    ]);
  });

  it('runs windows, subqueries and set operations in one task, with the right answers', async () => {
    const report = await run(
      `const w = await spark.sql('SELECT name, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM people WHERE dept IS NOT NULL ORDER BY name');
      const s = await spark.sql('SELECT name FROM people WHERE salary > (SELECT avg(salary) FROM people) ORDER BY name');
      const u = await spark.sql('SELECT dept FROM people WHERE dept IS NOT NULL UNION SELECT dept FROM depts ORDER BY dept');
      return { w: await w.collect(), s: await s.collect(), u: await u.collect(), c: await (await spark.sql('SELECT 1 + 1 AS two')).collect() };`,
    );
    expect(report.result).toEqual({
      w: [
        { name: 'ann', r: 1 },
        { name: 'bob', r: 2 },
        { name: 'cid', r: 2 },
        { name: 'dee', r: 1 },
        { name: 'eve', r: 1 },
      ],
      s: [{ name: 'ann' }, { name: 'bob' }, { name: 'dee' }],
      u: [{ dept: 'eng' }, { dept: 'hr' }, { dept: 'legal' }, { dept: 'ops' }],
      c: [{ two: 2 }],
    });
  });

  it('returns a DataFrame: DataFrame operations, views of views and show() work on it', async () => {
    const report = await run(
      `const { col } = spark.functions;
      const eng = await spark.sql("SELECT name, salary FROM people WHERE dept = 'eng'");
      eng.createOrReplaceTempView('eng');
      const top = await spark.sql('SELECT max(salary) AS m FROM eng');
      await top.show();
      return { cols: eng.columns, types: eng.dtypes, high: await eng.filter(col('salary').gt(90)).count(), m: (await top.first()).m };`,
    );
    expect(report.result).toEqual({
      cols: ['name', 'salary'],
      types: [
        ['name', 'string'],
        ['salary', 'int'],
      ],
      high: 1,
      m: 100,
    });
  });

  it('types results as Spark does: count and sum of ints are longs, avg a double', async () => {
    const report = await run(
      `const df = await spark.sql('SELECT count(*) AS c, sum(salary) AS s, avg(salary) AS a FROM people');
      return { types: df.dtypes, row: await df.first() };`,
    );
    expect(report.result).toEqual({
      types: [
        ['c', 'bigint'],
        ['s', 'bigint'],
        ['a', 'double'],
      ],
      row: { c: 6, s: 400, a: 400 / 6 },
    });
  });

  it('keeps every value as it was: unicode, quotes, line breaks, nulls, NaN, booleans', async () => {
    const report = await run(
      `spark.createDataFrame([
        { s: "it's \\"quoted\\"\\nand broken", n: 1.5, b: true },
        { s: 'Grüße, 東京 🚀', n: Number.NaN, b: false },
        { s: null, n: null, b: null },
      ]).createOrReplaceTempView('odd');
      return (await spark.sql('SELECT s, n, b, length(s) AS len FROM odd')).collect();`,
    );
    expect(report.result).toEqual([
      { s: 'it\'s "quoted"\nand broken', n: 1.5, b: true, len: 24 },
      { s: 'Grüße, 東京 🚀', n: Number.NaN, b: false, len: 11 },
      { s: null, n: null, b: null, len: null },
    ]);
  });

  it('is deterministic: the same query twice gives the same trace', async () => {
    const body = `return (await spark.sql('SELECT dept, avg(salary) AS a FROM people GROUP BY dept ORDER BY dept')).collect();`;
    const a = await run(body);
    const b = await run(body);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.result).toEqual(b.result);
  });
});

describe("spark.sql's answers to mistakes", () => {
  it("a syntax error is a ParseException with DuckDB's message and the line of the query", async () => {
    const error = await failure(`return (await spark.sql('SELEC name FROM people')).collect();`);
    expect(error.message).toMatch(/ParseException/);
    expect(error.message).toMatch(/syntax error at or near "SELEC"/);
  });

  it('an unknown column or view is an AnalysisException naming it', async () => {
    const column = await failure(`return (await spark.sql('SELECT wage FROM people')).collect();`);
    expect(column.message).toMatch(/AnalysisException/);
    expect(column.message).toMatch(/wage/);
    const view = await failure(`return (await spark.sql('SELECT * FROM staff')).collect();`);
    expect(view.message).toMatch(/staff/);
    expect(view.message).toMatch(/createOrReplaceTempView/);
  });

  it('refuses statements that are not queries, files and settings', async () => {
    for (const sql of [
      "COPY people TO '/tmp/x.csv'",
      "SELECT * FROM read_csv('/etc/passwd')",
      'SET enable_external_access = true',
      'DROP TABLE people',
      "ATTACH '/tmp/x.db'",
      'INSTALL httpfs',
      'SELECT 1; SELECT 2',
    ]) {
      const error = await failure(`return (await spark.sql(${JSON.stringify(sql)})).collect();`);
      expect(error.message, sql).not.toMatch(/root:|passwd:x/);
      expect(error.name, sql).not.toBe('TypeError');
    }
  });

  it('a non-string query is a TypeError naming the argument', async () => {
    const error = await failure(`return spark.sql(42);`);
    expect(error.message).toMatch(/sqlText must be a string/);
  });
});

describe('spark.sql against what the reviewer found', () => {
  it('a join on a subquery column that renames an expression finds its matches (shuffled)', async () => {
    const report = await run(
      `const w = ['Spark', 'HADOOP', 'Hive', 'Pig', 'YARN', 'Kafka', 'Flink', 'Storm', 'HDFS', 'Zookeeper'];
      spark.createDataFrame(w.map((x, i) => ({ word: x, i }))).createOrReplaceTempView('l');
      spark.createDataFrame(w.map((x, j) => ({ word: x.toLowerCase(), j }))).createOrReplaceTempView('r');
      spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
      const full = await (await spark.sql('SELECT i, j FROM (SELECT lower(word) AS word, i FROM l) l FULL JOIN r ON l.word = r.word')).collect();
      const inner = await (await spark.sql('SELECT i, j FROM (SELECT lower(word) AS word, i FROM l) l JOIN r ON l.word = r.word')).count();
      return { full: full.length, matched: full.filter((x) => x.i !== null && x.j !== null).length, inner };`,
    );
    expect(report.result).toEqual({ full: 10, matched: 10, inner: 10 });
  });

  it('a GROUP BY key that hides an expression, with HAVING, still gives the right groups', async () => {
    const report = await run(
      `spark.conf.set('spark.sql.shuffle.partitions', 8);
      spark.createDataFrame([1, 1, 3, 3, 0, 2].map((x, i) => ({ x, v: i }))).createOrReplaceTempView('t');
      return (await spark.sql('SELECT x % 2 AS x, count(*) AS c FROM t GROUP BY 1 HAVING count(*) >= 2 ORDER BY x')).collect();`,
    );
    expect(report.result).toEqual([
      { x: 0, c: 2 },
      { x: 1, c: 4 },
    ]);
  });

  it('big views do not overflow the stack; empty-by-construction queries work; a bad view only fails queries that name it', async () => {
    const report = await run(
      `spark.createDataFrame(Array.from({ length: 250000 }, (_, i) => ({ k: i % 3, v: i }))).createOrReplaceTempView('big');
      spark.createDataFrame([]).createOrReplaceTempView('nothing');
      const top = await (await spark.sql('SELECT v FROM big ORDER BY v DESC LIMIT 2')).collect();
      const none = await (await spark.sql('SELECT v FROM big WHERE 1 = 0')).count();
      const zero = await (await spark.sql('SELECT count(*) AS n FROM big WHERE false')).collect();
      return { top, none, zero };`,
    );
    expect(report.result).toEqual({ top: [{ v: 249999 }, { v: 249998 }], none: 0, zero: [{ n: 0 }] });
    const error = await failure(
      `spark.createDataFrame([]).createOrReplaceTempView('nothing');\nreturn (await spark.sql('SELECT * FROM nothing')).collect();`,
    );
    expect(error.message).toMatch(/the view 'nothing' has no columns/);
  });

  it("a data error inside a task names the learner's spark.sql line", async () => {
    const error = await failure(
      `spark.createDataFrame([{ s: 'x' }]).createOrReplaceTempView('bad');\nconst df = await spark.sql('SELECT CAST(s AS INTEGER) AS n FROM bad');\nreturn df.collect();`,
    );
    expect(error.message).toMatch(/job\.js:7/);
    expect(error.message).toMatch(/Conversion Error/);
  });
});

describe("spark.sql's answers to misuse", () => {
  it('a forgotten await, extra arguments and a call inside a task each get a clear message', async () => {
    const noAwait = await failure(`spark.sql('SELECT * FROM people').show();\nreturn 1;`);
    expect(noAwait.message).toMatch(/await it, then call show/);
    const args = await failure(
      `return (await spark.sql('SELECT * FROM people WHERE salary > :min', { min: 60 })).collect();`,
    );
    expect(args.message).toMatch(/takes one argument/);
    const inTask = await failure(`return sc.parallelize([1, 2], 2).map((x) => spark.sql('SELECT 1')).collect();`);
    expect(inTask.message).toMatch(/SPARK-5063/);
  });
});
