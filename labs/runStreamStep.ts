/**
 * Runs a stream step's KafkaJS program for real (engine/api runKafkaJob): `produce({ records })`
 * with the step's dataset, `consume({ sink, consumer })` once per consumer, on the step's topics,
 * with the step's faults and those injected from the UI; then the step's extra runs (the same
 * program under fault schedules the step does not show). Records are told apart by their own id
 * field, in the log and in the sink.
 */
import { jsonFieldIdentity, produceConsumePrograms, runKafkaJob, type KafkaJobReport } from '../engine/api';
import { brokerNodeIds, checkKafkaFaults, type KafkaFault } from '../engine/streaming';
import { ValidationError } from '../engine/core';
import type { JobSource, TaskRunner } from '../engine/sandbox';
import { clusterOf } from './clusterOf';
import type { Lab, RunVariant, StreamRunSettings, StreamStep } from './labTypes';

export interface StreamStepRuns {
  report: KafkaJobReport;
  extra: { id: string; label: string; report: KafkaJobReport }[];
}

/** A lab's JSON-lines dataset as the records `produce` is given (parsed once per dataset text). */
const parsed = new WeakMap<object, { text: string; records: unknown[] }>();

/** `data`: the datasets as the run has them (a practice attempt's: labs/practiceSeed.ts); the lab's own without it. */
export function datasetRecords(lab: Lab, datasetId: string, data?: RunVariant): unknown[] {
  const dataset = lab.datasets.find((d) => d.id === datasetId);
  if (!dataset) throw new Error(`lab '${lab.id}': dataset '${datasetId}' does not exist`);
  const text = data ? data.text(datasetId) : dataset.text();
  const known = parsed.get(dataset);
  if (known && known.text === text) return known.records;
  const records = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  parsed.set(dataset, { text, records });
  return records;
}

export async function runStreamSettings(
  lab: Lab,
  settings: StreamRunSettings,
  source: JobSource,
  runner: TaskRunner,
  seed: number,
  injected: readonly KafkaFault[],
  data?: RunVariant,
): Promise<KafkaJobReport> {
  // The page's faults are checked on their own, so an error names the one the learner added.
  try {
    checkKafkaFaults(injected, brokerNodeIds(clusterOf(settings.cluster), settings.brokers ?? 3));
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(error.path.replace(/^faults/, 'faults from the page'), error.problem);
    throw error;
  }
  return runKafkaJob({
    runner,
    source,
    seed,
    cluster: clusterOf(settings.cluster),
    brokers: settings.brokers ?? 3,
    topics: settings.topics.map((t) => ({ ...t })),
    programs: produceConsumePrograms(
      source.fileName,
      datasetRecords(lab, settings.records, data),
      settings.consumers,
      settings.structuredStreaming === true,
    ),
    untilMs: settings.durationMs,
    processingMsPerMessage: settings.processingMs ?? 0,
    faults: [...(settings.faults ?? []), ...injected],
    recordId: jsonFieldIdentity(settings.recordId),
    ...(settings.groupId !== undefined ? { groupId: settings.groupId } : {}),
    ...(settings.storeTopic !== undefined ? { storeTopic: settings.storeTopic } : {}),
  });
}

export async function runStreamStep(
  lab: Lab,
  step: StreamStep,
  source: JobSource,
  runner: TaskRunner,
  seed: number,
  injected: readonly KafkaFault[],
  data: RunVariant,
  /** An extra run's seed from its own (practice mixes in the attempt's seed: labs/practiceSeed.ts). */
  extraSeed: (runSeed: number) => number = (runSeed) => runSeed,
): Promise<StreamStepRuns> {
  const report = await runStreamSettings(lab, step.run, source, runner, seed, injected, data);
  const extra: StreamStepRuns['extra'] = [];
  for (const x of step.extraRuns ?? [])
    extra.push({
      id: x.id,
      label: x.label,
      report: await runStreamSettings(lab, x.run, source, runner, extraSeed(x.run.seed), [], data),
    });
  return { report, extra };
}
