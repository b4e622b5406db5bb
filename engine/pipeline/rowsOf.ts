/**
 * What a batch of events becomes on the wire and in a store: raw, one row per event; counted by
 * key (a Spark part whose `op` is countByKey), one row per key in the batch.
 */
import type { PartRuntime } from './partRuntime';

/** Bytes of one count row: the key, the count and the row's overhead. */
export const COUNT_ROW_BYTES = 48;

export function aggregates(from: PartRuntime): boolean {
  const t = from.spec.type;
  return (t === 'spark-streaming' || t === 'spark-batch') && from.word('op') === 'countByKey';
}

export function rowsOf(
  from: PartRuntime,
  ids: readonly number[],
): { rows: number; bytes: number; keys: Set<number> | null } {
  if (!aggregates(from)) return { rows: ids.length, bytes: ids.length * from.ctx.eventBytes, keys: null };
  const keys = new Set<number>();
  const k = from.ctx.ledger.keys;
  for (const id of ids) keys.add(k[id]!);
  return { rows: keys.size, bytes: keys.size * COUNT_ROW_BYTES, keys };
}
