import { describe, expect, it } from 'vitest';
import { testSession } from './__tests__/sqlTestSession';

const CSV = `day,sensor,t
2016-05-01,s1,20.5
2016-05-02,s3,19.25
`;

describe("spark.conf: Spark's RuntimeConfig", () => {
  it('AQE reads false (ClusterLab does not simulate it); false is accepted, true fails saying what AQE would do', () => {
    const { spark } = testSession();
    expect(spark.conf.get('spark.sql.adaptive.enabled')).toBe('false');
    expect(spark.conf.get('spark.sql.adaptive.enabled', 'true')).toBe('false');
    spark.conf.set('spark.sql.adaptive.enabled', false);
    expect(spark.conf.get('spark.sql.adaptive.enabled')).toBe('false');
    for (const on of [true, 'true', ' TRUE ']) {
      expect(() => spark.conf.set('spark.sql.adaptive.enabled', on)).toThrow(
        /ClusterLab does not simulate Adaptive Query Execution \(AQE\), which Spark 3\.2\+ turns on by default.*coalescing small shuffle partitions.*spark\.sql\.shuffle\.partitions/,
      );
    }
    for (const key of ['spark.sql.adaptive.coalescePartitions.enabled', 'spark.sql.adaptive.skewJoin.enabled']) {
      expect(spark.conf.get(key)).toBe('false');
      expect(() => spark.conf.set(key, true)).toThrow(/ClusterLab does not simulate AQE's/);
      expect(() => spark.conf.set(key, false)).not.toThrow();
    }
    expect(() => spark.conf.set('spark.sql.adaptive.enabled', 'yes')).toThrow(
      'spark.sql.adaptive.enabled should be boolean, but was yes',
    );
  });

  it('get of a key neither set nor a known SQL setting throws SQL_CONF_NOT_FOUND naming it; a default is returned', () => {
    const { spark } = testSession();
    let thrown: unknown;
    try {
      spark.conf.get('some.conf');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('SparkNoSuchElementException');
    expect((thrown as Error).message).toMatch(
      /^\[SQL_CONF_NOT_FOUND\] The SQL config "some\.conf" cannot be found\. Please verify that the config exists\./,
    );
    expect(() => spark.conf.get('spark.sql.files.maxPartitionBytes')).toThrow(/not simulated/);
    expect(() => spark.conf.get('spark.executor.memory')).toThrow(/Spark core setting, given at submit time/);
    expect(spark.conf.get('some.conf', 'x')).toBe('x');
    expect(spark.conf.get('some.conf', null)).toBeNull();
    expect(() => spark.conf.get('some.conf', 8)).toThrow(/the default must be a string.*write '8'/);
    spark.conf.set('some.conf', 'v');
    expect(spark.conf.get('some.conf')).toBe('v');
    spark.conf.unset('some.conf');
    expect(() => spark.conf.get('some.conf')).toThrow(/SQL_CONF_NOT_FOUND/);
  });

  it("defaults read as Spark writes them; get(key, default) checks the default as Spark's SQLConf does", () => {
    const { spark } = testSession();
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe('200');
    expect(spark.conf.get('spark.sql.autoBroadcastJoinThreshold')).toBe('10485760b');
    expect(spark.conf.get('spark.sql.shuffle.partitions', '8')).toBe('8');
    expect(() => spark.conf.get('spark.sql.shuffle.partitions', 'abc')).toThrow(
      'spark.sql.shuffle.partitions should be int, but was abc',
    );
  });

  it('bad spark.sql.shuffle.partitions values fail at set, naming the key and the value', () => {
    const { spark } = testSession();
    const cases: [unknown, RegExp | string][] = [
      [0, "'0' in spark.sql.shuffle.partitions is invalid. The value of spark.sql.shuffle.partitions must be positive"],
      [-5, "'-5' in spark.sql.shuffle.partitions is invalid"],
      ['abc', 'spark.sql.shuffle.partitions should be int, but was abc'],
      [true, 'spark.sql.shuffle.partitions should be int, but was true'],
      [2.5, 'spark.sql.shuffle.partitions should be int, but was 2.5'],
      [2 ** 31, 'spark.sql.shuffle.partitions should be int, but was 2147483648'],
      [1e9, /1,000,000,000 partitions is more than the simulator's limit of 100,000 partitions per RDD/],
      [null, 'requirement failed: value cannot be null for key: spark.sql.shuffle.partitions'],
    ];
    for (const [value, message] of cases)
      expect(() => spark.conf.set('spark.sql.shuffle.partitions', value)).toThrow(message);
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe('200');
    spark.conf.set('spark.sql.shuffle.partitions', ' 8 ');
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe(' 8 ');
  });

  it('a huge partition count is refused at set, before any job runs', async () => {
    const { rt, spark } = testSession({ '/s.csv': CSV });
    const df = await spark.read.csv('/s.csv', { header: true });
    const jobs = rt.toLog().jobs.length;
    expect(() => spark.conf.set('spark.sql.shuffle.partitions', 1e9)).toThrow(RangeError);
    expect(await df.groupBy('sensor').count().count()).toBe(2);
    expect(rt.toLog().shuffles[0]!.numReduces).toBe(200);
    expect(rt.toLog().jobs.length).toBeGreaterThan(jobs);
  });

  it('spark.sql.autoBroadcastJoinThreshold takes byte sizes as Spark does; bad ones fail at set', async () => {
    const { rt, spark } = testSession();
    for (const bad of ['abc', '1.5m', '10q', 1e21])
      expect(() => spark.conf.set('spark.sql.autoBroadcastJoinThreshold', bad)).toThrow(
        /^spark\.sql\.autoBroadcastJoinThreshold: Size must be specified as bytes/,
      );
    expect(() => spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '1.5m')).toThrow(
      'Fractional values are not supported. Input was: 1.5',
    );
    // -5 turns broadcasting off as -1 does; 10m is 10485760 bytes.
    for (const [threshold, broadcast] of [
      ['-5', false],
      ['10m', true],
      ['0', false],
    ] as const) {
      spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      const a = spark.createDataFrame([[1, 'a']], ['k', 'v']);
      const b = spark.createDataFrame([[1, 'x']], ['k', 'w']);
      const before = rt.toLog().rdds.length;
      expect(await a.join(b, 'k').collect()).toEqual([{ k: 1, v: 'a', w: 'x' }]);
      const names = rt
        .toLog()
        .rdds.slice(before)
        .map((r) => r.name);
      expect(names.some((n) => n.startsWith('BroadcastHashJoin'))).toBe(broadcast);
    }
  });

  it('Spark core settings are refused with CANNOT_MODIFY_CONFIG; spark.default.parallelism is kept, as Spark 3.5 does', () => {
    const { spark } = testSession();
    for (const key of ['spark.executor.memory', 'spark.locality.wait', 'spark.speculation']) {
      expect(() => spark.conf.set(key, '4g')).toThrow(
        `[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: "${key}"`,
      );
      expect(() => spark.conf.unset(key)).toThrow(/CANNOT_MODIFY_CONFIG/);
      expect(spark.conf.isModifiable(key)).toBe(false);
    }
    spark.conf.set('spark.default.parallelism', 8);
    expect(spark.conf.get('spark.default.parallelism')).toBe('8');
    expect(spark.conf.isModifiable('spark.sql.shuffle.partitions')).toBe(true);
    expect(spark.conf.isModifiable('spark.sql.adaptive.enabled')).toBe(true);
    expect(spark.conf.isModifiable('some.conf')).toBe(false);
  });

  it('unset brings a SQL setting back to its default', () => {
    const { spark } = testSession();
    spark.conf.set('spark.sql.shuffle.partitions', 8);
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe('8');
    spark.conf.unset('spark.sql.shuffle.partitions');
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe('200');
  });
});
