/**
 * The lab's per-student variant (labs/variant.ts): each student's sensor file is drawn from their
 * own seed, with its own sensor (sensor-1 to sensor-9), number of days (8 to 13, each minute still
 * read at least once) and readings, so a neighbour's averages are wrong for them. The files stay
 * the lab's size class: 20,000 lines, nine splits of SENSOR_BLOCK_SIZE (the 10x file ninety).
 */
import { createRng } from '../../engine/core';
import { sensorCsv } from '../../engine/datasets';
import { SENSOR_DAYS, SENSOR_LINES } from '../labData';
import type { VariantValues } from '../labTypes';

/** The sensor, days and the generator's seed of `seed`'s files. */
function draw(seed: number): { sensor: number; days: number; dataSeed: number } {
  const rng = createRng((seed ^ 0x10a7) >>> 0);
  return { sensor: 1 + rng.int(9), days: 8 + rng.int(6), dataSeed: Math.floor(rng.next() * 4294967296) };
}

/** The `scale`x sensor file of `seed`: the lab's kind of readings, another sensor, days and values. */
export function sensorTextFor(seed: number, scale: number): string {
  const { sensor, days, dataSeed } = draw(seed);
  const text = sensorCsv(SENSOR_LINES * scale, { seed: dataSeed, sensors: 1, days });
  return sensor === 1 ? text : text.replaceAll(',sensor-1,', `,sensor-${sensor},`);
}

/**
 * What the steps' texts say of the file for `seed` (null: the lab's own): its `days` and the
 * `minutes` they hold (every minute has a reading: 20,000 lines over at most 13 days are less than
 * a minute apart), and its `sensor`.
 */
export function sensorVariantValues(seed: number | null): VariantValues {
  const { sensor, days } = seed === null ? { sensor: 1, days: SENSOR_DAYS } : draw(seed);
  return { days, minutes: days * 1440, sensor: `sensor-${sensor}` };
}
