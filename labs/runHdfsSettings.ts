/**
 * Runs an hdfs step's settings on a fresh simulation (Cookbook 19.2.2): writes the file (its
 * content generated from the seed, or real zero bytes when it will be appended to, since HDFS
 * appends only to stored bytes), appends, plans the faults, then watches the cluster either for
 * `runForMs` or until the NameNode has declared the dead nodes dead and re-replication settled.
 */
import {
  createSimulation,
  type Simulation,
  type SimulationEvent,
  computeMetrics,
  type ClusterSnapshot,
} from '../engine/api';
import { SnapshotRecorder } from '../engine/exec';
import type { FaultSpec } from '../engine/cluster';
import { randomBytes } from '../engine/hdfs';
import type { HdfsSettings } from './hdfsSettings';
import type { HdfsRunReport, HdfsRunSettings } from './labTypes';

/** Re-replication that has not settled this long after the last fault is reported as is. */
const SETTLE_LIMIT_MS = 6 * 3600_000;
/** Watch this long after the file is written when nothing was broken. */
const QUIET_WATCH_MS = 30_000;

export function runHdfsSettings(
  settings: HdfsSettings,
  run: HdfsRunSettings,
  injected: FaultSpec[] = [],
): HdfsRunReport {
  const events: SimulationEvent[] = [];
  // A film for the player: a snapshot just after each traced change (at most one per simulated
  // second, thinned when long), taken by a zero-delay event once the change's handler is done.
  let film: SnapshotRecorder<ClusterSnapshot> | null = null;
  let pending = false;
  const sink = {
    record(e: SimulationEvent) {
      events.push(e);
      if (pending || film === null) return;
      pending = true;
      sim.kernel.schedule(0, () => {
        pending = false;
        film!.note(sim.kernel.now);
      });
    },
  };
  const sim: Simulation = createSimulation({
    seed: run.seed,
    cluster: run.cluster,
    hdfs: { blockSize: settings.blockSize, replication: settings.replication },
    trace: sink,
  });
  film = new SnapshotRecorder(() => sim.snapshot(), { intervalMs: 1000, max: 240 });
  film.note(0);
  const { path, size } = settings.file;
  const snapshots: HdfsRunReport['snapshots'] = [];
  if (settings.append) {
    sim.hdfs.put(path, new Uint8Array(size));
    snapshots.push({ label: 'written', snapshot: sim.snapshot() });
    sim.hdfs.append(path, new Uint8Array(settings.append.size));
    snapshots.push({ label: 'appended', snapshot: sim.snapshot() });
  } else {
    sim.hdfs.putGenerated(path, size, randomBytes(run.seed));
    snapshots.push({ label: 'written', snapshot: sim.snapshot() });
  }
  // Faults in time order, the settings' first on ties, so a UI fault never reorders them.
  const faults = [...settings.faults, ...injected]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i)
    .map((x) => x.f);
  sim.faults.plan(faults, 'faults');

  if (settings.runForMs !== null) {
    sim.run({ until: settings.runForMs });
  } else {
    const lastFault = faults.reduce((t, f) => Math.max(t, f.atMs), 0);
    const detectBy =
      faults.length === 0
        ? QUIET_WATCH_MS
        : lastFault + sim.hdfs.config.deadNodeTimeoutMs + 2 * sim.hdfs.config.heartbeatIntervalMs;
    sim.run({ until: detectBy });
    const step = sim.hdfs.config.replicationIntervalMs;
    while (sim.kernel.now < lastFault + SETTLE_LIMIT_MS) {
      const h = sim.hdfs.health;
      if (h.replicationsInFlight === 0 && h.underReplicated === h.missing) break;
      sim.run({ until: sim.kernel.now + step });
    }
  }
  const final = sim.snapshot();
  snapshots.push({ label: 'final', snapshot: final });
  film.finish(sim.kernel.now);
  return {
    kind: 'hdfs',
    simulatedMs: sim.kernel.now,
    snapshots,
    film: film.frames,
    final,
    trace: events,
    metrics: computeMetrics(events),
    faults,
  };
}
