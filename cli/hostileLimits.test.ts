/**
 * Hostile inputs to the CLI's limits, through the real `main()` in-process: each case must end
 * with the right exit code (2 bad input, 1 the job failed) and one clear line naming the limit
 * and the value — no stack — and must not hang (each case has its own vitest timeout and a small
 * --timeout).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-'));
const job = (name: string, body: string) => writeFileSync(join(dir, name), `export default async (sc) => ${body};\n`);
job('ok.js', 'sc.parallelize([1, 2, 3], 2).count()');
job('p2m.js', 'sc.parallelize([1, 2, 3], 2000000).count()');
job('repart.js', 'sc.parallelize([1, 2, 3], 2).repartition(10000000).count()');
job('repartNaN.js', "sc.parallelize([1, 2, 3], 2).repartition('abc').count()");
job('minparts.js', "sc.textFile('/data/sensors.csv', 1e9).count()");
job('shuffle.js', 'sc.parallelize([[1, 1]], 50000).reduceByKey((a, b) => a + b, 50000).count()');
job('p100k.js', 'sc.parallelize(Array.from({ length: 100000 }, (_, i) => i), 100000).count()');
// The learner's code is quick; the simulation of 1,500,000 tasks is not.
writeFileSync(
  join(dir, 'hugeSim.js'),
  [
    'export default async (sc) => {',
    '  const rdd = sc.parallelize([1, 2, 3], 100000);',
    '  let n = 0;',
    '  for (let i = 0; i < 15; i++) n += await rdd.count();',
    '  return n;',
    '};',
    '',
  ].join('\n'),
);
writeFileSync(
  join(dir, 'manyReduces.js'),
  "export default { kind: 'mapreduce', input: '/big.txt', output: '/o', numReduceTasks: 10000,\n" +
    '  map(offset, line, ctx) { ctx.write(line, 1); },\n  reduce(k, vs, ctx) { ctx.write(k, 1); } };\n',
);
writeFileSync(join(dir, 'big.txt'), 'x\n'.repeat(600_000));
writeFileSync(join(dir, 'huge.txt'), 'x\n'.repeat(26_000_000));
mkdirSync(join(dir, 'adir'));
// Streaming scenarios from the car-GPS example, with absurd sizes or a simulation too long for the budget.
const gps = readFileSync('labs/examples/streaming/car-gps.js', 'utf8');
const scenario = (name: string, from: string, to: string) => {
  expect(gps).toContain(from);
  writeFileSync(join(dir, name), gps.replace(from, to));
};
scenario('partitions.js', 'partitions: 6,', 'partitions: 1e9,');
scenario('rate.js', 'ratePerSec: 200,', 'ratePerSec: 1e21,');
scenario('duration.js', 'durationMs: 60_000,', 'durationMs: 99999999999,');
scenario('records.js', 'ratePerSec: 200,', 'ratePerSec: 100000,');
scenario('spam.js', '  process(record) {', '  process(record) {\n    for (;;) console.log("spam");');
writeFileSync(
  join(dir, 'spamMap.js'),
  "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/o', numReduceTasks: 1,\n" +
    "  map(offset, line, ctx) { while (true) console.log('x'); },\n  reduce(k, vs, ctx) {} };\n",
);
scenario('longSim.js', 'durationMs: 60_000,', 'durationMs: 3_600_000,');
const fifo = join(dir, 'fifo');
const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join(''), err: err.join('') };
}

type Case = [family: string, argv: string[], code: number, message: RegExp];

const CASES: Case[] = [
  // --block-size
  [
    'block size',
    ['run', 'ok.js', '--block-size', '1'],
    2,
    /--block-size: must be between 1 KB and 2 GB, got '1' \(1 B\)/,
  ],
  [
    'block size',
    ['run', 'ok.js', '--block-size', '1B'],
    2,
    /--block-size: must be between 1 KB and 2 GB, got '1B' \(1 B\)/,
  ],
  [
    'block size',
    ['run', 'ok.js', '--block-size', '-5'],
    2,
    /--block-size: expected bytes or a size like 64k, 4m, 1g, got '-5'/,
  ],
  ['block size', ['run', 'ok.js', '--block-size', 'abc'], 2, /--block-size: expected bytes .* got 'abc'/],
  [
    'block size',
    ['run', 'ok.js', '--block-size', '99999999g'],
    2,
    /--block-size: must be between 1 KB and 2 GB, got '99999999g'/,
  ],
  [
    'block size',
    ['run', 'ok.js', '--put', 'huge.txt:/in/h', '--block-size', '1k'],
    2,
    /\/in\/h: the file would have 50,782 blocks, more than the limit of 50,000 blocks per file \(dfs\.namenode\.fs-limits\.max-blocks-per-file\): use a larger block size/,
  ],
  // --nodes
  [
    'nodes',
    ['run', 'ok.js', '--nodes', '99999999999999999999'],
    2,
    /--nodes: must be a whole number from 1 to 1,000, got '99999999999999999999'/,
  ],
  ['nodes', ['run', 'ok.js', '--nodes', '0'], 2, /--nodes: must be a whole number from 1 to 1,000, got '0'/],
  ['nodes', ['run', 'ok.js', '--nodes', '1e9'], 2, /--nodes: must be a whole number from 1 to 1,000, got '1e9'/],
  ['nodes', ['run', 'ok.js', '--nodes', '1001'], 2, /--nodes: must be a whole number from 1 to 1,000, got '1001'/],
  [
    'nodes',
    ['run', 'ok.js', '--cluster', 'huge.json'],
    2,
    /cluster\.racks: at most 1,000 nodes in total, got 1,000,000,000/,
  ],
  // --timeout
  [
    'timeout',
    ['run', 'ok.js', '--timeout', '99999999999'],
    2,
    /--timeout: must be a number of seconds above 0 and at most 3600, got '99999999999'/,
  ],
  [
    'timeout',
    ['run', 'ok.js', '--timeout', '0'],
    2,
    /--timeout: must be a number of seconds above 0 and at most 3600, got '0'/,
  ],
  ['timeout', ['run', 'ok.js', '--timeout', '-1'], 2, /--timeout: must be a number of seconds .* got '-1'/],
  ['timeout', ['run', 'ok.js', '--timeout', 'NaN'], 2, /--timeout: must be a number of seconds .* got 'NaN'/],
  [
    'timeout',
    ['check', 'hdfs-blocks', 'ok.js', '--timeout', '99999999999'],
    2,
    /--timeout: must be a number of seconds .* at most 3600/,
  ],
  [
    'timeout',
    ['stream', 'ok.js', '--timeout', '99999999999'],
    2,
    /--timeout: must be a number of seconds .* at most 3600/,
  ],
  // other numbers
  [
    'numbers',
    ['run', 'ok.js', '--seed', '1e400'],
    2,
    /--seed: must be a whole number from 0 to 4,294,967,295, got '1e400'/,
  ],
  [
    'numbers',
    ['run', 'ok.js', '--workers', '100000'],
    2,
    /--workers: must be a whole number from 1 to 64, got '100000'/,
  ],
  [
    'numbers',
    ['run', 'ok.js', '--fail-node', '1@99999999999999999999'],
    2,
    /--fail-node: the node must be from 1 to 1,000 and MS at most 604,800,000/,
  ],
  [
    'numbers',
    ['run', 'ok.js', '--slow-node', '1@0:1e400'],
    2,
    /--slow-node: expected I@MS:F \(1-based node, simulated ms, times slower\), got '1@0:1e400'/,
  ],
  ['numbers', ['run', 'ok.js', '--slow-node', '1@0:1001'], 2, /--slow-node: F must be from 1 to 1,000, got '1@0:1001'/],
  [
    'numbers',
    ['run', 'ok.js', '--partition-rack', '1@0+999999999999'],
    2,
    /--partition-rack: DUR must be above 0 and at most 604,800,000 ms \(a simulated week\)/,
  ],
  [
    'numbers',
    ['run', 'ok.js', '--partition-rack', '99999@0'],
    2,
    /--partition-rack: the rack must be from 1 to 1,000 and MS at most 604,800,000/,
  ],
  [
    'numbers',
    ['check', 'hdfs-blocks', 'ok.js', '--step', '99999999999999999999'],
    2,
    /--step: must be a whole number from 1 to 1,000/,
  ],
  // files
  [
    'files',
    ['run', 'ok.js', '--put', '/dev/zero:/in/z'],
    2,
    /--put \/dev\/zero: must be a regular file, but it is a character device/,
  ],
  ['files', ['run', 'ok.js', '--put', 'adir:/in/z'], 2, /--put adir: must be a regular file, but it is a directory/],
  ['files', ['run', '/dev/zero'], 2, /job file \/dev\/zero: must be a regular file, but it is a character device/],
  ['files', ['run', 'ok.js', '--cluster', '/dev/zero'], 2, /--cluster \/dev\/zero: must be a regular file/],
  ['files', ['check', 'hdfs-blocks', '/dev/zero'], 2, /file \/dev\/zero: must be a regular file/],
  ['files', ['stream', '/dev/zero.js'], 2, /zero\.js: cannot read/],
  // streaming scenarios
  [
    'stream',
    ['stream', 'partitions.js'],
    2,
    /partitions\.js: topic\.partitions: must be at most 1,000, got 1,000,000,000/,
  ],
  [
    'stream',
    ['stream', 'rate.js'],
    2,
    /rate\.js: producers\[0\]\.ratePerSec: must be at most 100,000, got 1,000,000,000,000,000,000,000/,
  ],
  [
    'stream',
    ['stream', 'duration.js'],
    2,
    /duration\.js: durationMs: must be at most 86,400,000 \(one simulated day\), got 99,999,999,999/,
  ],
  [
    'stream',
    ['stream', 'records.js'],
    2,
    /records\.js: producers: would send 6,000,000 records in durationMs \(ratePerSec × durationMs\), more than the limit of 2,000,000/,
  ],
  [
    'stream',
    ['stream', 'longSim.js', '--timeout', '2'],
    1,
    /longSim\.js: stopped after the 2 s budget \(--timeout 2\)/,
  ],
  // partitions and tasks (the learner's code: exit 1, with the line)
  [
    'partitions',
    ['run', 'p2m.js', '--timeout', '20'],
    1,
    /p2m\.js:1: RangeError: parallelize\(data, numSlices\): 2,000,000 partitions is more than the simulator's limit of 100,000 partitions per RDD/,
  ],
  [
    'partitions',
    ['run', 'repart.js', '--timeout', '20'],
    1,
    /repart\.js:1: RangeError: repartition\(numPartitions\): 10,000,000 partitions is more than .* 100,000/,
  ],
  [
    'partitions',
    ['run', 'repartNaN.js', '--timeout', '20'],
    1,
    /repartNaN\.js:1: RangeError: repartition\(numPartitions\): the number of partitions must be a whole number of at least 1, got abc/,
  ],
  [
    'partitions',
    ['run', 'minparts.js', '--timeout', '20'],
    1,
    /minparts\.js:1: RangeError: textFile\("\/data\/sensors\.csv", minPartitions\): 1,000,000,000 partitions/,
  ],
  [
    'partitions',
    ['run', 'shuffle.js', '--timeout', '20'],
    1,
    /shuffle\.js:1: RangeError: a shuffle from 50,000 to 50,000 partitions makes 2,500,000,000 shuffle blocks, more than the simulator's limit of 4,000,000/,
  ],
  [
    'partitions',
    ['run', 'manyReduces.js', '--put', 'big.txt:/big.txt', '--block-size', '1k', '--timeout', '20'],
    2,
    /numReduceTasks: 1,172 map tasks × 10,000 reduce tasks make 11,720,000 shuffle blocks/,
  ],
  // the budget covers the simulation
  ['budget', ['run', 'p100k.js', '--timeout', '5', '--json'], -1, /^$|ran out of its time budget \(5 s of wall time\)/],
  [
    'budget',
    ['run', 'hugeSim.js', '--timeout', '4', '--json'],
    1,
    /job failed: the job ran out of its time budget \(4 s of wall time\)/,
  ],
];
if (haveFifo)
  CASES.push([
    'files',
    ['run', 'ok.js', '--put', 'fifo:/in/f'],
    2,
    /--put fifo: must be a regular file, but it is a named pipe \(FIFO\)/,
  ]);
writeFileSync(join(dir, 'huge.json'), JSON.stringify({ racks: [{ nodes: 1e9 }] }));

describe('hostile limits through main()', () => {
  const tried = new Map<string, [number, number]>();
  for (const [family, argv, code, message] of CASES) {
    it(`${family}: ${argv.join(' ')}`, { timeout: 30_000 }, async () => {
      const entry = tried.get(family) ?? [0, 0];
      tried.set(family, [entry[0] + 1, entry[1]]);
      const r = await cli(argv);
      // One line, no stack.
      expect(r.err).not.toMatch(/\n\s+at /);
      if (code === -1) {
        // Fast enough to finish, or stopped by the budget: never past it, never a crash.
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) expect(r.err).toMatch(message);
        else expect(JSON.parse(r.out).result).toBe(100000);
      } else {
        expect(r.code, r.err).toBe(code);
        expect(r.err).toMatch(message);
        expect(r.err.trim().split('\n')).toHaveLength(1);
      }
      tried.set(family, [entry[0] + 1, entry[1] + 1]);
    });
  }

  // An endless console.log is stopped at the budget: the learner's output comes first, the verdict last.
  for (const [argv, message] of [
    [['run', 'spamMap.js', '--timeout', '5'], /spamMap\.js line 2 .*time limit for your code (is 5 s|\(5 s\))/],
    [['stream', 'spam.js', '--timeout', '2'], /spam\.js: stopped after the 2 s budget \(--timeout 2\)/],
  ] as const) {
    it(`console flood: ${argv.join(' ')}`, { timeout: 30_000 }, async () => {
      const r = await cli([...argv]);
      expect(r.code).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err.trim().split('\n').at(-1)).toMatch(message);
    });
  }
});
