/**
 * Which phases a bar goes through, in which order, and what they are called for the kind of run:
 * a MapReduce map starts its container, reads its split from HDFS, maps, then sorts and spills
 * its output; a reducer fetches its share of every map output (the shuffle), merges it, reduces
 * and writes its part file through HDFS's replication pipeline. Spark tasks read (or fetch a
 * shuffle), compute and write their shuffle output. Every duration comes from the engine's cost
 * breakdown of the attempt (engine/exec/taskTypes.ts CostBreakdown).
 */
import { i18n } from '../../i18n/i18n';
import { PHASES, type Phase, type RunView } from './runViewTypes';

const REDUCE_ORDER: readonly Phase[] = ['startup', 'read', 'shuffle', 'spill', 'compute', 'write', 'am'];

/** The order of a bar's phases in time: a MapReduce reducer merges (spill) before it reduces. */
export function phaseOrder(kind: RunView['kind'], taskSet: string): readonly Phase[] {
  return kind === 'mapreduce' && taskSet.endsWith('/reduce') ? REDUCE_ORDER : PHASES;
}

const say = (key: string) => i18n.t(`run:phase.${key}`);

/** A phase's name in the legend of a run of this kind, in the page's language. */
export function phaseLabel(kind: RunView['kind'], phase: Phase): string {
  return kind === 'mapreduce' ? say(`mr.${phase}`) : say(phase);
}

/** A phase's name for one bar: a reducer's spill is its merge, a map's compute is the map. */
export function barPhaseLabel(kind: RunView['kind'], taskSet: string, phase: Phase): string {
  if (kind !== 'mapreduce') return say(phase);
  const reduce = taskSet.endsWith('/reduce');
  if (phase === 'spill') return reduce ? say('bar.merge') : say('bar.sortSpill');
  if (phase === 'compute') return reduce ? say('bar.reduce') : say('bar.map');
  return say(`mr.${phase}`);
}

/** The phases a legend lists for a run of this kind (an ApplicationMaster only in MapReduce). */
export function legendPhases(kind: RunView['kind']): readonly Phase[] {
  return kind === 'mapreduce' ? PHASES : PHASES.filter((p) => p !== 'am');
}
