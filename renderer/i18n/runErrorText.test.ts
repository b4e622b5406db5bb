/**
 * The German page shows in German the engine's errors a lab's German text promises, read from real
 * failed runs (so a change to the engine's wording shows here), and leaves other errors alone.
 */
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../engine/core';
import { runJob } from '../../engine/api';
import { createFunctionRunner } from '../../engine/sandbox';
import { runErrorText } from './runErrorText';

async function failure(reduce: string): Promise<string> {
  const code = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/t',
  map(o, line, ctx) { ctx.write('k', 1); },
  reduce(k, values, ctx) {
${reduce}
  } };`;
  const runner = createFunctionRunner();
  try {
    await runJob({
      source: { fileName: 'job.js', code },
      runner,
      cluster: 'cookbook-9',
      seed: 5,
      sampleData: false,
      files: [{ path: '/in/w.txt', bytes: encodeUtf8('a\nb\nc\n') }],
    });
    return '';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await runner.close();
  }
}

/** English words none of the German messages keep (code such as `const list = [...values]` aside). */
const ENGLISH = /\b(the|were|walked|given|second|they|are|not|failed|attempts?|copy|first|with)\b/;

describe('runErrorText', () => {
  it('says in German that reduce walked its values twice, and where the task failed', async () => {
    const message = await failure(
      '    let n = 0;\n    for (const v of values) n += v;\n    for (const v of values) n += v;',
    );
    expect(message).toMatch(/walked a second time/);
    const german = runErrorText(message, 'de');
    expect(german).toMatch(/^job\.js:\d+: Error: die Werte, die reduce bekam, wurden ein zweites Mal durchlaufen/);
    expect(german).toMatch(/\(task_\S+ scheiterte in 4 Versuchen, auf n\d+(, n\d+){3}\)$/);
    expect(german.replace(/const list = \[\.\.\.values\]/, '')).not.toMatch(ENGLISH);
    expect(runErrorText(message, 'en')).toBe(message);
  }, 60_000);

  it('says in German that the values are an Iterable, not an array', async () => {
    const message = await failure('    ctx.write(k, values.length);');
    expect(message).toMatch(/not an array/);
    const german = runErrorText(message, 'de');
    expect(german).toContain(
      'sind ein Iterable wie in Hadoop (reduce(key, Iterable<VALUEIN> values, context)), kein Array',
    );
    expect(german.replace(/const list = \[\.\.\.values\]|for \(const v of values\)|values\.length/g, '')).not.toMatch(
      ENGLISH,
    );
  }, 60_000);

  it('leaves the learner’s own errors as they are', () => {
    const own = "job.js:3: TypeError: Cannot read properties of undefined (reading 'split')";
    expect(runErrorText(own, 'de')).toBe(own);
  });
});
