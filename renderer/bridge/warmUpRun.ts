/**
 * A small word count that the engine worker runs once, when a page with an editor opens and the
 * sandbox warms up: it starts the sandbox's workers and takes the engine's and the workers' code
 * through a whole run once, so the learner's first Run does not pay for that first pass (the
 * JavaScript engine compiles hot code on its first runs). Nothing of it reaches the page: no
 * progress, no console, and its result is dropped.
 */
import { runJob } from '../../engine/api';
import { encodeUtf8 } from '../../engine/core';
import type { SandboxPoolCore } from '../../engine/sandbox';
import { compileJobSource } from '../../engine/sandbox/compile';

const WARM_UP_JOB = `export default {
  kind: 'mapreduce',
  input: '/warm-up/words.txt',
  output: '/warm-up/counts',
  numReduceTasks: 2,
  map(offset, line, ctx) { for (const w of line.split(' ')) if (w) ctx.write(w, 1); },
  combine(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
};
`;

/** About 30 map tasks of 256 bytes on 10 nodes: a few hundred ms the first time, less after. */
const WORDS = Array.from({ length: 600 }, (_, i) => `w${i % 37} w${i % 11} w${i % 5}`).join('\n') + '\n';

/** Runs the warm-up job on `pool`; never throws (a failed warm-up only leaves the first run colder). */
export async function warmUpRun(pool: SandboxPoolCore): Promise<void> {
  try {
    await runJob({
      source: compileJobSource(WARM_UP_JOB, 'warm-up.js'),
      runner: pool,
      cluster: 10,
      seed: 1,
      blockSize: 256,
      files: [{ path: '/warm-up/words.txt', bytes: encodeUtf8(WORDS) }],
      sampleData: false,
      outputText: true,
    });
  } catch {
    // Nothing to tell: the learner did not ask for this run.
  }
}
