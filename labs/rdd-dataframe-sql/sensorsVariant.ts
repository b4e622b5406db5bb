/**
 * Step 1's per-student variant (labs/variant.ts): a student's readings are the lab's file with its
 * nine sensors' names shuffled, each sensor's level shifted by -3 to +3 degrees and every tenth
 * digit drawn anew, all from their seed. Each line keeps its length and each value its form (a
 * whole number stays whole, 15 to 34 stays two digits), so the file, its blocks and what the
 * groupByKey version shuffles keep the sizes step 1's text states (2.37 MB of Shuffle Write),
 * while the counts, means and highest values per sensor are the student's own. Steps 2 and 3 stay
 * the lab's file: step 2's text states the run's times to the hundredth of a second, which other
 * values move by 10 ms on some seeds (the partial sums' sizes differ); step 3 compares the answer
 * with the SQL console's `sensors` table, which is the lab's file.
 */
import { createRng } from '../../engine/core';
import { sensorsText } from './data';

export function sensorsTextFor(seed: number): string {
  const rng = createRng((seed ^ 0x5e25) >>> 0);
  const names = Array.from({ length: 9 }, (_, i) => `sensor-${i + 1}`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const shift = new Map(names.map((name) => [name, rng.int(7) - 3]));
  const rename = new Map(Array.from({ length: 9 }, (_, i) => [`sensor-${i + 1}`, names[i]!]));
  const out: string[] = [];
  for (const line of sensorsText().split('\n')) {
    if (line === '') {
      out.push(line);
      continue;
    }
    const [time, sensor, value] = line.split(',') as [string, string, string];
    const name = rename.get(sensor) ?? sensor;
    const [whole, tenth] = value.split('.') as [string, string | undefined];
    const shifted = Math.min(99, Math.max(10, Number(whole) + shift.get(name)!));
    out.push(`${time},${name},${shifted}${tenth === undefined ? '' : `.${1 + rng.int(9)}`}`);
  }
  return out.join('\n');
}
