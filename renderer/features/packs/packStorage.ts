/**
 * Where opened lab packs are kept across restarts: IndexedDB (database 'clusterlab-packs', one
 * record per pack id holding its archive text). It works in the web build and in the desktop
 * app (app:// is a standard, secure scheme). `PackStorage` is the small interface the packs
 * store uses, so the tests can give it an in-memory one.
 */
import type { KeptPack } from './openPacks';

export interface PackStorage {
  all(): Promise<KeptPack[]>;
  put(record: KeptPack): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB_NAME = 'clusterlab-packs';
const STORE = 'packs';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** A record read back from the database, or null when it is not one this app wrote. */
export function keptRecord(value: unknown): KeptPack | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.fileName !== 'string' || typeof o.text !== 'string') return null;
  return { id: o.id, fileName: o.fileName, text: o.text };
}

/** Opens the packs' database; rejects when IndexedDB is missing or refused (a private window, a locked profile). */
export async function openIndexedDbStorage(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<PackStorage> {
  if (!factory) throw new Error('IndexedDB is not available');
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const db = await request(open);
  return {
    async all() {
      const values = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
      return values.map(keptRecord).filter((r): r is KeptPack => r !== null);
    },
    async put(record) {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put({ id: record.id, fileName: record.fileName, text: record.text });
      await done(tx);
    },
    async remove(id) {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(id);
      await done(tx);
    },
  };
}

/** An in-memory PackStorage (the tests'; also what a session without IndexedDB would keep). */
export function memoryStorage(initial: KeptPack[] = []): PackStorage & { records: Map<string, KeptPack> } {
  const records = new Map(initial.map((r) => [r.id, r]));
  return {
    records,
    all: async () => [...records.values()],
    put: async (r) => {
      records.set(r.id, { ...r });
    },
    remove: async (id) => {
      records.delete(id);
    },
  };
}
