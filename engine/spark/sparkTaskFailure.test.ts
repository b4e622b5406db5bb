import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { JobFailedError, runJob } from '../api/runJob';
import type { JobRunReport } from '../api/jobTypes';

const runner = createFunctionRunner;

// Line 3 throws for one record (the number 7), in the map before the reduceByKey shuffle.
const BAD = `exports.default = async (sc) =>
  sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => {
    if (x === 7) throw new RangeError('no sevens');
    return [x % 2, x];
  }).reduceByKey((a, b) => a + b).collect();
`;

async function run(code: string): Promise<JobRunReport> {
  const r = runner();
  try {
    return await runJob({ source: { fileName: 'bad.js', code }, runner: r, cluster: 'cookbook-9', seed: 3 });
  } finally {
    await r.close();
  }
}

async function failure(code: string): Promise<JobFailedError> {
  try {
    await run(code);
  } catch (error) {
    if (error instanceof JobFailedError) return error;
    throw error;
  }
  throw new Error('the job did not fail');
}

describe('Spark task failures', () => {
  it('fails every attempt of the task whose code throws, on different executors, then the job', async () => {
    const e = await failure(BAD);
    expect(e.message).toMatch(/^bad\.js:3: RangeError: no sevens \(s\d+\.t3 failed 4 attempts, on /);
    expect(e.cause.message).toBe('bad.js:3: RangeError: no sevens');
    const failed = e.report.attempts.filter((a) => a.status === 'failed');
    expect(failed.map((a) => a.attempt)).toEqual([0, 1, 2, 3]);
    expect(new Set(failed.map((a) => a.executor)).size).toBe(4);
    expect(new Set(failed.map((a) => a.task)).size).toBe(1);
    expect(e.report.metrics.failedAttempts).toBe(4);
    const types = e.report.trace.map((x) => x.type);
    expect(types.filter((t) => t === 'taskFailed').length).toBe(4);
    expect(types).toContain('taskSetAborted');
    expect(types).toContain('jobFailed');
    expect(types).not.toContain('jobFinished');
    // The result stage never ran: its parent stage failed.
    expect(e.report.trace.filter((x) => x.type === 'stageSubmitted').length).toBe(1);
    const again = await failure(BAD);
    expect(JSON.stringify(again.report.trace)).toBe(JSON.stringify(e.report.trace));
  });

  it('lets a driver catch a failed job and go on, as Spark does', async () => {
    const code = `exports.default = async (sc) => {
  const nums = sc.parallelize([1, 2, 3, 4], 2);
  let error = '';
  try {
    await nums.map((x) => { if (x === 4) throw new Error('four'); return x; }).count();
  } catch (e) {
    error = e.name;
  }
  return [error, await nums.count()];
};
`;
    const report = await run(code);
    expect(report.result).toEqual(['SparkJobAbortedError', 4]);
    expect(report.metrics.failedAttempts).toBe(4);
    const types = report.trace.map((x) => x.type);
    expect(types.filter((t) => t === 'jobFailed').length).toBe(1);
    expect(types.filter((t) => t === 'jobFinished').length).toBe(1);
  });

  it('keeps an error in the driver itself a plain code error', async () => {
    await expect(run(`exports.default = async () => {\n  null.x;\n};\n`)).rejects.toThrow(/bad\.js:2: TypeError/);
  });

  it('makes `clusterlab run` exit 1 naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-spark-'));
    const file = join(dir, 'bad.js');
    writeFileSync(file, BAD.replace('exports.default =', 'export default'));
    const r = spawnSync(process.execPath, ['scripts/clusterlab.mjs', 'run', file, '--nodes', '3'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/job failed: .*bad\.js:3: RangeError: no sevens .*failed 4 attempts/);
  });
});
