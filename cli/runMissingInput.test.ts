// A job whose input is not in HDFS is bad input (exit 2, the path named), for Spark as for MapReduce.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(code: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-input-'));
  const job = join(dir, 'job.js');
  writeFileSync(job, code);
  return spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', job], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('clusterlab run with a missing input path', () => {
  it('exits 2 naming the path for a Spark job', () => {
    const r = run("export default async (sc) => sc.textFile('/nope/missing.txt').count();\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/nope/missing.txt');
  });
  it('exits 2 naming the path for a MapReduce job', () => {
    const r = run(
      "export default { kind: 'mapreduce', input: '/nope/missing.csv', output: '/out/x', map(o, l, ctx) { ctx.write(l, 1) }, reduce(k, v, ctx) { ctx.write(k, [...v].length) } };\n",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/nope/missing.csv');
  });
});
