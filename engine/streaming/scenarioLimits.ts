/** The streaming simulator's limits, checked once a scenario's fields are read and before anything is built. */
import { ValidationError, formatCount } from '../core';
import type { ScenarioSpec } from './scenarioSpec';

/** The streaming simulator's limits: past them a run would only exhaust memory or the budget. */
export const SCENARIO_LIMITS = {
  brokers: 100,
  partitions: 1000,
  consumers: 100,
  producers: 100,
  /** One simulated day. */
  durationMs: 24 * 3600_000,
  ratePerSec: 100_000,
  /** Records all producers may send in one run (rate × duration, summed). */
  records: 2_000_000,
  /** Consumers poll at most every millisecond. */
  minBatchIntervalMs: 1,
  /** A sliding window's size / slide: windows one record belongs to. */
  windowsPerRecord: 1000,
} as const;

/** Checked after the fields are read and before anything is built, naming the field, the limit and the value. */
export function checkScenarioLimits(s: ScenarioSpec): void {
  const L = SCENARIO_LIMITS;
  const atMost = (path: string, value: number, max: number, unit = '') => {
    if (value > max)
      throw new ValidationError(path, `must be at most ${formatCount(max)}${unit}, got ${formatCount(value)}`);
  };
  atMost('brokers', s.brokers, L.brokers);
  atMost('topic.partitions', s.topic.partitions, L.partitions);
  atMost('consumers.count', s.consumers.count, L.consumers);
  atMost('producers', s.producers.length, L.producers, ' producers');
  atMost('durationMs', s.durationMs, L.durationMs, ' (one simulated day)');
  let records = 0;
  s.producers.forEach((p, i) => {
    atMost(`producers[${i}].ratePerSec`, p.ratePerSec, L.ratePerSec);
    records += (p.ratePerSec * s.durationMs) / 1000;
  });
  if (records > L.records)
    throw new ValidationError(
      'producers',
      `would send ${formatCount(records)} records in durationMs (ratePerSec × durationMs), more than the limit of ${formatCount(L.records)}: lower a rate or the duration`,
    );
  if (s.consumers.batchIntervalMs < L.minBatchIntervalMs)
    throw new ValidationError(
      'consumers.batchIntervalMs',
      `must be at least ${L.minBatchIntervalMs} ms, got ${s.consumers.batchIntervalMs}`,
    );
  if (s.window && s.window.sizeMs / s.window.slideMs > L.windowsPerRecord)
    throw new ValidationError(
      'window.slideMs',
      `puts each record in ${formatCount(s.window.sizeMs / s.window.slideMs)} windows (sizeMs / slideMs), more than the limit of ${formatCount(L.windowsPerRecord)}`,
    );
}
