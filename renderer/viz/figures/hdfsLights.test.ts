/** Figure 19.1's lights on a hand-made trace: copies that finish at different times. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../engine/api';
import { hdfsLights } from './hdfsLights';

const copy = (t: number, block: number, to: string, done: number): RunEvent[] =>
  [
    { t, type: 'replicationStarted', block, from: 'n1', to, bytes: 1 },
    { t: done, type: 'blockReplicated', block, from: 'n1', to, bytes: 1, ms: done - t },
  ] as RunEvent[];

describe('Figure 19.1 lights', () => {
  it('draws the lost replicas back once the last copy is made, not at the first', () => {
    const trace = [
      { t: 0, type: 'nodeDied', node: 'n5' },
      { t: 100, type: 'blockUnderReplicated', block: 1, replicas: 2, target: 3 },
      { t: 100, type: 'blockUnderReplicated', block: 2, replicas: 2, target: 3 },
      ...copy(103, 1, 'n2', 106),
      ...copy(109, 2, 'n3', 112),
    ].sort((a, b) => a.t - b.t) as RunEvent[];
    const lights = hdfsLights(trace);
    const of = (part: string) => lights.filter((l) => l.part === part).map((l) => [l.start, l.end]);
    expect(of('restored')).toEqual([[112, Infinity]]);
    expect(of('repair')).toEqual([[100, 112]]);
    expect(of('copying')).toEqual([
      [103, 106],
      [109, 112],
    ]);
  });

  it('draws nothing back while a copy is still missing at the end of the run', () => {
    const trace = [
      { t: 0, type: 'nodeDied', node: 'n5' },
      { t: 100, type: 'blockUnderReplicated', block: 1, replicas: 2, target: 3 },
      { t: 100, type: 'blockUnderReplicated', block: 2, replicas: 2, target: 3 },
      ...copy(103, 1, 'n2', 106),
    ] as RunEvent[];
    expect(hdfsLights(trace).filter((l) => l.part === 'restored')).toEqual([]);
  });
});
