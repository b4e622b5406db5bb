import { describe, expect, it } from 'vitest';
import { javaDoubleString } from './sqlValues';
import { testSession } from './__tests__/sqlTestSession';

describe("values and tables as Spark's show() prints them", () => {
  it("formats doubles as Java's Double.toString", () => {
    expect([21, 20.5, 1e7, 12345678.9, 0.0005, 0.001, -0, 1 / 3].map(javaDoubleString)).toEqual([
      '21.0',
      '20.5',
      '1.0E7',
      '1.23456789E7',
      '5.0E-4',
      '0.001',
      '-0.0',
      '0.3333333333333333',
    ]);
  });

  it('prints the +---+ table: right-aligned and cut to 20 characters by default, left-aligned without truncation', async () => {
    const { spark, printed } = testSession();
    const df = spark.createDataFrame([
      { name: 'alice', score: 20.5, n: 3 },
      { name: 'a very long name that goes on', score: 10000000, n: null },
      { name: 'bob', score: 0.0005, n: 12 },
    ]);
    await df.show(2);
    expect(printed.pop()).toBe(
      [
        '+--------------------+-----+----+',
        '|                name|score|   n|',
        '+--------------------+-----+----+',
        '|               alice| 20.5|   3|',
        '|a very long name ...|1.0E7|null|',
        '+--------------------+-----+----+',
        'only showing top 2 rows',
      ].join('\n'),
    );
    await df.show(20, false);
    expect(printed.pop()).toBe(
      [
        '+-----------------------------+------+----+',
        '|name                         |score |n   |',
        '+-----------------------------+------+----+',
        '|alice                        |20.5  |3   |',
        '|a very long name that goes on|1.0E7 |null|',
        '|bob                          |5.0E-4|12  |',
        '+-----------------------------+------+----+',
      ].join('\n'),
    );
    df.printSchema();
    expect(printed.pop()).toBe(
      'root\n |-- name: string (nullable = true)\n |-- score: double (nullable = true)\n |-- n: long (nullable = true)\n',
    );
  });

  it('names aggregate columns as Spark does', async () => {
    const { spark } = testSession();
    const F = spark.functions;
    const df = spark.createDataFrame([{ k: 'a', v: 1 }]);
    expect(df.groupBy('k').agg(F.count('*'), F.count('v'), F.sum('v'), F.avg('v')).columns).toEqual([
      'k',
      'count(1)',
      'count(v)',
      'sum(v)',
      'avg(v)',
    ]);
    expect(df.groupBy('k').count().columns).toEqual(['k', 'count']);
    expect(df.select(F.col('v').plus(1), F.col('v').gt(0).alias('pos')).columns).toEqual(['(v + 1)', 'pos']);
  });
});

describe('functions', () => {
  it("substring counts from 1 as Spark's does", async () => {
    const { spark } = testSession();
    const { substring, col } = spark.functions;
    const df = spark.createDataFrame([{ ts: '2016-05-01 00:00:25' }, { ts: null }]);
    const rows = await df.select(substring('ts', 1, 10).alias('day'), substring(col('ts'), -2, 2).alias('s')).collect();
    expect(rows).toEqual([
      { day: '2016-05-01', s: '25' },
      { day: null, s: null },
    ]);
  });
});
