/**
 * The lights of Figures 24.1, 15.2 and 15.3 for a pipeline step's run (engine/pipeline), read from
 * its report: the events (parts down and up, micro-batches and batch runs, files closed, dashboard
 * refreshes) and the timeline's samples (what each part held).
 *
 * - an ingest API takes events while the devices send (their minute of events, or copies they
 *   send again) and the API and every part after it are up (it answers only once the next part
 *   took the event);
 * - a Flume agent takes events while it is up and its HDFS part holds events in open files
 *   (sampled);
 * - Kafka holds events while its slowest consumer has some yet to read (sampled);
 * - Spark processes events from the start of each micro-batch (or batch run) that read some and
 *   wrote them, until the next one starts (or until its own end, for the last);
 * - HDFS takes writes while it holds events in open files (sampled); HBase and a relational
 *   database while the parts writing into them do (an API taking events, Spark's batches);
 * - a dashboard shows new events from the end of a refresh that showed some until the next
 *   refresh starts (a part that is down does nothing: its spans stop there);
 * - a part is down between its partDown and partUp (`down:<area>` under the figure's area).
 */
import type { PartType } from '../../../engine/pipeline';
import type { CookbookFigureId, PipelineRunReport } from '../../../labs/labTypes';
import type { FigureLight } from './figureLights';

export interface Span {
  start: number;
  end: number;
}

/** The union of spans, sorted and merged (touching spans join). */
export function union(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The parts of `a` outside every span of `b`. */
export function minus(a: readonly Span[], b: readonly Span[]): Span[] {
  let out = union(a);
  for (const cut of union(b)) {
    const next: Span[] = [];
    for (const s of out) {
      if (cut.end <= s.start || cut.start >= s.end) next.push(s);
      else {
        if (cut.start > s.start) next.push({ start: s.start, end: cut.start });
        if (cut.end < s.end) next.push({ start: cut.end, end: s.end });
      }
    }
    out = next;
  }
  return out;
}

/** What one pipeline part does over the run, as spans of simulated time. */
export interface PartActivity {
  id: string;
  type: PartType;
  /** Its machine is down (or it was stopped). */
  down: Span[];
  /** It does its work: takes events, holds unread events, processes, takes writes, shows. */
  active: Span[];
}

/** While the clients send: their events at their rate from the start, and while they hold copies to send again (sampled). */
export function clientsSending(report: PipelineRunReport): Span[] {
  const r = report.result;
  const clients = r.parts.find((p) => p.type === 'clients');
  if (!clients) return [];
  const end = Math.max(r.simulatedMs, report.simulatedMs);
  const i = r.parts.indexOf(clients);
  const held = r.timeline.held[i] ?? [];
  const resending = r.timeline.t
    .map((t, k) => ({ start: t, end: r.timeline.t[k + 1] ?? end }))
    .filter((_, k) => (held[k] ?? 0) > 0);
  const events = Number(clients.settings.events ?? 0);
  const rate = Number(clients.settings.ratePerSec ?? 0);
  const minute = rate > 0 ? [{ start: 0, end: (events / rate) * 1000 }] : [];
  return union([...minute, ...resending]);
}

export function pipelineActivity(report: PipelineRunReport): Map<string, PartActivity> {
  const r = report.result;
  const end = Math.max(r.simulatedMs, report.simulatedMs);
  const tl = r.timeline;
  const index = new Map(r.parts.map((p, i) => [p.id, i]));
  const upstream = (id: string) => r.wires.filter((w) => w.to === id).map((w) => w.from);
  const downstream = (id: string) => r.wires.filter((w) => w.from === id).map((w) => w.to);

  // Down: from each partDown to the next partUp (or the end of the run).
  const down = new Map<string, Span[]>(r.parts.map((p) => [p.id, []]));
  const since = new Map<string, number>();
  for (const e of [...r.events].sort((a, b) => a.t - b.t)) {
    if (e.type === 'partDown' && !since.has(e.part)) since.set(e.part, e.t);
    if (e.type === 'partUp' && since.has(e.part)) {
      down.get(e.part)?.push({ start: since.get(e.part)!, end: e.t });
      since.delete(e.part);
    }
  }
  for (const [part, t] of since) down.get(part)?.push({ start: t, end });
  for (const [part, spans] of down) down.set(part, union(spans));

  // Sampled: a part holds events from a sample that says so to the next sample.
  const holding = (id: string): Span[] => {
    const i = index.get(id);
    if (i === undefined) return [];
    const held = tl.held[i] ?? [];
    return union(tl.t.map((t, k) => ({ start: t, end: tl.t[k + 1] ?? end })).filter((_, k) => (held[k] ?? 0) > 0));
  };

  // Batches: from the start of one that processed events and wrote them to the start of the next.
  const batchSpans = (id: string): Span[] => {
    const batches = r.events
      .filter((e) => e.type === 'batch' && e.part === id)
      .map((e) => (e.type === 'batch' ? { start: e.t - e.durationMs, end: e.t, events: e.events, ok: e.ok } : null))
      .filter((b) => b !== null)
      .sort((a, b) => a.start - b.start);
    return union(
      batches
        .map((b, k) => ({ ...b, next: batches[k + 1]?.start ?? b.end }))
        .filter((b) => b.ok && b.events > 0)
        .map((b) => ({ start: b.start, end: Math.max(b.end, b.next) })),
    );
  };

  // Refreshes: from the end of one that showed new events to the start of the next.
  const refreshSpans = (id: string): Span[] => {
    const refreshes = r.events
      .filter((e) => e.type === 'refresh' && e.part === id)
      .map((e) => (e.type === 'refresh' ? { start: e.t - e.durationMs, end: e.t, shown: e.shown, ok: e.ok } : null))
      .filter((x) => x !== null)
      .sort((a, b) => a.end - b.end);
    return union(
      refreshes
        .map((x, k) => ({ ...x, next: refreshes[k + 1]?.start ?? end }))
        .filter((x) => x.ok && x.shown > 0)
        .map((x) => ({ start: x.end, end: x.next })),
    );
  };

  const sending = (): Span[] => clientsSending(report);

  const out = new Map<string, PartActivity>();
  const activity = (id: string, seen: Set<string> = new Set()): Span[] => {
    const known = out.get(id);
    if (known) return known.active;
    const part = r.parts[index.get(id) ?? -1];
    if (!part || seen.has(id)) return [];
    seen.add(id);
    const off = down.get(id) ?? [];
    let active: Span[] = [];
    switch (part.type) {
      case 'api':
      case 'model-serving': {
        const next = downstream(id).flatMap((d) => down.get(d) ?? []);
        active = minus(part.type === 'api' ? sending() : union(upstream(id).flatMap((u) => activity(u, seen))), [
          ...off,
          ...next,
        ]);
        break;
      }
      case 'flume':
        active = minus(union(downstream(id).flatMap(holding)), off);
        break;
      case 'kafka':
      case 'hdfs':
        active = minus(holding(id), off);
        break;
      case 'spark-streaming':
      case 'spark-batch':
        active = minus(batchSpans(id), off);
        break;
      case 'hbase':
      case 'rdbms':
        active = minus(union(upstream(id).flatMap((u) => activity(u, seen))), off);
        break;
      case 'dashboard':
        // A refresh's news stays up until the next refresh, or until the dashboard goes down.
        active = minus(refreshSpans(id), off);
        break;
      case 'clients':
        active = [];
        break;
    }
    out.set(id, { id, type: part.type, down: off, active });
    return active;
  };
  for (const p of r.parts) activity(p.id);
  return out;
}

/** Each figure's parts, by the pipeline part types that light them. */
const AREAS: Partial<Record<CookbookFigureId, Partial<Record<PartType, string>>>> = {
  '24.1': {
    api: 'ingest',
    flume: 'ingest',
    kafka: 'buffer',
    'spark-streaming': 'stream',
    'spark-batch': 'batch',
    hdfs: 'store',
    hbase: 'store',
    rdbms: 'store',
    dashboard: 'display',
  },
  '15.2': { kafka: 'kafka', 'spark-streaming': 'spark', 'spark-batch': 'spark', hdfs: 'hdfs', hbase: 'hbase' },
  '15.3': { kafka: 'kafka', flume: 'flume', hdfs: 'hdfs' },
};

export function pipelineLights(figure: CookbookFigureId, report: PipelineRunReport): FigureLight[] {
  const areas = AREAS[figure];
  if (!areas) return [];
  const r = report.result;
  const end = Math.max(r.simulatedMs, report.simulatedMs);
  const parts = pipelineActivity(report);
  const on = new Map<string, Span[]>();
  const add = (part: string, spans: readonly Span[]) => on.set(part, [...(on.get(part) ?? []), ...spans]);
  for (const p of parts.values()) {
    const area = areas[p.type];
    if (!area) continue;
    add(area, p.active);
    add(`down:${area}`, p.down);
    add('down', p.down);
  }
  if (figure === '15.2') {
    // The display of Figure 15.2 reads HBase: lit only for a dashboard reading an HBase part.
    for (const p of parts.values())
      if (p.type === 'dashboard' && r.wires.some((w) => w.to === p.id && parts.get(w.from)?.type === 'hbase'))
        add('display', p.active);
  }
  if (figure === '15.3') {
    const flumes = new Set([...parts.values()].filter((p) => p.type === 'flume').map((p) => p.id));
    // Kafka lights for the topics a Flume agent reads; HDFS for the parts it writes.
    on.delete('kafka');
    on.delete('hdfs');
    on.delete('down:kafka');
    on.delete('down:hdfs');
    for (const w of r.wires) {
      const from = parts.get(w.from);
      const to = parts.get(w.to);
      if (flumes.has(w.to) && from?.type === 'kafka') {
        add('kafka', from.active);
        add('down:kafka', from.down);
      }
      if (flumes.has(w.from) && to?.type === 'hdfs') {
        add('hdfs', to.active);
        add('down:hdfs', to.down);
      }
    }
    // Flume's channel holds events (sampled), and the files Flume's sink closed are readable.
    for (const id of flumes) {
      const i = r.parts.findIndex((p) => p.id === id);
      const held = r.timeline.held[i] ?? [];
      add(
        'channel',
        r.timeline.t
          .map((t, k) => ({ start: t, end: r.timeline.t[k + 1] ?? end }))
          .filter((_, k) => (held[k] ?? 0) > 0),
      );
    }
    const closes = r.events.filter((e) => e.type === 'fileClosed' && flumes.has(e.writer) && e.events > 0);
    if (closes.length > 0) add('closed', [{ start: Math.min(...closes.map((e) => e.t)), end: Infinity }]);
    const all = [...on.keys()].filter((k) => k.startsWith('down:'));
    on.set(
      'down',
      all.flatMap((k) => on.get(k) ?? []),
    );
  }
  // What a part was doing when the run ended it still shows at the run's last instant (where the
  // scrubber stops): a span that reaches the end stays lit from then on, as a file left open is.
  const lights: FigureLight[] = [];
  for (const [part, spans] of on)
    for (const s of union(spans)) lights.push({ part, start: s.start, end: s.end >= end ? Infinity : s.end });
  return lights;
}

/** Files a Flume agent had closed in HDFS by t (Figure 15.3's count), and the events in them. */
export function flumeFilesAt(report: PipelineRunReport, t: number): { files: number; events: number } {
  const flumes = new Set(report.result.parts.filter((p) => p.type === 'flume').map((p) => p.id));
  let files = 0;
  let events = 0;
  for (const e of report.result.events)
    if (e.type === 'fileClosed' && flumes.has(e.writer) && e.t <= t) {
      files++;
      events += e.events;
    }
  return { files, events };
}
