/**
 * The CLI's guarantee that `--timeout` covers the whole run, the simulation after the learner's
 * code included: a TaskRunner wrapper whose `checkBudget` (called by runJob every few thousand
 * kernel steps) throws the run's JobTimeoutError once the wall-clock budget that began at `load`
 * has passed. It defers to the pool's own checkBudget first, so a pool that implements it (and
 * knows about Stop) decides; the wrapper only makes sure a deadline is always there.
 */
import { JobTimeoutError, type TaskRunner } from '../engine/sandbox';

export function withRunBudget(
  inner: TaskRunner,
  timeoutSeconds: number,
  now: () => number = () => performance.now(),
): TaskRunner {
  let deadline = Number.POSITIVE_INFINITY;
  return {
    load(source) {
      deadline = now() + timeoutSeconds * 1000;
      return inner.load(source);
    },
    runMapTasks: (tasks) => inner.runMapTasks(tasks),
    runReduceTasks: (tasks) => inner.runReduceTasks(tasks),
    runSparkDriver: (host) => inner.runSparkDriver(host),
    endRun() {
      deadline = Number.POSITIVE_INFINITY;
      inner.endRun();
    },
    close: () => inner.close(),
    checkBudget() {
      inner.checkBudget?.();
      if (now() > deadline) throw new JobTimeoutError(timeoutSeconds);
    },
  };
}
