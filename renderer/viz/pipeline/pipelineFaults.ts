/**
 * The faults a learner can inject into a pipeline run from its playback, and how they are said:
 * which faults make sense for a part (a part with no machine has none to kill, slow or cut off;
 * the clients cannot be stopped; a rack is cut off only from other racks, so a one-rack cluster
 * offers no cut), the faults one choice becomes at an instant (with the one that undoes it when
 * it lasts a while), and a plain sentence for each fault with the parts it strikes.
 */
import type { PartReport, PipelineFault, PipelineResult } from '../../../engine/pipeline';
import { i18n } from '../../i18n/i18n';
import { seconds } from '../views/durationWords';

export type FaultChoice = 'kill' | 'slow' | 'cut' | 'stop';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:fault.${key}`, options);

/** What a choice does, in the page's language. */
export function faultChoiceLabel(choice: FaultChoice): string {
  return say(`choice.${choice}`);
}

/** How many times slower a slowed machine runs. */
export const SLOW_FACTORS = [2, 4, 10] as const;
/** How long a fault lasts (seconds); null: until the run ends. */
export const FAULT_DURATIONS = [null, 5, 10, 30] as const;

type RunShape = Pick<PipelineResult, 'parts' | 'nodes'>;

/** The racks of the run's cluster. */
function racksOf(run: RunShape): string[] {
  return [...new Set(run.nodes.map((n) => n.rack))];
}

/** What makes sense for this part in this run (empty: nothing can strike it). */
export function faultChoicesFor(part: PartReport, run: RunShape): FaultChoice[] {
  const choices: FaultChoice[] = [];
  if (part.node !== null) {
    choices.push('kill', 'slow');
    if (racksOf(run).length > 1) choices.push('cut');
  }
  if (part.type !== 'clients') choices.push('stop');
  return choices;
}

/** The parts a fault can strike, in the run's order. */
export function faultTargets(run: RunShape): PartReport[] {
  return run.parts.filter((p) => faultChoicesFor(p, run).length > 0);
}

export interface FaultAsked {
  choice: FaultChoice;
  part: PartReport;
  /** Simulated ms (rounded to a whole ms). */
  atMs: number;
  /** How long it lasts, in seconds; null until the run ends. */
  forSeconds: number | null;
  /** For 'slow': how many times slower. */
  factor: number;
}

/** The faults one choice becomes: the fault at `atMs`, and the one that undoes it when it lasts a while. */
export function faultsFor(asked: FaultAsked, run: RunShape): PipelineFault[] {
  const atMs = Math.max(0, Math.round(asked.atMs));
  const untilMs = asked.forSeconds === null ? null : atMs + asked.forSeconds * 1000;
  const { part } = asked;
  const node = part.node;
  switch (asked.choice) {
    case 'kill':
      if (node === null) return [];
      return [
        { atMs, kind: 'killNode', node },
        ...(untilMs === null ? [] : [{ atMs: untilMs, kind: 'restartNode' as const, node }]),
      ];
    case 'slow':
      if (node === null) return [];
      return [
        { atMs, kind: 'slowNode', node, factor: asked.factor },
        ...(untilMs === null ? [] : [{ atMs: untilMs, kind: 'slowNode' as const, node, factor: 1 }]),
      ];
    case 'cut': {
      const rack = run.nodes.find((n) => n.id === node)?.rack;
      if (rack === undefined) return [];
      return [
        untilMs === null
          ? { atMs, kind: 'partitionRack', rack }
          : { atMs, kind: 'partitionRack', rack, durationMs: untilMs - atMs },
      ];
    }
    case 'stop':
      if (part.type === 'clients') return [];
      return [
        { atMs, kind: 'stopPart', part: part.id },
        ...(untilMs === null ? [] : [{ atMs: untilMs, kind: 'startPart' as const, part: part.id }]),
      ];
  }
}

/** "n2 (reports)": a machine and the parts on it. */
function machine(node: string, run: RunShape): string {
  const on = run.parts.filter((p) => p.node === node).map((p) => p.id);
  return on.length > 0 ? say('machineWith', { node, parts: on.join(', ') }) : say('machine', { node });
}

function rackText(rack: string, run: RunShape): string {
  const nodes = run.nodes.filter((n) => n.rack === rack).map((n) => n.id);
  return nodes.length > 0 ? say('rackWith', { rack, nodes: nodes.join(', ') }) : say('rack', { rack });
}

/**
 * One fault in a learner's words, with the parts it strikes and its time as the lab's checks and the
 * run's table say one (durationWords `seconds`: "20.00 s", "5 min 6 s").
 */
export function describePipelineFault(f: PipelineFault, run: RunShape): string {
  const at = seconds(f.atMs);
  switch (f.kind) {
    case 'killNode':
      return say('kill', { machine: machine(f.node, run), at });
    case 'restartNode':
      return say('restart', { machine: machine(f.node, run), at });
    case 'slowNode':
      return f.factor === 1
        ? say('normal', { machine: machine(f.node, run), at })
        : say('slow', { machine: machine(f.node, run), factor: f.factor, at });
    case 'failDisk':
      return say('disk', { machine: machine(f.node, run), at });
    case 'partitionRack':
      return f.durationMs === undefined
        ? say('cut', { rack: rackText(f.rack, run), at })
        : say('cutUntil', { rack: rackText(f.rack, run), at, until: seconds(f.atMs + f.durationMs) });
    case 'healRack':
      return say('heal', { rack: rackText(f.rack, run), at });
    case 'stopPart':
      return say('stop', { part: f.part, at });
    case 'startPart':
      return say('start', { part: f.part, at });
    case 'reprocess':
      return f.part === undefined ? say('reprocessAll', { at }) : say('reprocess', { part: f.part, at });
  }
}

/** The faults that still fit a pipeline file: a stopped or started part must still be in it. */
export function faultsThatFit(faults: readonly PipelineFault[], partIds: ReadonlySet<string>): PipelineFault[] {
  return faults.filter((f) => (f.kind !== 'stopPart' && f.kind !== 'startPart') || partIds.has(f.part));
}
