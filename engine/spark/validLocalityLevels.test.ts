import { describe, expect, it } from 'vitest';
import { Kernel, Trace, type TraceEvent } from '../core';
import { Cluster, resolveClusterSpec, type ClusterSpec, type NodeOptions } from '../cluster';
import type { SimTask } from './simTask';
import { TaskScheduler } from './taskScheduler';
import { FakeSlots, task, taskSet } from './__tests__/fakeSlots';

const DN: NodeOptions = { roles: ['datanode'] };
const NM: NodeOptions = { roles: ['nodemanager'] };

/** An executor slot on every NodeManager node; runs `tasks` with spark.locality.wait 3 s. */
function run(spec: ClusterSpec, tasks: SimTask[]) {
  const kernel = new Kernel();
  const trace = new Trace<TraceEvent>();
  const cluster = new Cluster(resolveClusterSpec(spec), kernel, trace);
  const scheduler = new TaskScheduler(kernel, cluster, new FakeSlots(cluster.nodeManagers), trace);
  scheduler.submit(taskSet(tasks));
  kernel.run();
  return scheduler.attempts.map((a) => `${a.task}@${a.node} ${a.locality} ${a.start}`);
}

/** r1: n1 DataNode only, n2 both, n3 NodeManager only; r2: n4 DataNode only, n5 NodeManager only. */
const MIXED: ClusterSpec = { racks: [{ nodes: [DN, {}, NM] }, { nodes: [DN, NM] }] };

describe('valid locality levels (Spark’s computeValidLocalityLevels) with compute-only nodes', () => {
  it('waits spark.locality.wait for a busy node with an executor, as on a cluster of both roles', () => {
    const attempts = run(MIXED, [task(0, ['n2'], 10_000), task(1, ['n2'], 10_000), task(2, ['n2'], 10_000)]);
    expect(attempts).toEqual(['t0@n2 NODE_LOCAL 0', 't1@n3 RACK_LOCAL 3000', 't2@n5 ANY 6000']);
  });

  it('runs a task whose block is only on DataNode-only nodes RACK_LOCAL at once: no executor could run it NODE_LOCAL', () => {
    expect(run(MIXED, [task(0, ['n1']), task(1, ['n4'])])).toEqual(['t0@n2 RACK_LOCAL 0', 't1@n5 RACK_LOCAL 0']);
  });

  it('runs it ANY at once when no executor is on its block’s racks either', () => {
    const apart: ClusterSpec = { racks: [{ nodes: [DN, DN] }, { nodes: [NM, NM] }] };
    expect(run(apart, [task(0, ['n1', 'n2']), task(1, ['n2'])])).toEqual(['t0@n3 ANY 0', 't1@n4 ANY 0']);
  });

  it('still waits at NODE_LOCAL while another pending task could run there', () => {
    const attempts = run(MIXED, [task(0, ['n2'], 10_000), task(1, ['n2'], 10_000), task(2, ['n4'])]);
    expect(attempts.slice(0, 2)).toEqual(['t0@n2 NODE_LOCAL 0', 't1@n3 RACK_LOCAL 3000']);
    expect(attempts[2]).toBe('t2@n5 RACK_LOCAL 3000');
  });
});
