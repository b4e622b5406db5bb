import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { runPipeline, validatePipeline, type PipelineSpec } from './index';

type Part = PipelineSpec['parts'][number];
const wire = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

/** Clients → API → Kafka → Spark Streaming → store → dashboard; Kafka → Flume → HDFS beside it. */
function blueprint(
  store: 'hbase' | 'rdbms' | 'hdfs' = 'hbase',
  events = 4_000,
  extra: Partial<Record<string, Part['settings']>> = {},
): PipelineSpec {
  const s = (id: string) => (extra[id] ? { settings: extra[id] } : {});
  return {
    parts: [
      { id: 'clients', type: 'clients', settings: { events, ratePerSec: 200, ...extra.clients } },
      { id: 'api', type: 'api', node: 'n1', ...s('api') },
      { id: 'buffer', type: 'kafka', node: 'n2', ...s('buffer') },
      { id: 'stream', type: 'spark-streaming', node: 'n3', ...s('stream') },
      { id: 'store', type: store, node: 'n2', ...s('store') },
      { id: 'dash', type: 'dashboard', node: 'n1', ...s('dash') },
      { id: 'flume', type: 'flume', node: 'n3', ...s('flume') },
      { id: 'lake', type: 'hdfs', node: 'n1', ...s('lake') },
    ],
    wires: [...wire('clients', 'api', 'buffer', 'stream', 'store', 'dash'), ...wire('buffer', 'flume', 'lake')],
  };
}

const problem = (spec: unknown) => {
  try {
    validatePipeline(spec, ['n1', 'n2', 'n3']);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  return 'accepted';
};

describe('a pipeline as data', () => {
  it('fills every default and keeps the wires', () => {
    const p = validatePipeline(blueprint(), ['n1', 'n2', 'n3']);
    expect(p.parts.find((x) => x.id === 'flume')!.settings).toEqual({
      channel: 'memory',
      capacity: 100,
      batchSize: 100,
      rollInterval: 30,
      rollCount: 10,
      rollSize: 1024,
    });
    expect(p.parts.find((x) => x.id === 'buffer')!.feeds.map((i) => p.parts[i]!.id)).toEqual(['stream', 'flume']);
  });

  it('names the field at fault in hostile input', () => {
    const b = blueprint();
    expect(problem(null)).toBe('pipeline: must be an object, got null');
    expect(problem({ ...b, extra: 1 })).toMatch(/^pipeline\.extra: unknown field/);
    expect(problem({ ...b, parts: b.parts.map((p, i) => (i === 3 ? { ...p, settings: { triggerMs: -1 } } : p)) })).toBe(
      'pipeline.parts[3].settings.triggerMs: must be a number from 100 to 3,600,000 (ms), got -1',
    );
    expect(
      problem({ ...b, parts: b.parts.map((p, i) => (i === 6 ? { ...p, settings: { channel: 'disk' } } : p)) }),
    ).toBe("pipeline.parts[6].settings.channel: must be one of 'memory', 'file', got \"disk\"");
    expect(problem({ ...b, parts: b.parts.map((p, i) => (i === 2 ? { ...p, node: 'n9' } : p)) })).toMatch(
      /^pipeline\.parts\[2\]\.node: must be one of 'n1', 'n2', 'n3'/,
    );
    expect(problem({ ...b, parts: b.parts.map((p, i) => (i === 1 ? { ...p, node: undefined } : p)) })).toMatch(
      /^pipeline\.parts\[1\]\.node: is missing/,
    );
    expect(problem({ ...b, parts: b.parts.map((p, i) => (i === 1 ? { ...p, id: 'clients' } : p)) })).toBe(
      'pipeline.parts[1].id: "clients" is already the id of parts[0]',
    );
    expect(problem({ ...b, wires: [...b.wires, { from: 'dash', to: 'api' }] })).toBe(
      'pipeline.wires[7].to: Dashboard is where events end: it feeds nothing',
    );
    expect(problem({ ...b, wires: [...b.wires, { from: 'api', to: 'store' }] })).toMatch(
      /feeds 2 parts; it may feed one/,
    );
    expect(problem({ ...b, wires: [...b.wires, { from: 'clients', to: 'stream' }] })).toBe(
      'pipeline.wires[7].to: Clients cannot feed Spark Streaming; it feeds Ingest API, Flume agent',
    );
    // A statement of what is wrong, not an order.
    expect(problem({ ...b, wires: [...b.wires, { from: 'stream', to: 'buffer' }] })).toBe(
      'pipeline.wires: they make a loop (buffer → stream → buffer): a pipeline must run one way',
    );
    expect(problem({ ...b, wires: b.wires.filter((w) => w.to !== 'dash') })).toBe(
      'pipeline.parts[5]: "dash" gets nothing: no wire leads to it',
    );
    expect(problem({ ...b, wires: [...b.wires, { from: 'ghost', to: 'api' }] })).toMatch(
      /wires\[7\]\.from: no part has the id "ghost"/,
    );
    expect(
      problem({ parts: Array.from({ length: 17 }, (_, i) => ({ id: `p${i}`, type: 'api', node: 'n1' })), wires: [] }),
    ).toMatch(/at most 16/);
    expect(
      problem({ ...b, parts: b.parts.map((p, i) => (i === 0 ? { ...p, settings: { events: 1e9 } } : p)) }),
    ).toMatch(/settings\.events: must be a number from 1 to 200,000/);
  });
});

describe('a pipeline run', () => {
  it('delivers every event to the dashboard, each along its path, and is deterministic', () => {
    const a = runPipeline({ pipeline: blueprint(), seed: 3 });
    expect(a.ended).toBe('all displayed');
    expect(a.summary).toMatchObject({ produced: 4_000, displayed: 4_000, pending: 0, lost: 0 });
    expect(a.paths[0]!.hops.map((h) => h.part)).toEqual(['api', 'buffer', 'flume', 'lake', 'stream', 'store', 'dash']);
    // The dashboard refreshes every 5 s: no event waits longer than a refresh plus the way there.
    expect(a.summary.latencyMs!.max).toBeLessThan(5_000 + 1_500);
    expect(JSON.stringify(runPipeline({ pipeline: blueprint(), seed: 3 }))).toBe(JSON.stringify(a));
    expect(a.keys.reduce((s, k) => s + k.produced, 0)).toBe(4_000);
  });

  it("Flume's default HDFS sink closes a file every 1,024 bytes: many small files", () => {
    const r = runPipeline({ pipeline: blueprint() });
    const lake = r.parts.find((p) => p.id === 'lake')!;
    // 200-byte events: a file closes at its sixth event (1,200 bytes).
    expect(lake.files).toBe(Math.floor(4_000 / 6));
  });

  it('HDFS as the serving store: events wait for files to close, and every refresh opens them all', () => {
    const hbase = runPipeline({ pipeline: blueprint('hbase') });
    const hdfs = runPipeline({ pipeline: blueprint('hdfs') });
    expect(hdfs.summary.displayed).toBe(4_000);
    const dash = (r: typeof hdfs) => r.parts.find((p) => p.id === 'dash')!;
    expect(dash(hdfs).busyMs).toBeGreaterThan(10 * dash(hbase).busyMs);
  });

  it('a relational store scans more rows each refresh as raw rows pile up; counts by key keep it small', () => {
    const raw = runPipeline({ pipeline: blueprint('rdbms') });
    const counted = runPipeline({ pipeline: blueprint('rdbms', 4_000, { stream: { op: 'countByKey' } }) });
    const rows = (r: typeof raw) => r.parts.find((p) => p.id === 'store')!.rows;
    expect(rows(raw)).toBe(4_000);
    expect(rows(counted)).toBe(50);
    expect(counted.summary.displayed).toBe(4_000);
  });

  it('Kafka keeps what a stopped consumer has not read; the stream catches up when started again', () => {
    const r = runPipeline({
      pipeline: blueprint(),
      faults: [
        { atMs: 5_000, kind: 'stopPart', part: 'stream' },
        { atMs: 15_000, kind: 'startPart', part: 'stream' },
      ],
    });
    expect(r.summary).toMatchObject({ displayed: 4_000, lost: 0 });
    const i = r.parts.findIndex((p) => p.id === 'stream');
    expect(Math.max(...r.timeline.held[i]!)).toBeGreaterThan(1_500);
    expect(r.timeline.up[i]!.some((u) => !u)).toBe(true);
  });

  it("a memory channel loses what it holds when Flume's machine dies; a file channel keeps it", () => {
    // HDFS stops first, so the channel fills up; then Flume's machine dies.
    const faults = [
      { atMs: 2_000, kind: 'stopPart' as const, part: 'lake' },
      { atMs: 8_000, kind: 'killNode' as const, node: 'n3' },
      { atMs: 9_000, kind: 'restartNode' as const, node: 'n3' },
      { atMs: 10_000, kind: 'startPart' as const, part: 'lake' },
    ];
    const lake = (r: ReturnType<typeof runPipeline>) => r.parts.find((p) => p.id === 'lake')!;
    const memory = runPipeline({ pipeline: blueprint(), faults });
    const flume = memory.parts.find((p) => p.id === 'flume')!;
    expect(flume.dropped).toBe(100);
    // Those events still reached the dashboard the other way (Kafka → Spark): lost only to the lake.
    expect(memory.summary.lost).toBe(0);
    const file = runPipeline({ pipeline: blueprint('hbase', 4_000, { flume: { channel: 'file' } }), faults });
    expect(file.parts.find((p) => p.id === 'flume')!.dropped).toBe(0);
    expect(lake(file).received).toBe(4_000);
    expect(lake(memory).received).toBe(4_000 - 100);
    expect(memory.summary.displayed).toBe(4_000);
  });

  it('counts as busy only the work done by the end, and by a crash: a slowed machine is never busy longer than the run', () => {
    const slowed = runPipeline({
      pipeline: blueprint(),
      faults: [{ atMs: 10, kind: 'slowNode', node: 'n1', factor: 1_000 }],
    });
    const api = slowed.parts.find((p) => p.id === 'api')!;
    // Its turn started at 10 ms and lasts far past the end: it was busy from then to the end.
    expect(api.busyMs).toBeGreaterThan(0);
    expect(api.busyMs).toBeLessThanOrEqual(slowed.simulatedMs - 10);
    const crashed = runPipeline({
      pipeline: blueprint(),
      faults: [
        { atMs: 10, kind: 'slowNode', node: 'n1', factor: 1_000 },
        { atMs: 5_000, kind: 'killNode', node: 'n1' },
      ],
    });
    // Its process died at 5 s with the turn it was in: no busy time after that.
    expect(crashed.parts.find((p) => p.id === 'api')!.busyMs).toBeLessThanOrEqual(5_000 - 10);
    for (const p of [...slowed.parts, ...crashed.parts]) expect(p.busyMs).toBeLessThanOrEqual(slowed.simulatedMs);
    // A factor past the bound is the field's error, not a time past the kernel's range.
    expect(() =>
      runPipeline({ pipeline: blueprint(), faults: [{ atMs: 1, kind: 'slowNode', node: 'n1', factor: 1e15 }] }),
    ).toThrow('faults[0].factor: must be at most 1000 (a node a thousand times slower), got 1000000000000000');
  });

  it('refuses a failed disk as a pipeline fault, and an unknown part, naming the field', () => {
    expect(() => runPipeline({ pipeline: blueprint(), faults: [{ atMs: 1, kind: 'failDisk', node: 'n1' }] })).toThrow(
      /faults\[0\]\.kind/,
    );
    expect(() => runPipeline({ pipeline: blueprint(), faults: [{ atMs: 1, kind: 'stopPart', part: 'x' }] })).toThrow(
      'faults[0].part: no part has the id "x"',
    );
  });
});

describe('an event lost for good', () => {
  it('names the part that dropped it: a memory channel on a machine that died with a backlog', () => {
    const pipeline = {
      parts: [
        { id: 'clients', type: 'clients', settings: { events: 2_000, ratePerSec: 500 } },
        { id: 'agent', type: 'flume', node: 'n1', settings: { capacity: 1_000 } },
        { id: 'store', type: 'hbase', node: 'n2' },
        { id: 'dash', type: 'dashboard', node: 'n3' },
      ],
      wires: wire('clients', 'agent', 'store', 'dash'),
    };
    const r = runPipeline({
      pipeline,
      faults: [
        { atMs: 1_000, kind: 'stopPart', part: 'store' },
        { atMs: 2_000, kind: 'killNode', node: 'n1' },
        { atMs: 2_500, kind: 'restartNode', node: 'n1' },
        { atMs: 3_000, kind: 'startPart', part: 'store' },
      ],
    });
    expect(r.summary.lost).toBeGreaterThan(0);
    expect(r.summary.displayed + r.summary.pending + r.summary.lost).toBe(2_000);
    expect(r.parts.find((p) => p.id === 'agent')!.dropped).toBe(r.summary.lost);
    expect(r.paths.filter((p) => p.state === 'lost').every((p) => p.lostAt === 'agent')).toBe(true);
  });
});

describe('the clients', () => {
  it('send at the rate asked, however odd, on the kernel clock (a rate of 3 a second never spins)', () => {
    for (const ratePerSec of [3, 7, 150, 99_999]) {
      const r = runPipeline({
        pipeline: {
          parts: [
            { id: 'c', type: 'clients', settings: { events: 500, ratePerSec } },
            { id: 'agent', type: 'flume', node: 'n1' },
            { id: 'store', type: 'hbase', node: 'n2' },
            { id: 'dash', type: 'dashboard', node: 'n3' },
          ],
          wires: wire('c', 'agent', 'store', 'dash'),
        },
      });
      expect(r.summary.displayed).toBe(500);
      // The last event is due at 499 / rate seconds (on a 10 ms grid above 100 a second).
      const lastDue = (499 * 1000) / ratePerSec;
      expect(r.summary.lastDisplayMs! - lastDue).toBeGreaterThan(0);
      expect(r.summary.lastDisplayMs! - lastDue).toBeLessThan(5_000 + 1_000);
    }
  });

  it('hold a burst until every receiver answered: one refusing first does not make the copies on their way to another lost', () => {
    // Every burst goes to a slow API (one thread, 1 s a request) and to a Flume agent whose machine dies at 3 s.
    const pipeline = {
      parts: [
        { id: 'dev', type: 'clients', settings: { events: 100, ratePerSec: 100 } },
        { id: 'api', type: 'api', node: 'n1', settings: { threads: 1, requestCpuMs: 1000 } },
        { id: 'store', type: 'hbase', node: 'n1' },
        { id: 'dash', type: 'dashboard', node: 'n1' },
        { id: 'agent', type: 'flume', node: 'n2', settings: { capacity: 1000 } },
        { id: 'lake', type: 'hdfs', node: 'n3' },
        { id: 'dash2', type: 'dashboard', node: 'n3' },
      ],
      wires: [...wire('dev', 'api', 'store', 'dash'), ...wire('dev', 'agent', 'lake', 'dash2')],
    };
    const faults = [
      { atMs: 0, kind: 'killNode' as const, node: 'n3' },
      { atMs: 3_000, kind: 'killNode' as const, node: 'n2' },
    ];
    // At 10 s the API has answered for a few of them: the rest are still with the devices (or the API), not lost.
    const early = runPipeline({ pipeline, faults, untilMs: 10_000 });
    expect(early.summary.lost).toBe(0);
    expect(early.summary.displayed + early.summary.pending).toBe(100);
    // Given the time, every one reaches the API's dashboard.
    expect(runPipeline({ pipeline, faults, untilMs: 200_000 }).summary.displayed).toBe(100);
  });
});

describe('what a hostile reviewer found', () => {
  it('a rack cut off keeps its processes: a memory channel behind a partition loses nothing', () => {
    const r = runPipeline({
      cluster: 'two-racks',
      pipeline: {
        parts: [
          { id: 'c', type: 'clients', settings: { events: 2_000, ratePerSec: 500 } },
          { id: 'f', type: 'flume', node: 'n1', settings: { capacity: 1_000 } },
          { id: 'h', type: 'hdfs', node: 'n6' },
          { id: 'd', type: 'dashboard', node: 'n6' },
        ],
        wires: wire('c', 'f', 'h', 'd'),
      },
      faults: [
        { atMs: 1_000, kind: 'stopPart', part: 'h' },
        { atMs: 5_000, kind: 'partitionRack', rack: 'r1', durationMs: 1_000 },
        { atMs: 7_000, kind: 'startPart', part: 'h' },
      ],
    });
    expect(r.summary).toMatchObject({ displayed: 2_000, lost: 0 });
    expect(r.parts.find((p) => p.id === 'f')!.downMs).toBe(0);
  });

  it("Flume's Kafka source polls again only after its put and commit: no event read twice", () => {
    const r = runPipeline({
      pipeline: {
        parts: [
          { id: 'c', type: 'clients', settings: { events: 3_000, ratePerSec: 500 } },
          { id: 'a', type: 'api', node: 'n1' },
          { id: 'k', type: 'kafka', node: 'n2' },
          { id: 'f', type: 'flume', node: 'n3', settings: { channel: 'file' } },
          { id: 'h', type: 'hdfs', node: 'n1' },
          { id: 'd', type: 'dashboard', node: 'n1' },
        ],
        wires: wire('c', 'a', 'k', 'f', 'h', 'd'),
      },
      faults: [{ atMs: 100, kind: 'slowNode', node: 'n3', factor: 1_000 }],
    });
    const part = (id: string) => r.parts.find((p) => p.id === id)!;
    expect(part('k').delivered).toBe(part('f').received);
    expect(part('h').received).toBeLessThanOrEqual(part('f').received);
    expect(r.summary.displayed + r.summary.pending + r.summary.lost).toBe(3_000);
  });

  it('a batch job re-reading everything rewrites rows: the store keeps each event once', () => {
    const r = runPipeline({
      pipeline: {
        parts: [
          { id: 'c', type: 'clients', settings: { events: 2_000, ratePerSec: 1_000 } },
          { id: 'a', type: 'api', node: 'n1' },
          { id: 'h', type: 'hdfs', node: 'n2' },
          { id: 'b', type: 'spark-batch', node: 'n3', settings: { everyMs: 5_000, startupMs: 0, op: 'raw' } },
          { id: 'r', type: 'rdbms', node: 'n1' },
          { id: 'd', type: 'dashboard', node: 'n1' },
        ],
        wires: wire('c', 'a', 'h', 'b', 'r', 'd'),
      },
    });
    const store = r.parts.find((p) => p.id === 'r')!;
    expect(store.rows).toBe(2_000);
    expect(store.received).toBe(2_000);
    expect(r.summary.displayed).toBe(2_000);
  });

  it('refuses a Flume agent fed by Kafka and by pushes at once', () => {
    const b = blueprint();
    expect(problem({ ...b, wires: [...b.wires, { from: 'clients', to: 'flume' }] })).toBe(
      'pipeline.parts[6]: "flume" reads Kafka; it cannot take events pushed by other parts too',
    );
  });
});
