import { describe, expect, it } from 'vitest';
import { Kernel, Trace, type TraceEvent } from '../core';
import { Cluster, preset, resolveClusterSpec } from '../cluster';
import { TaskScheduler } from './taskScheduler';
import { ZERO_COST } from '../exec/taskTypes';
import type { SimTask } from './simTask';
import { FakeSlots, task, taskSet, waits } from './__tests__/fakeSlots';

function setup() {
  const kernel = new Kernel();
  const trace = new Trace<TraceEvent>();
  const cluster = new Cluster(resolveClusterSpec(preset('two-racks')), kernel, trace);
  const slots = new FakeSlots(cluster.nodes);
  const scheduler = new TaskScheduler(kernel, cluster, slots, trace);
  return { kernel, trace, cluster, slots, scheduler };
}

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
    scheduler.submit(taskSet(tasks));
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
    scheduler.submit(taskSet([task(0, []), task(1, []), task(2, [])]));
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

describe('TaskScheduler (per-level waits, fetch failures, speculation)', () => {
  const spec = {
    maxAttempts: 4,
    localityWaitMs: waits(3000),
    speculation: null,
    onTaskFinished: () => {},
    onFinished: () => {},
  };

  it('waits spark.locality.wait.node at NODE_LOCAL, whatever spark.locality.wait.process says', () => {
    const { kernel, scheduler } = setup();
    const tasks = [task(0, ['n1'], 10_000), task(1, ['n1'], 10_000)];
    scheduler.submit({ ...spec, id: 's', tasks, localityWaitMs: { process: 3000, node: 500, rack: 3000 } });
    kernel.run();
    const [, b] = scheduler.attempts;
    expect([b!.start, b!.locality]).toEqual([500, 'RACK_LOCAL']);
  });

  it('fails a FetchFailed attempt without counting it, and makes its set a zombie whose running attempts still finish', () => {
    const { kernel, scheduler, trace, cluster } = setup();
    const events: string[] = [];
    // One task more than there are slots (one per node): the last one waits in the queue.
    const n = cluster.nodes.length;
    const tasks = Array.from({ length: n + 1 }, (_, i) => task(i, [], i === 1 ? 500 : 5000));
    scheduler.submit({
      ...spec,
      id: 's',
      maxAttempts: 1,
      localityWaitMs: waits(0),
      tasks,
      fetchFailure: (t, r) => (t.index === 1 && r.attempt === 0 ? { afterMs: 200, reason: 'FetchFailed(x)' } : null),
      onTaskFinished: (t) => events.push(`finished ${t.id}`),
      onFinished: () => events.push('set finished'),
      onFetchFailed: (t, _r, reason) => events.push(`fetch failed ${t.id} at ${kernel.now}: ${reason}`),
    });
    kernel.run();
    // The zombie launches nothing more (not even on the freed slot) and never finishes; maxAttempts 1 does not abort it.
    const others = tasks.filter((t) => t.index !== 1 && t.index !== n).map((t) => `finished ${t.id}`);
    expect(events).toEqual(['fetch failed t1 at 200: FetchFailed(x)', ...others]);
    const failed = scheduler.attempts.find((a) => a.task === 't1')!;
    expect([failed.status, failed.end, failed.cost.startup, failed.cost.shuffle, failed.cost.compute]).toEqual([
      'failed',
      200,
      10,
      190,
      0,
    ]);
    expect(scheduler.attempts.some((a) => a.task === `t${n}`)).toBe(false);
    expect(trace.events.some((e) => e.type === 'taskSetAborted' || e.type === 'taskSetFinished')).toBe(false);
  });

  it('fails a running attempt at a later time when its fetch source is lost, and kills a zombie on demand', () => {
    const { kernel, scheduler } = setup();
    const failed: string[] = [];
    scheduler.submit({
      ...spec,
      id: 's',
      localityWaitMs: waits(0),
      tasks: [task(0, [], 10_000), task(1, [], 10_000)],
      onFetchFailed: (t) => failed.push(`${t.id}@${kernel.now}`),
    });
    kernel.run({ until: 1000 });
    scheduler.failFetchAt('s', 't0.0', 4000, 'FetchFailed(y)');
    kernel.run({ until: 5000 });
    expect(failed).toEqual(['t0@4000']);
    expect(scheduler.attempts[0]!.end).toBe(4000);
    // The job ended elsewhere: the zombie's attempt still running is killed and not queued again.
    expect(scheduler.killRunning('s', 'job finished')).toBe(1);
    kernel.run();
    expect(scheduler.attempts.map((a) => `${a.task}:${a.status}`)).toEqual(['t0:failed', 't1:killed']);
  });

  it('launches a speculative copy of a straggler past spark.speculation.multiplier × the median; the first to finish wins', () => {
    const { kernel, scheduler } = setup();
    const slow: SimTask = {
      ...task(3, []),
      cost: (node) => ({ ...ZERO_COST, compute: node.id === 'n4' ? 20_000 : 1000 }),
    };
    scheduler.submit({
      ...spec,
      id: 's',
      localityWaitMs: waits(0),
      speculation: { multiplier: 1.5, quantile: 0.75 },
      tasks: [task(0, [], 1000), task(1, [], 1000), task(2, [], 1000), slow],
    });
    kernel.run();
    const copies = scheduler.attempts.filter((a) => a.task === 't3');
    expect(copies.map((a) => [a.node, a.speculative, a.status])).toEqual([
      ['n4', false, 'killed'],
      [copies[1]!.node, true, 'succeeded'],
    ]);
    // The copy started just past 1.5 × the median (1,010 ms) after the straggler's start.
    expect(copies[1]!.start).toBeCloseTo(1515.001, 3);
    expect(copies[1]!.node).not.toBe('n4');
  });
});
