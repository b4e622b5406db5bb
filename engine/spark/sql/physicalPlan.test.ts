import { describe, expect, it } from 'vitest';
import { createRng } from '../../core';
import { testSession } from './__tests__/sqlTestSession';

const CSV = `day,sensor,t
2016-05-01,s1,20.5
2016-05-01,s2,21
2016-05-02,s1,
2016-05-02,s3,19.25
`;

describe("DataFrame plans as Spark's physical operators", () => {
  it('groupBy/agg: partial HashAggregate, one Exchange hashpartitioning to 200 partitions, final HashAggregate', async () => {
    const { rt, spark, printed } = testSession({ '/s.csv': CSV });
    const F = spark.functions;
    const df = await spark.read.option('header', true).option('inferSchema', 'true').csv('/s.csv');
    const agg = df.groupBy('day').agg(F.avg('t').alias('avg_t'));
    expect(await agg.orderBy('day').collect()).toEqual([
      { day: '2016-05-01', avg_t: 20.75 },
      { day: '2016-05-02', avg_t: 19.25 },
    ]);
    const log = rt.toLog();
    const names = log.rdds.map((r) => r.name);
    expect(names).toContain('Scan csv');
    expect(names).toContain('HashAggregate (partial)');
    expect(names).toContain('Exchange hashpartitioning(day, 200)');
    expect(names).toContain('HashAggregate (final)');
    // one Exchange for the aggregate, one for orderBy's range partitioning
    expect(log.shuffles.map((s) => log.rdds.find((r) => r.deps.some((d) => d.shuffleId === s.id))!.name)).toEqual([
      'Exchange hashpartitioning(day, 200)',
      'Exchange rangepartitioning(day ASC NULLS FIRST, 200)',
    ]);
    expect(log.shuffles[0]!.numReduces).toBe(200);
    // the csv reader's jobs: the first line, then inferSchema's pass
    expect(log.jobs.slice(0, 2).map((j) => j.action)).toEqual(['csv', 'csv']);
    agg.explain();
    expect(printed.at(-1)).toBe(
      [
        '== Physical Plan ==',
        '*(2) HashAggregate(keys=[day#0], functions=[avg(t#2)])',
        '+- Exchange hashpartitioning(day#0, 200), ENSURE_REQUIREMENTS',
        '   +- *(1) HashAggregate(keys=[day#0], functions=[partial_avg(t#2)])',
        '      +- FileScan csv [day#0,sensor#1,t#2] Batched: false, DataFilters: [], Format: CSV, Location: InMemoryFileIndex(1 paths)[hdfs:/s.csv], PartitionFilters: [], PushedFilters: [], ReadSchema: struct<day:string,sensor:string,t:double>',
        '',
      ].join('\n'),
    );
  });

  it('spark.sql.shuffle.partitions set in the job is the Exchange width', async () => {
    const { rt, spark } = testSession({ '/s.csv': CSV });
    spark.conf.set('spark.sql.shuffle.partitions', 4);
    const df = await spark.read.csv('/s.csv', { header: true });
    expect(await df.groupBy('sensor').count().count()).toBe(3);
    expect(rt.toLog().shuffles[0]!.numReduces).toBe(4);
  });

  it('a small side is broadcast (no Exchange at all); past the threshold both sides are shuffled for SortMergeJoin', async () => {
    const left = [
      [1, 'a'],
      [2, 'b'],
      [2, 'bb'],
      [null, 'n'],
    ];
    const right = [
      [2, 'x'],
      [3, 'y'],
      [null, 'z'],
    ];
    const expected = {
      inner: ['2|b|x', '2|bb|x'],
      left: ['1|a|null', '2|b|x', '2|bb|x', 'null|n|null'],
      right: ['2|b|x', '2|bb|x', '3|null|y', 'null|null|z'],
      full: ['1|a|null', '2|b|x', '2|bb|x', '3|null|y', 'null|n|null', 'null|null|z'],
    };
    for (const threshold of ['10485760', '-1']) {
      const { rt, spark } = testSession();
      spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      const a = spark.createDataFrame(left, ['k', 'v']);
      const b = spark.createDataFrame(right, ['k', 'w']);
      for (const how of ['inner', 'left', 'right', 'full'] as const) {
        const rows = await a.join(b, 'k', how).collect();
        expect(rows.map((r: Record<string, unknown>) => `${r.k}|${r.v}|${r.w}`).sort()).toEqual(expected[how].sort());
      }
      const names = rt.toLog().rdds.map((r) => r.name);
      if (threshold === '-1') {
        expect(rt.toLog().shuffles).toHaveLength(8); // two Exchanges per join
        expect(names.filter((n) => n.startsWith('SortMergeJoin'))).toHaveLength(4);
      } else {
        expect(rt.toLog().shuffles).toHaveLength(2); // full outer cannot be broadcast: it shuffles both sides
        expect(names.filter((n) => n.startsWith('BroadcastHashJoin'))).toHaveLength(3);
      }
    }
  });

  it('joins on a Column condition keep both sides; broadcast(df) forces a broadcast', async () => {
    const { rt, spark } = testSession();
    const F = spark.functions;
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    const a = spark.createDataFrame([
      { id: 1, name: 'x' },
      { id: 2, name: 'y' },
    ]);
    const b = spark.createDataFrame([{ uid: 2, score: 7.5 }]);
    const rows = await a.join(F.broadcast(b), a.col('id').equalTo(b.col('uid'))).collect();
    expect(rows).toEqual([{ id: 2, name: 'y', uid: 2, score: 7.5 }]);
    expect(rt.toLog().shuffles).toHaveLength(0);
  });

  it('orderBy puts nulls first ascending and last descending, over several keys', async () => {
    const { spark } = testSession();
    const F = spark.functions;
    const df = spark.createDataFrame([
      { g: 'b', x: 2 },
      { g: 'a', x: null },
      { g: 'b', x: null },
      { g: null, x: 1 },
      { g: 'a', x: 3 },
    ]);
    const asc = await df.orderBy('g', 'x').collect();
    expect(asc.map((r: Record<string, unknown>) => `${r.g}:${r.x}`)).toEqual([
      'null:1',
      'a:null',
      'a:3',
      'b:null',
      'b:2',
    ]);
    const desc = await df.orderBy(F.col('g').desc(), F.desc('x')).collect();
    expect(desc.map((r: Record<string, unknown>) => `${r.g}:${r.x}`)).toEqual([
      'b:2',
      'b:null',
      'a:3',
      'a:null',
      'null:1',
    ]);
    const top = await df.orderBy(F.col('x').desc()).limit(2).collect();
    expect(top.map((r: Record<string, unknown>) => r.x)).toEqual([3, 2]);
  });

  it('distinct, limit, filter, withColumn, drop and renamed columns', async () => {
    const { rt, spark } = testSession({ '/s.csv': CSV });
    const { col, lit } = spark.functions;
    const df = await spark.read.csv('/s.csv', { header: true, inferSchema: true });
    expect((await df.select('day').distinct().orderBy('day').collect()).map((r: { day: string }) => r.day)).toEqual([
      '2016-05-01',
      '2016-05-02',
    ]);
    expect(await df.limit(3).count()).toBe(3);
    const hot = df
      .filter(col('t').gt(20).and(col('sensor').notEqual('s9')))
      .withColumn('f', col('t').multiply(9).divide(5).plus(32))
      .withColumn('one', lit(1))
      .drop('sensor')
      .withColumnRenamed('day', 'd');
    expect(hot.columns).toEqual(['d', 't', 'f', 'one']);
    expect(await hot.collect()).toEqual([
      { d: '2016-05-01', t: 20.5, f: 68.9, one: 1 },
      { d: '2016-05-01', t: 21, f: 69.8, one: 1 },
    ]);
    expect(rt.toLog().rdds.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Filter', 'Project', 'LocalLimit', 'GlobalLimit']),
    );
  });

  it("names a missing column at the learner's call with Spark's error", async () => {
    const { spark } = testSession({ '/s.csv': CSV });
    const df = await spark.read.csv('/s.csv', { header: true });
    expect(() => df.select('temp')).toThrow(
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `temp` cannot be resolved. Did you mean one of the following? [`day`, `sensor`, `t`]',
    );
    expect(() => df.groupBy('day').agg(spark.functions.sum('sensor'))).toThrow(/needs a numeric column/);
    expect(() => df.filter((r: { t: number }) => r.t > 20)).toThrow(/take Columns, not JavaScript functions/);
    expect(() => df.join(df, 'day', 'semi')).toThrow(/unsupported join type 'semi'/);
  });

  it('groupBy sums equal the plain computation on seeded random data', async () => {
    const rng = createRng(42);
    for (let round = 0; round < 5; round++) {
      const rows = Array.from({ length: 200 + rng.int(300) }, () => ({
        k: rng.int(5) === 0 ? null : `k${rng.int(30)}`,
        v: rng.int(4) === 0 ? null : rng.int(1000),
      }));
      const { spark } = testSession();
      spark.conf.set('spark.sql.shuffle.partitions', 1 + rng.int(20));
      const F = spark.functions;
      const got = await spark
        .createDataFrame(rows)
        .groupBy('k')
        .agg(F.sum('v'), F.count('v'), F.count('*'), F.max('v'))
        .collect();
      const want = new Map<string, { s: number | null; c: number; n: number; m: number | null }>();
      for (const { k, v } of rows) {
        const e = want.get(String(k)) ?? { s: null, c: 0, n: 0, m: null };
        e.n++;
        if (v !== null) {
          e.s = (e.s ?? 0) + v;
          e.c++;
          e.m = e.m === null ? v : Math.max(e.m, v);
        }
        want.set(String(k), e);
      }
      expect(got).toHaveLength(want.size);
      for (const r of got) {
        const e = want.get(String(r.k))!;
        expect([r['sum(v)'], r['count(v)'], r['count(1)'], r['max(v)']]).toEqual([e.s, e.c, e.n, e.m]);
      }
    }
  });
});

describe('explain', () => {
  it("numbers a SortMergeJoin's sorted inputs as stages of their own, as Spark does", () => {
    const { spark, printed } = testSession();
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    const a = spark.createDataFrame([{ k: 1, v: 'a' }]);
    const b = spark.createDataFrame([{ k: 1, w: 'b' }]);
    a.join(b, 'k').explain();
    expect(printed.pop()).toBe(
      [
        '== Physical Plan ==',
        '*(5) SortMergeJoin [k#0], [k#2], Inner',
        ':- *(2) Sort [k#0 ASC NULLS FIRST], false, 0',
        ':  +- Exchange hashpartitioning(k#0, 200), ENSURE_REQUIREMENTS',
        ':     +- *(1) LocalTableScan [k#0, v#1]',
        '+- *(4) Sort [k#2 ASC NULLS FIRST], false, 0',
        '   +- Exchange hashpartitioning(k#2, 200), ENSURE_REQUIREMENTS',
        '      +- *(3) LocalTableScan [k#2, w#3]',
        '',
      ].join('\n'),
    );
  });
});

describe('the readers', () => {
  it("shows several paths in the scan's location, each qualified, as Spark's FileScan does", () => {
    const { spark, printed } = testSession({ '/t.txt': 'one\n', '/u.txt': 'two\n' });
    spark.read.text(['/t.txt', '/u.txt']).explain();
    expect(printed.pop()).toMatch(/Location: InMemoryFileIndex\(2 paths\)\[hdfs:\/t\.txt, hdfs:\/u\.txt\],/);
  });

  it('json: JSON Lines, fields sorted by name, integers as long; text: one value column; format().load()', async () => {
    const files = {
      '/e.json': '{"name":"a","n":1}\n{"n":2.5,"ok":true}\n\n{"name":"c"}\n',
      '/t.txt': 'one\ntwo\n',
      '/s.csv': 'x;y\n1;2\n',
    };
    const { spark } = testSession(files);
    const j = await spark.read.json('/e.json');
    expect(j.dtypes).toEqual([
      ['n', 'double'],
      ['name', 'string'],
      ['ok', 'boolean'],
    ]);
    expect(await j.collect()).toEqual([
      { n: 1, name: 'a', ok: null },
      { n: 2.5, name: null, ok: true },
      { n: null, name: 'c', ok: null },
    ]);
    expect(await spark.read.text('/t.txt').collect()).toEqual([{ value: 'one' }, { value: 'two' }]);
    const csv = await spark.read
      .format('csv')
      .option('header', 'true')
      .option('sep', ';')
      .option('inferSchema', true)
      .load('/s.csv');
    expect(await csv.collect()).toEqual([{ x: 1, y: 2 }]);
    csv.createOrReplaceTempView('pairs');
    expect(spark.table('PAIRS')).toBe(csv);
    expect(() => spark.table('nope')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    await expect(spark.read.json('/t.txt')).rejects.toThrow(/a line is not a JSON object/);
  });
});
