import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { Cluster } from './cluster';
import { resolveClusterSpec } from './clusterSpec';
import { HeartbeatMonitor } from './heartbeatMonitor';

describe('HeartbeatMonitor', () => {
  it('staggers beats, expires a silent node exactly expiryMs after its last beat, and notices its return', () => {
    const kernel = new Kernel();
    const cluster = new Cluster(resolveClusterSpec({ racks: [{ nodes: 2 }] }), kernel, nullSink);
    const log: string[] = [];
    const hb = new HeartbeatMonitor(kernel, cluster, {
      intervalMs: 1000,
      expiryMs: 5000,
      priority: 0,
      onHeartbeat: (i, rejoined) => {
        if (i === 1 && (kernel.now < 2000 || rejoined))
          log.push(`beat n${i + 1}@${kernel.now}${rejoined ? ' rejoined' : ''}`);
      },
      onExpired: (i) => log.push(`expired n${i + 1}@${kernel.now}`),
    });
    kernel.scheduleAt(2600, () => cluster.killNode('n2'));
    kernel.scheduleAt(9000, () => cluster.restartNode('n2'));
    kernel.run({ until: 12_000 });
    expect(log).toEqual(['beat n2@500', 'beat n2@1500', 'expired n2@7500', 'beat n2@9500 rejoined']);
    expect(hb.expired).toEqual([false, false]);
    expect(hb.lastHeartbeatOf(1)).toBe(11_500);
  });

  it('beats every daemon node once per interval, in node order, phases kept, with an uneven interval', () => {
    const kernel = new Kernel();
    const cluster = new Cluster(resolveClusterSpec({ racks: [{ nodes: 7 }] }), kernel, nullSink);
    const beats: [number, number][] = [];
    new HeartbeatMonitor(kernel, cluster, {
      intervalMs: 333.3,
      expiryMs: 100_000,
      priority: 2,
      onHeartbeat: (i) => beats.push([i, kernel.now]),
      onExpired: () => {},
      runsDaemon: (node) => node.index !== 3,
    });
    kernel.run({ until: 3000 });
    const nodes = [0, 1, 2, 4, 5, 6];
    expect(beats.map(([i]) => i)).toEqual(Array.from({ length: beats.length }, (_, k) => nodes[k % nodes.length]));
    for (const i of nodes) {
      const times = beats.filter(([n]) => n === i).map(([, t]) => t);
      expect(times[0]).toBe(Math.floor((i * 333.3) / 7));
      for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeCloseTo(333.3, 6);
      expect(times.length).toBeGreaterThanOrEqual(8);
    }
  });
});
