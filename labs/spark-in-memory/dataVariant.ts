/**
 * The lab's per-student variants (labs/variant.ts): step 1 averages the student's own sensor file
 * (the IoT lab's draw: another sensor, 8 to 13 days, other readings), steps 2 to 4 rank their own
 * link graph (300 pages, 1-4 links each, as the lab's: the chaining lab's draw). The texts state no
 * fact of the data that differs, so they stay as written; the checks judge the run's own data.
 */
import type { StepVariant } from '../labTypes';
import { sensorTextFor, sensorVariantValues } from '../mapreduce-iot-averages/sensorVariant';
import { graphTextFor } from '../mapreduce-chaining/topVariant';

export { graphTextFor };
export const sensorsFor = (seed: number): string => sensorTextFor(seed, 1);

/** The daily-averages step's variant: the student's sensor file, the step's own texts and code. */
export function sensorsVariant(instructions: string, starter: string, solution: string): StepVariant {
  return {
    description:
      "each student's sensor file is drawn from their own seed: another sensor, 8 to 13 days, other readings and averages",
    datasets: ['sensors'],
    instructions,
    values: sensorVariantValues,
    starter: () => starter,
    solution: () => solution,
  };
}

/** A PageRank step's variant: the student's link graph, the step's own texts and code. */
export function graphVariant(instructions: string, starter: string, solution: string): StepVariant {
  return {
    description: "each student's link graph of 300 pages is drawn from their own seed: other links, other ranks",
    datasets: ['graph'],
    instructions,
    values: () => ({}),
    starter: () => starter,
    solution: () => solution,
  };
}
