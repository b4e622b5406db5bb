import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { randomBytes } from './contentGenerator';
import { makeHdfs } from './__tests__/makeHdfs';

describe('Hdfs.readShared', () => {
  it('gives a file put in one piece as a view of its bytes, equal to read()', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 10 });
    // A view into a bigger buffer, as a Node Buffer from its pool can be.
    const backing = encodeUtf8('##hello world, this is 35 bytes long.##');
    const bytes = backing.subarray(2, 37);
    hdfs.put('/a', bytes);
    const shared = hdfs.readShared('/a');
    expect(shared).toEqual(hdfs.read('/a'));
    expect(shared.buffer).toBe(backing.buffer);
    expect(shared.byteOffset).toBe(2);
    expect(shared.length).toBe(35);
  });

  it('copies as read() does when the blocks are not one buffer (appended, generated, empty)', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 10 });
    const first = encodeUtf8('hello world, this is');
    hdfs.put('/b', first);
    hdfs.append('/b', ' more');
    expect(hdfs.readShared('/b')).toEqual(hdfs.read('/b'));
    hdfs.putGenerated('/g', 25, randomBytes(3));
    expect(hdfs.readShared('/g')).toEqual(hdfs.read('/g'));
    hdfs.put('/e', new Uint8Array(0));
    expect(hdfs.readShared('/e')).toEqual(new Uint8Array(0));
  });

  it('refuses a file with a block nobody can serve, as read() does', () => {
    const { hdfs, cluster } = makeHdfs(undefined, { blockSize: 10, replication: 1 });
    hdfs.put('/c', encodeUtf8('0123456789abcdefghij'));
    cluster.killNode(hdfs.blocks('/c')[1]!.replicas[0]!);
    expect(() => hdfs.read('/c')).toThrow(/no live replica/);
    expect(() => hdfs.readShared('/c')).toThrow(/no live replica/);
  });
});
