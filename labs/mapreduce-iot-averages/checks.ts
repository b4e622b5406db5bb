/** The checks of the mapreduce-iot-averages lab: exact averages, task counts, parallelism, scaling. */
import type { JobRunReport } from '../../engine/api';
import { encodeUtf8 } from '../../engine/core';
import {
  compareKeyed,
  counterOf,
  extraReport,
  fail,
  injectedNote,
  jobReport,
  mostMapsAtOnce,
  pass,
  ratio,
  seconds,
  taskCount,
} from '../checkKit';
import { plainAverages, SENSOR_BLOCK_SIZE, sensorText } from '../labData';
import type { LabCheck, StepRun } from '../labTypes';
import { plural } from '../plural';

const expectedCache = new Map<string, [string, number][]>();
/** The plain averages of the `scale`x sensor file, keys cut to `keyLength` characters. */
function expected(scale: number, keyLength: number): [string, number][] {
  const key = `${scale}:${keyLength}`;
  let e = expectedCache.get(key);
  if (!e) expectedCache.set(key, (e = plainAverages(sensorText(scale), keyLength)));
  return e;
}

/** Sum order differs once a combiner pre-sums: allow the last bits to differ, nothing more. */
const TOLERANCE = 1e-9;

export function averagesCheck(id: string, keyLength: 10 | 16, which: 'main' | string = 'main'): LabCheck {
  const unit = keyLength === 10 ? 'day' : 'minute';
  const example = keyLength === 10 ? '"2016-05-01"' : '"2016-05-01 01:02"';
  return {
    id,
    title: which === 'main' ? `exact ${unit} averages` : `exact ${unit} averages on 10x the data`,
    evaluate(run: StepRun) {
      const report = which === 'main' ? jobReport(run) : extraReport(run, which);
      return compareKeyed(expected(which === 'main' ? 1 : 10, keyLength), report.result, {
        tolerance: TOLERANCE,
        what: unit,
        hint: `the key must be the timestamp cut to the ${unit} (${example}) and the value the mean of that ${unit}'s readings`,
      });
    },
  };
}

function splitsOf(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / SENSOR_BLOCK_SIZE));
}

export function mappersCheck(id: string, which: 'main' | string = 'main'): LabCheck {
  return {
    id,
    title: which === 'main' ? 'one mapper per split' : 'one mapper per split on 10x the data',
    evaluate(run) {
      const report = which === 'main' ? jobReport(run) : extraReport(run, which);
      const bytes = counterOf(report, 'HDFS_BYTES_READ');
      const splits = splitsOf(encodeUtf8(sensorText(which === 'main' ? 1 : 10)).length);
      const maps = taskCount(report, 'map');
      if (maps !== splits)
        return fail(
          `expected ${splits} map tasks (one per ${SENSOR_BLOCK_SIZE}-byte split), got ${maps}: read the one input file /data/sensors.csv with a single job`,
        );
      return pass(`${plural(maps, 'map task')}, one per split (${plural(bytes, 'byte')} read)`);
    },
  };
}

export function reducersCheck(id: string, wanted: number): LabCheck {
  return {
    id,
    title: `${wanted} reducers`,
    evaluate(run) {
      const n = taskCount(jobReport(run), 'reduce');
      return n === wanted
        ? pass(`${plural(n, 'reduce task')} ran`)
        : fail(`expected ${plural(wanted, 'reduce task')}, got ${n}: set numReduceTasks: ${wanted}`);
    },
  };
}

/** The first wave of maps: every map task running at one instant (9 mappers on 36 cores). */
export function parallelMapsCheck(id: string): LabCheck {
  return {
    id,
    title: 'mappers run in parallel',
    evaluate(run) {
      const report = jobReport(run);
      const maps = taskCount(report, 'map');
      const most = mostMapsAtOnce(report);
      if (most < maps)
        return fail(
          `at most ${most} of the ${maps} map tasks ran at the same time: each mapper needs only its own split, so all of them should run at once${injectedNote(run)}`,
        );
      return pass(`all ${maps} map tasks ran at the same time, each on its own core`);
    },
  };
}

/** Figure 20.2's promise: 10x the data on 10x the machines takes about the same time. */
export function scalingCheck(id: string, scaledRun: string, limit: number): LabCheck {
  return {
    id,
    title: '10x data on 10x machines takes about the same time',
    evaluate(run) {
      const base: JobRunReport = jobReport(run);
      const scaled = extraReport(run, scaledRun);
      const r = scaled.simulatedMs / base.simulatedMs;
      const reduceIn = (x: JobRunReport) => counterOf(x, 'REDUCE_INPUT_RECORDS');
      const detail = `${seconds(base.simulatedMs)} on 9 machines, ${seconds(scaled.simulatedMs)} with 10x the data on 90: ${ratio(r)}`;
      if (r > limit) {
        return fail(
          `${detail} (at most ${ratio(limit)} expected). The reducers received ${reduceIn(base)} records, then ${reduceIn(scaled)}: the 3 reducers do not multiply with the machines, so shrink what reaches them with a combiner that pre-sums [sum, count] per day on each mapper${injectedNote(run)}`,
        );
      }
      return pass(`${detail}; the reducers received ${reduceIn(scaled)} records`);
    },
  };
}
