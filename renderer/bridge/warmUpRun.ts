/**
 * A small word count that the engine worker runs when a page with an editor opens and the
 * sandbox warms up: it starts the sandbox's workers and takes the engine's and the workers' code
 * through whole runs, so the learner's first Run does not pay for that first pass (the
 * JavaScript engine compiles hot code on its first runs, and optimises it after many). Its map
 * splits lines with a regular expression, as the examples do (the compiler's split helper,
 * engine/sandbox/regexpSplit.ts, is then warm too). After four rounds it makes the sample datasets
 * (engine/datasets), which a run would otherwise wait for, and packs each round's report as a run's
 * is packed for the page (reportParts.ts; cold, that took 200-250 ms of the first run), handing the
 * packed parts to `onPart` (the engine worker posts them; the page unpacks them, 120 ms cold) and
 * the rest of the report to `onReport` (the page's views make their pictures from the whole report
 * and drop it: warmUpViews.ts). Nothing else of it reaches the page: no progress, no console.
 */
import { runJob, type JobRunReport } from '../../engine/api';
import { encodeUtf8 } from '../../engine/core';
import { prepareBuiltinDatasets } from '../../engine/datasets';
import type { SandboxPoolCore } from '../../engine/sandbox';
import { compileJobSource } from '../../engine/sandbox/compile';
import { packRows, type PackedRows } from './packedRows';
import { PARTED_LISTS, PART_ITEMS, type PartedList } from './reportParts';

const WARM_UP_JOB = `export default {
  kind: 'mapreduce',
  input: '/warm-up/words.txt',
  output: '/warm-up/counts',
  numReduceTasks: 2,
  map(offset, line, ctx) { for (const w of line.split(/\\s+/)) if (w) ctx.write(w, 1); },
  combine(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
};
`;

/**
 * Each round: about 240 map tasks of 256 bytes on 20 nodes, about 90 ms on a slow two-core
 * machine, so a Run pressed meanwhile waits little. 32 rounds, about as many map tasks as the
 * sandbox's largest example: V8 compiles a function again, faster, each time it has run enough
 * (Ignition, Sparkplug, Maglev, then TurboFan), and four rounds took the code every map task, record
 * and simulated event goes through only to Maglev. The 100-node example's first run after the
 * warm-up then took 1.7 s and 2.9 s of CPU, a rerun 1.1 s; after 32 rounds the first takes 1.3 s and
 * 2.3 s of CPU (16 rounds: 1.45 s; 64: no better than 32). The warm-up runs once per page, on cores
 * the learner's reading leaves idle: about 3 s on that machine.
 */
const WORDS = Array.from({ length: 5_000 }, (_, i) => `w${(i * 7) % 211} w${i % 97} w${i % 13}`).join('\n') + '\n';
export const WARM_UP_ROUNDS = 32;

/** The sample datasets are made after this many rounds (then the rounds go on). */
const DATASETS_AFTER_ROUNDS = 4;

/** Makes the sample datasets one at a time, then the worker reads its messages: a Run pressed meanwhile is seen. */
async function prepareDatasets(wanted: () => boolean): Promise<void> {
  while (!wanted() && prepareBuiltinDatasets(once()) > 0) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A stop signal that lets one thing through: false the first time it is asked, true after. */
function once(): () => boolean {
  let asked = false;
  return () => {
    const stop = asked;
    asked = true;
    return stop;
  };
}

/**
 * Runs the warm-up job on `pool`, round after round until WARM_UP_ROUNDS or until `wanted()` says
 * a run is waiting, each round's report packed and handed to `onPart` and `onReport`, making the
 * sample datasets after DATASETS_AFTER_ROUNDS rounds (one at a time, while no run waits); never
 * throws (a failed warm-up only leaves the first run colder).
 */
export async function warmUpRun(
  pool: SandboxPoolCore,
  wanted: () => boolean = () => false,
  onPart: (list: PartedList, items: PackedRows, transfer: ArrayBuffer[]) => void = () => {},
  onReport: (rest: JobRunReport) => void = () => {},
): Promise<number> {
  const source = compileJobSource(WARM_UP_JOB, 'warm-up.js');
  const bytes = encodeUtf8(WORDS);
  let rounds = 0;
  try {
    while (rounds < WARM_UP_ROUNDS && !wanted()) {
      rounds++;
      const report = await runJob({
        source,
        runner: pool,
        cluster: 20,
        seed: rounds,
        blockSize: 256,
        files: [{ path: '/warm-up/words.txt', bytes }],
        sampleData: false,
        outputText: true,
        // As the sandbox's runs are made (engineWorker.ts): the page plays a run from its trace.
        snapshots: { film: false },
      });
      // A run's report goes to the page packed (reportParts.ts): packing, and the page's unpacking, are warmed too.
      for (const list of PARTED_LISTS) {
        const packed = packRows(report[list].slice(0, PART_ITEMS));
        if (packed) onPart(list, packed.packed, packed.transfer);
      }
      // And the rest of it, as a run's report follows its parts: the page's views make their pictures from it.
      onReport({ ...report, trace: [], attempts: [] });
      // The datasets early, so a Run pressed during the later rounds does not make its own.
      if (rounds === DATASETS_AFTER_ROUNDS) await prepareDatasets(wanted);
    }
    await prepareDatasets(wanted);
  } catch {
    // Nothing to tell: the learner did not ask for this run.
  }
  return rounds;
}
