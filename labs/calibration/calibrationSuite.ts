/**
 * The calibration suite (`npm run calibrate`, issue 13): every experiment reproduces published
 * measurements at their published scale in simulated time, and every published figure is
 * compared with what the cost model gives: calibration figures (±30%, ratios ±25%) are what the
 * hardware presets' parameters were fitted to; validation figures (±40%) only check the model,
 * and are reported whatever they come out as. `calibration.test.ts` fails when a calibration
 * figure leaves its band.
 */
import { bandOf, type Experiment, type FigureResult, type PublishedFigure } from './calibrationTypes';
import { hdfsFigures, kafkaFigures } from './figures/hdfsKafkaFigures';
import { mlFigures } from './figures/mlFigures';
import { sortFigures } from './figures/sortBenchmarkFigures';
import { pageRankFigures } from './figures/sparkPaperFigures';
import { iterativeMlExperiment, iterativeMlNotes } from './iterativeMlExperiment';
import { kafkaProducerExperiment } from './kafkaProducerExperiment';
import { calibrationNotes } from './modelGaps';
import { pageRankExperiment } from './pageRankExperiment';
import { reReplicationExperiment } from './reReplicationExperiment';
import { teraSortExperiment } from './teraSortExperiment';

/** Every published figure the suite knows, calibration first. */
export const publishedFigures: readonly PublishedFigure[] = [
  ...pageRankFigures,
  ...sortFigures,
  ...mlFigures,
  ...hdfsFigures,
  ...kafkaFigures,
];

/** The figure a lab cites, by id; an unknown id is a programming error. */
export function publishedFigure(id: string): PublishedFigure {
  const f = publishedFigures.find((x) => x.id === id);
  if (!f) throw new Error(`no published figure '${id}' (labs/calibration/figures)`);
  return f;
}

export const experiments: readonly Experiment[] = [
  pageRankExperiment,
  teraSortExperiment,
  iterativeMlExperiment,
  reReplicationExperiment,
  kafkaProducerExperiment,
];

/** What the model lacks where a figure is far off, by figure id prefix. */
const NOTES: Record<string, string> = { ...calibrationNotes, ...iterativeMlNotes };

function noteFor(id: string): string | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(NOTES))
    if (id.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  return best === undefined ? undefined : NOTES[best];
}

/** Compares simulated values (by figure id) with the published figures they reproduce. */
export function compareFigures(simulated: Record<string, number>, figures = publishedFigures): FigureResult[] {
  return figures.map((figure) => {
    const value = figure.ratioOf
      ? simulated[figure.ratioOf.numerator] !== undefined && simulated[figure.ratioOf.denominator] !== undefined
        ? simulated[figure.ratioOf.numerator]! / simulated[figure.ratioOf.denominator]!
        : undefined
      : simulated[figure.id];
    const note = noteFor(figure.id);
    if (value === undefined || !Number.isFinite(value))
      return { figure, simulated: null, error: null, within: null, ...(note ? { note } : {}) };
    const error = value / figure.value - 1;
    const within = figure.kind === 'lower-bound' ? value >= figure.value : Math.abs(error) <= bandOf(figure);
    return { figure, simulated: value, error, within, ...(note && !within ? { note } : {}) };
  });
}

/** Runs the experiments (all, or those whose id is listed) and compares every figure they produce. */
export async function runCalibration(only?: readonly string[]): Promise<FigureResult[]> {
  const simulated: Record<string, number> = {};
  const produced = new Set<string>();
  for (const e of experiments) {
    if (only && !only.includes(e.id)) continue;
    Object.assign(simulated, await e.run());
    for (const f of e.figures) produced.add(f);
  }
  const figures = publishedFigures.filter((f) =>
    f.ratioOf ? produced.has(f.ratioOf.numerator) && produced.has(f.ratioOf.denominator) : produced.has(f.id),
  );
  return compareFigures(simulated, figures);
}
