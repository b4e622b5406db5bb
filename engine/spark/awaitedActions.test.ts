/**
 * An action the driver never awaits fails the run at the line that called it (awaitedActions.ts):
 * it used to end the driver with `undefined` or "[object Promise]1", no job, no file, no error.
 */
import { describe, expect, it } from 'vitest';
import type { SparkCounters } from './sparkCounters';
import { JobCodeError } from '../sandbox/contract/jobCodeError';
import { driverFailure, runDriver } from './__tests__/driverRun';

/** The driver's body starts at line 2 of job.js; the run fails with the learner's error. */
async function failure(body: string): Promise<JobCodeError> {
  const error = await driverFailure(body);
  expect(error).toBeInstanceOf(JobCodeError);
  return error as JobCodeError;
}

const run = runDriver;

const NEVER_AWAITED = /was called but never awaited: the driver never used its result/;

describe('an action the driver never awaits', () => {
  it('fails the run at the line that called it, whatever the driver did with its Promise', async () => {
    const plus = await failure(`const rdd = sc.parallelize([1, 2, 3]);\nconst n = rdd.count();\nreturn n + 1;`);
    expect(plus.line).toBe(3);
    expect(plus.message).toMatch(/^job\.js:3: rdd\.count\(\) was called but never awaited/);
    expect(plus.message).toMatch(/write `await rdd\.count\(\.\.\.\)`$/);
    const length = await failure(`return sc.parallelize(['a', 'b']).collect().length;`);
    expect(length.message).toMatch(/^job\.js:2: rdd\.collect\(\) was called/);
    // A file never written, and nothing said it: the first action never awaited is named.
    const save = await failure(
      `const rdd = sc.parallelize([1]);\nrdd.saveAsTextFile('/out/x');\nrdd.count();\nreturn 'done';`,
    );
    expect(save.message).toMatch(/^job\.js:3: rdd\.saveAsTextFile\(\) was called/);
    // Inside a list the driver returns: the action is named, not "a Promise".
    expect((await failure(`return [sc.parallelize([1]).first()];`)).message).toMatch(NEVER_AWAITED);
  });

  it("does the same for a DataFrame's actions", async () => {
    const code = (body: string) => ({
      source: { fileName: 'job.js', code: `exports.default = async (sc, spark) => {\n${body}\n};` },
    });
    const frame = `const df = spark.createDataFrame([{ a: 1 }, { a: 2 }]);`;
    const count = await driverFailure('', code(`${frame}\nconst n = df.count();\nreturn n + 1;`));
    expect(count.message).toMatch(/^job\.js:3: df\.count\(\) was called but never awaited/);
    expect(count.message).toMatch(/write `await df\.count\(\.\.\.\)`$/);
    const show = await driverFailure('', code(`${frame}\n\ndf.show();\nreturn 1;`));
    expect(show.message).toMatch(/^job\.js:4: df\.show\(\) was called/);
    const taken = `${frame}\nawait df.show();\nconst [first, head] = await Promise.all([df.first(), df.head(1)]);\nreturn [(await df.collect()).length, await df.count(), (await df.take(1)).length, first, head];`;
    expect((await runDriver('', code(taken))).result).toEqual([2, 2, 1, { a: 1 }, [{ a: 1 }]]);
  });

  it("runs an action taken but not awaited to its end, its callbacks too, before the run's jobs are read", async () => {
    // Read from HDFS: the input comes through the host, so the driver ends long before the job could.
    const files = [{ path: '/in/w.txt', bytes: new TextEncoder().encode('a b\nb c\n') }];
    const saved = await runDriver(
      `const words = sc.textFile('/in/w.txt').flatMap((l) => l.split(' '));\nconst seen = [];\nwords.saveAsTextFile('/out/w').then(() => seen.push('saved'));\nwords.count().then((n) => seen.push(n), () => seen.push('failed'));\nreturn seen;`,
      { files },
    );
    expect(saved.outputs!.map((f) => f.path)).toContain('/out/w/_SUCCESS');
    // The driver's result is read once its actions have ended: the list it returned, filled by then.
    expect(saved.result).toEqual(['saved', 4]);
    expect((saved.metrics.counters as SparkCounters).STAGES_RUN).toBeGreaterThanOrEqual(2);
    // An action a callback starts after the driver's end is waited for too, and is held to the same rule.
    const late = await driverFailure(
      `const rdd = sc.textFile('/in/w.txt');\nrdd.count().then(() => {\n  rdd.saveAsTextFile('/out/late');\n});\nreturn 1;`,
      { files },
    );
    expect(late.message).toMatch(/^job\.js:4: rdd\.saveAsTextFile\(\) was called but never awaited/);
  });

  it('refuses a DataFrame action inside a task, as an RDD action is (SPARK-5063)', async () => {
    const inTask = await driverFailure('', {
      source: {
        fileName: 'job.js',
        code: `exports.default = async (sc, spark) => {\nconst df = spark.createDataFrame([{ a: 1 }]);\nreturn sc.parallelize([1, 2]).map((x) => { df.count(); return x; }).collect();\n};`,
      },
    });
    expect(inTask.message).toMatch(/DataFrame\.count was called inside a task: .*\(SPARK-5063\)/);
    expect(inTask.message).not.toMatch(/never awaited/);
  });

  it('names the action, not its failing task, and leaves no unhandled rejection', async () => {
    const seen: unknown[] = [];
    const onRejection = (reason: unknown) => seen.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const error = await failure(`sc.parallelize([1]).map((x) => x.y.z).count();\nreturn 1;`);
      expect(error.line).toBe(2);
      expect(error.message).toMatch(NEVER_AWAITED);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(seen).toEqual([]);
  });

  it('counts every way of taking a result: await, then, catch, finally, Promise.all, returning it', async () => {
    const body = [
      `const rdd = sc.parallelize([1, 2, 3, 4]);`,
      `const a = await rdd.count();`,
      `const b = await rdd.map((x) => x * 2).collect().then((xs) => xs.length);`,
      `const [c, d] = await Promise.all([rdd.first(), rdd.take(2)]);`,
      `await rdd.count().catch(() => 0);`,
      `await rdd.count().finally(() => {});`,
      `const failed = await rdd.map((x) => x.y.z).count().catch((e) => e.name);`,
      `const p = rdd.sum();`,
      `return { a, b, c, d, failed, sum: await p, last: await rdd.max() };`,
    ].join('\n');
    expect((await run(body)).result).toEqual({
      a: 4,
      b: 4,
      c: 1,
      d: [1, 2],
      failed: 'SparkJobAbortedError',
      sum: 10,
      last: 4,
    });
    // An async driver may return the action itself: it is awaited for it.
    expect((await run(`return sc.parallelize([5, 6]).count();`)).result).toBe(2);
  });
});
