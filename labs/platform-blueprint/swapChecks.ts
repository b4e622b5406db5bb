/**
 * Step 3's checks beyond freshness: the map reads a store made for reads by key that the stream
 * processing feeds (the events pass every stage of the blueprint on their way to it), and the
 * lake is kept as it is: the collector and the lake are the starter's, with the same settings,
 * fed the same way. Tuning the collector to close a file every second makes the map on the lake
 * fresh enough, but swaps nothing.
 */
import { PART_CATALOGUE, type PipelineResult } from '../../engine/pipeline';
import { fail, pass, pipelineRunOf } from '../checkKit';
import type { LabCheck } from '../labTypes';

type Part = PipelineResult['parts'][number];
interface FilePart {
  id: string;
  type: string;
  node?: string;
  settings?: Record<string, unknown>;
}

/** The part's value for each of its type's settings, the catalogue's default where unset. */
function settingsOf(type: string, settings: Record<string, unknown> | undefined): Record<string, unknown> {
  const defs = (PART_CATALOGUE as Record<string, { settings?: Record<string, { default: unknown }> }>)[type]?.settings;
  const out: Record<string, unknown> = {};
  for (const [k, def] of Object.entries(defs ?? {})) out[k] = settings?.[k] ?? def.default;
  for (const [k, v] of Object.entries(settings ?? {})) out[k] ??= v;
  return out;
}

/** The map's store is not the lake, and the events reach it through a buffer and a processing stage. */
export function mapStoreSwappedCheck(id: string): LabCheck {
  return {
    id,
    title: 'The map reads a store fed by the stream processing, not the lake',
    evaluate: (run) => {
      const result = pipelineRunOf(run).report.result;
      const byId = new Map(result.parts.map((p) => [p.id, p]));
      const from = (to: string) => result.wires.filter((w) => w.to === to).map((w) => byId.get(w.from)!);
      const boards = result.parts.filter((p) => p.type === 'dashboard');
      if (boards.length === 0) return fail('No part of the pipeline is a dashboard: nothing shows the map.');
      const stage = (p: Part) => PART_CATALOGUE[p.type].stage;
      /** One dashboard's verdict: a failure's reason, or how its store is fed. */
      const judge = (board: Part): { ok: boolean; text: string } => {
        const stores = from(board.id);
        const lake = stores.find((s) => s.type === 'hdfs');
        if (lake)
          return {
            ok: false,
            text: `${board.id} still reads ${lake.id} (hdfs): it sees a position only once a file is closed, and opens every file at each refresh. Swap its store for one made for reads by key (hbase) that a spark-streaming part reading the log writes to.`,
          };
        const store = stores[0];
        if (!store) return { ok: false, text: `${board.id} reads no store.` };
        const writers = from(store.id);
        const processors = writers.filter((w) => stage(w) === 'process');
        if (processors.length === 0)
          return {
            ok: false,
            text: `${store.id} (${store.type}), which ${board.id} reads, is written by ${writers.map((w) => `${w.id} (${stage(w)})`).join(', ') || 'nothing'}: the blueprint has the stream processing (spark-streaming, reading the log) write the results the display reads.`,
          };
        const buffered = processors.find((p) => from(p.id).some((u) => stage(u) === 'buffer'));
        if (!buffered)
          return {
            ok: false,
            text: `${processors.map((p) => p.id).join(', ')} ${processors.length === 1 ? 'does' : 'do'} not read a buffer: wire the log (kafka) into the stream processing.`,
          };
        const sources = from(buffered.id)
          .map((u) => u.id)
          .join(', ');
        return {
          ok: true,
          text: `${board.id} reads ${store.id} (${store.type}), written by ${buffered.id} (${buffered.type}) from ${sources}`,
        };
      };
      // Every dashboard is judged, whatever the order of the parts: one left on the lake fails the swap.
      const verdicts = boards.map(judge);
      const failed = verdicts.find((v) => !v.ok);
      return failed ? fail(failed.text) : pass(`${verdicts.map((v) => v.text).join('; ')}.`);
    },
  };
}

/** The starter's collector and lake (Flume and HDFS parts) are still there, on the same machines, with the same settings and the same inputs, no more. */
export function lakeUnchangedCheck(id: string): LabCheck {
  return {
    id,
    title: 'The lake is kept as it is',
    evaluate: (run) => {
      const r = pipelineRunOf(run);
      const result = r.report.result;
      const starter = JSON.parse(r.step.starter) as { parts: FilePart[]; wires: { from: string; to: string }[] };
      const kept = starter.parts.filter((p) => p.type === 'flume' || p.type === 'hdfs');
      for (const want of kept) {
        const got = result.parts.find((p) => p.id === want.id);
        if (!got || got.type !== want.type)
          return fail(
            `The starter's ${want.id} (${want.type}) is gone: keep the lake as it is and add the new store beside it.`,
          );
        if (want.node && got.node !== want.node)
          return fail(`${want.id} moved from ${want.node} to ${got.node ?? 'nowhere'}: keep the lake as it is.`);
        const a = settingsOf(want.type, want.settings);
        const b = settingsOf(got.type, got.settings as Record<string, unknown>);
        const changed = Object.keys({ ...a, ...b }).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
        if (changed)
          return fail(
            `${want.id}'s "${changed}" is ${JSON.stringify(b[changed])}, the starter's ${JSON.stringify(a[changed])}: keep the lake as it is; the map's freshness comes from the new store, not from the collector.`,
          );
        const inputs = starter.wires.filter((w) => w.to === want.id);
        const lost = inputs.find((w) => !result.wires.some((x) => x.from === w.from && x.to === w.to));
        if (lost) return fail(`${lost.from} no longer feeds ${lost.to}: keep the lake as it is.`);
        // A new input (the stream processing writing the lake too) changes what the lake holds: copies, more files.
        const added = result.wires.find((w) => w.to === want.id && !inputs.some((x) => x.from === w.from));
        if (added)
          return fail(
            `${added.from} feeds ${want.id} too, which the starter fed from ${inputs.map((w) => w.from).join(' and ')} alone: keep the lake as it is; the new store goes beside it.`,
          );
      }
      return pass(`${kept.map((p) => p.id).join(' and ')} are as the starter had them.`);
    },
  };
}
