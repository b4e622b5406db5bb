// The pool's runs, on a controllable clock: fake workers run the real task executor in-process,
// timers fire only when the test moves the clock, and a worker can be told to hang on map tasks
// (an endless loop the guard does not see) so only the hard budget can stop it.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { JobTimeoutError, RunStoppedError, RunawayLoopError } from './contract/jobCodeError';
import { createFunctionRunner } from './inProcessRunner';
import { PIPELINE } from './mapBatches';
import { SandboxPoolCore, type PoolProgress } from './sandboxPoolCore';
import { FakePlatform, JOB, RUNAWAY, runOn, settle, words } from './__tests__/fakePlatform';

describe('SandboxPoolCore runs', () => {
  it('sends small map tasks in batches shared fairly between workers, pipelined within PIPELINE, with the same result as one worker', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = null;
    const report = await runOn(new SandboxPoolCore(platform), JOB, 64);
    const maps = report.metrics.tasks - 2;
    expect(maps).toBeGreaterThan(40);
    // Every map task went, in fewer messages than tasks, none of them more than a fair share.
    expect(platform.batches.reduce((a, b) => a + b, 0)).toBe(maps);
    expect(platform.batches.length).toBeLessThan(maps / 4);
    expect(Math.max(...platform.batches)).toBeLessThanOrEqual(Math.ceil(maps / 4));
    expect(platform.maxMapsInFlight).toBeLessThanOrEqual(PIPELINE.tasks);
    const alone = await runOn(createFunctionRunner(), JOB, 64);
    expect(report.result).toEqual(alone.result);
    expect(report.simulatedMs).toBe(alone.simulatedMs);
  });

  it('copies a batch’s bytes into one transferred buffer, or sends its tasks as views where only a view’s bytes cross', async () => {
    const copying = new FakePlatform();
    copying.timeoutSeconds = null;
    const copied = await runOn(new SandboxPoolCore(copying), JOB, 64);
    // Each batch: one new buffer holding exactly its tasks' bytes, transferred.
    for (const b of copying.batchBuffers) expect(b).toMatchObject({ buffers: 1, transferred: 1 });
    expect(copying.batchBuffers.reduce((a, b) => a + b.bytes, 0)).toBe(words.length);
    const viewing = new FakePlatform();
    viewing.timeoutSeconds = null;
    viewing.sendsViewBytesOnly = true;
    const viewed = await runOn(new SandboxPoolCore(viewing), JOB, 64);
    // The tasks' bytes are views of the file (the one buffer under them all), nothing transferred.
    for (const b of viewing.batchBuffers) expect(b).toEqual({ bytes: words.length, buffers: 1, transferred: 0 });
    expect(viewed.result).toEqual(copied.result);
    expect(viewed.simulatedMs).toBe(copied.simulatedMs);
  });

  it('pipelines each job of a chain by what its own outputs have been', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = null;
    const chain = `exports.default = [
  { kind: 'mapreduce', input: '/in/words.txt', output: '/out/a', numReduceTasks: 1,
    map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); }, reduce(k, vs, ctx) { ctx.write(k, [...vs].length); } },
  { kind: 'mapreduce', input: '/in/words.txt', output: '/out/b', numReduceTasks: 1,
    map(offset, line, ctx) { ctx.write(offset, line.repeat(offset < 128 ? 100_000 : 1)); }, reduce(k, vs, ctx) { for (const v of vs) ctx.write(k, v.length); } },
];`;
    const report = await runOn(new SandboxPoolCore(platform), chain, 128);
    expect(report.result).toEqual((await runOn(createFunctionRunner(), chain, 128)).result);
    // The first job was pipelined once its outputs were seen to be small; the second job's first
    // output is big (12 MB): its worker gave the rest of its batch back, and that job went one task
    // at a time from then on.
    const maps = Math.ceil(words.length / 128);
    expect(platform.maxInFlightByJob.get(0)!).toBeGreaterThan(Math.ceil(maps / 4));
    expect(platform.batches.at(-1)).toBe(1);
    expect(platform.batches.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * maps);
  });

  it('warm() starts the workers ahead of the first run, which then uses them', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    pool.warm();
    pool.warm();
    expect(platform.spawned).toBe(2);
    const report = await runOn(pool);
    expect((report.result as unknown[]).length).toBeGreaterThan(0);
    expect(platform.spawned).toBe(2);
  });

  it('gives back the tasks of a batch whose outputs pile up, then sends map tasks one at a time', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = null;
    // Every line of words.txt becomes a 180 KB value: about 2.5 MB of output per 128-byte block.
    const heavy = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/n', numReduceTasks: 1,
  map(offset, line, ctx) { ctx.write(offset, line.repeat(20_000)); }, reduce(k, vs, ctx) { for (const v of vs) ctx.write(k, v.length); } };`;
    const report = await runOn(new SandboxPoolCore(platform), heavy, 128);
    const alone = await runOn(createFunctionRunner(), heavy, 128);
    expect(report.result).toEqual(alone.result);
    // The first batch held several tasks; once outputs were seen to be big, one task per message.
    expect(platform.batches[0]).toBeGreaterThan(1);
    // Some tasks were given back and sent again.
    expect(platform.batches.reduce((a, b) => a + b, 0)).toBeGreaterThan(report.metrics.tasks - 1);
    expect(platform.batches.slice(2).every((n) => n === 1)).toBe(true);
    expect(platform.maxMapsInFlight).toBeLessThanOrEqual(platform.batches[0]!);
  });

  it('pipelines big map tasks only as far as PIPELINE.bytes allows', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = null;
    const line = 'x'.repeat(1023) + '\n';
    const big = encodeUtf8(line.repeat(6 * 1024)); // 6 MB: four 1.5 MB blocks on two workers
    const quiet = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/n', numReduceTasks: 1,
  map(offset, line, ctx) {}, reduce(k, vs, ctx) {} };`;
    await runOn(new SandboxPoolCore(platform), quiet, 1.5 * 1024 * 1024, big);
    expect(platform.maxMapsInFlight).toBe(2);
    expect(platform.maxBytesInFlight).toBeLessThanOrEqual(PIPELINE.bytes);
  });

  it('gives each run its own budget: idling past it does not fail the next run', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    const first = await runOn(pool);
    expect(platform.activeTimers).toBe(0);
    platform.advance(21_000); // read the instructions for 21 s
    const second = await runOn(pool);
    expect(second.result).toEqual(first.result);
    expect((first.result as unknown[]).length).toBe(7);
  });

  it('starts workers without DuckDB, and those with it from the first job that names sql on, where the platform keeps them apart', async () => {
    const platform = new FakePlatform();
    platform.sqlWorkersApart = true;
    const pool = new SandboxPoolCore(platform);
    pool.warm();
    await runOn(pool);
    expect(platform.kinds).toEqual([false, false]);
    // The word in a comment is enough: the workers are replaced before the job loads.
    await runOn(pool, `// counts words, no sql yet\n${JOB}`);
    expect(platform.kinds).toEqual([false, false, true, true]);
    expect(platform.live).toBe(2);
    // Workers with DuckDB run every later job: no more are started.
    await runOn(pool);
    await runOn(pool, `// sql\n${JOB}`);
    expect(platform.kinds).toEqual([false, false, true, true]);
    expect(pool.liveWorkers).toBe(2);

    // Warmed for a page whose code names sql: those workers at once, kept by the first run.
    const warmedForSql = new FakePlatform();
    warmedForSql.sqlWorkersApart = true;
    const sqlPool = new SandboxPoolCore(warmedForSql);
    sqlPool.warm(true);
    await runOn(sqlPool, `// sql\n${JOB}`);
    await runOn(sqlPool);
    expect(warmedForSql.kinds).toEqual([true, true]);

    const together = new FakePlatform();
    const samePool = new SandboxPoolCore(together);
    await runOn(samePool, `// sql\n${JOB}`);
    await runOn(samePool);
    expect(together.kinds).toEqual([false, false]);
  });

  it('keeps the number of live workers constant over 100 runs', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    await runOn(pool);
    const afterFirst = platform.live;
    expect(afterFirst).toBe(platform.size);
    for (let i = 0; i < 99; i++) {
      await runOn(pool);
      platform.advance(5_000);
    }
    expect(platform.live).toBe(afterFirst);
    expect(pool.liveWorkers).toBe(afterFirst);
    expect(platform.spawned).toBe(afterFirst);
    await pool.close();
    expect(platform.live).toBe(0);
  });

  it('a run that times out does not poison the next one', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = 3;
    const pool = new SandboxPoolCore(platform);
    platform.hang = true;
    const hung = runOn(pool);
    await settle();
    platform.advance(3_000);
    await expect(hung).rejects.toBeInstanceOf(JobTimeoutError);
    expect(platform.live).toBe(0);
    platform.hang = false;
    const next = await runOn(pool);
    expect((next.result as unknown[]).length).toBe(7);
    expect(platform.live).toBe(platform.size);
    platform.advance(10_000);
    await expect(runOn(pool)).resolves.toBeTruthy();
  });

  it('names the loop that was running when the hard limit struck, if its guard reported it lately', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = 3;
    const pool = new SandboxPoolCore(platform);
    platform.hang = true;
    platform.hangInLoopAt = 9;
    const hung = runOn(pool).catch((e: unknown) => e);
    await settle();
    platform.advance(3_000);
    const error = await hung;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect((error as JobTimeoutError).loop).toEqual({ fileName: 'count.js', line: 9 });
    expect((error as Error).message).toMatch(/^Your loop at count\.js line 9 was still running when the time limit/);
  });

  it('says the sandbox was still starting when no worker had begun the load by the limit', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = 3;
    const pool = new SandboxPoolCore(platform);
    platform.neverStart = true;
    const hung = runOn(pool).catch((e: unknown) => e);
    await settle();
    platform.advance(3_000);
    const error = await hung;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect((error as JobTimeoutError).starting).toBe(true);
    expect((error as Error).message).toMatch(
      /^the sandbox was still starting when the time limit \(3 s\) ran out, so none of your code ran/,
    );
    platform.neverStart = false;
    platform.hang = true;
    const late = runOn(pool).catch((e: unknown) => e);
    await settle();
    platform.advance(3_000);
    expect(((await late) as JobTimeoutError).starting).toBe(false);
  });

  it('stop() ends the current run at once, and the next run works', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    platform.hang = true;
    const hung = runOn(pool);
    await settle();
    pool.stop();
    await expect(hung).rejects.toBeInstanceOf(RunStoppedError);
    expect(platform.live).toBe(0);
    expect(platform.activeTimers).toBe(0);
    platform.hang = false;
    await expect(runOn(pool)).resolves.toBeTruthy();
  });

  it('the loop guard stops a runaway loop before the budget, with its line', async () => {
    const platform = new FakePlatform();
    platform.timeoutSeconds = 20;
    platform.workerMsPerLook = 1;
    const pool = new SandboxPoolCore(platform);
    const error = await runOn(pool, RUNAWAY).catch((e: unknown) => e);
    // The run ends at once (every attempt would loop again), with the loop's line.
    expect(error).toBeInstanceOf(RunawayLoopError);
    expect((error as RunawayLoopError).message).toMatch(
      /^Your loop at count\.js line 2 has been running for 19(\.\d)? s \(the time limit for your code is 20 s\) — does its condition ever become false\?$/,
    );
    platform.workerMsPerLook = 0;
    await expect(runOn(pool)).resolves.toBeTruthy();
  });

  it('reports tasks done of total while a run computes', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    const seen: PoolProgress[] = [];
    pool.onProgress = (p) => seen.push(p);
    await runOn(pool);
    const maps = seen.filter((p) => p.phase === 'map');
    const total = Math.max(...maps.map((p) => p.total));
    expect(total).toBeGreaterThan(1);
    // All map tasks are handed out at once: the first count already has the total.
    expect(maps[0]).toEqual({ phase: 'map', done: 0, total, idle: false });
    expect(maps.at(-1)).toEqual({ phase: 'map', done: total, total, idle: true });
    expect(seen.filter((p) => p.phase === 'reduce').at(-1)).toEqual({ phase: 'reduce', done: 2, total: 2, idle: true });
  });

  it('reports a Spark driver’s partitions done of total, per Spark job', async () => {
    const platform = new FakePlatform();
    const pool = new SandboxPoolCore(platform);
    const seen: PoolProgress[] = [];
    pool.onProgress = (p) => seen.push(p);
    const spark = `exports.default = async (sc) => {
  const words = sc.textFile('/in/words.txt').flatMap((l) => l.split(' '));
  await words.count();
  return await words.map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3).collect();
};`;
    await runOn(pool, spark);
    const jobs = [...new Set(seen.filter((p) => p.job).map((p) => p.job))];
    expect(jobs).toEqual(['job 0 (count at line 3)', 'job 1 (collect at line 4)']);
    const last = seen.filter((p) => p.job === 'job 1 (collect at line 4)').at(-1)!;
    expect(last).toMatchObject({ phase: 'spark', done: 3, total: 3 });
  });
});
