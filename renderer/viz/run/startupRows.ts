/**
 * What happens before a Spark run's first task, from the trace: the driver (SparkContext, in
 * client mode on the client machine) asks YARN for one executor container per node; each waits
 * for its NodeManager's heartbeat to be granted, then launches (localisation and a JVM) and
 * registers with the driver. The timeline draws these as extra "startup" rows above the lanes.
 * The rows' words are in the page's language.
 */
import type { JobRunReport, RunEventOf } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`run:view.startup.${key}`, options);

export interface StartupSegment {
  kind: 'waiting' | 'starting';
  label: string;
  start: number;
  end: number;
}

export interface StartupRow {
  id: string;
  /** Short name for the gutter: "driver", "exec-n4". */
  name: string;
  /** What the row shows, e.g. "exec-n4 starting on n4". */
  label: string;
  node: string | null;
  segments: StartupSegment[];
  /** When it is up (driver: all executors registered; executor: registered), or null if never. */
  readyAt: number | null;
}

export function startupRows(report: JobRunReport): StartupRow[] {
  if (report.kind !== 'spark') return [];
  const trace = report.trace;
  const driver = trace.find((e) => e.type === 'driverStarted');
  if (!driver) return [];
  const ready = trace.find((e) => e.type === 'executorsRegistered');
  const requested = new Map<number, number>();
  const allocated = new Map<number, { t: number; request: number; vcores: number; memoryMb: number }>();
  const rows: StartupRow[] = [];
  const executors = trace.filter((e): e is RunEventOf<'executorAdded'> => e.type === 'executorAdded');
  const standalone = executors.some((e) => e.manager === 'standalone');
  const asks = standalone
    ? say('asksStandalone')
    : executors.length > 0
      ? say('asksYarn', { count: executors.length })
      : say('asksYarnAny');
  rows.push({
    id: 'driver',
    name: 'driver',
    label: say('driver', { asks }),
    node: null,
    segments: [
      {
        kind: 'starting',
        label: say('driverStarting'),
        start: driver.t,
        end: ready?.t ?? driver.t,
      },
    ],
    readyAt: ready?.t ?? null,
  });
  for (const e of trace) {
    if (e.type === 'containerRequested') requested.set(e.request, e.t);
    if (e.type === 'containerAllocated')
      allocated.set(e.container, { t: e.t, request: e.request, vcores: e.vcores, memoryMb: e.memoryMb });
  }
  for (const e of executors) {
    const id = e.executor;
    const node = e.node;
    const c = e.container === undefined ? undefined : allocated.get(e.container);
    const asked = c ? requested.get(c.request) : undefined;
    const segments: StartupSegment[] = [];
    if (c && asked !== undefined && c.t > asked)
      segments.push({
        kind: 'waiting',
        label: say('waiting', { id, node }),
        start: asked,
        end: c.t,
      });
    const where = c
      ? say('inContainer', { container: e.container, count: c.vcores, gb: Math.round(c.memoryMb / 1024) })
      : e.manager === 'standalone'
        ? say('byWorker', { count: e.cores })
        : '';
    // The Master grants a standalone executor when the driver registers (or, for a replacement, when one was lost).
    const granted = e.manager === 'standalone' && ready !== undefined && e.t <= ready.t ? driver.t : e.t;
    segments.push({
      kind: 'starting',
      label: say(c ? 'startingYarn' : 'startingJvm', { id, node, where }),
      start: c?.t ?? granted,
      end: e.t,
    });
    rows.push({ id, name: id, label: say('executor', { id, node }), node, segments, readyAt: e.t });
  }
  return rows;
}

/** A row's state at time t. */
export function startupStateAt(row: StartupRow, t: number): 'future' | 'waiting' | 'starting' | 'ready' {
  if (row.readyAt !== null && t >= row.readyAt) return 'ready';
  const seg = row.segments.find((s) => s.start <= t && t < s.end);
  if (seg) return seg.kind;
  return row.segments.length > 0 && t < row.segments[0]!.start ? 'future' : 'starting';
}
