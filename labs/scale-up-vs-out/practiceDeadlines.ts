/**
 * The lab in practice mode (labs/practiceSeed.ts): a server step's nights are formulas of its
 * settings, so a fresh attempt is a fresh deadline, drawn from DEADLINES_MINUTES. Each keeps every
 * step's story: the base server's growth misses within the disks' 14 months, the base server misses
 * at 4,096 GB, the biggest single server (106 minutes at 65,536 GB) misses, a SAN meets it, and the
 * base server meets at 64 GB (practiceSeed.test.ts runs them). The references for a deadline come
 * from the catalogue's cheapest platform, as the checks judge them.
 */
import { cheapestPlatform, type Platform } from '../../engine/server';
import { parseServerSettings } from '../serverSettings';
import { runServerSettings } from '../runServerSettings';
import { practiceServerRun } from '../practiceSeed';
import type { ServerStep } from '../labTypes';

/** 40 minutes to 100, every 5. */
export const DEADLINES_MINUTES: readonly number[] = Array.from({ length: 13 }, (_, i) => 40 + 5 * i);
/** The months the base server's disks hold as the data doubles from 1 GB (8,192 GB in month 14). */
const MONTHS = 14;

const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`;

/** The settings file of a platform, as the learner writes it. */
function platformSettings(p: Platform, dataGB: number, answer?: string): string {
  const { disk, disks, ...rest } = p.server;
  const server = disk === null ? rest : { disk, disks, ...rest };
  const scaleOut = p.kind === 'san' ? { scaleOut: { servers: p.servers, san: p.san } } : {};
  return json({ dataGB, server, ...scaleOut, ...(answer !== undefined ? { answer } : {}) });
}

/** Step 1: the growth over the disks' months, and the first size that misses this attempt's deadline. */
export function growthSolutionFor(step: ServerStep, seed: number): string {
  const settings = JSON.parse(step.starter) as { growth: { months: number } };
  settings.growth.months = MONTHS;
  const report = runServerSettings(parseServerSettings(json(settings), 'solution.json'), practiceServerRun(step, seed));
  return json({ ...settings, answer: report.nights[report.firstMiss!]!.dataGB });
}

/** Steps 2 and 3: the cheapest platform of `kinds` that meets this attempt's deadline at `dataGB`. */
export function cheapestSolutionFor(
  step: ServerStep,
  seed: number,
  dataGB: number,
  kinds: readonly Platform['kind'][],
  answer?: string,
): string {
  const best = cheapestPlatform(dataGB, practiceServerRun(step, seed).deadlineMinutes * 60, kinds)!;
  return platformSettings(best.platform, dataGB, answer);
}
