import { describe, expect, it } from 'vitest';
import { keyClassCheck } from './mapOutputKeyClass';

describe("a map task's key class (Hadoop's Type mismatch in key from map)", () => {
  it('lets keys of one class through: numbers of every size count as one, arrays are Text as strings are', () => {
    const numbers = keyClassCheck();
    for (const k of [1, 2.5, 2 ** 40, -0, Number.NaN, 10n]) numbers(k);
    const text = keyClassCheck();
    for (const k of ['a', ['x', 1], { a: 1 }, '']) text(k);
  });
  it('fails the task at the first key of another class, naming both keys', () => {
    const check = keyClassCheck();
    check('2016-05-01');
    expect(() => check(2016)).toThrow(
      /^Type mismatch in key from map: expected Text \(a string\), as the task's first key "2016-05-01", received a number Writable .*: the key 2016\./,
    );
    const nulls = keyClassCheck();
    nulls(null);
    expect(() => nulls(true)).toThrow(/expected NullWritable \(null\).* received BooleanWritable \(a boolean\)/);
  });
});
