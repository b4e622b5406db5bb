/**
 * Step 1's per-student variant (labs/variant.ts): a student's readings are the lab's file with the
 * nine sensors' names shuffled and every tenth digit drawn anew, from their seed (a whole number
 * stays whole). Each line keeps its length, so the file's blocks, where they lie and what each task
 * reads are the lab's: the locality and network figures and the times step 1's text states hold,
 * while the means and highest readings per sensor are the student's own. Steps 2 and 3 stay the
 * lab's file: their texts state the runs' times to the hundredth of a second (step 3's also sets
 * its deadline), and these move with the data on some seeds (step 2's by 10 ms, as the hot
 * readings fall to other reducers; step 3's by minutes, as its CPU cost grows with the odd ones).
 */
import { createRng } from '../../engine/core';
import { readingsText } from './cluster';

export function readingsTextFor(seed: number): string {
  const rng = createRng((seed ^ 0xda7a) >>> 0);
  const names = Array.from({ length: 9 }, (_, i) => `sensor-${i + 1}`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return readingsText().replace(
    /,sensor-(\d),(\d\d)(\.\d)?$/gm,
    (_, n: string, whole: string, tenth: string | undefined) =>
      `,${names[Number(n) - 1]},${whole}${tenth === undefined ? '' : `.${1 + rng.int(9)}`}`,
  );
}
