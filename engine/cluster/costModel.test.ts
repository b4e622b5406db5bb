import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { Cluster } from './cluster';
import { resolveClusterSpec } from './clusterSpec';
import { CostModel } from './costModel';
import { FaultInjector } from './faultInjector';

const MB = 1024 * 1024;

function setup(dataScale = 1) {
  const spec = resolveClusterSpec({
    node: { cores: 4, memoryMb: 4096, diskMBps: 100 },
    racks: [{ nodes: 2 }, { nodes: 2 }],
    network: {
      intraRackMBps: 100,
      crossRackMBps: 50,
      sameNodeMBps: 1000,
      intraRackLatencyMs: 1,
      crossRackLatencyMs: 2,
    },
    costs: { cpuUsPerRecord: 10, cpuNsPerByte: 0, containerStartMs: 500, taskStartMs: 20, dataScale },
  });
  const kernel = new Kernel();
  const cluster = new Cluster(spec, kernel, nullSink);
  return { kernel, cluster, cost: new CostModel(cluster), faults: new FaultInjector(kernel, cluster) };
}

describe('CostModel', () => {
  it('turns bytes into disk and network time by topology distance', () => {
    const { cost } = setup();
    expect(cost.diskReadMs('n1', 100 * MB)).toBe(1000);
    expect(cost.networkMs('n1', 'n1', 100 * MB)).toBe(100);
    expect(cost.networkMs('n1', 'n2', 100 * MB)).toBe(1001);
    expect(cost.networkMs('n1', 'n3', 100 * MB)).toBe(2002);
    // Pipelined: the slowest stage (cross-rack wire, 2000 ms) plus latency.
    expect(cost.transferMs('n1', 'n3', 100 * MB)).toBe(2002);
    expect(cost.readMs('n1', 'n1', 100 * MB)).toBe(1000);
    expect(cost.writePipelineMs('n1', ['n1', 'n3', 'n4'], 100 * MB)).toBe(2000 + 0 + 2 + 1);
  });

  it('charges CPU per record and start-up, scaled by the straggler factor', () => {
    const { cost, cluster } = setup();
    expect(cost.cpuMs('n2', { records: 1000 })).toBe(10);
    expect(cost.containerStartMs('n2')).toBe(500);
    cluster.slowNode('n2', 3);
    expect(cost.cpuMs('n2', { records: 1000, ms: 5 })).toBe(45);
    expect(cost.diskReadMs('n2', 100 * MB)).toBe(3000);
    expect(cost.networkMs('n1', 'n2', 100 * MB)).toBe(3001);
    expect(cost.taskStartMs('n2')).toBe(60);
  });

  it('charges every byte and record dataScale times (a sample standing for real volumes), not start-ups', () => {
    const { cost } = setup(100);
    expect(cost.diskReadMs('n1', MB)).toBe(1000);
    expect(cost.networkMs('n1', 'n2', MB)).toBe(1001);
    expect(cost.writePipelineMs('n1', ['n1', 'n3', 'n4'], MB)).toBe(2000 + 0 + 2 + 1);
    expect(cost.cpuMs('n1', { records: 10, ms: 5 })).toBe(15);
    expect(cost.containerStartMs('n1')).toBe(500);
  });
});

describe('FaultInjector', () => {
  it('applies faults at their simulated time', () => {
    const { kernel, cluster, faults } = setup();
    faults.plan([
      { atMs: 100, kind: 'killNode', node: 'n2' },
      { atMs: 200, kind: 'slowNode', node: 'n3', factor: 4 },
      { atMs: 300, kind: 'partitionRack', rack: 'r2', durationMs: 50 },
      { atMs: 400, kind: 'restartNode', node: 'n2' },
      { atMs: 500, kind: 'failDisk', node: 'n4' },
    ]);
    kernel.run({ until: 150 });
    expect(cluster.node('n2').alive).toBe(false);
    kernel.run({ until: 320 });
    expect(cluster.node('n3').slowFactor).toBe(4);
    expect(cluster.racks[1]!.partitioned).toBe(true);
    kernel.run();
    expect(cluster.racks[1]!.partitioned).toBe(false);
    expect(cluster.node('n2').alive).toBe(true);
    expect(cluster.node('n4').diskFailed).toBe(true);
  });

  it('rejects bad faults naming the field', () => {
    const { faults } = setup();
    expect(() => faults.plan([{ atMs: 1, kind: 'killNode', node: 'n9' }])).toThrow('faults[0].node: unknown node "n9"');
    expect(() => faults.plan([{ atMs: -1, kind: 'killNode', node: 'n1' }])).toThrow(
      'faults[0].atMs: must be a number >= 0',
    );
    expect(() => faults.schedule({ atMs: 1, kind: 'explode', node: 'n1' } as never)).toThrow(
      /fault.kind: must be one of/,
    );
    expect(() => faults.slowNode('n1', 0)).toThrow('fault.factor: must be a positive number');
    expect(() => faults.partitionRack('r7')).toThrow('fault.rack: unknown rack "r7"');
  });
});
