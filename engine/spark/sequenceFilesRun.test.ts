// saveAsSequenceFile / saveAsObjectFile and sc.sequenceFile / sc.objectFile in real runs: the
// files land in HDFS as bytes, later jobs of the program read them back, mistakes fail clearly.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { InputPathError } from '../exec/hdfsInputs';
import { JobFailedError } from '../api/runJob';
import { JobCodeError } from '../sandbox/contract/jobCodeError';
import { driverFailure, runDriver } from './__tests__/driverRun';

const run = runDriver;
const failure = driverFailure;

describe('saveAsSequenceFile then sc.sequenceFile', () => {
  it('round trips strings, ints, longs, doubles, booleans, bytes and null, partition by partition', async () => {
    const report = await run(
      `const pairs = [['a', 1], ['b', 2 ** 40], ['ç', -3]];
      await sc.parallelize(pairs, 2).saveAsSequenceFile('/out/ints');
      await sc.parallelize([[1, 0.5], [2, 2], [3, NaN]], 3).saveAsSequenceFile('/out/doubles');
      await sc.parallelize([[true, null], [false, null]], 1).saveAsSequenceFile('/out/misc');
      await sc.parallelize([[12n, new Uint8Array([1, 2, 255])]], 1).saveAsSequenceFile('/out/bytes');
      const bytes = (await sc.sequenceFile('/out/bytes').collect())[0];
      return {
        ints: await sc.sequenceFile('/out/ints').collect(),
        parts: await sc.sequenceFile('/out/ints/part-*').glom().collect(),
        doubles: await sc.sequenceFile('hdfs:///out/doubles').map(([k, v]) => [k, String(v)]).collect(),
        misc: await sc.sequenceFile('/out/misc').collect(),
        bytes: [bytes[0], Object.prototype.toString.call(bytes[1]), [...bytes[1]]],
      };`,
    );
    expect(report.result).toEqual({
      ints: [
        ['a', 1],
        ['b', 2 ** 40],
        ['ç', -3],
      ],
      parts: [
        [['a', 1]],
        [
          ['b', 2 ** 40],
          ['ç', -3],
        ],
      ],
      doubles: [
        [1, '0.5'],
        [2, '2'],
        [3, 'NaN'],
      ],
      misc: [
        [true, null],
        [false, null],
      ],
      bytes: [12, '[object Uint8Array]', [1, 2, 255]],
    });
    const files = report.outputs!.filter((f) => f.path.startsWith('/out/ints/'));
    expect(files.map((f) => [f.path, f.binary])).toEqual([
      ['/out/ints/_SUCCESS', undefined],
      ['/out/ints/part-00000', 'SequenceFile (Text, LongWritable), 1 record'],
      ['/out/ints/part-00001', 'SequenceFile (Text, LongWritable), 2 records'],
    ]);
    // What `hdfs dfs -text` prints, not the bytes.
    expect(files[2]!.text).toBe('b\t1099511627776\nç\t-3\n');
    expect(report.outputs!.find((f) => f.path === '/out/doubles/part-00000')!.text).toBe('1\t0.5\n');
  });

  it('writes empty partitions and an empty RDD as headers only, read back as nothing', async () => {
    const report = await run(
      `await sc.parallelize([['a', 1]], 3).saveAsSequenceFile('/out/sparse');
      await sc.emptyRDD().saveAsSequenceFile('/out/none');
      return {
        sparse: await sc.sequenceFile('/out/sparse').glom().collect(),
        none: await sc.sequenceFile('/out/none').count(),
      };`,
    );
    expect(report.result).toEqual({ sparse: [[], [], [['a', 1]]], none: 0 });
    const none = report.outputs!.find((f) => f.path === '/out/none/part-00000')!;
    expect(none.binary).toBe('SequenceFile (NullWritable, NullWritable), 0 records');
  });

  it('stores the bytes in HDFS with their real size, and reads them from HDFS in later jobs', async () => {
    const report = await run(
      `await sc.parallelize([['k', 1]], 1).saveAsSequenceFile('/out/one');
      return sc.sequenceFile('/out/one').collect();`,
    );
    const put = report.trace.find(
      (e) => e.type === 'fileWritten' && (e as { path?: string }).path === '/out/one/part-00000',
    ) as { bytes: number } | undefined;
    // Header: 4 + 26 + 33 + 2 + 4 + 16 = 85 bytes; the record: 4 + 4 + 2 + 4 = 14.
    expect(put?.bytes).toBe(99);
    expect(report.result).toEqual([['k', 1]]);
    expect(report.metrics.bytesReadLocal + report.metrics.bytesReadRemote).toBeGreaterThan(0);
  });

  it('splits a file at its sync markers when minPartitions asks for more splits', async () => {
    const report = await run(
      `const rows = Array.from({ length: 20000 }, (_, i) => ['key-' + i, i]);
      await sc.parallelize(rows, 1).saveAsSequenceFile('/out/big');
      const parts = await sc.sequenceFile('/out/big', 4).glom().collect();
      const small = await sc.sequenceFile('/out/big', 400).glom().map((p) => p.length).collect();
      return { sizes: parts.map((p) => p.length), all: parts.flat().map(([, v]) => v).join() === rows.map(([, v]) => v).join(), small };`,
    );
    const { sizes, all, small } = report.result as { sizes: number[]; all: boolean; small: number[] };
    expect(sizes.length).toBe(4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(all).toBe(true);
    // Splits smaller than the 100 KB between sync markers: most read nothing, as on Hadoop.
    expect(small.filter((n) => n === 0).length).toBeGreaterThan(small.length / 2);
    expect(small.reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it("refuses PySpark's keyClass and valueClass arguments: the classes come from the header", async () => {
    const error = await failure(
      `\nreturn sc.sequenceFile('/out/x', 'org.apache.hadoop.io.Text', 'org.apache.hadoop.io.IntWritable').count();`,
    );
    expect(error).toBeInstanceOf(JobCodeError);
    expect((error as JobCodeError).line).toBe(3);
    expect(error.message).toMatch(/sc\.sequenceFile\(path, minPartitions\) takes at most 2 arguments, got 3/);
  });

  it("reports a missing input with Hadoop's message, naming the call that read it", async () => {
    const error = await failure(`return sc.sequenceFile('/out/nothing-*').count();`);
    expect(error).toBeInstanceOf(InputPathError);
    expect(error.message).toBe('job.js:2: sc.sequenceFile: Input Pattern hdfs:/out/nothing-* matches 0 files');
    const obj = await failure(`return sc.objectFile('/nope').count();`);
    expect(obj.message).toBe('job.js:2: sc.objectFile: Input path does not exist: hdfs:/nope');
  });

  it("fails to read a text file as a SequenceFile with Hadoop's message and the learner's line", async () => {
    const error = await failure(`const rdd = sc.sequenceFile('/data/in.txt');\nreturn rdd.collect();`, {
      files: [{ path: '/data/in.txt', bytes: encodeUtf8('hello\nworld\n') }],
    });
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.message).toMatch(/^job\.js:2: IOException: hdfs:\/data\/in\.txt not a SequenceFile/);
  });

  it('refuses a key that has no Writable, with the learner’s line', async () => {
    const error = await failure(
      `const rdd = sc.parallelize([[{ id: 1 }, 'x']], 1);\nawait rdd.saveAsSequenceFile('/out/objkey');`,
    );
    expect(error.message).toMatch(
      /^job\.js:3: SparkException: saveAsSequenceFile: Data of type an object cannot be used as a key: a SequenceFile holds Writables/,
    );
    const arrays = await failure(`await sc.parallelize([['a', [1, 2]]], 1).saveAsSequenceFile('/out/arr');`);
    expect(arrays.message).toMatch(/Data of type an array cannot be used as a value.*JSON\.stringify\(value\)/);
  });

  it("refuses keys of two kinds as Hadoop's Writer does, and elements that are not pairs", async () => {
    const mixed = await failure(`await sc.parallelize([['a', 1], [2, 1]], 2).saveAsSequenceFile('/out/mixed');`);
    expect(mixed.message).toMatch(
      /IOException: wrong key class: org\.apache\.hadoop\.io\.IntWritable is not class org\.apache\.hadoop\.io\.Text/,
    );
    const single = await failure(`\nawait sc.parallelize([1, 2], 1).saveAsSequenceFile('/out/single');`);
    expect(single.message).toMatch(
      /^job\.js:3: TypeError: saveAsSequenceFile: an element of this RDD is 1 \(a number\), not a pair/,
    );
  });

  it('never overwrites an output directory (FileAlreadyExistsException)', async () => {
    const error = await failure(
      `await sc.parallelize([['a', 1]]).saveAsSequenceFile('/out/s');\nawait sc.parallelize([['a', 1]]).saveAsObjectFile('/out/s');`,
    );
    expect(error).toBeInstanceOf(JobCodeError);
    expect((error as JobCodeError).line).toBe(3);
    expect(error.message).toMatch(
      /FileAlreadyExistsException: Output directory hdfs:\/out\/s already exists: .* \(saveAsObjectFile\); write to a new path, or read this one with sc\.objectFile/,
    );
  });
});

describe('saveAsObjectFile then sc.objectFile', () => {
  it('gives the elements back with their types: Maps, Sets, Dates, nested objects', async () => {
    const report = await run(
      `const data = [new Map([['x', new Set([1, 2])]]), { d: new Date(5), n: [1, { m: new Map() }] }, 3.5, 'z', null, 7n];
      await sc.parallelize(data, 3).saveAsObjectFile('/out/obj');
      const back = await sc.objectFile('/out/obj').collect();
      const kind = (v) => Object.prototype.toString.call(v);
      return {
        kinds: back.map(kind),
        set: kind(back[0].get('x')),
        setValues: [...back[0].get('x')],
        date: back[1].d.getTime(),
        inner: kind(back[1].n[1].m),
        rest: back.slice(2).map(String),
        parts: await sc.objectFile('/out/obj').getNumPartitions(),
      };`,
    );
    expect(report.result).toEqual({
      kinds: [
        '[object Map]',
        '[object Object]',
        '[object Number]',
        '[object String]',
        '[object Null]',
        '[object BigInt]',
      ],
      set: '[object Set]',
      setValues: [1, 2],
      date: 5,
      inner: '[object Map]',
      rest: ['3.5', 'z', 'null', '7'],
      parts: 3,
    });
    const part = report.outputs!.find((f) => f.path === '/out/obj/part-00000')!;
    expect(part.binary).toBe('object file: a SequenceFile (NullWritable, BytesWritable), 1 record of 2 elements');
  });

  it('writes batches of 10 elements per record, as Spark does', async () => {
    const report = await run(
      `await sc.range(0, 25, 1, 1).saveAsObjectFile('/out/batches');
      return { seq: await sc.sequenceFile('/out/batches').map(([k, v]) => [k, v.length > 0]).collect(), back: await sc.objectFile('/out/batches').sum() };`,
    );
    expect(report.result).toEqual({
      seq: [
        [null, true],
        [null, true],
        [null, true],
      ],
      back: 300,
    });
    expect(report.outputs!.find((f) => f.path === '/out/batches/part-00000')!.binary).toBe(
      'object file: a SequenceFile (NullWritable, BytesWritable), 3 records of 25 elements',
    );
  });

  it('writes an empty RDD and reads it back as nothing', async () => {
    const report = await run(
      `await sc.emptyRDD().saveAsObjectFile('/out/e');\nreturn sc.objectFile('/out/e').collect();`,
    );
    expect(report.result).toEqual([]);
  });

  it('refuses a function inside an element, naming it and the learner’s line', async () => {
    const error = await failure(
      `const rdd = sc.parallelize([1, { f: () => 2 }], 1);\nawait rdd.saveAsObjectFile('/out/fn');`,
    );
    expect(error.message).toMatch(
      /^job\.js:3: NotSerializableException: saveAsObjectFile: in partition 0, element 1\.f is a function: object files keep/,
    );
  });

  it("refuses to read a SequenceFile of other classes as an object file (Spark's ClassCastException)", async () => {
    const error = await failure(
      `await sc.parallelize([['a', 1]], 1).saveAsSequenceFile('/out/pairs');\nreturn sc.objectFile('/out/pairs').collect();`,
    );
    expect(error.message).toMatch(
      /ClassCastException: hdfs:\/out\/pairs\/part-00000 holds org\.apache\.hadoop\.io\.Text keys/,
    );
    expect(error.message).toMatch(/read it with sc\.sequenceFile/);
  });

  it('is deterministic: the same program writes the same bytes and trace', async () => {
    const body = `await sc.parallelize([['a', 1], ['b', 2]], 2).saveAsSequenceFile('/out/d');
      await sc.parallelize([{ a: 1 }], 1).saveAsObjectFile('/out/o');
      return sc.sequenceFile('/out/d').collect();`;
    const a = await run(body);
    const b = await run(body);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.outputs).toEqual(b.outputs);
  });
});

describe('the RDDs sc.sequenceFile and sc.objectFile make', () => {
  it('are HadoopRDDs named after their path, as Spark names them', async () => {
    const report = await run(
      `await sc.parallelize([['a', 1]], 2).saveAsSequenceFile('/o/s');
      await sc.parallelize([1, 2, 3], 2).saveAsObjectFile('/o/b');
      return [sc.sequenceFile('/o/s').toDebugString(), sc.objectFile('/o/b').toDebugString(), sc.sequenceFile('/o/s').name()];`,
    );
    const [seq, obj, name] = report.result as string[];
    expect(seq).toBe('(2) /o/s HadoopRDD[2] at sequenceFile at job.js:4 []');
    expect(obj).toBe(
      '(2) MapPartitionsRDD[4] at objectFile at job.js:4 []\n |  /o/b HadoopRDD[3] at objectFile at job.js:4 []',
    );
    expect(name).toBe('/o/s');
  });
});
