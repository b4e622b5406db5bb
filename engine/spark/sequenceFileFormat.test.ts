// SequenceFiles byte for byte as Hadoop's SequenceFile.Writer writes them, and split as
// SequenceFileRecordReader reads them.
import { describe, expect, it } from 'vitest';
import { createRng, decodeUtf8, encodeUtf8 } from '../core';
import { ByteReader, ByteWriter } from './dataBytes';
import {
  readSequenceFileHeader,
  readSplitRecords,
  SYNC_INTERVAL,
  syncMarker,
  writeSequenceFile,
  type SequenceRecord,
} from './sequenceFileFormat';

const vint = (n: number) => {
  const w = new ByteWriter();
  w.vlong(n);
  return [...w.toBytes()].map((b) => (b << 24) >> 24);
};

/** Text's bytes: vint length, UTF-8. */
const text = (s: string) => {
  const w = new ByteWriter();
  w.text(s);
  return w.toBytes();
};
const int = (n: number) => {
  const w = new ByteWriter();
  w.int(n);
  return w.toBytes();
};

describe("Hadoop's variable-length ints (WritableUtils.writeVLong)", () => {
  it('writes -112..127 in one byte, others as a length byte then big-endian bytes', () => {
    expect(vint(0)).toEqual([0]);
    expect(vint(127)).toEqual([127]);
    expect(vint(-112)).toEqual([-112]);
    expect(vint(128)).toEqual([-113, -128]);
    expect(vint(300)).toEqual([-114, 1, 44]);
    expect(vint(-113)).toEqual([-121, 112]);
    expect(vint(2 ** 40)).toEqual([-118, 1, 0, 0, 0, 0, 0]);
  });

  it('reads back what it writes, across the range', () => {
    const rng = createRng('vint');
    const values = [0, -1, 127, 128, -112, -113, 255, 256, 65_535, -65_536, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 - 1];
    for (let i = 0; i < 200; i++) values.push(Math.floor((rng.next() - 0.5) * 2 ** (1 + rng.int(52))));
    const w = new ByteWriter();
    for (const v of values) w.vlong(v);
    const r = new ByteReader(w.toBytes());
    expect(values.map(() => r.vlong())).toEqual(values);
  });
});

describe('writeSequenceFile', () => {
  const sync = syncMarker('/out/p/part-00000');
  const record = (k: string, v: number): SequenceRecord => ({ key: text(k), value: int(v) });

  it('writes the version-6 header as Hadoop does: SEQ 6, class names with a vint length, flags, metadata, sync', () => {
    const bytes = writeSequenceFile('org.apache.hadoop.io.Text', 'org.apache.hadoop.io.IntWritable', [], sync);
    const expected = [
      ...encodeUtf8('SEQ'),
      6,
      25, // "org.apache.hadoop.io.Text".length
      ...encodeUtf8('org.apache.hadoop.io.Text'),
      32,
      ...encodeUtf8('org.apache.hadoop.io.IntWritable'),
      0, // not compressed
      0, // not block-compressed
      0,
      0,
      0,
      0, // no metadata
      ...sync,
    ];
    expect([...bytes]).toEqual(expected);
    expect(decodeUtf8(bytes.subarray(0, 3))).toBe('SEQ');
    const header = readSequenceFileHeader(bytes, '/out/p/part-00000');
    expect(header).toMatchObject({
      version: 6,
      keyClass: 'org.apache.hadoop.io.Text',
      valueClass: 'org.apache.hadoop.io.IntWritable',
      compressed: false,
      blockCompressed: false,
      metadata: [],
      end: bytes.length,
    });
  });

  it('writes each record as its length, its key length, the key and the value', () => {
    const empty = writeSequenceFile('org.apache.hadoop.io.Text', 'org.apache.hadoop.io.IntWritable', [], sync);
    const bytes = writeSequenceFile(
      'org.apache.hadoop.io.Text',
      'org.apache.hadoop.io.IntWritable',
      [record('hé', 7)],
      sync,
    );
    // Text "hé": vint 3, 68 C3 A9; IntWritable 7: 00 00 00 07.
    expect([...bytes.subarray(empty.length)]).toEqual([0, 0, 0, 8, 0, 0, 0, 4, 3, 0x68, 0xc3, 0xa9, 0, 0, 0, 7]);
  });

  it('gives each path its own sync marker, the same on every run', () => {
    expect(syncMarker('/a/part-00000')).toEqual(syncMarker('/a/part-00000'));
    expect(syncMarker('/a/part-00000')).not.toEqual(syncMarker('/a/part-00001'));
    expect(syncMarker('/a').length).toBe(16);
  });

  it('writes a sync entry (-1, then the marker) before the first record past each SYNC_INTERVAL', () => {
    const records = Array.from({ length: 30_000 }, (_, i) => record(`key-${i}`, i));
    const bytes = writeSequenceFile('org.apache.hadoop.io.Text', 'org.apache.hadoop.io.IntWritable', records, sync);
    const syncs: number[] = [];
    for (let at = 0; at + 20 <= bytes.length; at++)
      if (bytes[at] === 0xff && bytes[at + 1] === 0xff && bytes[at + 2] === 0xff && bytes[at + 3] === 0xff)
        if (sync.every((b, j) => bytes[at + 4 + j] === b)) syncs.push(at);
    expect(bytes.length).toBeGreaterThan(3 * SYNC_INTERVAL);
    expect(syncs.length).toBe(Math.floor(bytes.length / SYNC_INTERVAL));
    // Each comes at the first record boundary at or past SYNC_INTERVAL bytes after the previous sync's end.
    let last = 0;
    for (const s of syncs) {
      expect(s).toBeGreaterThanOrEqual(last + SYNC_INTERVAL);
      expect(s).toBeLessThan(last + SYNC_INTERVAL + 30);
      last = s + 20;
    }
  });
});

describe('readSplitRecords (SequenceFileRecordReader)', () => {
  const path = '/out/big/part-00000';
  const sync = syncMarker(path);
  const records = Array.from({ length: 20_000 }, (_, i) => ({ key: text(`k${i}`), value: int(i) }));
  const bytes = writeSequenceFile('org.apache.hadoop.io.Text', 'org.apache.hadoop.io.IntWritable', records, sync);
  const header = readSequenceFileHeader(bytes, path);
  const values = (rs: SequenceRecord[]) => rs.map((r) => new ByteReader(r.value).int());

  it('reads every record exactly once, in order, whatever the split points', () => {
    const rng = createRng('splits');
    for (let trial = 0; trial < 20; trial++) {
      const cuts = [0, ...Array.from({ length: 1 + rng.int(6) }, () => rng.int(bytes.length)), bytes.length].sort(
        (a, b) => a - b,
      );
      const all: number[] = [];
      for (let i = 0; i + 1 < cuts.length; i++)
        all.push(...values(readSplitRecords(bytes, header, cuts[i]!, cuts[i + 1]!, path)));
      expect(all).toEqual(records.map((_, i) => i));
    }
  });

  it('gives a split that holds no sync marker nothing: its records belong to the split before', () => {
    const firstSync = bytes.indexOf(0xff, header.end);
    expect(readSplitRecords(bytes, header, header.end + 10, firstSync - 10, path)).toEqual([]);
    expect(values(readSplitRecords(bytes, header, 0, header.end + 10, path)).length).toBeGreaterThan(1000);
  });

  it('gives a split inside the header nothing when the header reaches its end', () => {
    expect(readSplitRecords(bytes, header, 0, 20, path)).toEqual([]);
  });

  it("refuses a file that is not a SequenceFile with Hadoop's message", () => {
    expect(() => readSequenceFileHeader(encodeUtf8('a,b\n1,2\n'), '/data/x.csv')).toThrow(
      'hdfs:/data/x.csv not a SequenceFile',
    );
    expect(() => readSequenceFileHeader(new Uint8Array(0), '/e')).toThrow('hdfs:/e not a SequenceFile');
    expect(() => readSequenceFileHeader(bytes.subarray(0, 30), path)).toThrow(
      /not a SequenceFile \(its header is cut short\)/,
    );
  });

  it('says where a file ends inside a record', () => {
    expect(() => readSplitRecords(bytes.subarray(0, header.end + 10), header, 0, header.end + 10, path)).toThrow(
      /the file ends inside a record/,
    );
  });
});
