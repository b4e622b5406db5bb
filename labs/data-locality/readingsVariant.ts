/**
 * Steps 1 and 2's per-student variant (labs/variant.ts): a student's readings are the lab's file
 * with the nine sensors' names shuffled and every tenth digit drawn anew, from their seed (a whole
 * number stays whole, so a reading of 30.0 or more stays one). Each line keeps its length and each
 * task keeps its number of hot readings, so the file's blocks, where they lie, what each task reads
 * and shuffles are the lab's: the locality and network figures and the times the texts state hold,
 * while the means, highest and hot readings per sensor are the student's own. Step 3 stays the lab's file: its time, which its text states and its deadline is
 * set by, grows with the number of odd readings (each is charged CPU at every step it passes).
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
