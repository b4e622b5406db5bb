import { describe, expect, it } from 'vitest';
import { Kernel, Trace, type TraceEvent } from '../core';
import { Cluster, preset, resolveClusterSpec, type ClusterNode } from '../cluster';
import { interleave, type Slot, type SlotPool } from './slotPool';
import { TaskScheduler } from './taskScheduler';
import { ZERO_COST } from '../exec/taskTypes';
import type { SimTask } from './simTask';

const waits = (ms: number) => ({ process: ms, node: ms, rack: ms });

/** A recording fake of the executors: one slot per node, and a log of takes and gives. */
class FakeSlots implements SlotPool {
  readonly log: string[] = [];
  private free: Map<string, Slot[]>;
  constructor(nodes: readonly ClusterNode[]) {
    this.free = new Map(nodes.map((n) => [n.id, [{ id: `${n.id}/0`, node: n, executor: `exec-${n.id}` }]]));
  }
  freeSlots(): Slot[] {
    return interleave([...this.free.values()]);
  }
  take(slot: Slot): void {
    this.log.push(`take ${slot.id}`);
    this.free.set(slot.node.id, []);
  }
  give(slot: Slot): void {
    this.log.push(`give ${slot.id}`);
    if (slot.node.alive) this.free.set(slot.node.id, [slot]);
  }
  startupMs(): number {
    return 10;
  }
  nodeDied(node: string): void {
    this.free.set(node, []);
  }
}

function setup() {
  const kernel = new Kernel();
  const trace = new Trace<TraceEvent>();
  const cluster = new Cluster(resolveClusterSpec(preset('two-racks')), kernel, trace);
  const slots = new FakeSlots(cluster.nodes);
  const scheduler = new TaskScheduler(kernel, cluster, slots, trace);
  return { kernel, trace, cluster, slots, scheduler };
}

const task = (i: number, nodes: string[], ms = 1000, execs: string[] = []): SimTask => ({
  id: `t${i}`,
  index: i,
  preferredNodes: nodes,
  preferredExecutors: execs,
  cost: () => ({ ...ZERO_COST, compute: ms }),
});

describe('TaskScheduler (locality levels, delay scheduling)', () => {
  it('places tasks PROCESS_LOCAL, then NODE_LOCAL where their data is', () => {
    const { kernel, scheduler } = setup();
    let finished = false;
    scheduler.submit({
      id: 's',
      tasks: [task(0, ['n3'], 1000, ['exec-n3']), task(1, ['n7'])],
      maxAttempts: 4,
      localityWaitMs: waits(3000),
      speculation: null,
      onTaskFinished: () => {},
      onFinished: () => (finished = true),
    });
    kernel.run();
    expect(finished).toBe(true);
    expect(scheduler.attempts.map((a) => [a.task, a.node, a.locality])).toEqual([
      ['t0', 'n3', 'PROCESS_LOCAL'],
      ['t1', 'n7', 'NODE_LOCAL'],
    ]);
  });

  it('waits spark.locality.wait for a busy preferred node before going RACK_LOCAL, then ANY', () => {
    const { kernel, scheduler, cluster } = setup();
    // Three tasks all want n1, which has one slot: the second waits, then takes a rack-local slot.
    const tasks = [task(0, ['n1'], 10_000), task(1, ['n1'], 10_000), task(2, ['n1'], 10_000)];
    scheduler.submit({
      id: 's',
      tasks,
      maxAttempts: 4,
      localityWaitMs: waits(3000),
      speculation: null,
      onTaskFinished: () => {},
      onFinished: () => {},
    });
    kernel.run();
    const [a, b, c] = scheduler.attempts;
    expect([a!.node, a!.locality, a!.start]).toEqual(['n1', 'NODE_LOCAL', 0]);
    // Delay scheduling: nothing else launched before the 3 s wait ran out.
    expect(b!.start).toBe(3000);
    expect(b!.locality).toBe('RACK_LOCAL');
    expect(cluster.node(b!.node).rack).toBe(cluster.node('n1').rack);
    expect(c!.start).toBeGreaterThanOrEqual(3000);
  });

  it('runs tasks without preferences anywhere at once', () => {
    const { kernel, scheduler } = setup();
    scheduler.submit({
      id: 's',
      tasks: [task(0, []), task(1, []), task(2, [])],
      maxAttempts: 4,
      localityWaitMs: waits(3000),
      speculation: null,
      onTaskFinished: () => {},
      onFinished: () => {},
    });
    kernel.run();
    expect(scheduler.attempts.map((a) => a.start)).toEqual([0, 0, 0]);
    expect(new Set(scheduler.attempts.map((a) => a.node)).size).toBe(3);
  });

  it('re-queues the attempts of a lost node, and a dead node never reports success', () => {
    const { kernel, scheduler, cluster, slots } = setup();
    const done: string[] = [];
    scheduler.submit({
      id: 's',
      tasks: [task(0, ['n2'], 5000)],
      maxAttempts: 4,
      localityWaitMs: waits(0),
      speculation: null,
      onTaskFinished: (t, a) => done.push(`${t.id}@${a.node}`),
      onFinished: () => {},
    });
    kernel.run({ until: 1000 });
    cluster.killNode('n2');
    kernel.run({ until: 8000 });
    expect(done).toEqual([]); // the attempt on the dead node hangs
    scheduler.nodeDied('n2'); // the executor is declared lost
    kernel.run();
    expect(done).toHaveLength(1);
    expect(done[0]).not.toContain('n2');
    expect(scheduler.attempts.map((a) => a.status)).toEqual(['killed', 'succeeded']);
    expect(slots.log[0]).toBe('take n2/0');
  });
});
