import { describe, expect, it } from 'vitest';
import type { PartReport, PartType } from '../../../engine/pipeline';
import { describePipelineFault, faultChoicesFor, faultsFor, faultsThatFit, faultTargets } from './pipelineFaults';

function part(id: string, type: PartType, node: string | null): PartReport {
  return {
    id,
    type,
    label: type,
    stage: 'ingest',
    node,
    settings: {},
    received: 0,
    delivered: 0,
    refused: 0,
    dropped: 0,
    busyMs: 0,
    downMs: 0,
    maxHeld: 0,
    heldAtEnd: 0,
  };
}

const parts = [
  part('devices', 'clients', null),
  part('ingest', 'api', 'n1'),
  part('buffer', 'kafka', 'n1'),
  part('reports', 'rdbms', 'n2'),
];
const oneRack = { parts, nodes: ['n1', 'n2', 'n3'].map((id) => ({ id, rack: 'r1' })) };
const twoRacks = {
  parts,
  nodes: [
    { id: 'n1', rack: 'r1' },
    { id: 'n2', rack: 'r2' },
  ],
};

describe('pipeline faults from the UI', () => {
  it('offers only what makes sense: no machine faults for the clients, no cut on one rack', () => {
    expect(faultChoicesFor(parts[0]!, oneRack)).toEqual([]);
    expect(faultChoicesFor(parts[1]!, oneRack)).toEqual(['kill', 'slow', 'stop']);
    expect(faultChoicesFor(parts[3]!, twoRacks)).toEqual(['kill', 'slow', 'cut', 'stop']);
    expect(faultTargets(oneRack).map((p) => p.id)).toEqual(['ingest', 'buffer', 'reports']);
  });

  it('turns a choice into the fault at the instant, and the one that undoes it when it lasts a while', () => {
    const reports = parts[3]!;
    const ask = { part: reports, atMs: 12_345.6, factor: 4 };
    expect(faultsFor({ ...ask, choice: 'kill', forSeconds: null }, oneRack)).toEqual([
      { atMs: 12_346, kind: 'killNode', node: 'n2' },
    ]);
    expect(faultsFor({ ...ask, choice: 'kill', forSeconds: 10 }, oneRack)).toEqual([
      { atMs: 12_346, kind: 'killNode', node: 'n2' },
      { atMs: 22_346, kind: 'restartNode', node: 'n2' },
    ]);
    expect(faultsFor({ ...ask, choice: 'slow', forSeconds: 5 }, oneRack)).toEqual([
      { atMs: 12_346, kind: 'slowNode', node: 'n2', factor: 4 },
      { atMs: 17_346, kind: 'slowNode', node: 'n2', factor: 1 },
    ]);
    expect(faultsFor({ ...ask, choice: 'cut', forSeconds: 30 }, twoRacks)).toEqual([
      { atMs: 12_346, kind: 'partitionRack', rack: 'r2', durationMs: 30_000 },
    ]);
    expect(faultsFor({ ...ask, choice: 'stop', forSeconds: null }, oneRack)).toEqual([
      { atMs: 12_346, kind: 'stopPart', part: 'reports' },
    ]);
    expect(faultsFor({ ...ask, part: parts[0]!, choice: 'stop', forSeconds: null }, oneRack)).toEqual([]);
  });

  it('says each fault in plain words, with the parts it strikes and the time as the checks say one', () => {
    expect(describePipelineFault({ atMs: 20_000, kind: 'killNode', node: 'n1' }, oneRack)).toBe(
      'machine n1 (ingest, buffer) dies at 20.00 s',
    );
    expect(describePipelineFault({ atMs: 5_000, kind: 'slowNode', node: 'n2', factor: 10 }, oneRack)).toBe(
      'machine n2 (reports) runs 10× slower from 5.00 s',
    );
    expect(describePipelineFault({ atMs: 5_000, kind: 'slowNode', node: 'n3', factor: 1 }, oneRack)).toBe(
      'machine n3 runs at its normal speed again from 5.00 s',
    );
    expect(describePipelineFault({ atMs: 1_000, kind: 'partitionRack', rack: 'r2', durationMs: 2_000 }, twoRacks)).toBe(
      'rack r2 (n2) is cut off the network at 1.00 s until 3.00 s',
    );
    expect(describePipelineFault({ atMs: 61_000, kind: 'startPart', part: 'buffer' }, oneRack)).toBe(
      'part buffer starts again at 61.00 s',
    );
  });

  it('keeps the faults that still fit the file: a stopped part must still be there', () => {
    const faults = [
      { atMs: 1, kind: 'stopPart' as const, part: 'gone' },
      { atMs: 2, kind: 'killNode' as const, node: 'n1' },
      { atMs: 3, kind: 'stopPart' as const, part: 'buffer' },
    ];
    expect(faultsThatFit(faults, new Set(['buffer']))).toEqual([faults[1], faults[2]]);
  });
});
