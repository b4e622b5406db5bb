// The calibration suite (issue 13): published experiments reproduced in simulated time, each figure
// against its source (labs/calibration). Figures only: the pass/fail on the calibration bands is
// labs/calibration/calibration.test.ts. `npm run calibrate` runs just this file; `npm run calibrate
// -- spark-paper-pagerank` one experiment.
import { formatCalibrationReport } from '../../labs/calibration/calibrationReport';
import { experiments, runCalibration } from '../../labs/calibration/calibrationSuite';

const only = (process.env.CALIBRATE_ONLY ?? '').split(',').filter((x) => x);
const unknown = only.filter((id) => !experiments.some((e) => e.id === id));
if (unknown.length > 0) {
  console.error(`unknown experiment ${unknown.join(', ')}; known: ${experiments.map((e) => e.id).join(', ')}`);
  process.exit(2);
}
const t0 = performance.now();
const results = await runCalibration(only.length > 0 ? only : undefined);
console.log(formatCalibrationReport(results));
console.log(`(simulated in ${((performance.now() - t0) / 1000).toFixed(1)} s of wall time)`);
