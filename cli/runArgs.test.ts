import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './runArgs';

const message = (argv: string[]): string => {
  try {
    parseRunArgs(argv);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('clusterlab run arguments', () => {
  it('refuses an option that takes one value given twice, naming both; repeatable ones repeat', () => {
    expect(message(['job.js', '--nodes', '3', '--nodes', '4'])).toBe(
      '--nodes: given 2 times (--nodes 3, then --nodes 4), once is enough',
    );
    expect(message(['job.js', '--seed', '1', '--seed', '2'])).toBe(
      '--seed: given 2 times (--seed 1, then --seed 2), once is enough',
    );
    expect(message(['--timeout', '5', 'job.js', '--timeout', '100'])).toMatch(/^--timeout: given 2 times/);
    expect(message(['job.js', '--cluster', 'classroom', '--cluster', 'two-racks'])).toMatch(/^--cluster: given 2/);
    expect(message(['job.js', '--block-size', '1m', '--block-size', '2m'])).toMatch(/^--block-size: given 2/);
    expect(message(['job.js', '--workers', '1', '--workers', '2'])).toMatch(/^--workers: given 2/);
    // --lang also comes as --lang=LANG: either form counts.
    expect(message(['job.js', '--lang', 'de', '--lang=en'])).toBe(
      '--lang: given 2 times (--lang de, then --lang en), once is enough',
    );
    expect(message(['--lang=de', '--lang', 'de', 'job.js'])).toMatch(/^--lang: given 2 times/);
    expect(message(['--lang=de', '--lang=de', 'job.js'])).toMatch(/^--lang: given 2 times/);
    const repeated = parseRunArgs([
      'job.js',
      ...['--put', 'a.txt:/data/a', '--put', 'b.txt:/data/b'],
      ...['--conf', 'spark.locality.wait=0', '--conf', 'spark.speculation=true'],
      ...['--fail-node', '1@10', '--fail-node', '2@20'],
      ...['--slow-node', '1@0:2', '--slow-node', '1@50:1'],
      ...['--partition-rack', '1@5', '--partition-rack', '1@9+3'],
    ]);
    expect(repeated).toMatchObject({
      puts: [{ dfs: '/data/a' }, { dfs: '/data/b' }],
      failNodes: [{ node: 1 }, { node: 2 }],
      slowNodes: [{ factor: 2 }, { factor: 1 }],
      partitions: [{ atMs: 5 }, { atMs: 9 }],
    });
  });

  it("checks each --put's HDFS path as HDFS does, naming the --put, and refuses one path given twice", () => {
    expect(message(['job.js', '--put', 'x.csv:/data/../in.csv'])).toBe(
      "--put x.csv:/data/../in.csv: a DFS path must not contain '..'",
    );
    expect(message(['job.js', '--put', 'x.csv:/data//in.csv'])).toBe(
      "--put x.csv:/data//in.csv: a DFS path must not contain '//'",
    );
    expect(message(['job.js', '--put', 'x.csv:/'])).toBe(
      '--put x.csv:/: / is the root directory: put the file at a path under it, like /data/in.csv',
    );
    expect(message(['job.js', '--put', `x.csv:/${'d'.repeat(5000)}`])).toMatch(
      /^--put x\.csv:\/d{93}… \(4907 more characters\): a DFS path must be at most 4096 characters$/,
    );
    // A trailing slash names the same file (HDFS drops it).
    expect(message(['job.js', '--put', 'a.csv:/data/in.csv', '--put', 'b.csv:/data/in.csv/'])).toBe(
      '--put: /data/in.csv is given twice (a.csv and b.csv): give each file its own HDFS path',
    );
    // Long names are cut in the message, not repeated whole.
    const long = `/${'d'.repeat(4000)}`;
    expect(message(['job.js', '--put', `${'a'.repeat(3000)}:${long}`, '--put', `in.csv:${long}`])).toBe(
      `--put: /${'d'.repeat(99)}… (3901 more characters) is given twice (${'a'.repeat(100)}… (2900 more characters) and in.csv): give each file its own HDFS path`,
    );
    expect(parseRunArgs(['job.js', '--put', 'a.csv:/data/in/'])).toMatchObject({
      puts: [{ local: 'a.csv', dfs: '/data/in' }],
    });
  });

  it('takes a --seed from 0 to 4,294,967,295, as check, stream and pipeline do', () => {
    const range = 'must be a whole number from 0 to 4,294,967,295';
    expect(message(['job.js', '--seed', '-1'])).toBe(`--seed: ${range}, got '-1'`);
    expect(message(['job.js', '--seed', '-4294967295'])).toBe(`--seed: ${range}, got '-4294967295'`);
    expect(message(['job.js', '--seed', '4294967296'])).toBe(`--seed: ${range}, got '4294967296'`);
    expect(parseRunArgs(['job.js', '--seed', '0'])).toMatchObject({ seed: 0 });
    expect(parseRunArgs(['job.js', '--seed', '4294967295'])).toMatchObject({ seed: 4294967295 });
  });
});
