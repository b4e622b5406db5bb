import { describe, expect, it } from 'vitest';
import { JobFailedError } from '../api/jobFailedError';
import { driverFailure, runDriver } from './__tests__/driverRun';
import { elementText } from './elementText';

const run = runDriver;
const failure = driverFailure;

describe("saveAsTextFile writes each element's toString, as Spark does", () => {
  it('pairs as Scala tuples (1,a), nested tuples (a,(1,2)), numbers and booleans as Java prints them', async () => {
    const report = await run(
      `await sc.parallelize([[1, 'a'], ['a', [1, 2]], ['x', 'y', 'z'], 'plain', 3, 0.5, 1e-7, true, [null, 2.5], { k: 1 }], 1).saveAsTextFile('/out/t');
return sc.textFile('/out/t').collect();`,
    );
    expect(report.result).toEqual([
      '(1,a)',
      '(a,(1,2))',
      '(x,y,z)',
      'plain',
      '3',
      '0.5',
      '1.0E-7',
      'true',
      '(null,2.5)',
      '{"k":1}',
    ]);
  });

  it("reduceByKey's counts read back as Spark writes them: (word,count)", async () => {
    const report = await run(
      `await sc.parallelize(['b', 'a', 'b'], 2).map((w) => [w, 1]).reduceByKey((x, y) => x + y, 1).sortByKey().saveAsTextFile('/out/c');
return sc.textFile('/out/c').collect();`,
    );
    expect(report.result).toEqual(['(a,1)', '(b,2)']);
  });

  it('a null element fails its task with a NullPointerException naming the path, the partition and the element', async () => {
    const error = await failure(
      `const data = sc.parallelize(['a', 'b', null, 'c'], 2);
await data.saveAsTextFile('/out/n');
return 1;`,
    );
    // The task fails every attempt and the job aborts, at the learner's saveAsTextFile line.
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.message).toMatch(
      /job\.js:3: NullPointerException: saveAsTextFile\("\/out\/n"\): element 0 of partition 1 is null, written to \/out\/n\/part-00001/,
    );
  });

  it('an undefined element (a map callback that returns nothing) fails too, with the hint', async () => {
    const error = await failure(`await sc.parallelize([1, 2], 1).map((x) => { x * 2; }).saveAsTextFile('/out/u');`);
    expect(error.message).toMatch(/element 0 of partition 0 is undefined.*needs `return`/);
  });

  it('pipe hands the program the same text', async () => {
    const report = await run(`return sc.parallelize([[1, 'a'], null], 1).pipe('cat').collect();`);
    expect(report.result).toEqual(['(1,a)', 'null']);
  });
});

describe('elementText', () => {
  it('refuses a tuple that contains itself, in the learner\u2019s terms', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(() => elementText(a)).toThrow(/refers to itself/);
    expect(elementText([1, [2, [3, 'x']]])).toBe('(1,(2,(3,x)))');
    expect(elementText(2 ** 60)).toBe('1.152921504606847E18');
    expect(elementText(-3)).toBe('-3');
  });
});
