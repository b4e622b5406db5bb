/**
 * Reads a DuckDB answer batch by batch: the first `shown` rows are kept, the rest only counted,
 * and past `countCap` rows reading stops (the query is cancelled). So `SELECT * FROM
 * range(1000000000)` never ships a billion rows to the page, and the page stays responsive
 * while a big answer streams (each batch is awaited).
 */
import type { ArrowTableLike } from './queryResult';

type Column = NonNullable<ReturnType<ArrowTableLike['getChildAt']>>;

/** The parts of an Arrow RecordBatch used here. */
export interface BatchLike {
  numRows: number;
  schema: ArrowTableLike['schema'];
  getChildAt(index: number): Column | null;
}

export interface CappedAnswer {
  /** The kept rows as a table (at most `shown` rows). */
  table: ArrowTableLike;
  /** Rows counted (all of them, or `countCap` when `more`). */
  total: number;
  /** The answer had more than `countCap` rows: reading stopped there. */
  more: boolean;
}

export async function readCapped(
  batches: AsyncIterable<BatchLike>,
  shown: number,
  countCap: number,
  fallbackSchema: ArrowTableLike['schema'] | null,
  cancel: () => Promise<unknown>,
): Promise<CappedAnswer> {
  const kept: BatchLike[] = [];
  let keptRows = 0;
  let total = 0;
  let more = false;
  let schema = fallbackSchema;
  for await (const batch of batches) {
    schema ??= batch.schema;
    if (keptRows < shown && batch.numRows > 0) {
      kept.push(batch);
      keptRows += batch.numRows;
    }
    total += batch.numRows;
    if (total > countCap) {
      more = true;
      total = countCap;
      await cancel().catch(() => {});
      break;
    }
  }
  return { table: concatenated(kept, Math.min(keptRows, shown), schema ?? { fields: [] }), total, more };
}

/** Batches read as one table of `rows` rows. */
function concatenated(batches: BatchLike[], rows: number, schema: ArrowTableLike['schema']): ArrowTableLike {
  const starts: number[] = [];
  let start = 0;
  for (const b of batches) {
    starts.push(start);
    start += b.numRows;
  }
  return {
    numRows: rows,
    schema,
    getChildAt(index) {
      const first = batches[0]?.getChildAt(index);
      if (!first) return null;
      return {
        type: first.type,
        get(row) {
          let i = batches.length - 1;
          while (i > 0 && starts[i]! > row) i--;
          return batches[i]!.getChildAt(index)?.get(row - starts[i]!);
        },
      };
    },
  };
}
