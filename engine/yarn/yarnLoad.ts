/**
 * Other work on the same YARN cluster while a job runs: an application (say the ETL team's
 * nightly MapReduce job) that asks for `containers` containers at `atMs`, each keeping its
 * vcores busy for `workMs` of CPU time. YARN grants what fits and the rest wait their turn, so
 * the load takes its queue's share for as long as it has work. Its containers' CPU work is
 * charged like any task's, a slice of `SLICE_MS` at a time: on a node that becomes
 * oversubscribed while it runs, the rest of its work takes longer (resourceLedger.ts).
 */
import { ValidationError, check, type Kernel } from '../core';
import type { CostModel } from '../cluster';
import type { Application } from './application';
import type { ResourceManager } from './resourceManager';

export interface YarnLoadSpec {
  /** The application's name in YARN's UI, e.g. 'nightly-etl'. */
  name: string;
  /** Its queue (default: YARN's first). */
  queue?: string;
  containers: number;
  /** Each container's size (default 1 vcore, 1024 MB). */
  vcores?: number;
  memoryMb?: number;
  /** CPU time each container's work takes on a core of its own, ms. */
  workMs: number;
  /** When it is submitted, simulated ms (default 0). */
  atMs?: number;
}

const MAX_CONTAINERS = 100_000;
/** A container's work is charged in slices of this much CPU time, each at its node's stretch then. */
const SLICE_MS = 5000;
const MAX_MS = 24 * 3600_000;

/** The loads checked, each field's problem named (`yarnLoad[0].containers`). */
export function resolveYarnLoads(raw: unknown): Required<YarnLoadSpec>[] {
  if (raw === undefined) return [];
  return check.array('yarnLoad', raw).map((item, i) => {
    const at = `yarnLoad[${i}]`;
    const o = check.object(at, item);
    check.knownKeys(at, o, ['name', 'queue', 'containers', 'vcores', 'memoryMb', 'workMs', 'atMs']);
    const containers = check.positiveInt(`${at}.containers`, o.containers);
    if (containers > MAX_CONTAINERS)
      throw new ValidationError(`${at}.containers`, `at most ${MAX_CONTAINERS}, got ${containers}`);
    const workMs = check.positiveNumber(`${at}.workMs`, o.workMs);
    const atMs = o.atMs === undefined ? 0 : check.nonNegativeNumber(`${at}.atMs`, o.atMs);
    if (workMs > MAX_MS || atMs > MAX_MS)
      throw new ValidationError(
        workMs > MAX_MS ? `${at}.workMs` : `${at}.atMs`,
        'at most a simulated day (86400000 ms)',
      );
    return {
      name: check.string(`${at}.name`, o.name),
      queue: o.queue === undefined ? '' : check.string(`${at}.queue`, o.queue),
      containers,
      vcores: o.vcores === undefined ? 1 : check.positiveInt(`${at}.vcores`, o.vcores),
      memoryMb: o.memoryMb === undefined ? 1024 : check.positiveInt(`${at}.memoryMb`, o.memoryMb),
      workMs,
      atMs,
    };
  });
}

/** Submits each load at its time; every container completes after its work, the application when all did. */
export function startYarnLoads(
  kernel: Kernel,
  yarn: ResourceManager,
  cost: CostModel,
  loads: readonly Required<YarnLoadSpec>[],
): void {
  const queues = yarn.config.queues.map((q) => q.name);
  loads.forEach((load, i) => {
    if (load.queue !== '' && !queues.includes(load.queue))
      throw new ValidationError(
        `yarnLoad[${i}].queue`,
        `YARN has no queue '${load.queue}' (its queues: ${queues.join(', ')})`,
      );
  });
  for (const load of loads) {
    kernel.post(load.atMs, () => {
      let left = load.containers;
      const app: Application = yarn.submitApplication({
        name: load.name,
        ...(load.queue === '' ? {} : { queue: load.queue }),
        callbacks: {
          onAllocated: (c) => app.launch(c),
          onLaunched: (c) => {
            const work = (rest: number): void => {
              if (!c.live) return;
              if (rest <= 0) {
                if (app.complete(c, 'succeeded') && --left === 0) app.finish('succeeded');
                return;
              }
              const slice = Math.min(SLICE_MS, rest);
              kernel.post(cost.cpuMs(c.node, { ms: slice }), () => work(rest - slice));
            };
            work(load.workMs);
          },
          onContainerLost: () => {
            // Its work is lost with the node; the load asks again, as an ApplicationMaster would.
            app.request({ vcores: load.vcores, memoryMb: load.memoryMb });
          },
        },
      });
      for (let i = 0; i < load.containers; i++) app.request({ vcores: load.vcores, memoryMb: load.memoryMb });
    });
  }
}
