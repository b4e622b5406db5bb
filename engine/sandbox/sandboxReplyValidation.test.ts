// The host never trusts a sandbox reply: forged or malformed replies fail the run with one clear
// message (never an exception in the host). Console output and the budget: sandboxPoolConsoleBudget.test.ts.
import { describe, expect, it } from 'vitest';
import { JobResultError } from './contract/jobCodeError';
import type { SparkLog } from '../spark/jobRecord';
import { SandboxPoolCore } from './sandboxPoolCore';
import { checkReply } from './sandboxReplyValidation';
import { ScriptedPlatform, loadedPool, sparkRun, zeroCounters } from './__tests__/scriptedPlatform';
import { readMapReduceConf } from '../mapreduce/mapReduceConf';
import { packMapReplies } from './packedMapOutputs';

const emptyLog = (): SparkLog => ({ rdds: [], shuffles: [], jobs: [], accumulators: [], aborted: false });
const sparkDone = (id: number, output: Record<string, unknown> = {}) => ({
  type: 'sparkDone',
  id,
  output: { result: [1, 'a', { b: null }], jobs: [emptyLog()], written: [], ...output },
});
const error = (detail: string) => ({
  kind: 'code',
  fileName: 'job.js',
  line: 3,
  errorName: 'Error',
  detail,
  seconds: 0,
});

describe('checkReply', () => {
  it("checks where a MapReduce job's path errors point: its place in the file's default export", () => {
    const conf = readMapReduceConf(undefined, 'default.conf', 'job.js');
    const job = (index: number, field: unknown) => ({
      index,
      name: `job ${index + 1}`,
      field,
      input: ['/in/a'],
      output: `/out/${index}`,
      numReduceTasks: 1,
      hasCombine: false,
      hasPartition: false,
      conf,
    });
    const loaded = (...jobs: unknown[]) => checkReply({ type: 'loaded', id: 1, shape: { kind: 'mapreduce', jobs } });
    expect(loaded(job(0, 'default')).ok).toBe(true);
    expect(loaded(job(0, 'default[0]'), job(1, 'default[1]')).ok).toBe(true);
    expect(loaded(job(0, 'default'), job(1, 'default[1]'))).toMatchObject({ ok: false });
    // A hole in the list is a job that is not an object, not one skipped.
    const holed: unknown[] = [];
    holed[1] = job(1, 'default[1]');
    const reply = { type: 'loaded', id: 1, shape: { kind: 'mapreduce', jobs: holed } };
    expect(JSON.stringify(checkReply(reply))).toMatch(/jobs\[0\] is not an object/);
    expect(JSON.stringify(loaded(job(0, 'default[2]')))).toMatch(/jobs\[0\]\.field is not default\[0\] or default/);
  });

  it('accepts the replies the sandbox really sends', () => {
    expect(checkReply(sparkDone(1)).ok).toBe(true);
    expect(checkReply({ type: 'failed', id: 2, error: error('boom') }).ok).toBe(true);
    expect(checkReply({ type: 'log', text: 'hello' }).ok).toBe(true);
    expect(checkReply({ type: 'sparkProgress', id: 1, job: 'job 0 (count)', done: 1, total: 2 }).ok).toBe(true);
    const packed = { keys: ['a', 'b'], counts: [1, 2], numbers: new Float64Array([1, 2, 3]), values: null };
    const mapDone = {
      type: 'mapDone',
      id: 4,
      output: {
        taskIndex: 0,
        partitions: [packed],
        counters: {
          mapInputRecords: 1,
          mapOutputRecords: 3,
          mapOutputBytes: 30,
          combineInputRecords: 0,
          combineOutputRecords: 0,
          spills: 1,
          spilledRecords: 3,
        },
        partitionBytes: [30],
        partitionRecords: [3],
        text: null,
        userCounters: [['Quality', 'BAD_LINES', 2]],
      },
    };
    const written = [
      { path: '/out/part-00000', text: 'a\n' },
      { path: '/seq/part-00000', bytes: new Uint8Array([83, 69, 81, 6]) },
    ];
    expect(checkReply(sparkDone(1, { written })).ok).toBe(true);
    expect(checkReply(mapDone, 1).ok).toBe(true);
    expect(checkReply(mapDone, 2)).toEqual({ ok: false, why: 'mapDone.output.partitions has 1 partitions, not 2' });
    // A Spark job's conf export: plain settings only, whatever the worker claims.
    const loaded = (conf: unknown) => ({ type: 'loaded', id: 1, shape: { kind: 'spark', conf } });
    expect(checkReply(loaded({ 'spark.locality.wait': '1s', 'spark.speculation': true })).ok).toBe(true);
    expect(checkReply(loaded({ 'spark.locality.wait': { toString: 1 } }))).toMatchObject({ ok: false });
    expect(checkReply(loaded({ x: 'y'.repeat(5000) }))).toMatchObject({ ok: false });
    expect(checkReply(loaded(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 1]))))).toMatchObject({
      ok: false,
    });
  });

  // A Spark log's shuffle carries a size per (map, reduce) pair: as many as the engine lets a shuffle have.
  const shuffleLog = (numMaps: number, numReduces: number, filled: number) => ({
    ...emptyLog(),
    rdds: [
      {
        id: 0,
        name: 'map',
        numPartitions: numMaps,
        deps: [],
        source: null,
        records: new Array<number>(numMaps).fill(1),
        bytes: new Array<number>(numMaps).fill(8),
      },
    ],
    shuffles: [
      {
        id: 0,
        mapRdd: 0,
        numMaps,
        numReduces,
        combined: false,
        bytes: new Array<number>(filled).fill(1),
        records: new Array<number>(filled).fill(1),
      },
    ],
  });
  it("accepts a shuffle as big as the engine's limit on shuffle blocks, and refuses a bigger one", () => {
    // 33,008 maps × 64 reduces (2.1M pairs): the Spark IoT example at 1 KB blocks with spark.default.parallelism=64.
    expect(checkReply(sparkDone(1, { jobs: [shuffleLog(33_008, 64, 33_008 * 64)] }))).toMatchObject({ ok: true });
    expect(checkReply(sparkDone(1, { jobs: [shuffleLog(40_000, 100, 4_000_000)] }))).toMatchObject({ ok: true });
    expect(checkReply(sparkDone(1, { jobs: [shuffleLog(40_001, 100, 0)] }))).toEqual({
      ok: false,
      why: 'sparkDone.output.jobs[0].shuffles[0] has more than 4,000,000 map-reduce pairs (4,000,100)',
    });
    expect(checkReply(sparkDone(1, { jobs: [shuffleLog(10, 10, 101)] }))).toEqual({
      ok: false,
      why: 'sparkDone.output.jobs[0].shuffles[0].bytes has more than 100 items',
    });
  });

  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  const forged: [string, unknown, RegExp][] = [
    ['not an object', 'sparkDone', /the reply is not an object/],
    ['an unknown type', { type: 'evil', id: 1 }, /the type "evil" is not a reply type/],
    ['no id', { type: 'sparkDone', output: {} }, /sparkDone\.id is not an integer/],
    ['a sparkDone whose jobs is not an array', sparkDone(1, { jobs: 'x' }), /sparkDone\.output\.jobs is not an array/],
    [
      'a sparkDone whose result is cyclic',
      sparkDone(1, { result: cyclic }),
      /result\[0\] is not plain data: a reference to itself/,
    ],
    ['a sparkDone whose result is a Map', sparkDone(1, { result: new Map() }), /not a plain object or array/],
    [
      'a sparkDone whose log has an RDD reading a later one',
      sparkDone(1, {
        jobs: [
          {
            ...emptyLog(),
            rdds: [
              {
                id: 0,
                name: 'map',
                numPartitions: 1,
                deps: [{ kind: 'narrow', parent: 3, parents: null, shuffleId: -1 }],
                source: null,
                records: [1],
                bytes: [8],
              },
            ],
          },
        ],
      }),
      /rdds\[0\]\.deps\[0\]\.parent is not an earlier RDD/,
    ],
    [
      'a failed with a 10 MB message',
      { type: 'failed', id: 1, error: error('x'.repeat(10_000_000)) },
      /detail is longer than 10000 characters/,
    ],
    [
      'a failed with a line that is text',
      { type: 'failed', id: 1, error: { ...error('x'), line: '3' } },
      /line is not an integer/,
    ],
    [
      'NaN progress',
      { type: 'sparkProgress', id: 1, job: 'j', done: NaN, total: 2 },
      /sparkProgress\.done is not an integer/,
    ],
    [
      'progress past its total',
      { type: 'sparkProgress', id: 1, job: 'j', done: 3, total: 2 },
      /done is more than its total/,
    ],
    ['a log that is not text', { type: 'log', text: { toString: 1 } }, /log\.text is not a string/],
    [
      'a written file with both text and bytes',
      sparkDone(1, { written: [{ path: '/o/p', text: '', bytes: new Uint8Array(0) }] }),
      /written\[0\] has the fields bytes,path,text, not path with text or bytes/,
    ],
    [
      'a written file whose bytes are an array of numbers',
      sparkDone(1, { written: [{ path: '/o/p', bytes: [83, 69, 81] }] }),
      /written\[0\]\.bytes is not a Uint8Array/,
    ],
    [
      'a written file whose bytes are another typed array',
      sparkDone(1, { written: [{ path: '/o/p', bytes: new Float64Array(2) }] }),
      /written\[0\]\.bytes is not a Uint8Array/,
    ],
    [
      "a missing input's line that is text",
      sparkDone(1, { missingInput: '/in/x', missingInputLine: '3' }),
      /missingInputLine is not an integer/,
    ],
    [
      "a missing input's line 0",
      sparkDone(1, { missingInput: '/in/x', missingInputLine: 0 }),
      /missingInputLine is below 1/,
    ],
    ['a loop at line -1', { type: 'loop', line: -1 }, /loop\.line is not an integer/],
    [
      'a host request for a 10 kB path',
      { type: 'hostRequest', id: 1, requestId: 1, path: '/'.repeat(10_000) },
      /path is longer/,
    ],
  ];
  it.each(forged)('refuses %s, without throwing', (_name, reply, why) => {
    const checked = checkReply(reply);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.why).toMatch(why);
  });

  it('never throws, even on a reply whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(checkReply(hostile)).toEqual({ ok: false, why: 'it could not be read' });
  });
});

describe('SandboxPoolCore with a forging worker', () => {
  it('takes a genuine sparkDone', async () => {
    const { worker, driver, request } = await sparkRun();
    worker.reply(sparkDone(request.id));
    expect((await driver).result).toEqual([1, 'a', { b: null }]);
  });

  const forgeries: [string, (id: number) => unknown, RegExp][] = [
    [
      'a sparkDone for another id',
      (id) => sparkDone(id + 7),
      /a sparkDone reply for task \d+, which is not this worker's/,
    ],
    [
      'a mapDone answering a Spark request',
      (id) => ({ type: 'mapDone', id, output: {} }),
      /mapDone\.output\.taskIndex/,
    ],
    [
      'a loaded answering a Spark request',
      (id) => ({ type: 'loaded', id, shape: { kind: 'spark' } }),
      /a loaded reply to a spark request/,
    ],
    ['a sparkDone with a non-array result log', (id) => sparkDone(id, { jobs: {} }), /jobs is not an array/],
    [
      'a failed with a 10 MB message',
      (id) => ({ type: 'failed', id, error: error('y'.repeat(10_000_000)) }),
      /detail is longer/,
    ],
    ['NaN progress', (id) => ({ type: 'sparkProgress', id, job: 'j', done: NaN, total: 1 }), /done is not an integer/],
    ['an unknown type', (id) => ({ type: 'grantAdmin', id }), /"grantAdmin" is not a reply type/],
  ];
  it.each(forgeries)('fails the run on %s, with one message', async (_name, forge, why) => {
    const { worker, driver, request, pool } = await sparkRun();
    expect(() => worker.reply(forge(request.id))).not.toThrow();
    const failure = await driver.then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(JobResultError);
    expect((failure as Error).message).toMatch(/^job\.js: the sandbox sent an invalid reply: /);
    expect((failure as Error).message).toMatch(why);
    expect(worker.terminated).toBe(true);
    // Anything the worker sends after that is ignored, and the host still does not throw.
    expect(() => worker.reply(sparkDone(request.id))).not.toThrow();
    pool.endRun();
  });

  it('fails the run, and leaves no task pending, on a batch that gives back a task it never had', async () => {
    const { pool, worker } = await loadedPool();
    const task = { jobIndex: 0, taskIndex: 0, baseOffset: 0, bytes: new Uint8Array([104, 105]), numReduceTasks: 1 };
    const maps = pool.runMapTasks([task]).then(
      () => null,
      (e: unknown) => e,
    );
    await Promise.resolve();
    const sent = worker.batches[0]!.tasks[0]!.id;
    worker.reply({ type: 'batch', replies: [], returned: [sent, sent + 999] });
    const failure = await maps;
    expect((failure as Error).message).toMatch(
      /batch\.returned names task \d+, which is not a map task of this worker's/,
    );
    expect(worker.terminated).toBe(true);
    pool.endRun();
  });

  it('fails the run on a batch whose map outputs are swapped between its tasks', async () => {
    const { pool, worker } = await loadedPool();
    const task = (taskIndex: number) => ({
      jobIndex: 0,
      taskIndex,
      baseOffset: 0,
      bytes: new Uint8Array([104, 105]),
      numReduceTasks: 0,
    });
    const maps = pool.runMapTasks([task(0), task(1)]).then(
      () => null,
      (e: unknown) => e,
    );
    await Promise.resolve();
    const [a, b] = worker.batches[0]!.tasks.map((t) => t.id) as [number, number];
    const output = (taskIndex: number) => ({
      taskIndex,
      partitions: [],
      text: `${taskIndex}\n`,
      userCounters: [],
      counters: { ...zeroCounters },
      partitionBytes: [],
      partitionRecords: [],
    });
    const swapped = packMapReplies([
      { type: 'mapDone', id: a, output: output(1) },
      { type: 'mapDone', id: b, output: output(0) },
    ])!;
    worker.reply({ type: 'batch', ...swapped, returned: [] });
    expect(((await maps) as Error).message).toMatch(
      /mapDone\.output\.taskIndex is 1, not 0: the reply for task \d+ holds another task's output/,
    );
    pool.endRun();
  });

  it('a worker crash fails the run with a message, not its stack', async () => {
    const platform = new ScriptedPlatform();
    let die: (e: Error) => void = () => {};
    const spawn = platform.spawn.bind(platform);
    platform.spawn = (onMessage, onError?: (e: Error) => void) => {
      die = onError!;
      return spawn(onMessage);
    };
    const pool = new SandboxPoolCore(platform);
    const loading = pool.load({ fileName: 'job.js', code: '' });
    die(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
    await expect(loading).rejects.toThrow(
      /^job\.js: the sandbox worker running your code crashed \(Worker terminated due to reaching memory limit/,
    );
  });
});
