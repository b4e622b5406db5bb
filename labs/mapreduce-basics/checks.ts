/**
 * The checks of the mapreduce-basics lab: exact tag counts, one mapper per split, mappers bounded
 * by cores (one wave), and part files that read in alphabetical order.
 */
import type { JobRunReport } from '../../engine/api';
import {
  compareKeyed,
  counterOf,
  extraReport,
  fail,
  injectedNote,
  jobReport,
  mapPhaseMs,
  mostMapsAtOnce,
  pass,
  ratio,
  seconds,
  taskCount,
} from '../checkKit';
import type { LabCheck, StepRun } from '../labTypes';
import { plural } from '../plural';
import { plainTagCounts, tagCountsFor } from './pages';

/** The tag counts of the pages the run read: the lab's, or a student's variant's. */
const countsOf = (run: StepRun) =>
  run.kind === 'mapreduce' || run.kind === 'spark' ? tagCountsFor(run.variant.text('pages')) : plainTagCounts();

const shown = (v: unknown) => JSON.stringify(v) ?? String(v);

/** The tag counts equal a plain count over the same pages, names in lower case. */
export function tagCountsCheck(id: string): LabCheck {
  return {
    id,
    title: 'exact tag counts',
    evaluate(run) {
      const result = jobReport(run).result;
      if (Array.isArray(result)) {
        const keys = result.map((row) => (Array.isArray(row) ? String(row[0]) : ''));
        const twice = keys.find((k) => k !== k.toLowerCase() && keys.includes(k.toLowerCase()));
        if (twice !== undefined)
          return fail(
            `the result counts ${shown(twice)} and ${shown(twice.toLowerCase())} apart: HTML does not care about the case of a tag name, so both are one tag, under its lower-case name`,
          );
      }
      return compareKeyed(countsOf(run), result, {
        tolerance: 0,
        what: 'tag',
        hint: 'map must write one (name, 1) pair per tag, the name in lower case, and reduce the sum of the 1s of each name',
      });
    },
  };
}

/** The maps wrote one (name, 1) pair per tag, and the reducers got one group per tag name. */
export function pairPerTagCheck(id: string): LabCheck {
  return {
    id,
    title: 'the maps write one pair per tag',
    evaluate(run) {
      const report = jobReport(run);
      const expected = countsOf(run);
      const tags = expected.reduce((n, [, c]) => n + c, 0);
      const pairs = counterOf(report, 'MAP_OUTPUT_RECORDS');
      const groups = counterOf(report, 'REDUCE_INPUT_GROUPS');
      if (pairs !== tags)
        return fail(
          `the maps wrote ${plural(pairs, 'key/value pair')}, but the pages hold ${plural(tags, 'tag')}: in MapReduce the map turns each record into pairs, one per tag here, and the reduce adds them up per key`,
        );
      if (groups !== expected.length)
        return fail(
          `the reducers got ${plural(groups, 'key')}, one per reduce call; the pages have ${plural(expected.length, 'tag name')}: the key of each pair is the tag's name`,
        );
      return pass(
        `the maps wrote ${plural(pairs, 'pair')}, one per tag; the reducers got ${plural(groups, 'key')}, one per tag name`,
      );
    },
  };
}

/** The job's map tasks: as many as the splits it was cut into. */
export function mappersPerSplitCheck(id: string): LabCheck {
  return {
    id,
    title: 'one mapper per split',
    evaluate(run) {
      const report = jobReport(run);
      const submitted = report.trace.find((e) => e.type === 'jobSubmitted');
      const splits = submitted && 'maps' in submitted ? Number(submitted.maps) : null;
      const maps = taskCount(report, 'map');
      if (splits === null) return fail('the job was never submitted: read the error above');
      if (maps !== splits)
        return fail(`the input was cut into ${plural(splits, 'split')} but ${maps} map tasks finished`);
      return pass(`the input was cut into ${plural(splits, 'split')}, and ${plural(maps, 'map task')} read one each`);
    },
  };
}

/**
 * Every map task ran at the same time as every other: one wave, each on a core of its own. With
 * `fill`, also as many map tasks as free cores: none of them idle through the map phase.
 */
export function oneWaveCheck(id: string, cores: number, fill = false): LabCheck {
  return {
    id,
    title: fill ? 'one wave of mappers on every free core' : 'all mappers at once, one core each',
    evaluate(run) {
      const report = jobReport(run);
      const maps = taskCount(report, 'map');
      const most = mostMapsAtOnce(report);
      if (most < maps) {
        const waves = Math.ceil(maps / Math.max(1, most));
        return fail(
          `${plural(maps, 'map task')} but at most ${most} ran at the same time: a mapper takes one core, and YARN had ${cores} free (the ApplicationMaster holds one more), so the maps queued in about ${plural(waves, 'wave')}, each paying its container's start-up again${injectedNote(run)}`,
        );
      }
      if (fill && maps < cores)
        return fail(
          `all ${plural(maps, 'map task')} ran at once, but YARN had ${cores} free cores: ${cores - maps} of them sat idle through the whole map phase while the others read larger splits`,
        );
      return pass(`all ${plural(maps, 'map task')} ran at the same time, each on a core of its own`);
    },
  };
}

/** The map phase is `factor` times shorter than in the run `reference` (the starter's splits). */
export function shorterMapPhaseCheck(id: string, reference: string, factor: number): LabCheck {
  return {
    id,
    title: `map phase ${ratio(factor)} shorter than with the starter's splits`,
    evaluate(run) {
      const mine = mapPhaseMs(jobReport(run));
      const theirs = mapPhaseMs(extraReport(run, reference));
      const r = theirs / Math.max(1, mine);
      const detail = `the map phase took ${seconds(mine)}, against ${seconds(theirs)} with the starter's splits (${ratio(r)})`;
      if (r < factor)
        return fail(
          `${detail}; at least ${ratio(factor)} was expected. Too many small splits pay a container start-up each, wave after wave; too few big ones leave cores idle${injectedNote(run)}`,
        );
      return pass(detail);
    },
  };
}

/** The records each reduce task of the run's last job wrote, by partition (a chain of jobs: the answer is the last's). */
function partRecords(report: JobRunReport): number[] {
  const jobs = report.attempts.map((a) => a.taskSet.split('/')[0]!).sort();
  const last = jobs[jobs.length - 1];
  const parts: number[] = [];
  for (const a of report.attempts)
    if (a.status === 'succeeded' && a.taskSet === `${last}/reduce`)
      parts[a.index] = a.taskCounters?.REDUCE_OUTPUT_RECORDS ?? 0;
  return Array.from(parts, (n) => n ?? 0);
}

export function reducersCheck(id: string, wanted: number): LabCheck {
  return {
    id,
    title: `${wanted} reducers, each with some tags`,
    evaluate(run) {
      const parts = partRecords(jobReport(run));
      if (parts.length !== wanted)
        return fail(`${plural(parts.length, 'reduce task')} ran; the step asks for ${wanted} (numReduceTasks)`);
      const empty = parts.findIndex((n) => n === 0);
      if (empty >= 0)
        return fail(
          `part-r-${String(empty).padStart(5, '0')} is empty: your partition sends no tag to reducer ${empty}, so it works for nothing`,
        );
      return pass(`the part files hold ${parts.map((n) => plural(n, 'tag')).join(', ')}`);
    },
  };
}

/** Read part after part (as `hdfs dfs -cat /out/tags/part-*` does), the tags are in alphabetical order. */
export function partsInOrderCheck(id: string, which: 'main' | string = 'main'): LabCheck {
  return {
    id,
    title:
      which === 'main'
        ? 'the part files, one after the other, are in alphabetical order'
        : 'in alphabetical order on pages with more kinds of tag',
    evaluate(run) {
      const report = which === 'main' ? jobReport(run) : extraReport(run, which);
      const result = Array.isArray(report.result) ? report.result : [];
      const keys = result.map((row) => (Array.isArray(row) ? String(row[0]) : String(row)));
      const parts = partRecords(report);
      const where =
        which === 'main'
          ? ''
          : 'on other pages with more kinds of tag (a run the step does not show, to judge the partitioner on names it was not written for): ';
      if (keys.length === 0) return fail(`${where}the job wrote no tags`);
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! <= keys[i]!) continue;
        // Which part does the break fall in? A break inside one part cannot happen (each reducer gets its keys sorted).
        let seen = 0;
        let part = 0;
        while (part < parts.length && seen + parts[part]! <= i - 1) seen += parts[part++]!;
        return fail(
          `${where}${shown(keys[i - 1])} comes before ${shown(keys[i])} where part-r-${String(part).padStart(5, '0')} ends and the next begins: each reducer gets its own keys sorted, but which keys a reducer gets is the partitioner's choice (by default a hash, in no order)`,
        );
      }
      return pass(
        `${plural(keys.length, 'tag')} from ${shown(keys[0])} to ${shown(keys[keys.length - 1])}, in order across the parts`,
      );
    },
  };
}
