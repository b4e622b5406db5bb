/**
 * The checks of the scale-up-vs-out lab: pure functions of a server step's run (its settings and
 * the nights engine/server computed). Reasons say what the run shows and where to look: the
 * resource that bounds a night, the field of the settings, the price difference.
 */
import {
  BIGGEST_SERVER,
  cheapestPlatform,
  DETACH_ATTACH_S,
  runPlatform,
  RESOURCES,
  type Platform,
  type PlatformRun,
  type ServerConfig,
} from '../../engine/server';
import { fail, pass } from '../checkKit';
import type { LabCheck, ServerRunReport, StepRun } from '../labTypes';
import type { ServerSettings } from '../serverSettings';

/** The server the company started with: two mirrored 7,200 rpm disks, 32 GB, four cores, 1 GbE. */
export const BASE_SERVER: ServerConfig = {
  disk: 'hdd-7200',
  disks: 2,
  ramGB: 32,
  cpu: 'xeon-e-2334',
  network: '1gbe',
};

function serverRun(run: StepRun): { settings: ServerSettings; report: ServerRunReport; deadlineMs: number } {
  if (run.kind !== 'server') throw new Error('this check judges a server step');
  return { settings: run.settings, report: run.report, deadlineMs: run.report.deadlineMs };
}

/** Minutes, rounded as a person reads a run: 0.4 min, 13 min, 130 min. */
export function minutes(seconds: number): string {
  const m = seconds / 60;
  if (m < 1) return `${Math.round(m * 10) / 10} min`;
  return `${Math.round(m)} min`;
}

export const gb = (n: number) => `${Number(n.toPrecision(6)).toLocaleString('en-US')} GB`;
export const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

/** "disk 130 min, cpu 86 min, ..." for one phase of a night, the bound first. */
export function resourceTimes(phase: PlatformRun['phases'][number]): string {
  const order = [phase.bound, ...RESOURCES.filter((r) => r !== phase.bound)];
  return order.map((r, i) => `${r} ${minutes(phase.seconds[r])}${i === 0 ? ' (the bound)' : ''}`).join(', ');
}

/** What a night consists of, in words: "the ETL 37 min: cpu 37 min (the bound), disk 27 min, ...". */
export function nightInWords(night: PlatformRun): string {
  const named = { etl: 'the ETL', refresh: 'the refresh', startup: 'the job start-up' } as const;
  return night.phases
    .map((p) => {
      const took = `${named[p.kind]} ${minutes(p.endS - p.startS)}`;
      if (p.kind === 'startup') return took;
      const attach = p.kind === 'refresh' ? `, plus ${minutes(DETACH_ATTACH_S)} to detach and attach` : '';
      return `${took}: ${resourceTimes(p)}${attach}`;
    })
    .join('; then ');
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const sameServer = (a: ServerConfig, b: ServerConfig) =>
  a.disk === b.disk && a.disks === b.disks && a.ramGB === b.ramGB && a.cpu === b.cpu && a.network === b.network;

/** The run is about `dataGB` of data, one night (no growth). */
export function dataSizeCheck(id: string, dataGB: number): LabCheck {
  return {
    id,
    title: `The run is about ${gb(dataGB)} of data`,
    evaluate(run) {
      const { settings } = serverRun(run);
      if (settings.growth) return fail('this step is about one night: remove "growth" from the settings');
      if (settings.dataGB !== dataGB)
        return fail(`the step asks about ${gb(dataGB)}; your settings run ${gb(settings.dataGB)} (dataGB)`);
      return pass(`one night over ${gb(dataGB)}`);
    },
  };
}

/** Step 1: the base server, from 1 GB, doubling every month. */
export function growthStoryCheck(id: string): LabCheck {
  return {
    id,
    title: 'The base server, from 1 GB doubling every month',
    evaluate(run) {
      const { settings } = serverRun(run);
      if (settings.dataGB !== 1) return fail(`the story starts at 1 GB; dataGB is ${settings.dataGB}`);
      if (!settings.growth || settings.growth.factor !== 2)
        return fail('the data doubles every month: "growth" needs a factor of 2');
      if (settings.platform.kind !== 'single' || !sameServer(settings.platform.server, BASE_SERVER))
        return fail(
          'this step measures the base server as it is: keep "server" as the starter has it, with no scaleOut or hadoop',
        );
      return pass(`${settings.growth.months} months of growth on the base server`);
    },
  };
}

/** Step 1: the growth runs until a night misses the deadline. */
export function reachesMissCheck(id: string): LabCheck {
  return {
    id,
    title: 'The growth reaches a month whose ETL misses the deadline',
    evaluate(run) {
      const { report, deadlineMs } = serverRun(run);
      const last = report.nights[report.nights.length - 1]!;
      if (report.firstMiss === null)
        return fail(
          `all ${report.nights.length} months finish within ${minutes(deadlineMs / 1000)}: the last, ${gb(last.dataGB)}, takes ${minutes(last.run.totalS)}. Let the growth run longer (growth.months)`,
        );
      const miss = report.nights[report.firstMiss]!;
      return pass(`month ${miss.month}: ${gb(miss.dataGB)} take ${minutes(miss.run.totalS)}`);
    },
  };
}

/** Step 1: the learner's answer is the first size that misses. */
export function missAnswerCheck(id: string): LabCheck {
  return {
    id,
    title: 'Your answer: the data size whose ETL first misses the deadline',
    evaluate(run) {
      const { settings, report, deadlineMs } = serverRun(run);
      const limit = minutes(deadlineMs / 1000);
      if (typeof settings.answer !== 'number')
        return fail(
          `"answer" should be the size in GB of the first month whose ETL takes longer than ${limit}; it is ${settings.answer === null ? 'missing' : `"${settings.answer}"`}`,
        );
      if (report.firstMiss === null)
        return fail('the run has no month that misses the deadline yet: it cannot confirm your answer');
      const miss = report.nights[report.firstMiss]!;
      if (settings.answer === miss.dataGB)
        return pass(
          `${gb(miss.dataGB)} take ${minutes(miss.run.totalS)}, the month before ${minutes(report.nights[report.firstMiss - 1]?.run.totalS ?? 0)}`,
        );
      const night = report.nights.find((n) => n.dataGB === settings.answer);
      if (night && night.meets)
        return fail(
          `the ETL of ${gb(night.dataGB)} takes ${minutes(night.run.totalS)}, within ${limit}: look at later months`,
        );
      if (night)
        return fail(
          `${gb(night.dataGB)} misses the deadline, but it is not the first month that does: look at earlier months`,
        );
      return fail(
        `no month of the run has ${gb(settings.answer)}: the sizes are 1, 2, 4, ... GB; read them off the run's months`,
      );
    },
  };
}

/** The night finishes within the deadline; the failure names the bound. */
export function meetsDeadlineCheck(id: string): LabCheck {
  return {
    id,
    title: 'The night finishes within the deadline',
    evaluate(run) {
      const { report, deadlineMs } = serverRun(run);
      const night = report.nights[0]!;
      const limit = minutes(deadlineMs / 1000);
      if (night.meets) return pass(`${minutes(night.run.totalS)} of ${limit}. ${upper(nightInWords(night.run))}`);
      return fail(
        `${minutes(night.run.totalS)}, more than ${limit}. ${upper(nightInWords(night.run))}. Speed up what bounds it`,
      );
    },
  };
}

/** The run's platform costs at most `slack` times the cheapest of `kinds` that meets the deadline. */
export function leastCostCheck(id: string, kinds: readonly Platform['kind'][], slack = 1): LabCheck {
  const what =
    kinds.length === 1 && kinds[0] === 'single'
      ? 'single server'
      : kinds.length === 1 && kinds[0] === 'san'
        ? 'SAN platform'
        : 'platform';
  return {
    id,
    title:
      slack === 1
        ? `No cheaper ${what} meets the deadline`
        : `Within ${Math.round((slack - 1) * 100)}% of the cheapest ${what} that meets the deadline`,
    evaluate(run) {
      const { settings, report, deadlineMs } = serverRun(run);
      const night = report.nights[0]!;
      if (!night.meets)
        return fail(
          `the night misses the deadline (${minutes(night.run.totalS)}): meet it first, then look at the cost`,
        );
      const best = cheapestPlatform(night.dataGB, deadlineMs / 1000, kinds);
      if (!best) return fail(`no ${what} of the catalogue meets the deadline at ${gb(night.dataGB)}`);
      const cost = night.run.costUsd;
      if (cost <= best.costUsd * slack + 0.5)
        return pass(`${usd(cost)}; the cheapest ${what} that meets it costs ${usd(best.costUsd)}`);
      const over = `${usd(cost)}, ${usd(cost - best.costUsd)} more than the cheapest ${what} that meets the deadline${slack > 1 ? ` (allowed: ${usd(best.costUsd * slack)})` : ''}.`;
      if (best.platform.kind !== settings.platform.kind)
        return fail(`${over} Another kind of platform does it for less: compare the runs' prices.`);
      // Where the money went, and which resources (that a part buys: storage, processors, network)
      // are far inside the deadline: a cheaper part may do there.
      const etl = night.run.phases.find((p) => p.kind === 'etl')!;
      const spare = (['disk', 'cpu', 'network'] as const)
        .filter((r) => etl.seconds[r] < 0.5 * (deadlineMs / 1000))
        .map((r) => `${r} ${minutes(etl.seconds[r])}`);
      const spent = night.run.cost
        .filter((c) => c.item !== 'server chassis' && c.usd > 0)
        .map((c) => `${c.count} × ${c.item} ${usd(c.count * c.usd)}`);
      return fail(
        `${over} Your parts: ${spent.join(', ')}.${spare.length ? ` Resources far inside the deadline: ${spare.join(', ')}.` : ''}`,
      );
    },
  };
}

/** Step 3: the learner names what bounds the biggest single server at this size. */
export function ceilingAnswerCheck(id: string, dataGB: number): LabCheck {
  return {
    id,
    title: 'Your answer: what bounds even the biggest single server',
    evaluate(run) {
      const { settings, deadlineMs } = serverRun(run);
      const biggest = runPlatform({ kind: 'single', server: BIGGEST_SERVER }, dataGB);
      const etl = biggest.phases[0]!;
      if (typeof settings.answer !== 'string' || !RESOURCES.includes(settings.answer as never))
        return fail(
          `"answer" should name the resource (${RESOURCES.map((r) => `"${r}"`).join(', ')}) that keeps the biggest single server over ${minutes(deadlineMs / 1000)} at ${gb(dataGB)}; run that server first`,
        );
      if (settings.answer !== etl.bound)
        return fail(
          `the biggest server's ${settings.answer} takes ${minutes(etl.seconds[settings.answer as keyof typeof etl.seconds])}: not what bounds it. Run the biggest server and compare its four resources`,
        );
      return pass(
        `the biggest server takes ${minutes(biggest.totalS)}, bounded by its ${etl.bound}: it cannot scale up further`,
      );
    },
  };
}

/** Step 3: the platform is servers on a SAN. */
export function scaledOutCheck(id: string): LabCheck {
  return {
    id,
    title: 'Scaled out: SQL servers attached to a SAN',
    evaluate(run) {
      const { settings } = serverRun(run);
      const p = settings.platform;
      if (p.kind !== 'san')
        return fail(
          p.kind === 'single'
            ? 'one server, however big, cannot get past its ceiling: spread the reports over servers on a SAN ("scaleOut")'
            : 'this step scales out the SQL database: servers on a SAN ("scaleOut"), not a Hadoop cluster',
        );
      return pass(`${p.servers} servers on the ${p.san}`);
    },
  };
}
