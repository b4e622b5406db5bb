/**
 * The platform-blueprint lab's checks: they read the pipeline run's ledger (engine/pipeline) and
 * each part's figures. Where a step brings down a machine, the check also runs the learner's
 * pipeline under a second outage the step does not show.
 */
import { PART_CATALOGUE, type PartReport, type PipelineFault, type PipelineResult } from '../../engine/pipeline';
import type { FaultSpec } from '../../engine/cluster';
import { fail, pass, pipelineRunOf, seconds } from '../checkKit';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';
import { plural } from '../plural';
import { rerunPipeline } from './rerunPipeline';

const n = (v: number) => v.toLocaleString('en-US');

/** The same pipeline with the step's outage moved to a time the step does not show. */
function underHiddenOutage(run: StepRun, faults: PipelineFault[]): PipelineResult {
  return rerunPipeline(run, faults, pipelineRunOf(run).step.run.seed + 1);
}

/**
 * What each part held when the run ended. A streaming job holds nothing of its own: what it has
 * yet to read is in the Kafka log it reads (its figure is its lag there), so it is said with the
 * log's, not added as a second holder of the same events.
 */
function holders(result: PipelineResult): string[] {
  const byId = new Map(result.parts.map((p) => [p.id, p]));
  const readers = (log: PartReport) =>
    result.wires
      .filter((w) => w.from === log.id)
      .map((w) => byId.get(w.to)!)
      .filter((p) => p.type === 'spark-streaming' && p.heldAtEnd > 0);
  return result.parts
    .filter((p) => p.heldAtEnd > 0 && p.type !== 'spark-streaming')
    .map((p) => {
      const behind = p.type === 'kafka' ? readers(p) : [];
      const held = `${p.id} holds ${n(p.heldAtEnd)}`;
      if (behind.length === 0) return held;
      if (behind.length === 1 && behind[0]!.heldAtEnd === p.heldAtEnd)
        return `${held}, which ${behind[0]!.id} has yet to read`;
      return `${held}, of which ${behind.map((r, i) => `${r.id}${i === 0 ? ' has yet to read' : ''} ${n(r.heldAtEnd)}`).join(' and ')}`;
    });
}

function displayedVerdict(result: PipelineResult, when = ''): CheckVerdict {
  const s = result.summary;
  if (s.displayed === s.produced)
    return pass(`All ${n(s.produced)} events reached the dashboard${when}; the last at ${seconds(s.lastDisplayMs!)}.`);
  const parts: string[] = [];
  if (s.pending > 0) {
    parts.push(
      `${n(s.pending)} were still on their way when the run ended${holders(result).length ? ` (${holders(result).join('; ')})` : ''}`,
    );
  }
  if (s.lost > 0) {
    const where = result.parts.filter((p) => p.dropped > 0).map((p) => `${p.id} dropped ${n(p.dropped)}`);
    parts.push(`${n(s.lost)} were lost${where.length ? ` (${where.join(', ')})` : ''}`);
  }
  return fail(`${n(s.displayed)} of ${n(s.produced)} events reached the dashboard${when}: ${parts.join('; ')}.`);
}

/** Every event the clients sent was shown on a dashboard by the end of the run. */
export function everyEventDisplayedCheck(id: string): LabCheck {
  return {
    id,
    title: 'Every event reaches the dashboard',
    evaluate: (run) => displayedVerdict(pipelineRunOf(run).report.result),
  };
}

/** Parts that answer their sender only once the next part took the event (engine/pipeline/serviceParts.ts). */
const PASS_THROUGH = new Set(['api', 'model-serving']);

/**
 * Which parts' refusals reached the devices, and what the devices should be told: the parts they
 * send to, and after a part that answers only once the next took the event (the ingest API), the
 * next. A part further on (a store the stream writes to) refuses the stream, not the devices.
 */
function refusalText(result: PipelineResult, faults: readonly PipelineFault[]): { why: string; advice: string } {
  const killed = new Set(faults.flatMap((f) => (f.kind === 'killNode' ? [f.node] : [])));
  const byId = new Map(result.parts.map((p) => [p.id, p]));
  const sentTo = new Set<string>();
  const after = new Set<string>();
  const visit = (from: string, into: Set<string>) => {
    for (const w of result.wires.filter((x) => x.from === from))
      if (!sentTo.has(w.to) && !after.has(w.to)) {
        into.add(w.to);
        if (PASS_THROUGH.has(byId.get(w.to)!.type)) visit(w.to, after);
      }
  };
  for (const c of result.parts.filter((p) => p.type === 'clients')) visit(c.id, sentTo);
  const down = (p: PartReport) => p.node !== null && killed.has(p.node);
  const name = (p: PartReport) => `${p.id} (${p.label}${p.node ? ` on ${p.node}` : ''})`;
  const refusal = (p: PartReport) => `refused ${n(p.refused)} copies${down(p) ? ' because its machine was down' : ''}`;
  const say = (p: PartReport) => `${name(p)} ${refusal(p)}`;
  const parts = (ids: Set<string>) => [...ids].map((id) => byId.get(id)!);
  const first = parts(sentTo).filter((p) => p.refused > 0);
  const next = parts(after).filter((p) => p.refused > 0);
  const why = [
    ...(first.length
      ? [`they send every event to ${first.map((p) => `${name(p)}, which ${refusal(p)}`).join('; ')}`]
      : []),
    ...(next.length
      ? [
          `the ingest API answers a device only once the part after it took the event, and it could not: ${next.map(say).join('; ')}`,
        ]
      : []),
  ].join('; ');
  const ids = (parts: PartReport[]) => parts.map((p) => p.id).join(' and ');
  // Every part they wait on that sits on a machine going down, also one nothing reached (the API before it was down too).
  const downFirst = parts(sentTo).filter(down);
  const downNext = parts(after).filter(down);
  const downBuffers = downNext.filter((p) => p.stage === 'buffer');
  const downStores = downNext.filter((p) => p.stage === 'store');
  const moveIt = [...downFirst, ...downNext.filter((p) => p.stage !== 'buffer' && p.stage !== 'store')];
  const advice = [
    ...(moveIt.length
      ? [
          `The devices wait on ${ids(moveIt)}, which ${moveIt.length === 1 ? 'takes nothing while its machine is' : 'take nothing while their machine is'} down: put ${moveIt.length === 1 ? 'it' : 'them'} on a machine that stays up.`,
        ]
      : []),
    ...(downBuffers.length
      ? [
          `A buffer keeps events only while its machine is up: put ${ids(downBuffers)} on a machine that stays up when the store's does not.`,
        ]
      : []),
    ...(downStores.length
      ? [
          'A device keeps few events; the blueprint puts a buffer after the API, on a machine that is up when a store is not.',
        ]
      : []),
  ];
  return {
    why: why ? `: ${why}` : '',
    advice: advice.length
      ? advice.join(' ')
      : 'Every part the devices wait on must take their events whenever they send.',
  };
}

/**
 * The clients never had to send an event again: the part they send to took every event at once,
 * also while a machine behind it was down — here and under an outage the step does not show.
 */
export function ingestNeverRefusesCheck(id: string, hiddenOutage: FaultSpec[]): LabCheck {
  const resent = (result: PipelineResult) => result.parts.find((p) => p.type === 'clients')?.resent ?? 0;
  const outageText = (faults: readonly PipelineFault[]) => {
    const kill = faults.find((f): f is Extract<FaultSpec, { kind: 'killNode' }> => f.kind === 'killNode');
    const back = faults.find((f): f is Extract<FaultSpec, { kind: 'restartNode' }> => f.kind === 'restartNode');
    return kill
      ? ` while ${kill.node} was down (${seconds(kill.atMs)} to ${back ? seconds(back.atMs) : 'the end'})`
      : '';
  };
  return {
    id,
    title: 'The devices never have to send an event again',
    evaluate: (run) => {
      const r = pipelineRunOf(run);
      const mine = resent(r.report.result);
      if (mine > 0) {
        const { why, advice } = refusalText(r.report.result, r.report.faults);
        return fail(
          `The devices had to send events again ${n(mine)} times${outageText(r.report.faults)} (an event refused twice counts twice)${why}. ${advice}`,
        );
      }
      const other = underHiddenOutage(run, hiddenOutage);
      const theirs = resent(other);
      if (theirs > 0) {
        const { why, advice } = refusalText(other, hiddenOutage);
        return fail(
          `Not one event was sent again in this run, but under another outage${outageText(hiddenOutage)} the devices had to send events again ${n(theirs)} times${why}. ${advice}`,
        );
      }
      return pass(
        `No device had to send an event again${outageText(r.report.faults)}, nor under another outage${outageText(hiddenOutage)}: the API always handed its events on.`,
      );
    },
  };
}

/** The wires from the clients to the dashboard pass a buffer and a processing stage before the store. */
export function blueprintStagesCheck(id: string): LabCheck {
  return {
    id,
    title: 'Ingest, buffer, process, store, display',
    evaluate: (run) => {
      const result = pipelineRunOf(run).report.result;
      const byId = new Map(result.parts.map((p) => [p.id, p]));
      const next = (from: string) => result.wires.filter((w) => w.from === from).map((w) => w.to);
      const paths: string[][] = [];
      const walk = (at: string, trail: string[]) => {
        const here = [...trail, at];
        if (byId.get(at)!.type === 'dashboard') paths.push(here);
        for (const to of next(at)) walk(to, here);
      };
      const clients = result.parts.find((p) => p.type === 'clients')!;
      walk(clients.id, []);
      const stages = (path: string[]) => path.map((p) => PART_CATALOGUE[byId.get(p)!.type].stage);
      const good = paths.find((p) => stages(p).includes('buffer') && stages(p).includes('process'));
      const show = (path: string[]) => path.map((p) => `${p} (${stages([p])[0]})`).join(' → ');
      if (good) return pass(`The events pass every stage of the blueprint: ${show(good)}.`);
      const path = paths[0] ?? [clients.id];
      const missing = (['buffer', 'process'] as const).filter((s) => !stages(path).includes(s));
      return fail(
        `The events go ${show(path)}: no ${missing.join(' and no ')} stage between ingesting them and storing them.`,
      );
    },
  };
}

/** An HDFS part took every event, and by the end of the run every one is in a closed, readable file. */
export function lakeKeepsEverythingCheck(id: string): LabCheck {
  return {
    id,
    title: 'The lake keeps every event, readable',
    evaluate: (run) => {
      const result = pipelineRunOf(run).report.result;
      const produced = result.summary.produced;
      const lakes = result.parts.filter((p) => p.type === 'hdfs');
      if (lakes.length === 0)
        return fail('No part of the pipeline is HDFS: nothing keeps the raw events for later analysis.');
      const best = [...lakes].sort((a, b) => b.received - a.received)[0]!;
      if (best.received < produced)
        return fail(`${best.id} took ${n(best.received)} of ${n(produced)} events: the rest never reached the lake.`);
      if (best.heldAtEnd > 0)
        return fail(
          `${best.id} took all ${n(produced)} events, but ${n(best.heldAtEnd)} are still in a file its writer has not closed, which no reader can see yet.`,
        );
      return pass(`${best.id} keeps all ${n(produced)} events in ${plural(best.files ?? 0, 'closed file')}.`);
    },
  };
}

/** The lake holds its events in at most `maxFiles` files. */
export function fewFilesCheck(id: string, maxFiles: number): LabCheck {
  return {
    id,
    title: `The lake holds its events in at most ${maxFiles} files`,
    evaluate: (run) => {
      const result = pipelineRunOf(run).report.result;
      const lake = result.parts.filter((p) => p.type === 'hdfs').sort((a, b) => b.received - a.received)[0];
      if (!lake) return fail('No part of the pipeline is HDFS.');
      const files = lake.files ?? 0;
      if (files === 0)
        return fail(
          lake.received === 0
            ? `${lake.id} took no event: it holds nothing in any file.`
            : `${lake.id} took ${n(lake.received)} events but closed no file by the end of the run: none of them is in a closed file, the only kind a reader can see. With every limit off (0), or an interval as long as the run, the part writing the lake never closes one.`,
        );
      const each = Math.round(lake.received / files);
      const verdict = `${lake.id} holds ${n(lake.received)} events in ${plural(files, 'file')} (about ${n(each)} events a file)`;
      return files <= maxFiles
        ? pass(`${verdict}.`)
        : fail(
            `${verdict}: the NameNode keeps every file and block in its memory, and a job that reads the lake opens every file. Look at when the part writing the lake closes a file.`,
          );
    },
  };
}

/**
 * The starter's stores on `node` (the database on the machine that goes down) stay there, of the
 * same kind and read by a dashboard: moving the store off the machine, or swapping it for another
 * on a machine that stays up, dodges the outage the step is about instead of riding it out.
 */
export function databaseStaysCheck(id: string, node: string): LabCheck {
  return {
    id,
    title: `The database stays on ${node}`,
    evaluate: (run) => {
      const r = pipelineRunOf(run);
      const result = r.report.result;
      const starter = JSON.parse(r.step.starter) as { parts: { id: string; type: string; node?: string }[] };
      const boards = new Set(result.parts.filter((p) => p.type === 'dashboard').map((p) => p.id));
      const read = new Set(result.wires.filter((w) => boards.has(w.to)).map((w) => w.from));
      const stores = starter.parts.filter(
        (p) => p.node === node && PART_CATALOGUE[p.type as keyof typeof PART_CATALOGUE]?.stage === 'store',
      );
      for (const want of stores) {
        const kept = result.parts.find((p) => p.type === want.type && p.node === node && read.has(p.id));
        if (kept) continue;
        const same = result.parts.find((p) => p.id === want.id);
        const now = !same
          ? `it is gone, and no ${want.type} part on ${node} is read by a dashboard`
          : same.type !== want.type || same.node !== node
            ? `now ${same.id} is ${same.type}${same.node ? ` on ${same.node}` : ''}`
            : `no dashboard reads ${same.id} any more`;
        return fail(
          `The starter's ${want.id} (${want.type}) runs on ${node}, the machine that goes down, and the dashboard reads it; ${now}. Keep the database on ${node}: the platform must ride out its outage, not move away from it.`,
        );
      }
      return pass(
        `${stores.map((s) => `${s.id} (${s.type})`).join(' and ')} ${stores.length === 1 ? 'stays' : 'stay'} on ${node}, read by the dashboard.`,
      );
    },
  };
}
