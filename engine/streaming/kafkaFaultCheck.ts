/**
 * Proves that the faults a streaming run is given are faults it can apply, before the run starts:
 * they come from a lab, the CLI's flags or the app's buttons, and a forged one must be told, by
 * its field, not ignored or crash the host. Returns plain copies.
 */
import { ValidationError } from '../core';
import type { KafkaCrashPoint, KafkaFault } from './kafkaFaults';

export const MAX_KAFKA_FAULTS = 100;
/** The latest simulated time a fault may name (ms): a day. */
const MAX_FAULT_MS = 86_400_000;
const POINTS: readonly KafkaCrashPoint[] = ['before-processing', 'after-processing', 'after-commit'];

export function checkKafkaFaults(faults: unknown, brokerIds: readonly string[]): KafkaFault[] {
  if (!Array.isArray(faults)) throw new ValidationError('faults', 'must be an array');
  if (faults.length > MAX_KAFKA_FAULTS)
    throw new ValidationError('faults', `at most ${MAX_KAFKA_FAULTS} faults, got ${faults.length}`);
  return faults.map((f: unknown, i): KafkaFault => {
    const at = `faults[${i}]`;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new ValidationError(at, 'must be an object');
    const o = f as Record<string, unknown>;
    // Times are simulated milliseconds (`atMs`, `restartAfterMs`, ...): the message says so.
    const int = (field: string, min: number, max: number): number => {
      const v = o[field];
      const unit = field.endsWith('Ms') ? ' (simulated ms)' : '';
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        throw new ValidationError(
          `${at}.${field}`,
          `must be an integer from ${min} to ${max}${unit}, got ${String(v)}`,
        );
      return v;
    };
    if (o.kind === 'crashConsumer') {
      if (!POINTS.includes(o.point as KafkaCrashPoint))
        throw new ValidationError(`${at}.point`, `must be one of ${POINTS.join(', ')}, got ${String(o.point)}`);
      return {
        kind: 'crashConsumer',
        consumer: int('consumer', 1, 1000),
        atMessage: int('atMessage', 1, 1_000_000),
        point: o.point as KafkaCrashPoint,
      };
    }
    if (o.kind === 'killBroker') {
      if (typeof o.broker !== 'string' || !brokerIds.includes(o.broker))
        throw new ValidationError(
          `${at}.broker`,
          `must be one of the brokers (${brokerIds.join(', ')}), got ${String(o.broker)}`,
        );
      const atMs = int('atMs', 0, MAX_FAULT_MS);
      return o.restartAfterMs === undefined
        ? { kind: 'killBroker', broker: o.broker, atMs }
        : { kind: 'killBroker', broker: o.broker, atMs, restartAfterMs: int('restartAfterMs', 1, MAX_FAULT_MS) };
    }
    if (o.kind === 'cutNetwork') {
      const fromMs = int('fromMs', 0, MAX_FAULT_MS);
      return {
        kind: 'cutNetwork',
        producer: int('producer', 1, 1000),
        fromMs,
        toMs: int('toMs', fromMs, MAX_FAULT_MS),
      };
    }
    throw new ValidationError(`${at}.kind`, `must be crashConsumer, killBroker or cutNetwork, got ${String(o.kind)}`);
  });
}
