import { describe, expect, it } from 'vitest';
import { pipelineLayout } from './pipelineLayout';
import { readPipelineText } from './readPipelineText';

const BLUEPRINT = {
  parts: [
    { id: 'clients', type: 'clients' },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'buffer', type: 'kafka', node: 'n2' },
    { id: 'stream', type: 'spark-streaming', node: 'n3' },
    { id: 'serving', type: 'hbase', node: 'n2' },
    { id: 'dashboard', type: 'dashboard', node: 'n1' },
    { id: 'agent', type: 'flume', node: 'n3' },
    { id: 'lake', type: 'hdfs', node: 'n1' },
  ],
  wires: [
    { from: 'clients', to: 'api' },
    { from: 'api', to: 'buffer' },
    { from: 'buffer', to: 'stream' },
    { from: 'stream', to: 'serving' },
    { from: 'serving', to: 'dashboard' },
    { from: 'buffer', to: 'agent' },
    { from: 'agent', to: 'lake' },
  ],
};

function read(file: unknown) {
  const r = readPipelineText(JSON.stringify(file));
  if (!r.ok) throw new Error(r.reason);
  return r.pipeline;
}

/** Points along an arrow's path (its moves, lines and cubic curves), every few pixels. */
function pointsOf(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  const line = (tx: number, ty: number) => {
    for (let i = 1; i <= 40; i++) points.push({ x: x + ((tx - x) * i) / 40, y: y + ((ty - y) * i) / 40 });
    [x, y] = [tx, ty];
  };
  for (const [, op, args] of d.matchAll(/([MHVC])([^MHVC]*)/g)) {
    const n = args!.split(/[ ,]+/).filter(Boolean).map(Number);
    if (op === 'M') [x, y] = [n[0]!, n[1]!];
    else if (op === 'H') line(n[0]!, y);
    else if (op === 'V') line(x, n[0]!);
    else {
      const [ax, ay, bx, by, cx, cy] = n as [number, number, number, number, number, number];
      const [sx, sy] = [x, y];
      for (let i = 1; i <= 40; i++) {
        const t = i / 40;
        const u = 1 - t;
        points.push({
          x: u * u * u * sx + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * cx,
          y: u * u * u * sy + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * cy,
        });
      }
      [x, y] = [cx, cy];
    }
  }
  return points;
}

describe('pipelineLayout', () => {
  it('puts each part in the column of its stage, in the blueprint order', () => {
    const layout = pipelineLayout(read(BLUEPRINT));
    const column = Object.fromEntries(layout.boxes.map((b) => [b.part.id, b.column]));
    expect(column).toEqual({ clients: 0, api: 1, agent: 1, buffer: 2, stream: 3, serving: 4, lake: 4, dashboard: 5 });
    expect(layout.columns.map((c) => c.stage)).toEqual(['source', 'ingest', 'buffer', 'process', 'store', 'display']);
    // Columns go left to right, and boxes never overlap.
    for (const a of layout.boxes)
      for (const b of layout.boxes) if (a !== b) expect(a.x !== b.x || Math.abs(a.y - b.y) >= 74).toBe(true);
    expect(layout.boxes.every((b) => b.x + 112 <= layout.width && b.y + 74 <= layout.height)).toBe(true);
  });

  it('orders a column by where the parts feeding it sit', () => {
    const layout = pipelineLayout(read(BLUEPRINT));
    const row = Object.fromEntries(layout.boxes.map((b) => [b.part.id, b.row]));
    // The ingest column keeps file order (api before agent; agent is fed from a later column).
    expect(row.api).toBe(0);
    expect(row.agent).toBe(1);
    // In the store column, serving (fed by stream, row 0) and lake (fed by agent, row 1).
    expect(row.serving).toBe(0);
    expect(row.lake).toBe(1);
  });

  it('draws an arrow per wire, looping below for a wire back to an earlier column, and marks wires the catalogue refuses', () => {
    const file = { ...BLUEPRINT, wires: [...BLUEPRINT.wires, { from: 'lake', to: 'api' }, { from: 'x', to: 'api' }] };
    const layout = pipelineLayout(read(file));
    expect(layout.arrows).toHaveLength(8);
    expect(layout.strays).toEqual([{ from: 'x', to: 'api' }]);
    const back = layout.arrows.find((a) => a.from === 'buffer' && a.to === 'agent')!;
    expect(back.allowed).toBe(true);
    const lowest = Math.max(...layout.boxes.map((b) => b.y + 74));
    expect(Math.max(...pointsOf(back.d).map((p) => p.y))).toBeGreaterThan(lowest);
    expect(layout.arrows.find((a) => a.from === 'lake')!.allowed).toBe(false);
  });

  it('lays out an empty pipeline with its six stage columns', () => {
    const layout = pipelineLayout({ parts: [], wires: [] });
    expect(layout.boxes).toEqual([]);
    expect(layout.columns).toHaveLength(6);
  });
});

describe('readPipelineText', () => {
  it('says why a file cannot be drawn', () => {
    expect(readPipelineText('{"parts": [')).toMatchObject({ ok: false });
    expect(readPipelineText('[]')).toEqual({ ok: false, reason: 'the file is not a JSON object with parts and wires' });
    expect(readPipelineText('{"parts": [{"id": "a", "type": "teapot"}]}')).toEqual({
      ok: false,
      reason: 'parts[0] ("a") has no known "type"',
    });
    expect(readPipelineText('{"parts": [{"id": "a", "type": "kafka"}, {"id": "a", "type": "hdfs"}]}')).toEqual({
      ok: false,
      reason: 'two parts are called "a"',
    });
  });

  it('reads the clients without a machine and keeps settings that are numbers or words', () => {
    const r = readPipelineText(
      '{"parts": [{"id": "c", "type": "clients", "settings": {"events": 5, "x": [1]}}, {"id": "k", "type": "kafka", "node": "n1"}]}',
    );
    expect(r).toEqual({
      ok: true,
      pipeline: {
        parts: [
          { id: 'c', type: 'clients', node: null, settings: { events: 5 } },
          { id: 'k', type: 'kafka', node: 'n1', settings: {} },
        ],
        wires: [],
      },
    });
  });
});

describe('pipelineLayout: wires', () => {
  it("never draws a wire behind a box it does not connect, and every wire enters its part's left side", () => {
    // Netflix's old pipeline: HDFS (S3) sits in the store column, after the batch job that reads it.
    const file = {
      parts: [
        { id: 'members', type: 'clients' },
        { id: 'chukwa', type: 'flume', node: 'n2' },
        { id: 's3', type: 'hdfs', node: 'n2' },
        { id: 'hourly', type: 'spark-batch', node: 'n3' },
        { id: 'reports', type: 'rdbms', node: 'n3' },
        { id: 'old-row', type: 'dashboard', node: 'n3' },
      ],
      wires: [
        { from: 'members', to: 'chukwa' },
        { from: 'chukwa', to: 's3' },
        { from: 's3', to: 'hourly' },
        { from: 'hourly', to: 'reports' },
        { from: 'reports', to: 'old-row' },
      ],
    };
    for (const layout of [pipelineLayout(read(file)), pipelineLayout(read(BLUEPRINT))])
      for (const a of layout.arrows) {
        const points = pointsOf(a.d);
        for (const box of layout.boxes) {
          if (box.part.id === a.from || box.part.id === a.to) continue;
          const inside = points.filter((p) => p.x > box.x && p.x < box.x + 112 && p.y > box.y && p.y < box.y + 74);
          expect(inside, `${a.from} → ${a.to} behind ${box.part.id}`).toEqual([]);
        }
        const to = layout.boxes.find((b) => b.part.id === a.to)!;
        const [before, end] = points.slice(-2);
        expect(end!.x).toBeCloseTo(to.x, 6);
        expect(end!.x).toBeGreaterThan(before!.x);
      }
  });
});
