/**
 * Hadoop's SequenceFile (org.apache.hadoop.io.SequenceFile), uncompressed, as its Writer writes
 * and its Reader reads it. The header: "SEQ", version 6, the key and value class names (each a
 * vint length and UTF-8 bytes), two booleans (compressed, block-compressed: both false here, as
 * Spark writes without a codec), the metadata (a 4-byte count of Text pairs) and a 16-byte sync
 * marker. Then each record: its length and its key's length (4-byte ints), the key's bytes and
 * the value's. Before a record, once SYNC_INTERVAL bytes were written since the last one, a sync
 * entry: -1 then the marker. A split is read as SequenceFileRecordReader does: from its start's
 * next sync (the header's end for the first), until a record past its end that follows a sync.
 */
import { ByteReader, ByteWriter, EofError } from './dataBytes';
import { hashString } from '../core';
import { qualified } from './sparkPaths';

const MAGIC = [0x53, 0x45, 0x51]; // "SEQ"
export const VERSION = 6;
const SYNC_ESCAPE = -1;
const SYNC_HASH_SIZE = 16;
const SYNC_SIZE = 4 + SYNC_HASH_SIZE;
/** Hadoop 3's SequenceFile.SYNC_INTERVAL: 5 KB × SYNC_SIZE, 100 KB (Hadoop 2.7 and before: 2,000 bytes). */
export const SYNC_INTERVAL = 5 * 1024 * SYNC_SIZE;

/** Hadoop's IOException, as the SequenceFile Reader and Writer throw it. */
export class SequenceFileIOError extends Error {
  override name = 'IOException';
}

export interface SequenceFileHeader {
  version: number;
  keyClass: string;
  valueClass: string;
  compressed: boolean;
  blockCompressed: boolean;
  metadata: [string, string][];
  sync: Uint8Array;
  /** Where the records begin (the Reader's headerEnd). */
  end: number;
}

/** A record's key and value bytes (views into the file's bytes). */
export interface SequenceRecord {
  key: Uint8Array;
  value: Uint8Array;
}

/**
 * A file's sync marker. Hadoop's is the MD5 of a new UID and the time, different for every file;
 * the simulator's is a hash of the file's path, so the same program writes the same bytes.
 */
export function syncMarker(path: string): Uint8Array {
  const out = new ByteWriter();
  for (let part = 0; part < 4; part++) out.int(hashString(`sync ${part} ${path}`) | 0);
  return out.toBytes();
}

/** A whole SequenceFile of these records (their key and value bytes as the Writables wrote them). */
export function writeSequenceFile(
  keyClass: string,
  valueClass: string,
  records: Iterable<SequenceRecord>,
  sync: Uint8Array,
): Uint8Array {
  const out = new ByteWriter();
  for (const b of MAGIC) out.byte(b);
  out.byte(VERSION);
  out.text(keyClass);
  out.text(valueClass);
  out.byte(0); // compressed: no
  out.byte(0); // block-compressed: no
  out.int(0); // metadata: no entries
  out.bytes(sync);
  let lastSyncPos = 0;
  for (const r of records) {
    if (out.length >= lastSyncPos + SYNC_INTERVAL) {
      out.int(SYNC_ESCAPE);
      out.bytes(sync);
      lastSyncPos = out.length;
    }
    out.int(r.key.length + r.value.length);
    out.int(r.key.length);
    out.bytes(r.key);
    out.bytes(r.value);
  }
  return out.toBytes();
}

/** The header of a SequenceFile; IOException "hdfs:/p not a SequenceFile" when it is not one (Reader.init). */
export function readSequenceFileHeader(bytes: Uint8Array, path: string): SequenceFileHeader {
  const name = qualified(path);
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new SequenceFileIOError(`${name} not a SequenceFile`);
  const version = bytes[3]!;
  if (version !== VERSION)
    throw new SequenceFileIOError(
      `${name}: SequenceFile version ${version}; the simulator reads version ${VERSION}, the one Hadoop writes`,
    );
  try {
    const r = new ByteReader(bytes, 4);
    const keyClass = r.text();
    const valueClass = r.text();
    const compressed = r.byte() !== 0;
    const blockCompressed = r.byte() !== 0;
    if (compressed)
      throw new SequenceFileIOError(
        `${name} is a compressed SequenceFile (codec ${r.text()}); the simulator reads uncompressed ones, as saveAsSequenceFile writes them`,
      );
    const count = r.int();
    const metadata: [string, string][] = [];
    for (let i = 0; i < count; i++) metadata.push([r.text(), r.text()]);
    const sync = r.bytes(SYNC_HASH_SIZE).slice();
    return { version, keyClass, valueClass, compressed, blockCompressed, metadata, sync, end: r.pos };
  } catch (error) {
    if (error instanceof EofError)
      throw new SequenceFileIOError(`${name} not a SequenceFile (its header is cut short)`);
    throw error;
  }
}

/** Where the first sync entry at or after `from` begins (Reader.sync), or the file's end. */
function nextSync(bytes: Uint8Array, sync: Uint8Array, from: number): number {
  for (let at = from; at + SYNC_SIZE <= bytes.length; at++) {
    if (bytes[at] !== 0xff || bytes[at + 1] !== 0xff || bytes[at + 2] !== 0xff || bytes[at + 3] !== 0xff) continue;
    let j = 0;
    while (j < SYNC_HASH_SIZE && bytes[at + 4 + j] === sync[j]) j++;
    if (j === SYNC_HASH_SIZE) return at;
  }
  return bytes.length;
}

/**
 * The records of the split [start, end) of a file, as SequenceFileRecordReader reads them: from
 * the header's end when the split starts within the header, else from the first sync at or after
 * its start; a record at or past `end` that comes right after a sync belongs to the next split.
 */
export function readSplitRecords(
  bytes: Uint8Array,
  header: SequenceFileHeader,
  start: number,
  end: number,
  path: string,
): SequenceRecord[] {
  let pos = start > header.end ? nextSync(bytes, header.sync, start) : header.end;
  const out: SequenceRecord[] = [];
  if (pos >= end) return out;
  const r = new ByteReader(bytes, pos);
  try {
    while (r.pos < bytes.length) {
      pos = r.pos;
      let length = r.int();
      let syncSeen = false;
      if (length === SYNC_ESCAPE) {
        const check = r.bytes(SYNC_HASH_SIZE);
        if (check.some((b, i) => b !== header.sync[i]))
          throw new SequenceFileIOError(
            `File is corrupt! (a sync entry at offset ${pos} of ${qualified(path)} does not match the header's)`,
          );
        syncSeen = true;
        length = r.int();
      }
      if (pos >= end && syncSeen) break;
      const keyLength = r.int();
      if (length < 0 || keyLength < 0 || keyLength > length)
        throw new SequenceFileIOError(
          `${qualified(path)}: a record at offset ${pos} has lengths ${length} and ${keyLength}`,
        );
      out.push({ key: r.bytes(keyLength), value: r.bytes(length - keyLength) });
    }
  } catch (error) {
    if (error instanceof EofError)
      throw new SequenceFileIOError(
        `${qualified(path)}: the file ends inside a record (EOFException at offset ${r.pos})`,
      );
    throw error;
  }
  return out;
}
