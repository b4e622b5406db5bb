import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../engine/api';
import { defaultFaultNode } from './defaultFaultNode';

const nodes = ['n1', 'n2', 'n3', 'n4'].map((id) => ({ id }));
const block = (replicas: string[]) =>
  ({ t: 0, type: 'blockAllocated', block: 1, path: '/a', index: 0, bytes: 1, replicas }) as RunEvent;

describe('the fault picker starts', () => {
  it('on the node holding the most replicas, the first of equals in the cluster order', () => {
    expect(defaultFaultNode(nodes, [block(['n1', 'n3', 'n4']), block(['n3', 'n4', 'n1']), block(['n4'])])).toBe('n4');
    expect(defaultFaultNode(nodes, [block(['n3', 'n1'])])).toBe('n1');
  });

  it('never on a node without data when some node has some (it started on n2, empty in hdfs-blocks)', () => {
    expect(defaultFaultNode(nodes, [block(['n1', 'n3', 'n4'])])).not.toBe('n2');
  });

  it('on the second node where the run stored nothing', () => {
    expect(defaultFaultNode(nodes, [])).toBe('n2');
    expect(defaultFaultNode([{ id: 'n1' }], [])).toBe('n1');
    expect(defaultFaultNode([], [])).toBe('');
  });
});
