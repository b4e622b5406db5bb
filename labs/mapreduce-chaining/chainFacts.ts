/**
 * One job of a chain as the run shows it: per-job counters from the attempts' own task counters
 * (the run's counters add up every job), its part files and their blocks from the trace
 * (`partFileWritten`, `blockAllocated`), and what the intermediate result weighs.
 */
import type { JobRunReport, RunEventOf } from '../../engine/api';
import { byName } from './linkGraph';

/** `job_00001` for job index 0, as the engine names the jobs of a chain. */
export const jobId = (jobIndex: number): string => `job_${String(jobIndex + 1).padStart(5, '0')}`;

/** A Hadoop counter of one job of the chain: the sum of its successful attempts' task counters. */
export function jobCounter(report: JobRunReport, jobIndex: number, name: string): number {
  let sum = 0;
  for (const a of report.attempts)
    if (a.status === 'succeeded' && a.taskSet.startsWith(`${jobId(jobIndex)}/`)) sum += a.taskCounters?.[name] ?? 0;
  return sum;
}

/** Successful attempts of one phase of one job (one per task: a task succeeds once). */
export function jobAttempts(report: JobRunReport, jobIndex: number, phase: 'map' | 'reduce') {
  return report.attempts.filter((a) => a.status === 'succeeded' && a.taskSet === `${jobId(jobIndex)}/${phase}`);
}

/** The part files a job committed, in path order. */
export function partFiles(report: JobRunReport, jobIndex: number): string[] {
  const paths = new Set<string>();
  for (const e of report.trace) if (e.type === 'partFileWritten' && e.job === jobId(jobIndex)) paths.add(e.path);
  return [...paths].sort(byName);
}

/** The directory a job wrote its part files to ("/tmp/inlinks"), or null when it wrote none. */
export function outputDir(report: JobRunReport, jobIndex: number): string | null {
  const first = partFiles(report, jobIndex)[0];
  return first === undefined ? null : first.slice(0, first.lastIndexOf('/'));
}

/** The blocks HDFS allocated for a job's part files, as the trace shows them. */
export function partBlocks(report: JobRunReport, jobIndex: number): RunEventOf<'blockAllocated'>[] {
  const files = new Set(partFiles(report, jobIndex));
  return report.trace.filter(
    (e): e is RunEventOf<'blockAllocated'> => e.type === 'blockAllocated' && files.has(e.path),
  );
}

/** What the intermediate result weighs: logical bytes, bytes on DataNode disks, bytes sent between machines. */
export function intermediateBytes(report: JobRunReport): { bytes: number; stored: number; network: number } {
  let bytes = 0;
  let stored = 0;
  let network = 0;
  for (const b of partBlocks(report, 0)) {
    bytes += b.bytes;
    stored += b.bytes * b.replicas.length;
    // The pipeline: the writer streams to the first replica, each replica to the next.
    let from = b.writer ?? null;
    for (const node of b.replicas) {
      if (from !== node) network += b.bytes;
      from = node;
    }
  }
  return { bytes, stored, network };
}
