import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../core';
import { InputPathError } from '../exec/hdfsInputs';
import { errorToData, JobCodeError } from '../sandbox/contract/jobCodeError';
import { driverFailure, runDriver } from './__tests__/driverRun';
import { SparkRuntime } from './sparkRuntime';

const run = runDriver;
const failure = driverFailure;

const files = [
  { path: '/logs/2024-01/a.log', bytes: encodeUtf8('jan a 1\njan a 2\n') },
  { path: '/logs/2024-01/b.log', bytes: encodeUtf8('jan b 1\n') },
  { path: '/logs/2024-02/a.log', bytes: encodeUtf8('feb a 1\n') },
  { path: '/logs/2024-02/_COPYING_', bytes: encodeUtf8('partial\n') },
  { path: '/logs/2024-02/.a.log.crc', bytes: encodeUtf8('crc\n') },
];

describe('sc.textFile paths in a real run', () => {
  it('reads a directory, a glob and comma-separated paths, skipping hidden files', async () => {
    const report = await run(
      `return {
        dir: await sc.textFile('/logs/2024-02').collect(),
        glob: await sc.textFile('/logs/2024-*/a.log').collect(),
        dirs: await sc.textFile('hdfs:///logs/*/').count(),
        comma: await sc.textFile('/logs/2024-01/b.log,hdfs://namenode:8020/logs/2024-02').collect(),
      };`,
      { files },
    );
    expect(report.result).toEqual({
      dir: ['feb a 1'],
      glob: ['jan a 1', 'jan a 2', 'feb a 1'],
      dirs: 4,
      comma: ['jan b 1', 'feb a 1'],
    });
  });

  it('reads a directory holding only hidden files as no lines', async () => {
    const report = await run(`return sc.textFile('/empty').count();`, {
      files: [{ path: '/empty/_SUCCESS', bytes: new Uint8Array(0) }],
    });
    expect(report.result).toBe(0);
  });

  it('reads back what saveAsTextFile wrote earlier in the program, and writes _SUCCESS', async () => {
    const report = await run(
      `await sc.parallelize(['b', 'a', 'c', 'd'], 2).map((x) => x.toUpperCase()).saveAsTextFile('/out/letters');
      return {
        all: await sc.textFile('/out/letters').collect(),
        parts: await sc.textFile('/out/letters/part-*').getNumPartitions(),
        first: await sc.textFile('hdfs:///out/letters/part-00000').collect(),
      };`,
    );
    expect(report.result).toEqual({ all: ['B', 'A', 'C', 'D'], parts: 2, first: ['B', 'A'] });
    expect(report.outputs!.map((f) => f.path)).toEqual([
      '/out/letters/_SUCCESS',
      '/out/letters/part-00000',
      '/out/letters/part-00001',
    ]);
    // The later jobs read the parts from HDFS in the simulation: the first job's output was committed when it finished.
    expect(report.metrics.bytesReadLocal + report.metrics.bytesReadRemote).toBeGreaterThan(0);
  });

  it('refuses to overwrite an output directory, in HDFS or written earlier, with the learner’s line', async () => {
    const inHdfs = await failure(`await sc.parallelize([1]).saveAsTextFile('/logs/2024-01');\nreturn 1;`, { files });
    expect(inHdfs).toBeInstanceOf(JobCodeError);
    expect((inHdfs as JobCodeError).line).toBe(2);
    expect(inHdfs.message).toMatch(/FileAlreadyExistsException: Output directory hdfs:\/logs\/2024-01 already exists/);
    const twice = await failure(
      `await sc.parallelize([1]).saveAsTextFile('/out/x');\nawait sc.parallelize([2]).saveAsTextFile('hdfs:///out/x/');`,
    );
    expect((twice as JobCodeError).line).toBe(3);
    expect(twice.message).toMatch(/Output directory hdfs:\/out\/x already exists/);
  });

  it("reports a missing input with Hadoop's message, as a bad input (not a code error)", async () => {
    const missing = await failure(`return sc.textFile('/logs/2025-*').count();`, { files });
    expect(missing).toBeInstanceOf(InputPathError);
    // Where: the learner's line that read the path (the driver's line 2 is the job's first).
    expect(missing.message).toBe('job.js:2: sc.textFile: Input Pattern hdfs:/logs/2025-* matches 0 files');
    const path = await failure(`const lines = sc.textFile('hdfs:///nope/x.csv');\n\nreturn lines.count();`);
    expect(path.message).toBe('job.js:2: sc.textFile: Input path does not exist: hdfs:/nope/x.csv');
    const atLine3 = await failure(`const n = 1;\nreturn sc.textFile('/nope').count();`);
    expect(atLine3.message).toBe('job.js:3: sc.textFile: Input path does not exist: hdfs:/nope');
    // A DataFrameReader's: Spark SQL's PATH_NOT_FOUND, named by the reader's method, at its line.
    const csv = await failure(
      `\nconst df = await spark.read.option('header', true).csv('/nope/x.csv');\nreturn df.count();`,
    );
    expect(csv).toBeInstanceOf(InputPathError);
    expect(csv.message).toBe('job.js:3: spark.read.csv: [PATH_NOT_FOUND] Path does not exist: hdfs:/nope/x.csv.');
    const json = await failure(`return (await spark.read.json('/logs/2025-*')).count();`, { files });
    expect(json.message).toBe('job.js:2: spark.read.json: [PATH_NOT_FOUND] Path does not exist: hdfs:/logs/2025-*.');
    const text = await failure(`return spark.read.text('/nope.txt').count();`);
    expect(text.message).toBe('job.js:2: spark.read.text: [PATH_NOT_FOUND] Path does not exist: hdfs:/nope.txt.');
    const load = await failure(`return (await spark.read.format('csv').load('/nope.csv')).count();`);
    expect(load.message).toBe('job.js:2: spark.read.load: [PATH_NOT_FOUND] Path does not exist: hdfs:/nope.csv.');
  });

  it("answers a DataFrameReader's missing await, and a driver that takes the session first, at the line", async () => {
    const csv = await failure(`const df = spark.read.csv('/logs/2024-01/a.log');\nreturn df.groupBy('_c0').count();`, {
      files,
    });
    expect(csv).toBeInstanceOf(JobCodeError);
    expect((csv as JobCodeError).line).toBe(3);
    expect(csv.message).toMatch(
      /spark\.read\.csv\(\.\.\.\) gives a promise here \(Spark reads its first line in a job first\): await it, then call groupBy: const df = await spark\.read\.csv\(\.\.\.\); df\.groupBy\(\.\.\.\)/,
    );
    // A property: read, not called.
    const columns = await failure(`const df = spark.read.json('/logs/2024-01/a.log');\nreturn df.columns;`, { files });
    expect(columns.message).toMatch(/then read columns: const df = await spark\.read\.json\(\.\.\.\); df\.columns$/);
    // As in Spark, the reader looks for its path at the call: a missing one fails there, awaited or not.
    const both = await failure(`const df = spark.read.csv('/nope.csv');\nreturn df.count();`);
    expect(both).toBeInstanceOf(InputPathError);
    expect(both.message).toBe('job.js:2: spark.read.csv: [PATH_NOT_FOUND] Path does not exist: hdfs:/nope.csv.');
    const later = await failure(
      `const a = spark.read.csv('/logs/2024-01/a.log');\nconst b = spark.read.json('/nope.json,/nope2');\nreturn (await a).count() + (await b).count();`,
      { files },
    );
    // A reader takes its path whole, comma and all (Spark's DataSource splits none; sc.textFile does).
    expect(later.message).toBe(
      'job.js:3: spark.read.json: [PATH_NOT_FOUND] Path does not exist: hdfs:/nope.json,/nope2.',
    );
    const load = await failure(`return spark.read.format('text').load('/logs/2024-01').select('value');`, { files });
    expect(load.message).toMatch(/spark\.read\.load\(\.\.\.\) gives a promise here .*then call select/);
    // The awaited reader is a DataFrame as ever.
    const read = await run(`return (await spark.read.json('/logs/2024-02/a.json')).count();`, {
      files: [{ path: '/logs/2024-02/a.json', bytes: encodeUtf8('{"a":1}\n{"a":2}\n') }],
    });
    expect(read.result).toBe(2);
    // PySpark's habit: the driver's only parameter named spark is the SparkContext.
    const session = await failure(`return sc.read.csv('/logs/2024-01/a.log');`, { files });
    expect((session as JobCodeError).line).toBe(2);
    expect(session.message).toMatch(
      /the driver's first argument is the SparkContext \(sc\), which has no read: that is the SparkSession's, its second argument\. Write `export default async \(sc, spark\) =>/,
    );
    expect((await failure(`return sc.sql('SELECT 1');`)).message).toMatch(/has no sql: .*spark\.sql/);
  });

  it("takes a DataFrameReader's path whole and several paths as an array, as Spark's DataSource does", async () => {
    const named = [...files, { path: '/data/a,b.csv', bytes: encodeUtf8('x\n1\n2\n') }];
    const report = await run(
      `const df = await spark.read.option('header', true).csv('/data/a,b.csv');
      const two = await spark.read.csv(['/logs/2024-01/a.log', '/logs/2024-02', '/logs/2024-0[1]/a.log']);
      const braces = spark.read.text('/logs/2024-0{1/b,2/a}.log');
      return { rows: await df.count(), two: await two.count(), braces: await braces.collect() };`,
      { files: named },
    );
    expect(report.result).toEqual({
      rows: 2,
      two: 3,
      braces: [{ value: 'jan b 1' }, { value: 'feb a 1' }],
    });
    // A file named twice is read once by a reader (its index's leaf files), twice by sc.textFile (Hadoop's).
    expect((await run(`return sc.textFile('/logs/2024-02,/logs/2024-02/a.log').count();`, { files })).result).toBe(2);
    // sc.textFile splits the same path at its comma, as Hadoop's FileInputFormat does.
    const split = await failure(`return sc.textFile('/data/a,b.csv').count();`, { files: named });
    expect(split.message).toMatch(/^job\.js:2: IllegalArgumentException: textFile\("b\.csv"\): a relative path/);
    // The first missing path of an array is named, whole.
    const second = await failure(`return spark.read.text(['/logs/2024-01/a.log', '/x,y']).count();`, { files });
    expect(second.message).toBe('job.js:2: spark.read.text: [PATH_NOT_FOUND] Path does not exist: hdfs:/x,y.');
    // sc.textFile takes one string, as Spark's does (a list is a reader's).
    const list = await failure(`return sc.textFile(['/logs/2024-01/a.log']).count();`, { files });
    expect(list.message).toMatch(/textFile\(path\): the path must be a string like .*, got an array of 1/);
    // What is not a path or a list of them says so at the call.
    for (const [arg, why] of [
      ['[]', /spark\.read\.csv\(paths\): the array of paths is empty: name at least one/],
      ["['/a.csv', 7]", /spark\.read\.csv\(paths\): paths\[1\] must be a string like '\/data\/sensors\.csv', got 7/],
      [
        '42',
        /spark\.read\.csv\(path\): the path must be a string like '\/data\/sensors\.csv' or an array of them, got 42/,
      ],
      ['Array(5000).fill("/a")', /spark\.read\.csv\(paths\): 5,000 paths are more than the limit of 4,096 characters/],
    ] as const) {
      const error = await failure(`\nreturn (await spark.read.csv(${arg})).count();`);
      expect(error).toBeInstanceOf(JobCodeError);
      expect((error as JobCodeError).line).toBe(3);
      expect(error.message).toMatch(why);
    }
  });

  it('refuses file: paths with a clear message and the line', async () => {
    const error = await failure(`\nreturn sc.textFile('file:///home/me/data.csv').count();`);
    expect(error).toBeInstanceOf(JobCodeError);
    expect((error as JobCodeError).line).toBe(3);
    expect(error.message).toMatch(/the sandbox has no local files/);
  });

  it('generates a sample dataset named through hdfs:/// or a glob', async () => {
    const report = await run(`return sc.textFile('hdfs:///data/gr*.txt').count();`);
    expect(report.generatedInputs).toEqual(['/data/graph.txt']);
    expect(report.result).toBeGreaterThan(0);
  });

  it('is deterministic: the same program and seed give the same trace', async () => {
    const body = `await sc.textFile('/logs/*').map((l) => l.split(' ')[1]).saveAsTextFile('/out/w');
      return sc.textFile('/out/w/part-*').collect();`;
    const a = await run(body, { files });
    const b = await run(body, { files });
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.result).toEqual(b.result);
  });
});

describe('textFile partitions as FileInputFormat.getSplits cuts them', () => {
  it('lets the last split be up to 10% bigger (SPLIT_SLOP) instead of making an empty one', async () => {
    const report = await run(`return sc.textFile('/in/f21.txt').glom().collect();`, {
      files: [{ path: '/in/f21.txt', bytes: encodeUtf8('aaaa\nbbbb\ncccc\ndddd\n\n') }],
    });
    expect(report.result).toEqual([
      ['aaaa', 'bbbb', 'cccc'],
      ['dddd', ''],
    ]);
  });
});

describe('saveAsTextFile then textFile', () => {
  it('keeps empty strings as empty lines', async () => {
    const report = await run(
      `await sc.parallelize(['', 'a', ''], 3).saveAsTextFile('/out/e');\nreturn sc.textFile('/out/e').collect();`,
    );
    expect(report.result).toEqual(['', 'a', '']);
  });
});

describe('sc.textFile lines as Hadoop’s LineRecordReader reads them', () => {
  it('ends lines at \\n, \\r and \\r\\n, and skips a byte-order mark', async () => {
    const report = await run(`return sc.textFile('/in/mixed.txt').collect();`, {
      files: [{ path: '/in/mixed.txt', bytes: encodeUtf8('\uFEFFa\r\nb\rc\n\nd') }],
    });
    expect(report.result).toEqual(['a', 'b', 'c', '', 'd']);
  });
});

describe('SparkRuntime.wholeTextFiles', () => {
  const bytes = new Map(files.map((f) => [f.path, f.bytes]));
  const runtime = () =>
    new SparkRuntime(
      files.map((f) => ({ path: f.path, length: f.bytes.length, blockSize: 1024 })),
      (path) =>
        Promise.resolve(
          [...bytes].filter(([p]) => p === path).map(([p, b]) => ({ path: p, bytes: b, blockSize: 1024 })),
        ),
      decodeUtf8,
      (error) => errorToData(error, 'job.js'),
    );

  it('gives one [qualified path, content] pair per visible file, whole', async () => {
    const rt = runtime();
    const rdd = rt.wholeTextFiles('/logs/*');
    const rows = (await rt.runJob(rdd, 'collect', (r) => r)).flat();
    expect(rows).toEqual([
      ['hdfs:/logs/2024-01/a.log', 'jan a 1\njan a 2\n'],
      ['hdfs:/logs/2024-01/b.log', 'jan b 1\n'],
      ['hdfs:/logs/2024-02/a.log', 'feb a 1\n'],
    ]);
  });

  it('packs files into at most minPartitions-sized groups (WholeTextFileInputFormat)', () => {
    expect(runtime().wholeTextFiles('/logs/*', 1).numPartitions).toBe(1);
    expect(runtime().wholeTextFiles('/logs/*', 2).numPartitions).toBe(2);
    // 16 + 8 + 8 bytes, at most ceil(32 / 3) = 11 per partition: [16] closes, then [8, 8].
    expect(runtime().wholeTextFiles('/logs/*', 3).numPartitions).toBe(2);
    expect(runtime().wholeTextFiles('/logs/*', 30).numPartitions).toBe(3);
  });
});
