import { describe, expect, it } from 'vitest';
import { preset, type ClusterSpec } from '../cluster';
import type { Application } from './application';
import type { Container } from './container';
import { resolveYarnConfig } from './yarnConfig';
import { makeYarn } from './__tests__/makeYarn';

/** An AM that runs each allocated container for `workMs` and records what happened. */
function runner(
  rm: ReturnType<typeof makeYarn>['rm'],
  kernel: ReturnType<typeof makeYarn>['kernel'],
  options: { queue?: string; workMs?: number; name?: string } = {},
) {
  const log = { allocated: [] as Container[], lost: [] as Container[], done: 0 };
  const app: Application = rm.submitApplication({
    name: options.name,
    queue: options.queue,
    callbacks: {
      onAllocated: (c) => {
        log.allocated.push(c);
        app.launch(c);
      },
      onLaunched: (c) =>
        kernel.schedule(options.workMs ?? 10_000, () => {
          if (app.complete(c)) log.done++;
        }),
      onContainerLost: (c) => log.lost.push(c),
    },
  });
  return { app, log };
}

/** The policy tests ask for containers anywhere: let one heartbeat hand out many of them. */
const MANY_OFF_SWITCH = { maxOffSwitchPerHeartbeat: 100 };

describe('ResourceManager', () => {
  it('allocates on heartbeats, launches after the start-up cost, completes and frees', () => {
    const { rm, kernel, trace } = makeYarn(preset('classroom'));
    const { app, log } = runner(rm, kernel, { workMs: 5000 });
    app.request({ vcores: 2, memoryMb: 3000 });
    kernel.run();
    expect(log.done).toBe(1);
    const c = log.allocated[0]!;
    expect(c.memoryMb).toBe(3072); // rounded up to the minimum allocation
    expect(c.state).toBe('completed');
    const types = trace.events.map((e) => e.type);
    expect(types).toEqual([
      'applicationSubmitted',
      'containerRequested',
      'containerAllocated',
      'containerLaunched',
      'containerCompleted',
    ]);
    const launched = trace.events[3]!.t - trace.events[2]!.t;
    expect(launched).toBe(1000);
    expect(rm.snapshot().nodes.every((n) => n.usedVcores === 0 && n.usedMemoryMb === 0)).toBe(true);
  });

  it('prefers the requested node (node-local), then relaxes to the rack and anywhere', () => {
    const { rm, kernel, cluster } = makeYarn(preset('two-racks'));
    const { app, log } = runner(rm, kernel, { workMs: 60_000 });
    app.request({ nodes: ['n7'], tag: 'a' });
    kernel.run({ until: 1500 });
    expect(log.allocated.map((c) => [c.nodeId, c.locality, c.request.tag])).toEqual([['n7', 'node', 'a']]);
    // Fill n7, then ask for it again: the request goes rack-local after the delay.
    for (let i = 0; i < 7; i++) app.request({ nodes: ['n7'], vcores: 1 });
    kernel.run({ until: 2600 });
    const busy = cluster.node('n7');
    expect(rm.nodeState.usedVcores(busy.index)).toBe(8);
    app.request({ nodes: ['n7'] });
    kernel.run({ until: 4000 });
    expect(log.allocated).toHaveLength(8);
    kernel.run({ until: 7000 });
    const last = log.allocated[8]!;
    expect(last.locality).toBe('rack');
    expect(last.rackId).toBe('r2');
    // relaxLocality: false never leaves the node.
    for (let i = 0; i < 8; i++) app.request({ nodes: ['n8'] });
    app.request({ nodes: ['n8'], relaxLocality: false });
    kernel.run({ until: 30_000 });
    expect(app.pendingRequests).toBe(1);
  });

  it('runs a request on a rack it names at once, its nodes full; a sparse racks list names no rack at its holes', () => {
    const { rm, kernel, trace } = makeYarn(preset('two-racks'));
    const { app, log } = runner(rm, kernel, { workMs: 60_000 });
    // Fill n1 and n2 (rack r1, their heartbeats at 0 and 100 ms).
    for (let i = 0; i < 8; i++) app.request({ nodes: ['n1'], relaxLocality: false });
    for (let i = 0; i < 8; i++) app.request({ nodes: ['n2'], relaxLocality: false });
    kernel.run({ until: 1450 });
    expect(log.allocated).toHaveLength(16);
    const racks = ['r2', 'r2'];
    racks.splice(1, 0, undefined as unknown as string);
    delete racks[1];
    app.request({ nodes: ['n1', 'n2'], racks, tag: 'named' });
    // n6 (rack r2) beats at 1500 ms: the named rack takes it at once, inside the locality delay.
    kernel.run({ until: 1600 });
    const c = log.allocated[16]!;
    expect([c.nodeId, c.locality, c.request.tag]).toEqual(['n6', 'rack', 'named']);
    const asked = trace.events.filter((e) => e.type === 'containerRequested').pop() as unknown as {
      nodes: string[];
      racks: string[];
    };
    expect(asked.nodes).toEqual(['n1', 'n2']);
    expect(Object.keys(asked.racks)).toEqual(['0', '1']);
    expect(asked.racks).toEqual(['r2', 'r2']);
    // A racks list of holes only names no rack: no preference at all, as a nodes list of holes.
    const holes = new Array<string>(2);
    expect(app.request({ racks: holes, nodes: holes }).racks).toBeNull();
    // One node and a rack named: the same (a one-node ask that names racks is queued on those too).
    // n7 beat at 1600 ms, before this ask: n8, on r2, takes it at 1700.
    app.request({ nodes: ['n1'], racks: ['r2'], tag: 'one' });
    kernel.run({ until: 1700 });
    const d = log.allocated[17]!;
    expect([d.nodeId, d.locality, d.request.tag]).toEqual(['n8', 'rack', 'one']);
  });

  it('drops preferred nodes of another partition: a labelled ask keeps only the nodes of its label', () => {
    // n1 and n3 carry the label gpu, n2 is of the default partition; n4 runs no NodeManager.
    const spec = {
      name: 'mixed',
      racks: [{ nodes: [{ nodeLabel: 'gpu' }, {}, { nodeLabel: 'gpu' }, { roles: ['datanode'] }] }],
    };
    const { rm, kernel } = makeYarn(spec as ClusterSpec);
    const { app } = runner(rm, kernel);
    const gpu = { nodeLabelExpression: 'gpu' };
    expect(app.request({ ...gpu, nodes: ['n2'] })).toMatchObject({ node: -1, nodes: null });
    expect(app.request({ ...gpu, nodes: ['n1'] })).toMatchObject({ node: 0, nodes: null });
    expect(app.request({ ...gpu, nodes: ['n2', 'n3'] })).toMatchObject({ node: 2, nodes: null });
    expect(app.request({ ...gpu, nodes: ['n1', 'n2', 'n3', 'n4'] }).nodes).toEqual([0, 2, 3]);
    // The default partition keeps the unlabelled node and the DataNode (it holds data for any partition).
    expect(app.request({ nodes: ['n1', 'n2', 'n4'] }).nodes).toEqual([1, 3]);
    expect(app.request({ nodes: ['n3'] })).toMatchObject({ node: -1, nodes: null });
  });

  it('gives a heartbeat every node-local container that fits, but one off-switch (CapacityScheduler defaults)', () => {
    const { rm, kernel } = makeYarn(preset('classroom'));
    const { app, log } = runner(rm, kernel, { workMs: 60_000 });
    for (let i = 0; i < 3; i++) app.request({ nodes: ['n1'] });
    for (let i = 0; i < 3; i++) app.request();
    kernel.run({ until: 999 });
    const nodes = log.allocated.map((c) => `${c.nodeId}:${c.locality}`);
    // n1 reports first: its three local asks and one off-switch; n2..n4 one off-switch each.
    expect(nodes).toEqual(['n1:node', 'n1:node', 'n1:node', 'n1:any', 'n2:any', 'n3:any']);
  });

  it('with maxAssignmentsPerHeartbeat 1, containers spread over the nodes in heartbeat order', () => {
    const { rm, kernel } = makeYarn(preset('two-racks'), { maxAssignmentsPerHeartbeat: 1 });
    const { app, log } = runner(rm, kernel, { workMs: 60_000 });
    for (let i = 0; i < 3; i++) app.request({ nodes: ['n1', 'n2'] });
    app.request({ nodes: ['n4'] });
    kernel.run({ until: 999 });
    // n3 and n5 hold nothing asked for: they wait for the locality delay.
    expect(log.allocated.map((c) => `${c.nodeId}:${c.locality}:${c.request.id}`)).toEqual([
      'n1:node:1',
      'n2:node:2',
      'n4:node:4',
    ]);
  });

  it('offers a node its stale asks until the AM next calls: the AM gets a rack-local task there', () => {
    const { rm, kernel } = makeYarn(preset('two-racks'), { maxAssignmentsPerHeartbeat: 1 });
    const { app, log } = runner(rm, kernel, { workMs: 60_000 });
    // n1 takes the first ask; n3 was named by it too, and the RM still counts that ask at n3
    // until the AM's next allocate call: n3 is offered a container, which goes to the third
    // task (its block is on n2, the same rack).
    app.request({ nodes: ['n1', 'n3'] });
    app.request({ nodes: ['n1', 'n2'] });
    app.request({ nodes: ['n2'] });
    kernel.run({ until: 999 });
    expect(log.allocated.map((c) => `${c.nodeId}:${c.locality}:${c.request.id}`)).toEqual([
      'n1:node:1',
      'n2:node:2',
      'n3:rack:3',
    ]);
    // The AM's call at 1 s corrects the counts: n2 is named by no pending ask any more.
    app.request({ nodes: ['n1'] });
    app.request({ nodes: ['n1'] });
    kernel.run({ until: 1999 });
    expect(log.allocated.map((c) => c.nodeId)).toEqual(['n1', 'n2', 'n3', 'n1']);
  });

  it('FIFO serves the first application before the second', () => {
    const { rm, kernel } = makeYarn(preset('classroom'), { scheduler: 'fifo', ...MANY_OFF_SWITCH });
    const a = runner(rm, kernel, { workMs: 20_000 });
    const b = runner(rm, kernel, { workMs: 20_000 });
    for (let i = 0; i < 12; i++) a.app.request();
    for (let i = 0; i < 4; i++) b.app.request();
    kernel.run({ until: 3000 });
    expect(a.log.allocated).toHaveLength(12);
    expect(b.log.allocated).toHaveLength(0);
    kernel.run();
    expect(b.log.done).toBe(4);
  });

  it('Capacity gives each queue its guaranteed share under contention', () => {
    const yarn = {
      ...MANY_OFF_SWITCH,
      scheduler: 'capacity',
      queues: [
        { name: 'prod', capacity: 75 },
        { name: 'dev', capacity: 25 },
      ],
    };
    const { rm, kernel } = makeYarn(preset('two-racks'), yarn);
    const prod = runner(rm, kernel, { queue: 'prod', workMs: 100_000 });
    const dev = runner(rm, kernel, { queue: 'dev', workMs: 100_000 });
    for (let i = 0; i < 200; i++) {
      dev.app.request({ memoryMb: 2048 });
      prod.app.request({ memoryMb: 2048 });
    }
    kernel.run({ until: 5000 });
    const q = rm.snapshot().queues;
    const total = 10 * 16384;
    expect(q[0]!.usedMemoryMb / total).toBeCloseTo(0.75, 1);
    expect(q[1]!.usedMemoryMb / total).toBeCloseTo(0.25, 1);
  });

  it('Fair shares by weight between queues', () => {
    const yarn = {
      ...MANY_OFF_SWITCH,
      scheduler: 'fair',
      queues: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 3 },
      ],
    };
    const { rm, kernel } = makeYarn(preset('two-racks'), yarn);
    const a = runner(rm, kernel, { queue: 'a', workMs: 100_000 });
    const b = runner(rm, kernel, { queue: 'b', workMs: 100_000 });
    for (let i = 0; i < 100; i++) {
      a.app.request();
      b.app.request();
    }
    kernel.run({ until: 5000 });
    expect(a.log.allocated.length).toBe(20);
    expect(b.log.allocated.length).toBe(60);
  });

  it('tells the AM its containers were lost when the node expires', () => {
    const { rm, kernel, faults, trace } = makeYarn(preset('classroom'), { nodeExpiryMs: 30_000 });
    const { app, log } = runner(rm, kernel, { workMs: 100_000 });
    for (let i = 0; i < 12; i++) app.request();
    kernel.run({ until: 5000 });
    const onN2 = log.allocated.filter((c) => c.nodeId === 'n2');
    expect(onN2.length).toBe(4);
    faults.killNode('n2', 6000);
    kernel.run();
    expect(log.lost.map((c) => c.id)).toEqual(onN2.map((c) => c.id));
    expect(log.done).toBe(8);
    const lostAt = trace.events.find((e) => e.type === 'nodeManagerLost')!.t;
    expect(lostAt).toBeGreaterThanOrEqual(30_000 + 5000);
    expect(lostAt).toBeLessThanOrEqual(30_000 + 6000);
  });

  it('a node restarted before expiry loses its containers at its first heartbeat back', () => {
    const { rm, kernel, faults } = makeYarn(preset('classroom'));
    const { app, log } = runner(rm, kernel, { workMs: 100_000 });
    for (let i = 0; i < 3; i++) app.request({ nodes: ['n1'], relaxLocality: false });
    kernel.run({ until: 2000 });
    faults.killNode('n1', 3000);
    faults.restartNode('n1', 10_000);
    kernel.run({ until: 12_000 });
    expect(log.lost).toHaveLength(3);
    app.finish();
    kernel.run();
    expect(log.done).toBe(0);
  });

  it('a node lost under an AM that ends its application on the loss: the other containers there are released once, not lost', () => {
    const { rm, kernel, faults, trace } = makeYarn(preset('classroom'), { nodeExpiryMs: 30_000 });
    const { app, log } = runner(rm, kernel, { workMs: 100_000 });
    for (let i = 0; i < 3; i++) app.request({ nodes: ['n1'], relaxLocality: false });
    kernel.run({ until: 2000 });
    expect(rm.containers.countOn(0)).toBe(3);
    // The application fails at its first lost container (as a job whose ApplicationMaster was lost twice).
    app.callbacks.onContainerLost = (c) => {
      log.lost.push(c);
      app.finish('failed');
    };
    faults.killNode('n1', 3000);
    kernel.run();
    expect(log.lost).toHaveLength(1);
    expect(rm.stats).toMatchObject({ lost: 1, released: 2 });
    expect(trace.events.filter((e) => e.type === 'containerLost' || e.type === 'containerReleased')).toHaveLength(3);
    expect(rm.containers.size).toBe(0);
    expect(rm.containers.countOn(0)).toBe(0);
    expect([rm.nodeState.usedVcores(0), rm.nodeState.usedMemoryMb(0)]).toEqual([0, 0]);
  });

  it('rejects bad asks and configs naming the field', () => {
    const { rm, kernel } = makeYarn(preset('classroom'));
    const { app } = runner(rm, kernel);
    expect(() => app.request({ vcores: 64 })).toThrow('ask.vcores: no node has 64 vcores (largest: 4)');
    expect(() => app.request({ memoryMb: -5 })).toThrow('ask.memoryMb: must be a positive integer, got -5');
    expect(() => app.request({ nodes: ['n1', 'n9'] })).toThrow('ask.nodes[1]: unknown node "n9"');
    expect(() => app.request({ nodes: ['n9'] })).toThrow('ask.nodes[0]: unknown node "n9"');
    // A hole is no node: as an empty list, no preference.
    expect(app.request({ nodes: new Array<string>(1) }).nodes).toBeNull();
    expect(() => rm.submitApplication({ queue: 'gold', callbacks: { onAllocated: () => {} } })).toThrow(
      'application.queue: unknown queue "gold"',
    );
    expect(() =>
      resolveYarnConfig({
        scheduler: 'capacity',
        queues: [
          { name: 'a', capacity: 60 },
          { name: 'b', capacity: 30 },
        ],
      }),
    ).toThrow('yarn.queues: capacities must add up to 100');
    expect(() => resolveYarnConfig({ scheduler: 'capacity', queues: [{ name: 'a' }] })).toThrow(
      'yarn.queues[0].capacity: is required',
    );
    expect(() => resolveYarnConfig({ scheduler: 'fifo', queues: [{ name: 'a' }, { name: 'b' }] })).toThrow(
      'yarn.queues: the FIFO scheduler has a single queue',
    );
    expect(() => resolveYarnConfig({ nodeExpiryMs: 10 })).toThrow('yarn.nodeExpiryMs: must be longer than');
    app.finish();
    expect(() => app.request()).toThrow('app1: application is succeeded');
  });

  it('cancels pending requests, releases unused containers and stops holding the kernel', () => {
    const { rm, kernel, trace } = makeYarn(preset('classroom'));
    const kept: Container[] = [];
    const app: Application = rm.submitApplication({ callbacks: { onAllocated: (c) => kept.push(c) } });
    const r1 = app.request();
    const r2 = app.request();
    expect(app.cancel(r2)).toBe(true);
    expect(app.cancel(r2)).toBe(false);
    kernel.run({ until: 2000 });
    expect(kept.map((c) => c.request)).toEqual([r1]);
    expect(app.cancel(r1)).toBe(false);
    expect(app.release(kept[0]!)).toBe(true);
    expect(app.release(kept[0]!)).toBe(false);
    expect(kept[0]!.state).toBe('released');
    expect(kernel.idle).toBe(true);
    expect(trace.events.filter((e) => e.type === 'containerReleased')).toHaveLength(1);
    expect(rm.snapshot().stats).toMatchObject({ requested: 2, allocated: 1, released: 1 });
  });

  it('finishing cancels every pending request, those that may not leave their node or rack too', () => {
    const { rm, kernel } = makeYarn(preset('two-racks'));
    const app: Application = rm.submitApplication({ callbacks: { onAllocated: () => {} } });
    const asks = [
      app.request(),
      app.request({ nodes: ['n1'], relaxLocality: false }),
      app.request({ nodes: ['n1', 'n6'], relaxLocality: false }),
      app.request({ racks: ['r2'], relaxLocality: false }),
      app.request({ nodes: ['n2'] }),
    ];
    app.finish();
    expect(asks.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(app.pendingRequests).toBe(0);
    expect(kernel.idle).toBe(true);
  });

  it('finishing releases the live containers in allocation order, whatever nodes they are on', () => {
    const { rm, kernel, trace } = makeYarn(preset('classroom'));
    const kept: Container[] = [];
    const app: Application = rm.submitApplication({ callbacks: { onAllocated: (c) => kept.push(c) } });
    app.request({ nodes: ['n2'], relaxLocality: false });
    kernel.run({ until: 2000 });
    app.request({ nodes: ['n1'], relaxLocality: false });
    app.request({ nodes: ['n3'], relaxLocality: false });
    app.request({ nodes: ['n1'], relaxLocality: false });
    kernel.run({ until: 4000 });
    expect(kept.map((c) => c.nodeId)).toEqual(['n2', 'n3', 'n1', 'n1']);
    expect(app.complete(kept[1]!)).toBe(true);
    expect(rm.snapshot().apps[0]!.liveContainers).toBe(3);
    app.finish();
    const released = trace.events.filter((e) => e.type === 'containerReleased').map((e) => e.container);
    expect(released).toEqual([kept[0]!.id, kept[2]!.id, kept[3]!.id]);
    expect(rm.snapshot().apps[0]!.liveContainers).toBe(0);
  });
});
