import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../bridge/storageKey';
import { readStored } from './tabSync';

const storage = (value: string | null) => ({ getItem: (k: string) => (k === STORAGE_KEY ? value : null) }) as Storage;

describe('readStored', () => {
  it("reads another tab's save, and tells a newer format apart so it is never saved over", () => {
    expect(readStored(storage(null))).toEqual({ kind: 'none' });
    expect(readStored(storage('{oops'))).toEqual({ kind: 'none' });
    expect(readStored(storage('{"version":2,"labs":{}}'))).toEqual({ kind: 'other-version', version: 2 });
    const saved = { version: 1, labs: { a: { step: 0, steps: { s: { code: 'x', updatedAt: 7 } } } } };
    expect(readStored(storage(JSON.stringify(saved)))).toEqual({ kind: 'ok', progress: saved });
  });
});
