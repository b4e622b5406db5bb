/**
 * What a pipeline run reports: the ledger's summary (displayed, pending, lost, latency), each
 * part's figures, the timeline (what each part held and whether it was up), the events of the run,
 * a few events' paths from the clients to the display (the first, the slowest, some lost), the
 * events per key as produced and as displayed, and what the dashboards showed of counts by key.
 */
import type { Cluster } from '../cluster';
import { PART_CATALOGUE, type PartType, type Stage } from './partCatalogue';
import type { PartRuntime } from './partRuntime';
import type { PipelineEvent } from './pipelineEvents';
import type { LedgerSummary, PipelineLedger } from './pipelineLedger';
import type { ResolvedPipeline } from './pipelineSpec';
import { HdfsPart } from './hdfsPart';
import { StorePart } from './storePart';
import { SparkBatchPart, SparkStreamingPart } from './sparkParts';
import { DashboardPart } from './dashboardPart';
import { ClientsPart } from './clientsPart';
import { ModelTrainerPart } from './modelTrainerPart';
import type { ViewReport } from './viewTracker';
import type { MlReport } from './mlTracker';

export interface PartReport {
  id: string;
  type: PartType;
  label: string;
  stage: Stage;
  node: string | null;
  settings: Record<string, number | string>;
  received: number;
  delivered: number;
  refused: number;
  dropped: number;
  busyMs: number;
  downMs: number;
  maxHeld: number;
  /** Held at the end (a queue, a channel, a consumer's lag, open files). */
  heldAtEnd: number;
  /** The clients: copies they had to send again after a refusal. */
  resent?: number;
  /** Micro-batches or batch runs, files closed, dashboard refreshes, rows stored. */
  batches?: number;
  files?: number;
  refreshes?: number;
  rows?: number;
}

export interface EventPath {
  id: number;
  key: number;
  createdMs: number;
  hops: { part: string; atMs: number }[];
  displayedMs: number | null;
  /** Where its last copy was dropped, when it was lost. */
  lostAt: string | null;
  state: 'displayed' | 'pending' | 'lost';
}

export interface PipelineTimeline {
  t: number[];
  /** Per part (in `parts` order): what it held at each t. */
  held: number[][];
  up: boolean[][];
  /** Events displayed so far. */
  displayed: number[];
}

export interface PipelineResult {
  seed: number;
  cluster: string;
  nodes: { id: string; rack: string }[];
  simulatedMs: number;
  /** 'all displayed' when the last event was shown; 'time limit' when the run was stopped first. */
  ended: 'all displayed' | 'time limit';
  summary: LedgerSummary;
  parts: PartReport[];
  wires: { from: string; to: string }[];
  timeline: PipelineTimeline;
  events: PipelineEvent[];
  eventsLeftOut: number;
  paths: EventPath[];
  keys: { key: number; produced: number; displayed: number }[];
  /** Per dashboard reading a store of counts by key (batch and realtime views): what its refreshes showed, against the truth. */
  views: ViewReport[];
  /** Models trained, drifts detected, the served predictions' errors (null: no model in the pipeline). */
  ml: MlReport | null;
}

const SAMPLE = 10;

export function reportPipeline(run: {
  seed: number;
  pipeline: ResolvedPipeline;
  parts: PartRuntime[];
  ledger: PipelineLedger;
  timeline: PipelineTimeline;
  events: PipelineEvent[];
  eventsLeftOut: number;
  allShown: boolean;
  endMs: number;
  cluster: Cluster;
  ml: MlReport | null;
}): PipelineResult {
  const { ledger, parts, endMs } = run;
  const held = new Uint8Array(ledger.events);
  for (const p of parts) p.forEachHeld((id) => (held[id] = 1));
  const summary = ledger.summarize(held);
  const state = (id: number): EventPath['state'] =>
    !Number.isNaN(ledger.displayedAt[id]!)
      ? 'displayed'
      : held[id] || Number.isNaN(ledger.created[id]!)
        ? 'pending'
        : 'lost';
  const path = (id: number): EventPath => {
    const hops = parts
      .map((p, i) => ({ part: p.id, atMs: ledger.reached[i]![id]! }))
      .filter((h) => !Number.isNaN(h.atMs))
      .sort((a, b) => a.atMs - b.atMs);
    const shown = ledger.displayedAt[id]!;
    const s = state(id);
    const dropped = ledger.droppedAt[id]!;
    return {
      id,
      key: ledger.keys[id]!,
      createdMs: ledger.created[id]!,
      hops,
      displayedMs: Number.isNaN(shown) ? null : shown,
      lostAt: s === 'lost' && dropped >= 0 ? parts[dropped]!.id : null,
      state: s,
    };
  };
  const chosen = new Set<number>();
  for (let id = 0; id < Math.min(SAMPLE, ledger.events); id++) chosen.add(id);
  const slowest = [...Array(ledger.events).keys()]
    .filter((id) => !Number.isNaN(ledger.displayedAt[id]!))
    .sort(
      (a, b) => ledger.displayedAt[b]! - ledger.created[b]! - (ledger.displayedAt[a]! - ledger.created[a]!) || a - b,
    )
    .slice(0, SAMPLE);
  for (const id of slowest) chosen.add(id);
  let lost = 0;
  for (let id = 0; id < ledger.events && lost < SAMPLE; id++)
    if (state(id) === 'lost') {
      chosen.add(id);
      lost++;
    }
  const perKey = new Map<number, { produced: number; displayed: number }>();
  for (let id = 0; id < ledger.events; id++) {
    if (Number.isNaN(ledger.created[id]!)) continue;
    const k = ledger.keys[id]!;
    const row = perKey.get(k) ?? { produced: 0, displayed: 0 };
    row.produced++;
    if (!Number.isNaN(ledger.displayedAt[id]!)) row.displayed++;
    perKey.set(k, row);
  }
  return {
    seed: run.seed,
    cluster: run.cluster.name,
    nodes: run.cluster.nodes.map((n) => ({ id: n.id, rack: run.cluster.rackOf(n).id })),
    simulatedMs: endMs,
    ended: run.allShown ? 'all displayed' : 'time limit',
    summary,
    parts: parts.map((p) => partReport(p, endMs)),
    wires: run.pipeline.wires.map((w) => ({ ...w })),
    timeline: run.timeline,
    events: run.events,
    eventsLeftOut: run.eventsLeftOut,
    paths: [...chosen].sort((a, b) => a - b).map(path),
    keys: [...perKey.entries()]
      .map(([key, v]) => ({ key, ...v }))
      .sort((a, b) => b.produced - a.produced || a.key - b.key),
    ml: run.ml,
    views: parts.flatMap((p) =>
      p instanceof DashboardPart && p.tracker ? [p.tracker.report(p.id, p.upstream()[0]!.id, endMs)] : [],
    ),
  };
}

function partReport(p: PartRuntime, endMs: number): PartReport {
  const r: PartReport = {
    id: p.id,
    type: p.spec.type,
    label: PART_CATALOGUE[p.spec.type].label,
    stage: p.spec.stage,
    node: p.spec.node,
    settings: { ...p.spec.settings },
    received: p.received,
    delivered: p.delivered,
    refused: p.refused,
    dropped: p.dropped,
    busyMs: Math.round(p.busyUntil(endMs) * 1000) / 1000,
    downMs: Math.round(p.downUntil(endMs) * 1000) / 1000,
    maxHeld: p.maxHeld,
    heldAtEnd: p.heldCount(),
  };
  if (p instanceof ClientsPart) r.resent = p.resent;
  if (p instanceof SparkStreamingPart) r.batches = p.batches;
  if (p instanceof SparkBatchPart || p instanceof ModelTrainerPart) r.batches = p.runs;
  if (p instanceof HdfsPart) r.files = p.files;
  if (p instanceof StorePart) r.rows = p.rows;
  if (p instanceof DashboardPart) r.refreshes = p.refreshes;
  return r;
}
