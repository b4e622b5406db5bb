import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../sandbox/inProcessRunner';
import { runJob } from '../../api/runJob';
import { encodeUtf8 } from '../../core';

const CSV = `day,sensor,t,ok
2016-05-01,s1,20.5,true
2016-05-01,s2,21,true
2016-05-02,s1,,false
2016-05-02,s3,19.25,true
2016-05-03,s2,18,true
`;
const ZONES = `sensor,zone
s1,north
s2,south
s4,east
`;

async function run(body: string, conf: Record<string, string> = {}) {
  const runner = createFunctionRunner();
  try {
    const report = await runJob({
      source: { fileName: 'df.js', code: `exports.default = async (sc, spark) => {\n${body}\n};` },
      runner,
      cluster: 'cookbook-9',
      seed: 3,
      files: [
        { path: '/data/s.csv', bytes: encodeUtf8(CSV) },
        { path: '/data/zones.csv', bytes: encodeUtf8(ZONES) },
      ],
      sparkConf: conf,
    });
    return { report };
  } finally {
    await runner.close();
  }
}

const READ = `const F = spark.functions; const df = await spark.read.csv('/data/s.csv', { header: true, inferSchema: true });`;

describe('DataFrames on the simulated cluster', () => {
  it('reads CSV with header and inferSchema as Spark types', async () => {
    const { report } = await run(`${READ} return [df.dtypes, await df.collect()];`);
    const [dtypes, rows] = report.result as [string[][], Record<string, unknown>[]];
    expect(dtypes).toEqual([
      ['day', 'string'],
      ['sensor', 'string'],
      ['t', 'double'],
      ['ok', 'boolean'],
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual({ day: '2016-05-02', sensor: 's1', t: null, ok: false });
  });

  it('groupBy/agg equals the plain computation, with partial and final HashAggregate around one Exchange', async () => {
    const { report } = await run(
      `${READ} return await df.groupBy('day').agg(F.count('*'), F.sum('t'), F.avg('t'), F.min('t'), F.max('t')).orderBy('day').collect();`,
    );
    expect(report.result).toEqual([
      { day: '2016-05-01', 'count(1)': 2, 'sum(t)': 41.5, 'avg(t)': 20.75, 'min(t)': 20.5, 'max(t)': 21 },
      { day: '2016-05-02', 'count(1)': 2, 'sum(t)': 19.25, 'avg(t)': 19.25, 'min(t)': 19.25, 'max(t)': 19.25 },
      { day: '2016-05-03', 'count(1)': 1, 'sum(t)': 18, 'avg(t)': 18, 'min(t)': 18, 'max(t)': 18 },
    ]);
  });

  it('refuses to collect two columns of one name into one row object, naming them and the line', async () => {
    await expect(
      run(
        `${READ} const z = await spark.read.csv('/data/zones.csv', { header: true });\nreturn df.join(z, df.col('sensor').equalTo(z.col('sensor'))).collect();`,
      ),
    ).rejects.toThrow(/df\.js:3.*collect\(\): the DataFrame has more than one column named 'sensor'/s);
    const { report } = await run(
      `${READ} const z = await spark.read.csv('/data/zones.csv', { header: true });\nreturn (await df.join(z, 'sensor').collect()).length;`,
    );
    expect(report.result).toBe(4);
  });

  it('joins of each type equal a nested-loop join; a small side is broadcast without an Exchange on the big side', async () => {
    const body = `${READ} const z = await spark.read.csv('/data/zones.csv', { header: true });
      const out = {};
      for (const how of ['inner', 'left', 'right', 'full']) out[how] = (await df.join(z, 'sensor', how).select('sensor', 'day', 'zone').collect()).map((r) => [r.sensor, r.day, r.zone].join('|')).sort();
      return out;`;
    const { report } = await run(body);
    const s = ['2016-05-01|s1', '2016-05-01|s2', '2016-05-02|s1', '2016-05-02|s3', '2016-05-03|s2'].map((x) =>
      x.split('|'),
    );
    const zones: Record<string, string> = { s1: 'north', s2: 'south', s4: 'east' };
    const inner = s.filter(([, k]) => zones[k!]).map(([d, k]) => `${k}|${d}|${zones[k!]}`);
    const left = s.map(([d, k]) => `${k}|${d}|${zones[k!] ?? ''}`);
    const right = [...inner, 's4||east'];
    const full = [...left, 's4||east'];
    expect(report.result).toEqual({ inner: inner.sort(), left: left.sort(), right: right.sort(), full: full.sort() });
    // every join here broadcasts the small zones table: no stage reads an Exchange on the sensor side
    const stages = report.trace.filter((e) => e.type === 'stageSubmitted');
    const joinStages = stages.filter((e) => e.type === 'stageSubmitted' && e.name.includes('BroadcastHashJoin'));
    expect(joinStages.map((e) => e.type === 'stageSubmitted' && e.name)).toContain(
      'textFile /data/s.csv → Scan csv → BroadcastHashJoin Inner → Project',
    );
  });

  it("shows Spark's operators as the stages of a groupBy, and names the learner's line of a missing column", async () => {
    const { report } = await run(`${READ} return await df.groupBy('day').count().collect();`);
    const names = report.trace.flatMap((e) => (e.type === 'stageSubmitted' ? [e.name] : []));
    expect(names).toContain('textFile /data/s.csv → Scan csv → HashAggregate (partial)');
    expect(names).toContain('Exchange hashpartitioning(day, 200) → HashAggregate (final)');
    const tasks = report.trace.filter((e) => e.type === 'stageSubmitted' && e.name.endsWith('HashAggregate (final)'));
    expect(tasks.map((e) => e.type === 'stageSubmitted' && e.tasks)).toEqual([200]);
    await expect(run(`${READ} return df;`)).rejects.toThrow(
      /the driver returned a DataFrame — did you mean `await df.collect\(\)`\?/,
    );
    await expect(
      run(`${READ}
  return df.select('temp');`),
    ).rejects.toThrow(
      /df\.js:3: Error: \[UNRESOLVED_COLUMN\.WITH_SUGGESTION\] A column or function parameter with name `temp` cannot be resolved/,
    );
  });
});
