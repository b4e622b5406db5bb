/**
 * The kill step's reference for a practice attempt (labs/practiceSeed.ts): the attempt's seed
 * places the blocks elsewhere, so the node the lesson kills (n5) may hold no replica there. The
 * reference kills the node that holds the most replicas on that seed (the lowest id on a tie).
 */
import { parseHdfsSettings } from '../hdfsSettings';
import { runHdfsSettings } from '../runHdfsSettings';
import { practiceRunSeed } from '../practiceSeed';
import type { HdfsRunSettings } from '../labTypes';

export function killSolutionFor(seed: number, run: HdfsRunSettings, starter: string, solution: string): string {
  const settings = parseHdfsSettings(starter, 'starter.json');
  const report = runHdfsSettings(settings, { ...run, seed: practiceRunSeed(seed, run.seed) }, []);
  const written = report.snapshots.find((s) => s.label === 'written')!.snapshot;
  const [most] = written.nodes
    .filter((n) => n.blocks > 0)
    .sort((a, b) => b.blocks - a.blocks || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return solution.replace(/"node": "n\d+"/, `"node": "${most!.id}"`);
}
