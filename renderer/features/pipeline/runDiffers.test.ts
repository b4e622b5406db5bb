import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../engine/pipeline';
import { readPipelineText } from '../../viz/pipeline/readPipelineText';
import { runDiffers } from './runDiffers';

const FILE = {
  parts: [
    { id: 'c', type: 'clients', settings: { events: 200, ratePerSec: 100 } },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'db', type: 'rdbms', node: 'n2' },
    { id: 'dash', type: 'dashboard', node: 'n3', settings: { refreshMs: 1000 } },
  ],
  wires: [
    { from: 'c', to: 'api' },
    { from: 'api', to: 'db' },
    { from: 'db', to: 'dash' },
  ],
};
const result = runPipeline({ pipeline: FILE, cluster: 'classroom' });
const drawn = (file: unknown) => {
  const r = readPipelineText(JSON.stringify(file));
  if (!r.ok) throw new Error(r.reason);
  return r.pipeline;
};

describe('runDiffers', () => {
  it('is false for the file that ran, written with or without its defaults', () => {
    expect(runDiffers(drawn(FILE), result)).toBe(false);
    const withDefault = structuredClone(FILE);
    (withDefault.parts[1] as { settings?: object }).settings = { threads: 8 };
    expect(runDiffers(drawn(withDefault), result)).toBe(false);
  });

  it('is true once a part, a machine, a setting or a wire changed', () => {
    const moved = structuredClone(FILE);
    moved.parts[1]!.node = 'n3';
    expect(runDiffers(drawn(moved), result)).toBe(true);
    const slower = structuredClone(FILE);
    slower.parts[3]!.settings = { refreshMs: 2000 };
    expect(runDiffers(drawn(slower), result)).toBe(true);
    expect(runDiffers(drawn({ ...FILE, wires: FILE.wires.slice(0, 2) }), result)).toBe(true);
    expect(runDiffers(drawn({ ...FILE, parts: FILE.parts.slice(0, 3) }), result)).toBe(true);
  });
});
