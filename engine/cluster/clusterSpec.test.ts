import { describe, expect, it } from 'vitest';
import { Kernel, Trace } from '../core';
import { Cluster } from './cluster';
import { resolveClusterSpec } from './clusterSpec';
import { clusterPresets, preset, presetWithNodes } from './presets';

describe('cluster spec', () => {
  it('numbers nodes n1..nN and racks r1..rR in order', () => {
    const spec = resolveClusterSpec({
      racks: [{ nodes: 2 }, { nodes: [{ cores: 16 }, {}] }],
      node: { cores: 4, memoryMb: 2048, diskMBps: 50 },
    });
    expect(spec.nodes.map((n) => `${n.id}@${n.rack}:${n.cores}`)).toEqual([
      'n1@r1:4',
      'n2@r1:4',
      'n3@r2:16',
      'n4@r2:4',
    ]);
    expect(spec.racks).toEqual([
      { id: 'r1', nodes: ['n1', 'n2'] },
      { id: 'r2', nodes: ['n3', 'n4'] },
    ]);
  });

  it('rejects bad specs naming the field', () => {
    const bad: [unknown, string][] = [
      [null, 'cluster: must be an object'],
      [{ racks: [] }, 'cluster.racks: must list at least one rack'],
      [{ racks: [{ nodes: 0 }] }, 'cluster.racks[0].nodes: must be a positive integer, got 0'],
      [
        { racks: [{ nodes: [{ cores: -1 }] }] },
        'cluster.racks[0].nodes[0].cores: must be a whole number of cores from 1 to 1,024, got -1',
      ],
      [
        { racks: [{ nodes: 1 }, { nodes: [{}, { memoryMb: 'lots' }] }] },
        'cluster.racks[1].nodes[1].memoryMb: must be a whole number of MB from 1 to 16,777,216, got "lots"',
      ],
      [
        { racks: [{ nodes: 1 }], network: { crossRackMBps: 0 } },
        'cluster.network.crossRackMBps: must be a positive number',
      ],
      [{ racks: [{ nodes: 1 }], costs: { cpuUsPerRecord: -2 } }, 'cluster.costs.cpuUsPerRecord: must be a number >= 0'],
      [{ racks: [{ nodes: 1, colour: 'red' }] }, 'cluster.racks[0].colour: unknown field'],
      [{ racks: [{ nodes: 20000 }] }, 'cluster.racks: at most 1,000 nodes in total, got 20,000'],
      // Refused before any node is built (a billion nodes would exhaust memory first).
      [{ racks: [{ nodes: 1e9 }] }, 'cluster.racks: at most 1,000 nodes in total, got 1,000,000,000'],
      [{ racks: [{ nodes: 600 }, { nodes: 600 }] }, 'got 1,200 (counting racks[0] to racks[1])'],
      [{ racks: Array.from({ length: 101 }, () => ({ nodes: 1 })) }, 'cluster.racks: at most 100 racks, got 101'],
      [{ racks: [{ nodes: 1e21 }] }, 'cluster.racks: at most 1,000 nodes in total'],
      [{ racks: [{ nodes: -5 }] }, 'cluster.racks[0].nodes: must be a positive integer, got -5'],
      [
        { racks: [{ nodes: '3' }] },
        'cluster.racks[0].nodes: must be a number of nodes (like 20) or a list of nodes, got "3"',
      ],
      // A node past any real server is refused before a run builds a slot per core (Spark's executors).
      [
        { racks: [{ nodes: 3, node: { cores: 1e8 } }] },
        'cluster.racks[0].node.cores: must be a whole number of cores from 1 to 1,024, got 100000000',
      ],
      [
        { racks: [{ nodes: 1 }], node: { memoryMb: 1e308 } },
        'cluster.node.memoryMb: must be a whole number of MB from 1 to 16,777,216, got 1e+308',
      ],
      [
        { racks: [{ nodes: [{ diskMBps: 1e308 }] }] },
        'cluster.racks[0].nodes[0].diskMBps: must be a number of MB/s above 0, at most 1,000,000, got 1e+308',
      ],
    ];
    for (const [spec, message] of bad) expect(() => resolveClusterSpec(spec), JSON.stringify(spec)).toThrow(message);
  });

  it('has the presets of the issue', () => {
    expect(resolveClusterSpec(preset('classroom')).nodes).toHaveLength(3);
    const cookbook = resolveClusterSpec(clusterPresets['cookbook-9']);
    expect(cookbook.nodes).toHaveLength(9);
    expect(cookbook.racks).toHaveLength(3);
    const two = resolveClusterSpec(preset('two-racks'));
    expect(two.racks.map((r) => r.nodes.length)).toEqual([5, 5]);
    expect(() => preset('huge')).toThrow(/cluster: unknown preset "huge" \(known: classroom, cookbook-9, two-racks\)/);
  });

  it('presetWithNodes spreads n nodes over racks', () => {
    expect(resolveClusterSpec(presetWithNodes(3)).racks).toHaveLength(1);
    expect([presetWithNodes(1).name, presetWithNodes(3).name]).toEqual(['1-node', '3-nodes']);
    expect(resolveClusterSpec(presetWithNodes(9)).racks.map((r) => r.nodes.length)).toEqual([5, 4]);
    const big = resolveClusterSpec(presetWithNodes(1000));
    expect(big.nodes).toHaveLength(1000);
    expect(big.racks).toHaveLength(50);
    expect(big.nodes[999]!.id).toBe('n1000');
    expect(() => presetWithNodes(0)).toThrow(/nodes: must be a positive integer/);
    expect(() => presetWithNodes(1e20)).toThrow('nodes: must be at most 1,000, got 100,000,000,000,000,000,000');
  });

  it('computes Hadoop topology distances and reachability', () => {
    const k = new Kernel();
    const trace = new Trace();
    const c = new Cluster(resolveClusterSpec(preset('two-racks')), k, trace);
    const [n1, n2, n6] = [c.node('n1'), c.node('n2'), c.node('n6')];
    expect([c.distance(n1, n1), c.distance(n1, n2), c.distance(n1, n6)]).toEqual([0, 2, 4]);
    c.partitionRack('r2');
    expect(c.isReachable(n6)).toBe(false);
    expect(c.canCommunicate(n6, c.node('n7'))).toBe(true);
    expect(c.canCommunicate(n1, n6)).toBe(false);
    c.healRack('r2');
    c.killNode('n2');
    expect(c.canCommunicate(n1, n2)).toBe(false);
    expect(trace.events.map((e) => e.type)).toEqual(['rackPartitioned', 'rackHealed', 'nodeDied']);
    expect(() => c.node('n11', 'ask.nodes[0]')).toThrow('ask.nodes[0]: unknown node "n11" (nodes are n1..n10)');
  });
});

describe('data and key scales', () => {
  const racks = [{ nodes: 3 }];
  it('accepts a sample whose keys grow with its data, or stay the real ones', () => {
    expect(resolveClusterSpec({ racks, costs: { dataScale: 100 } }).costs.keyScale).toBe(1);
    expect(resolveClusterSpec({ racks, costs: { dataScale: 100, keyScale: 100 } }).costs.keyScale).toBe(100);
  });
  it.each([
    [{ dataScale: 0 }, /costs\.dataScale: .*positive/],
    [{ dataScale: 1e308 }, /costs\.dataScale: must be at most 1,000,000,000/],
    [{ keyScale: 1e12, dataScale: 1e9 }, /costs\.keyScale: must be at most 1,000,000,000/],
    [{ dataScale: 10, keyScale: 100 }, /costs\.keyScale: must be at most dataScale \(10\)/],
  ])('refuses costs %j, naming the field', (costs, message) => {
    expect(() => resolveClusterSpec({ racks, costs })).toThrow(message);
  });
});
