/**
 * The checks of the mapreduce-chaining lab: the exact top 10 by in-links, the two chained jobs
 * and what passes between them through HDFS (bytes, blocks, replicas), and the start-up job 2
 * pays per part file of job 1. Per-job figures are read from the attempts' own task counters and
 * the trace (`partFileWritten`, `blockAllocated`), since the run's counters add up every job.
 */
import type { JobRunReport } from '../../engine/api';
import { extraReport, fail, injectedNote, jobReport, pass, ratio, seconds } from '../checkKit';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';
import { count, plural } from '../plural';
import { intermediateBytes, jobAttempts, jobCounter, jobId, outputDir, partBlocks, partFiles } from './chainFacts';
import { graphText } from '../labData';
import { countLinesBytes, graphFacts, TOP, topOf } from './linkGraph';

/** The report of a chain, or why it is not one (a Spark program, fewer than two jobs). */
function chainOf(report: JobRunReport): string | null {
  if (report.kind !== 'mapreduce') return 'this lab is about MapReduce: export an array of MapReduce jobs';
  if (report.metrics.jobs < 2)
    return `only ${plural(report.metrics.jobs, 'job')} ran: export both jobs as an array, the counting job first and the sorting job second`;
  return null;
}

const shown = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}...` : s;
};

const links = (n: number) => plural(n, 'in-link');

/** The graph a run read and how many pages its answer lists (a student's variant, or the lab's 10 of its graph). */
function graphOf(run: StepRun): { text: string; n: number } {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark') return { text: graphText(), n: TOP };
  const top = run.variant.values.top;
  return { text: run.variant.text('graph'), n: typeof top === 'number' ? top : TOP };
}

/**
 * The last job's output against the plain top `size` of the graph `text`, with a reason that says
 * what is off, not how to code it.
 */
export function judgeTop(result: unknown, jobs: number, text = graphText(), size = TOP): CheckVerdict {
  const { inLinks: graphCounts, outLinks } = graphFacts(text);
  const top = topOf(text, size);
  if (!Array.isArray(result)) return fail(`the last job's output is ${shown(result)}, not lines of "page TAB count"`);
  if (result.length !== size) {
    const more =
      result.length > size
        ? jobs < 2
          ? `: only one job ran, and its output is a count for every page. A second job must read those counts and keep the ${size} largest`
          : `: the last job must keep only the ${size} pages with the most in-links`
        : `: every page of the top ${size} must be written, one line each`;
    return fail(`the last job wrote ${plural(result.length, 'line')}, the answer has ${size}${more}`);
  }
  const seen = new Set<string>();
  for (const [i, row] of result.entries()) {
    if (!Array.isArray(row) || row.length !== 2)
      return fail(`line ${i + 1} is ${shown(row)}, not a page and its count separated by a tab`);
    const page = String(row[0]);
    const n = typeof row[1] === 'number' ? row[1] : Number(String(row[1]).split('\t')[0]);
    const truth = graphCounts.get(page);
    if (truth === undefined)
      return fail(
        `line ${i + 1} starts with ${shown(row[0])}, which no link of /data/graph.txt points to: each line must be a page (like "p0") and then its number of in-links`,
      );
    if (n !== truth) {
      const says = `line ${i + 1} says ${page} has ${typeof n === 'number' && Number.isFinite(n) ? links(n) : `${shown(row[1])} in-links`}, but ${truth} ${truth === 1 ? 'line' : 'lines'} of /data/graph.txt end with ${page}`;
      if (n === outLinks.get(page))
        return fail(
          `${says}; ${n} is its number of out-links. A line "a b" is a link from a to b: ${page}'s in-links are the lines whose second page is ${page}`,
        );
      if (n === 1)
        return fail(
          `${says}: the counts reached job 2 one per link, not added up per page. Job 1's reduce adds them; a job with no reducers writes its map's pairs as they are`,
        );
      return fail(`${says}: job 1 must count, for each page, every line whose second page it is`);
    }
    if (seen.has(page)) return fail(`${page} appears twice: each page must appear once, with all its in-links`);
    seen.add(page);
  }
  for (const [i, [page, n]] of top.entries()) {
    const got = String((result[i] as unknown[])[0]);
    const gotN = graphCounts.get(got)!;
    if (got === page) continue;
    if (gotN === n)
      return fail(
        `line ${i + 1} is ${got}, but ${page} has as many in-links (${n}) and comes first by name ("${page}" sorts before "${got}" as text): break ties by page name`,
      );
    if (gotN < n)
      return fail(
        `line ${i + 1} is ${got} with ${links(gotN)}, but ${page} has ${links(n)} and belongs there: the pages must come in order of in-links, the most first`,
      );
    return fail(
      `line ${i + 1} is ${got} with ${links(gotN)}, more than line ${i}: sort the pages by in-links, most first`,
    );
  }
  const last = top[size - 1]!;
  const tied = [...graphCounts.values()].filter((v) => v === last[1]).length;
  return pass(
    `the ${size} pages with the most in-links, in order: ${top.map(([p, v]) => `${p} (${v})`).join(', ')}${tied > 1 ? `; ${last[0]} comes first of the ${tied} pages with ${last[1]} by name` : ''}`,
  );
}

export function topTenCheck(id: string): LabCheck {
  return {
    id,
    title: 'the pages with the most in-links, in order',
    evaluate(run) {
      const report = jobReport(run);
      if (report.kind !== 'mapreduce') return fail('this lab is about MapReduce: export an array of MapReduce jobs');
      const { text, n } = graphOf(run);
      return judgeTop(report.result, report.metrics.jobs, text, n);
    },
  };
}

export function twoJobsCheck(id: string): LabCheck {
  return {
    id,
    title: 'two chained jobs ran',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      if (report.metrics.jobs > 2)
        return fail(
          `${report.metrics.jobs} jobs ran: this question needs two, one that counts and one that sorts the counts`,
        );
      const end1 = report.trace.find((e) => e.type === 'jobFinished' && e.job === jobId(0))?.t ?? 0;
      return pass(
        `2 jobs ran one after the other: ${jobId(0)} finished at ${seconds(end1)}, then ${jobId(1)} ran until ${seconds(report.simulatedMs)}`,
      );
    },
  };
}

/** Job 2 started one mapper per part file of job 1 and read back exactly the bytes job 1 wrote. */
export function readsIntermediateCheck(id: string): LabCheck {
  return {
    id,
    title: 'job 2 reads what job 1 wrote',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const dir = outputDir(report, 0);
      const parts = partFiles(report, 0).length;
      const written = jobCounter(report, 0, 'HDFS_BYTES_WRITTEN');
      const read = jobCounter(report, 1, 'HDFS_BYTES_READ');
      const maps = jobAttempts(report, 1, 'map').length;
      if (dir === null) return fail('job 1 wrote no part files: give it an output directory and a reduce');
      const counts = graphFacts(graphOf(run).text).inLinks;
      const lines = jobCounter(report, 0, 'REDUCE_OUTPUT_RECORDS');
      const wanted = countLinesBytes(counts);
      if (lines !== counts.size || written !== wanted)
        return fail(
          `job 1 wrote ${plural(lines, 'counted line')} (${plural(written, 'byte')}) to ${dir}; the graph has ${count(counts.size)} pages with in-links, so job 1's reducers should write one \`page<TAB>count\` line each (${count(wanted)} bytes): count in job 1, rank in job 2`,
        );
      if (read !== written || maps !== parts)
        return fail(
          `job 1 wrote ${plural(written, 'byte')} in ${plural(parts, 'part file')} under ${dir}, but job 2 read ${plural(read, 'byte')} with ${plural(maps, 'map task')}: job 2's input must be job 1's output directory, ${dir}`,
        );
      return pass(
        `job 1 wrote ${plural(written, 'byte')} to ${dir} in ${plural(parts, 'part file')}; job 2 read the same ${plural(read, 'byte')} back, one map task per part file`,
      );
    },
  };
}

/**
 * The intermediate result's round trip as the counters and the trace tell it: job 1's
 * HDFS_BYTES_WRITTEN, the bytes of the blocks allocated for its part files, job 2's HDFS_BYTES_READ.
 */
export function roundTripCheck(id: string): LabCheck {
  return {
    id,
    title: 'the intermediate bytes written and read back match the trace',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const written = jobCounter(report, 0, 'HDFS_BYTES_WRITTEN');
      const read = jobCounter(report, 1, 'HDFS_BYTES_READ');
      const blocks = partBlocks(report, 0);
      const { bytes, stored } = intermediateBytes(report);
      const dir = outputDir(report, 0) ?? "job 1's output";
      if (written !== bytes || read !== bytes)
        return fail(
          `job 1 counted ${plural(written, 'byte')} written (HDFS_BYTES_WRITTEN), the trace shows ${plural(bytes, 'byte')} in the blocks of ${dir}, and job 2 counted ${plural(read, 'byte')} read (HDFS_BYTES_READ): job 2 must read exactly job 1's output directory, ${dir}`,
        );
      return pass(
        `job 1 wrote ${plural(bytes, 'byte')} to ${dir}: ${plural(blocks.length, 'block')} (blockAllocated in the trace), ${count(stored)} bytes on DataNode disks counting every replica; job 2 read the same ${plural(read, 'byte')} back`,
      );
    },
  };
}

/** Every block of the intermediate result has one replica. */
export function oneReplicaCheck(id: string): LabCheck {
  return {
    id,
    title: 'the intermediate result is stored once',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const blocks = partBlocks(report, 0);
      const dir = outputDir(report, 0) ?? "job 1's output";
      const copied = blocks.filter((b) => b.replicas.length !== 1);
      if (blocks.length === 0) return fail('job 1 wrote no part files: give it an output directory and a reduce');
      if (copied.length > 0) {
        const b = copied[0]!;
        return fail(
          `${plural(copied.length, 'block')} of ${dir} ${copied.length === 1 ? 'has' : 'have'} more than one replica (blk_${b.block} of ${b.path} is on ${b.replicas.join(', ')}): ask HDFS for a single replica of job 1's output, in job 1's configuration`,
        );
      }
      const answer = partBlocks(report, 1).find((a) => a.replicas.length < 3);
      if (answer)
        return fail(
          `the answer's ${answer.path} has ${plural(answer.replicas.length, 'replica')}: only the intermediate result is cheap to make again; the answer keeps HDFS's default of three, so set the replication in job 1 only`,
        );
      return pass(
        `all ${plural(blocks.length, 'block')} of ${dir} have one replica, each on the machine of the reducer that wrote it (${blocks.map((b) => b.replicas[0]).join(', ')})`,
      );
    },
  };
}

/** Fewer bytes reach DataNode disks and the network than with the default three replicas (an extra run). */
export function fewerBytesCheck(id: string, reference: string): LabCheck {
  return {
    id,
    title: 'fewer intermediate bytes on disks and on the network',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const ref = extraReport(run, reference);
      const mine = intermediateBytes(report);
      const theirs = intermediateBytes(ref);
      const detail = `the intermediate result took ${count(mine.stored)} bytes on DataNode disks and sent ${count(mine.network)} bytes between machines while being written; with three replicas ${count(theirs.stored)} and ${count(theirs.network)}`;
      if (mine.stored >= theirs.stored) return fail(`${detail}: store job 1's output with fewer replicas`);
      return pass(
        `${detail}. The chain took ${seconds(report.simulatedMs)}, ${seconds(ref.simulatedMs)} with three replicas`,
      );
    },
  };
}

/** Job 2 launched exactly one map task per part file of job 1. */
export function mapperPerPartCheck(id: string): LabCheck {
  return {
    id,
    title: 'job 2 starts one mapper per part file of job 1',
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const parts = partFiles(report, 0).length;
      const reducers = jobAttempts(report, 0, 'reduce').length;
      const maps = jobAttempts(report, 1, 'map').length;
      if (maps !== parts)
        return fail(
          `job 1 wrote ${plural(parts, 'part file')}, but job 2 ran ${plural(maps, 'map task')}: job 2's input must be job 1's output directory and nothing else`,
        );
      return pass(
        `job 1's ${plural(reducers, 'reducer')} wrote ${plural(parts, 'part file')}, and job 2 started ${plural(maps, 'map task')}, one per file`,
      );
    },
  };
}

/** Job 2's map tasks spend at most `limitMs` starting containers altogether. */
export function startupCheck(id: string, limitMs: number): LabCheck {
  return {
    id,
    title: `job 2's mappers spend at most ${seconds(limitMs)} starting up`,
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const maps = jobAttempts(report, 1, 'map');
      const startup = maps.reduce((s, a) => s + a.cost.startup, 0);
      const work = maps.reduce((s, a) => s + a.cost.read + a.cost.compute + a.cost.spill, 0);
      const read = jobCounter(report, 1, 'HDFS_BYTES_READ');
      const detail = `job 2's ${plural(maps.length, 'map task')} spent ${seconds(startup)} starting containers altogether and ${seconds(work)} reading, mapping and sorting ${plural(read, 'byte')}`;
      if (startup > limitMs)
        return fail(
          `${detail} (at most ${seconds(limitMs)} expected): every part file of job 1 is one more map task in job 2, and every map task starts its own container. Give job 1 fewer reducers${injectedNote(run)}`,
        );
      return pass(detail);
    },
  };
}

/** The whole chain is at least `atLeast` times faster than a reference run (job 1 with many reducers). */
export function fasterChainCheck(id: string, reference: string, atLeast: number, what: string): LabCheck {
  return {
    id,
    title: `the chain is at least ${ratio(atLeast)} faster than with ${what}`,
    evaluate(run) {
      const report = jobReport(run);
      const why = chainOf(report);
      if (why) return fail(why);
      const ref = extraReport(run, reference);
      const factor = ref.simulatedMs / report.simulatedMs;
      const maps = (r: JobRunReport) => jobAttempts(r, 1, 'map').length;
      const detail = `with ${what} the chain took ${seconds(ref.simulatedMs)} (job 2: ${plural(maps(ref), 'map task')}), yours ${seconds(report.simulatedMs)} (job 2: ${plural(maps(report), 'map task')}): ${ratio(factor)} faster`;
      if (factor < atLeast)
        return fail(
          `${detail}, at least ${ratio(atLeast)} expected: fewer part files from job 1 mean fewer containers for both jobs to start${injectedNote(run)}`,
        );
      return pass(detail);
    },
  };
}
