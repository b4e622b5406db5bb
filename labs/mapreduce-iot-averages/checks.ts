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
import { plainAverages, SENSOR_BLOCK_SIZE } from '../labData';
import type { LabCheck, StepRun } from '../labTypes';
import { anzahl, komma, zahl } from '../germanFormat';
import { count, plural } from '../plural';

/** The sensor file a run read: the lab's or the student's own (run.variant), `which` run's. */
function sensorFile(run: StepRun, which: 'main' | string): string {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark')
    throw new Error(`the check reads a job step's run, got a ${run.kind} step's`);
  return run.variant.text(which === 'main' ? 'sensors' : 'sensors-10x');
}

/** The last few files' plain averages kept: a class graded one after another recomputes nothing twice. */
const expectedCache: { text: string; keyLength: number; averages: [string, number][] }[] = [];
/** The plain averages of a sensor file, keys cut to `keyLength` characters. */
function expected(text: string, keyLength: number): [string, number][] {
  const hit = expectedCache.find((e) => e.text === text && e.keyLength === keyLength);
  if (hit) return hit.averages;
  const averages = plainAverages(text, keyLength);
  if (expectedCache.length >= 4) expectedCache.shift();
  expectedCache.push({ text, keyLength, averages });
  return averages;
}

/** Sum order differs once a combiner pre-sums: allow the last bits to differ, nothing more. */
const TOLERANCE = 1e-9;

export function averagesCheck(id: string, keyLength: 10 | 16, which: 'main' | string = 'main'): LabCheck {
  const unit = keyLength === 10 ? 'day' : 'minute';
  const example = keyLength === 10 ? '"2016-05-01"' : '"2016-05-01 01:02"';
  const einheit = keyLength === 10 ? 'Tag' : 'Minute';
  return {
    id,
    title: which === 'main' ? `exact ${unit} averages` : `exact ${unit} averages on 10x the data`,
    evaluate(run: StepRun) {
      const report = which === 'main' ? jobReport(run) : extraReport(run, which);
      return compareKeyed(expected(sensorFile(run, which), keyLength), report.result, {
        tolerance: TOLERANCE,
        what: unit,
        hint: `the key must be the timestamp cut to the ${unit} (${example}) and the value the mean of that ${unit}'s readings`,
        de: {
          what: einheit,
          hint: `der Key muss der auf ${keyLength === 10 ? 'den Tag' : 'die Minute'} gekürzte Zeitstempel sein (${example}) und der Wert der Mittelwert der Messwerte ${keyLength === 10 ? 'dieses Tages' : 'dieser Minute'}`,
        },
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
      const splits = splitsOf(encodeUtf8(sensorFile(run, which)).length);
      const maps = taskCount(report, 'map');
      if (maps !== splits)
        return fail(
          `expected ${splits} map tasks (one per ${SENSOR_BLOCK_SIZE}-byte split), got ${maps}: read the one input file /data/sensors.csv with a single job`,
          {
            de: `erwartet: ${zahl(splits)} Map-Tasks (einer pro Split von ${zahl(SENSOR_BLOCK_SIZE)} Bytes), erhalten: ${zahl(maps)}: lies die eine Eingabedatei /data/sensors.csv mit einem einzigen Job`,
          },
        );
      return pass(`${plural(maps, 'map task')}, one per split (${plural(bytes, 'byte')} read)`, {
        de: `${anzahl(maps, 'Map-Task', 'Map-Tasks')}, einer pro Split (${anzahl(bytes, 'Byte', 'Bytes')} gelesen)`,
      });
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
        ? pass(`${plural(n, 'reduce task')} ran`, {
            de: `${anzahl(n, 'Reduce-Task', 'Reduce-Tasks')} ${n === 1 ? 'lief' : 'liefen'}`,
          })
        : fail(`expected ${plural(wanted, 'reduce task')}, got ${n}: set numReduceTasks: ${wanted}`, {
            de: `erwartet: ${anzahl(wanted, 'Reduce-Task', 'Reduce-Tasks')}, erhalten: ${zahl(n)}: setze numReduceTasks: ${wanted}`,
          });
    },
  };
}

/**
 * The step's fix, seen in the counters of `which` run: a combiner ran on the map side and shrank
 * what reached the reducers (Combine input records > 0; Reduce input records at most a tenth of
 * Map output records). Any combiner that pre-aggregates passes, whatever shape its values take.
 */
export function combinerCheck(id: string, which: string): LabCheck {
  return {
    id,
    title: 'a combiner shrinks what reaches the reducers',
    evaluate(run) {
      const report = extraReport(run, which);
      const mapOut = counterOf(report, 'MAP_OUTPUT_RECORDS');
      const combineIn = counterOf(report, 'COMBINE_INPUT_RECORDS');
      const reduceIn = counterOf(report, 'REDUCE_INPUT_RECORDS');
      if (combineIn === 0)
        return fail(
          `no combiner ran on 10x the data: the maps wrote ${plural(mapOut, 'record')} and the reducers received ${plural(reduceIn, 'record')}. Add combine(day, values, ctx) that pre-sums [sum, count] per day on each mapper`,
          {
            de: `auf 10x den Daten lief kein Combiner: Die Maps schrieben ${anzahl(mapOut, 'Datensatz', 'Datensätze')} und die Reducer bekamen ${anzahl(reduceIn, 'Datensatz', 'Datensätze')}. Füge combine(day, values, ctx) hinzu, das auf jedem Mapper [sum, count] pro Tag vorsummiert`,
          },
        );
      if (reduceIn * 10 > mapOut)
        return fail(
          `the combiner read ${plural(combineIn, 'record')}, but the reducers still received ${plural(reduceIn, 'record')} of the maps' ${count(mapOut)}: the combiner must write one record per day, [sum, count], not pass each reading on`,
          {
            de: `der Combiner las ${anzahl(combineIn, 'Datensatz', 'Datensätze')}, aber die Reducer bekamen noch ${anzahl(reduceIn, 'Datensatz', 'Datensätze')} von den ${zahl(mapOut)} der Maps: Der Combiner muss einen Datensatz pro Tag schreiben, [sum, count], statt jeden Messwert weiterzugeben`,
          },
        );
      return pass(
        `the combiner read ${plural(combineIn, 'record')}; the reducers received ${plural(reduceIn, 'record')} of the maps' ${count(mapOut)}`,
        {
          de: `der Combiner las ${anzahl(combineIn, 'Datensatz', 'Datensätze')}; die Reducer bekamen ${anzahl(reduceIn, 'Datensatz', 'Datensätze')} von den ${zahl(mapOut)} der Maps`,
        },
      );
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
          {
            de: `höchstens ${zahl(most)} der ${zahl(maps)} Map-Tasks liefen gleichzeitig: Jeder Mapper braucht nur seinen eigenen Split, also sollten alle auf einmal laufen${injectedNote(run, 'de')}`,
          },
        );
      return pass(`all ${maps} map tasks ran at the same time, each on its own core`, {
        de: `alle ${zahl(maps)} Map-Tasks liefen gleichzeitig, jeder auf seinem eigenen Kern`,
      });
    },
  };
}

/**
 * Figure 20.2's promise: 10x the data on 10x the machines takes about the same time. The reason
 * also gives the time of `compareRun` (10x the data on the original machines), the step's third
 * run, which nothing else shows: the text asks the learner to compare the three.
 */
export function scalingCheck(id: string, scaledRun: string, limit: number, compareRun?: string): LabCheck {
  return {
    id,
    title: '10x data on 10x machines takes about the same time',
    evaluate(run) {
      const base: JobRunReport = jobReport(run);
      const scaled = extraReport(run, scaledRun);
      const r = scaled.simulatedMs / base.simulatedMs;
      const reduceIn = (x: JobRunReport) => counterOf(x, 'REDUCE_INPUT_RECORDS');
      const same = compareRun === undefined ? null : extraReport(run, compareRun).simulatedMs;
      const sameEn =
        same === null
          ? ''
          : ` (for comparison, 10x the data on the same 9 machines: ${seconds(same)}, ${ratio(same / base.simulatedMs)})`;
      const sameDe =
        same === null
          ? ''
          : ` (zum Vergleich: 10x die Daten auf denselben 9 Maschinen: ${seconds(same)}, ${ratio(same / base.simulatedMs)})`;
      const detail = `${seconds(base.simulatedMs)} on 9 machines, ${seconds(scaled.simulatedMs)} with 10x the data on 90: ${ratio(r)}${sameEn}`;
      const detailDe = komma(
        `${seconds(base.simulatedMs)} auf 9 Maschinen, ${seconds(scaled.simulatedMs)} mit 10x den Daten auf 90: ${ratio(r)}${sameDe}`,
      );
      if (r > limit) {
        return fail(
          `${detail} (at most ${ratio(limit)} expected). The reducers received ${reduceIn(base)} records, then ${reduceIn(scaled)}: the 3 reducers do not multiply with the machines, so shrink what reaches them with a combiner that pre-sums [sum, count] per day on each mapper${injectedNote(run)}`,
          {
            de: `${detailDe} (höchstens ${komma(ratio(limit))} erwartet). Die Reducer bekamen ${zahl(reduceIn(base))} Datensätze, dann ${zahl(reduceIn(scaled))}: Die 3 Reducer vervielfachen sich nicht mit den Maschinen, also verkleinere, was bei ihnen ankommt, mit einem Combiner, der auf jedem Mapper [sum, count] pro Tag vorsummiert${injectedNote(run, 'de')}`,
          },
        );
      }
      return pass(`${detail}; the reducers received ${reduceIn(scaled)} records`, {
        de: `${detailDe}; die Reducer bekamen ${zahl(reduceIn(scaled))} Datensätze`,
      });
    },
  };
}
