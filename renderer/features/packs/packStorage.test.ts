// The packs' storage: records read back from IndexedDB are only used when they are what the app
// wrote; without IndexedDB, opening the storage fails (the store then keeps packs for the session).
import { describe, expect, it } from 'vitest';
import { keptRecord, memoryStorage, openIndexedDbStorage } from './packStorage';

describe('the packs storage', () => {
  it('takes back only records of the shape it writes', () => {
    expect(keptRecord({ id: 'p', fileName: 'p.clusterlab', text: '{}', extra: 1 })).toEqual({
      id: 'p',
      fileName: 'p.clusterlab',
      text: '{}',
    });
    for (const bad of [
      null,
      'p',
      42,
      [],
      { id: 'p' },
      { id: 1, fileName: 'x', text: 'y' },
      { id: 'p', fileName: 'x', text: 5 },
    ])
      expect(keptRecord(bad)).toBeNull();
  });

  it('refuses to open without IndexedDB', async () => {
    await expect(openIndexedDbStorage(undefined)).rejects.toThrow('IndexedDB is not available');
  });

  it('keeps one record per pack id in memory, a copy of what was put', async () => {
    const store = memoryStorage();
    const record = { id: 'p', fileName: 'a.clusterlab', text: 'one' };
    await store.put(record);
    record.text = 'changed';
    await store.put({ id: 'p', fileName: 'b.clusterlab', text: 'two' });
    expect(await store.all()).toEqual([{ id: 'p', fileName: 'b.clusterlab', text: 'two' }]);
    await store.remove('p');
    expect(await store.all()).toEqual([]);
  });
});
