import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../core';
import { preset } from '../cluster';
import { fixedWidthLines, randomBytes } from './contentGenerator';
import { makeHdfs } from './__tests__/makeHdfs';

describe('Hdfs namespace', () => {
  it('puts, lists, stats, appends and removes files with real bytes', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 10 });
    hdfs.mkdir('/data/raw');
    hdfs.put('/data/raw/a.txt', 'hello world, this is 35 bytes long.');
    expect(hdfs.stat('/data/raw/a.txt')).toMatchObject({
      type: 'file',
      length: 35,
      blocks: 4,
      replication: 3,
      blockSize: 10,
    });
    expect(hdfs.ls('/data').map((s) => `${s.path}:${s.type}`)).toEqual(['/data/raw:dir']);
    hdfs.append('/data/raw/a.txt', ' More!');
    expect(hdfs.readText('/data/raw/a.txt')).toBe('hello world, this is 35 bytes long. More!');
    expect(hdfs.blocks('/data/raw/a.txt').map((b) => [b.offset, b.length])).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
      [30, 10],
      [40, 1],
    ]);
    expect(decodeUtf8(hdfs.readRange('/data/raw/a.txt', 8, 6))).toBe('rld, t');
    expect(decodeUtf8(hdfs.readRange('/data/raw/a.txt', 38, 100))).toBe('re!');
    hdfs.put('/data/raw/b.txt', 'b');
    expect(hdfs.ls('/data/raw').map((s) => s.path)).toEqual(['/data/raw/a.txt', '/data/raw/b.txt']);
    expect(() => hdfs.rm('/data')).toThrow('/data: directory is not empty');
    hdfs.rm('/data', { recursive: true });
    expect(hdfs.exists('/data/raw/a.txt')).toBe(false);
    expect(hdfs.snapshot().blocks).toEqual([]);
  });

  it('rejects bad paths and commands naming the path', () => {
    const { hdfs } = makeHdfs();
    expect(() => hdfs.put('relative.txt', 'x')).toThrow("relative.txt: a DFS path must be absolute (start with '/')");
    expect(() => hdfs.put('/a//b', 'x')).toThrow("/a//b: a DFS path must not contain '//'");
    expect(() => hdfs.put('/a/../b', 'x')).toThrow("/a/../b: a DFS path must not contain '..'");
    expect(() => hdfs.stat('/missing')).toThrow('/missing: no such file or directory');
    hdfs.put('/f', 'x');
    expect(() => hdfs.put('/f', 'y')).toThrow('/f: file already exists');
    expect(() => hdfs.mkdir('/f/sub')).toThrow('/f: is a file');
    expect(() => hdfs.readText('/')).toThrow('/: is a directory');
    expect(() => hdfs.rm('/')).toThrow('/: the root directory cannot be deleted');
    expect(() => hdfs.put('/g', 'x', { replication: 0 })).toThrow(
      'options.replication: must be a positive integer, got 0',
    );
    expect(() => hdfs.put('/g', 'x', { writer: 'n42' })).toThrow('writer: unknown node "n42"');
    hdfs.put('/f', 'z', { overwrite: true });
    expect(hdfs.readText('/f')).toBe('z');
  });

  it('places replicas rack-aware: writer first, second off-rack, third beside the second', () => {
    const { hdfs, cluster } = makeHdfs(undefined, { blockSize: 4 });
    hdfs.put('/x', 'abcdefghijklmnopqrstuvwxyz', { writer: 'n2' });
    for (const b of hdfs.blocks('/x')) {
      expect(b.replicas[0]).toBe('n2');
      expect(b.racks[1]).not.toBe(b.racks[0]);
      expect(b.racks[2]).toBe(b.racks[1]);
      expect(new Set(b.replicas).size).toBe(3);
    }
    // One rack: three distinct nodes of it.
    const one = makeHdfs(preset('classroom'));
    one.hdfs.put('/y', 'y');
    expect(new Set(one.hdfs.blocks('/y')[0]!.replicas).size).toBe(3);
    expect(cluster.nodes).toHaveLength(10);
  });

  it('serves reads from the closest replica', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 1024 });
    hdfs.put('/x', 'data', { writer: 'n3' });
    const [b] = hdfs.blocks('/x');
    expect(hdfs.closestReplica(b!.id, 'n3')).toBe('n3');
    const other = b!.replicas[1]!; // on the other rack
    const sameRackAsOther = other === 'n6' ? 'n7' : 'n6';
    expect(hdfs.readPlan('/x', 0, 4, sameRackAsOther)[0]).toMatchObject({ distance: 2 });
    expect(hdfs.readPlan('/x', 0, 4, 'n3')[0]).toMatchObject({ node: 'n3', distance: 0 });
  });

  it('generates content on read without holding it (a 1 TB file)', () => {
    const { hdfs } = makeHdfs();
    const tb = 1024 ** 4;
    hdfs.putGenerated('/big/bytes.bin', tb, randomBytes(9));
    expect(hdfs.stat('/big/bytes.bin')).toMatchObject({ length: tb, blocks: 8192 });
    const a = hdfs.readRange('/big/bytes.bin', tb - 100, 64);
    const b = hdfs.readRange('/big/bytes.bin', tb - 100, 64);
    expect(a).toEqual(b);
    expect(a.some((x) => x !== a[0])).toBe(true);
    const lines = fixedWidthLines({ seed: 3, width: 16, line: (i) => `line ${i}` });
    hdfs.putGenerated('/big/lines.txt', 16 * 1000, lines, { blockSize: 1000 });
    const text = decodeUtf8(hdfs.read('/big/lines.txt'));
    expect(text.split('\n')[999]).toBe('line 999       ');
    const block = hdfs.blocks('/big/lines.txt')[1]!;
    expect(decodeUtf8(hdfs.readBlock(block.id))).toBe(text.slice(1000, 2000));
  });
});

describe('Hdfs failures', () => {
  it('declares a silent DataNode dead after the Hadoop timeout and re-replicates its blocks', () => {
    const { hdfs, kernel, faults, trace } = makeHdfs(undefined, { blockSize: 64 });
    hdfs.put('/x', new Uint8Array(640).fill(7), { writer: 'n1' });
    faults.killNode('n1', 1000);
    kernel.run({ until: 10 * 60_000 });
    expect(hdfs.deadNodes()).toEqual([]);
    kernel.run({ until: 20 * 60_000 });
    expect(hdfs.deadNodes()).toEqual(['n1']);
    const declared = trace.events.find((e) => e.type === 'dataNodeDeclaredDead')!;
    expect(declared.t).toBe(630_000); // last heartbeat at 0, + 10 min 30 s
    for (const b of hdfs.blocks('/x')) {
      expect(b.replicas).toHaveLength(3);
      expect(b.replicas).not.toContain('n1');
    }
    expect(hdfs.health).toEqual({ underReplicated: 0, missing: 0, replicationsInFlight: 0 });
    expect(hdfs.read('/x')).toEqual(new Uint8Array(640).fill(7));
  });

  it('handles a failed disk, and deletes excess replicas when a dead node returns', () => {
    const { hdfs, kernel, faults, trace } = makeHdfs(undefined, { blockSize: 64, heartbeatRecheckMs: 1000 });
    hdfs.put('/x', new Uint8Array(200).fill(1), { writer: 'n1' });
    faults.failDisk('n1', 10);
    kernel.run({ until: 60_000 });
    expect(trace.events.filter((e) => e.type === 'replicaLost')).toHaveLength(4);
    expect(hdfs.storedBlockCount('n1')).toBe(0);
    expect(hdfs.blocks('/x').every((b) => b.replicas.length === 3 && !b.replicas.includes('n1'))).toBe(true);
    // n2 dies, is re-replicated, comes back: its stale replicas are surplus.
    const onN2 = hdfs.storedBlockCount('n2');
    faults.killNode('n2', kernel.now);
    faults.restartNode('n2', kernel.now + 120_000);
    kernel.run({ until: kernel.now + 300_000 });
    expect(
      trace.events.filter((e) => e.type === 'replicaDeleted' && (e as { node?: string }).node === 'n2'),
    ).toHaveLength(onN2);
    expect(hdfs.blocks('/x').every((b) => b.replicas.length === 3)).toBe(true);
  });

  it('re-replicates off a partitioned rack and reports a block with no replica as missing', () => {
    const { hdfs, kernel, faults } = makeHdfs(undefined, { blockSize: 64, heartbeatRecheckMs: 1000 });
    hdfs.put('/x', 'x'.repeat(100), { replication: 1, writer: 'n7' });
    faults.partitionRack('r2', 0);
    kernel.run({ until: 60_000 });
    expect(hdfs.health.missing).toBe(2);
    expect(() => hdfs.read('/x')).toThrow(/\/x: block blk_1073741825 \(#0\) has no live replica/);
  });

  it('a healed partition brings its replicas back as surplus, which are deleted', () => {
    const { hdfs, kernel, faults, trace } = makeHdfs(undefined, { blockSize: 64, heartbeatRecheckMs: 1000 });
    hdfs.put('/x', 'y'.repeat(300), { writer: 'n1' });
    faults.partitionRack('r2', 0, 100_000);
    kernel.run({ until: 300_000 });
    expect(hdfs.deadNodes()).toEqual([]);
    // While r2 was cut off, every block got all three replicas on r1.
    const excess = trace.events.filter((e) => e.type === 'replicaDeleted');
    expect(excess.length).toBe(2 * 5);
    expect(hdfs.blocks('/x').every((b) => b.replicas.length === 3)).toBe(true);
  });

  it('a file deleted during re-replication leaves no replica behind', () => {
    const { hdfs, kernel, faults } = makeHdfs(undefined, { blockSize: 1024 * 1024, heartbeatRecheckMs: 1000 });
    hdfs.putGenerated('/big', 512 * 1024 * 1024, randomBytes(1), { writer: 'n1' });
    expect(hdfs.stat('/big').blocks).toBe(512);
    faults.killNode('n1', 0);
    kernel.run({ until: 35_001 }); // declared dead at 32 s, first replication round at 35 s
    expect(hdfs.health.replicationsInFlight).toBeGreaterThan(0);
    hdfs.rm('/big');
    kernel.run({ until: 60_000 });
    expect(hdfs.health).toEqual({ underReplicated: 0, missing: 0, replicationsInFlight: 0 });
    expect(['n2', 'n3', 'n6'].map((n) => hdfs.storedBlockCount(n))).toEqual([0, 0, 0]);
    expect(() => hdfs.append('/nope', 'x')).toThrow('/nope: no such file');
  });
});
