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
});
