import { describe, expect, it } from 'vitest';
import { errorToData } from './jobCodeError';

describe('a thrown value that is not an Error', () => {
  it('a string says it was a string and how to get a line (it was shown bare, as if an Error of that message)', () => {
    const data = errorToData('oops a string', 'job.js');
    expect(data.line).toBeNull();
    expect(data.detail).toBe(
      'your code threw the string "oops a string"; throw an Error, e.g. `throw new Error(...)`, to get its line',
    );
  });

  it('a very long string is cut, not carried whole', () => {
    expect(errorToData('x'.repeat(100_000), 'job.js').detail.length).toBeLessThan(2_100);
  });
});
