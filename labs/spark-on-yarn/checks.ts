/**
 * The checks of the spark-on-yarn lab: the answer (recomputed from the readings), one resource
 * manager (the executors ran in YARN containers), no machine oversubscribed (the trace's
 * nodeOversubscribed events, which the cluster's ResourceLedger records when YARN and a
 * standalone Master together hand out more than a machine has), and a time budget counted from
 * the job's submission, explained by when its executors came and from which queue.
 */
import type { JobRunReport, RunEventOf, RunEventType } from '../../engine/api';
import { compareKeyed, fail, injectedNote, jobReport, pass, seconds, withoutExpected } from '../checkKit';
import type { LabCheck } from '../labTypes';
import { plural } from '../plural';
import { readingsText } from './cluster';

const SPARK_APP = 'spark';

const gb = (mb: number) => `${Math.round((mb / 1024) * 10) / 10} GB`;

/**
 * `sensor-3 2016-05-01` → the day's mean reading of that sensor, sorted by key, of `text` (the
 * lab's readings by default; a run's own as `run.variant.text('readings')`, which a practice
 * attempt draws from its seed). Kept for the last text.
 */
let means: { text: string; means: [string, number][] } | undefined;
export function plainDailyMeans(text: string = readingsText()): [string, number][] {
  if (means?.text === text) return means.means;
  const acc = new Map<string, [number, number]>();
  for (const line of text.trimEnd().split('\n')) {
    const [timestamp, sensor, value] = line.split(',') as [string, string, string];
    const key = `${sensor} ${timestamp.slice(0, 10)}`;
    const a = acc.get(key) ?? [0, 0];
    acc.set(key, [a[0] + Number(value), a[1] + 1]);
  }
  const sorted = [...acc]
    .map(([k, [sum, n]]): [string, number] => [k, sum / n])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  means = { text, means: sorted };
  return sorted;
}

export function dailyMeansCheck(id: string): LabCheck {
  return {
    id,
    title: 'the mean reading of each sensor on each day',
    evaluate(run) {
      const want = plainDailyMeans(
        run.kind === 'spark' || run.kind === 'mapreduce' ? run.variant.text('readings') : undefined,
      );
      const verdict = compareKeyed(want, jobReport(run).result, {
        tolerance: 1e-9,
        what: 'sensor and day',
        hint: 'the key is "sensor day" (the first 10 characters of the timestamp) and the value the mean of that day\'s readings',
      });
      return verdict.pass
        ? pass(`all ${want.length} daily means match a plain computation over the file`)
        : withoutExpected(verdict, 'sensor and day', 'mean');
    },
  };
}

const ofType = <T extends RunEventType>(r: JobRunReport, type: T): RunEventOf<T>[] =>
  r.trace.filter((e): e is RunEventOf<T> => e.type === type);

/** Every executor of the job came from YARN (a container), none from Spark's standalone Master. */
export function oneResourceManagerCheck(id: string): LabCheck {
  return {
    id,
    title: "Spark's executors run in YARN containers",
    evaluate(run) {
      const added = ofType(jobReport(run), 'executorAdded');
      if (added.length === 0) return fail('no executor registered: the job ran nothing on the cluster');
      const standalone = added.filter((e) => e.manager === 'standalone');
      if (standalone.length > 0)
        return fail(
          `${plural(standalone.length, 'executor')} came from Spark's standalone Master, which hands out the machines' cores without asking YARN: the cluster has two resource managers (Cookbook 20.10)`,
        );
      return pass(
        `${added.length === 1 ? 'the one executor' : `all ${plural(added.length, 'executor')}`} ran in a container YARN granted${added.length === 1 ? '' : ', each in its own'}: one resource manager`,
      );
    },
  };
}

/** No node ever had more cores or memory handed out than it has. */
export function notOversubscribedCheck(id: string): LabCheck {
  return {
    id,
    title: 'no machine is oversubscribed',
    evaluate(run) {
      const over = ofType(jobReport(run), 'nodeOversubscribed');
      if (over.length === 0) return pass('no machine ever had more cores or memory handed out than it has');
      // The worst moment: the most handed out against what the machine has, cores or memory.
      const load = (e: (typeof over)[number]) => Math.max(e.cores / e.capacityCores, e.memoryMb / e.capacityMemoryMb);
      const worst = over.reduce((w, e) => (load(e) > load(w) ? e : w));
      const nodes = [...new Set(over.map((e) => e.node))];
      const parts: string[] = [];
      if (worst.cores > worst.capacityCores)
        parts.push(
          `${worst.cores} of its ${worst.capacityCores} cores (YARN ${worst.yarn.cores}, Spark's standalone Master ${worst.standalone.cores}), so the cost model gives each handed-out core ${Math.round((100 * worst.capacityCores) / worst.cores)}% of a real one`,
        );
      if (worst.memoryMb > worst.capacityMemoryMb)
        parts.push(
          `${gb(worst.memoryMb)} of its ${gb(worst.capacityMemoryMb)} of memory (YARN ${gb(worst.yarn.memoryMb)}, Spark's standalone Master ${gb(worst.standalone.memoryMb)}), more than the machine has`,
        );
      return fail(
        `${plural(nodes.length, 'machine')} (${nodes.join(', ')}) had more handed out than they have: on ${worst.node} at ${seconds(worst.t)}, ${parts.join(', and ')}. Neither manager knows what the other handed out (Cookbook 20.2.5)`,
      );
    },
  };
}

/** What the reasons say about where the job's executors came from and when. */
function executorStory(report: JobRunReport, submitAtMs: number): string {
  const app = ofType(report, 'applicationSubmitted').find((e) => e.name === SPARK_APP);
  const added = ofType(report, 'executorAdded');
  const registered = ofType(report, 'executorsRegistered')[0];
  const cores = added.reduce((s, e) => s + e.cores, 0);
  const wait = registered ? seconds(registered.t - submitAtMs) : 'never';
  const queue = app ? ` in queue ${app.queue}` : '';
  return `its executors (${plural(added.length, 'executor')}, ${plural(cores, 'core')}${queue}) registered ${wait} after submission`;
}

/** The job finished within `budgetMs` of its submission (the step's submitAtMs). */
export function budgetCheck(id: string, budgetMs: number, submitAtMs: number): LabCheck {
  return {
    id,
    title: `the report is ready within ${seconds(budgetMs)}`,
    evaluate(run) {
      const report = jobReport(run);
      const took = report.simulatedMs - submitAtMs;
      const story = executorStory(report, submitAtMs);
      if (took <= budgetMs) return pass(`the job took ${seconds(took)} from submission; ${story}`);
      return fail(
        `the job took ${seconds(took)} from submission, over the ${seconds(budgetMs)} budget; ${story}. Look at the cluster map and YARN's Scheduler page: how much room do the ETL's containers leave on each machine and in your queue?${injectedNote(run)}`,
      );
    },
  };
}
