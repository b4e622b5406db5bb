import { describe, expect, it } from 'vitest';
import { readCapped, type BatchLike } from './readCapped';
import { queryResult } from './queryResult';

const schema = { fields: [{ name: 'n' }] };

function batch(from: number, rows: number): BatchLike {
  return {
    numRows: rows,
    schema,
    getChildAt: (i) => (i === 0 ? { type: { typeId: 2 }, get: (r: number) => from + r } : null),
  };
}

async function* batches(count: number, size: number, read: { batches: number }) {
  for (let b = 0; b < count; b++) {
    read.batches++;
    yield batch(b * size, size);
  }
}

describe('readCapped', () => {
  it('keeps the first rows across batches and counts them all', async () => {
    const read = { batches: 0 };
    const answer = await readCapped(batches(5, 300, read), 500, 1_000_000, null, async () => {});
    expect(answer.total).toBe(1_500);
    expect(answer.more).toBe(false);
    const result = queryResult(answer.table, 500);
    expect(result.rows).toHaveLength(500);
    expect(result.rows[0]).toEqual([0]);
    expect(result.rows[299]).toEqual([299]);
    expect(result.rows[300]).toEqual([300]);
    expect(result.rows[499]).toEqual([499]);
    expect(result.columns).toEqual(['n']);
  });

  it('stops reading past the count cap and cancels the query (a billion rows never arrive)', async () => {
    const read = { batches: 0 };
    let cancelled = 0;
    const answer = await readCapped(batches(1_000_000, 1_000, read), 500, 10_000, null, async () => cancelled++);
    expect(answer.more).toBe(true);
    expect(answer.total).toBe(10_000);
    expect(read.batches).toBe(11);
    expect(cancelled).toBe(1);
  });

  it('an answer without rows keeps its columns', async () => {
    const read = { batches: 0 };
    const answer = await readCapped(batches(0, 0, read), 500, 10, schema, async () => {});
    expect(answer.total).toBe(0);
    expect(queryResult(answer.table, 500).columns).toEqual(['n']);
  });
});
