import { describe, expect, it } from 'vitest';
import { errorToData, findLine } from './jobCodeError';

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

describe("the learner's line in a stack", () => {
  it("is their file's, not an engine file whose name ends the same (job D.mjs, chunk-3D.mjs)", () => {
    const stack = [
      'InputPathError: sc.textFile: Input path does not exist',
      '    at resolve (file:///app/node_modules/.cache/clusterlab/chunks/chunk-3D.mjs:729:11)',
      '    at Runtime.textFile (/app/engine/spark/sparkRuntime.ts:81:5)',
      '    at job (D.mjs:2:13)',
    ].join('\n');
    expect(findLine(stack, 'D.mjs')).toBe(2);
    expect(findLine(stack, 'Runtime.ts')).toBeNull();
    expect(findLine(stack, 'e.ts')).toBeNull();
    // Each way a frame names the file: after a folder, "(", "at ", Firefox's "@", or alone.
    for (const frame of [
      'at /home/me/D.mjs:7:1',
      'at f (D.mjs:7:1)',
      'at D.mjs:7:1',
      'f@D.mjs:7:1',
      'D.mjs:7:1',
      'at C:\\me\\D.mjs:7:1',
    ])
      expect(findLine(frame, 'D.mjs')).toBe(7);
  });
});
