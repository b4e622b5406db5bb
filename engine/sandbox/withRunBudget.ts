/**
 * The guarantee that a run's time limit (the CLI's `--timeout`) covers the whole run, the simulation after the learner's
 * code included: a TaskRunner wrapper whose `checkBudget` (called by runJob every few thousand
 * kernel steps) throws the run's JobTimeoutError once the wall-clock budget that began at `load`
 * has passed. It defers to the pool's own checkBudget first, so a pool that implements it (and
 * knows about Stop) decides; the wrapper only makes sure a deadline is always there.
 */
import { JobTimeoutError, type TaskRunner } from './contract';

/** `now` is the platform's wall clock in milliseconds (performance.now; the engine has none of its own). */
export function withRunBudget(inner: TaskRunner, timeoutSeconds: number, now: () => number): TaskRunner {
  let deadline = Number.POSITIVE_INFINITY;
  return {
    load(source, options) {
      deadline = now() + timeoutSeconds * 1000;
      return inner.load(source, options);
    },
    runMapTasks: (tasks) => inner.runMapTasks(tasks),
    runReduceTasks: (tasks) => inner.runReduceTasks(tasks),
    runSparkDriver: (host) => inner.runSparkDriver(host),
    ...(inner.runKafkaPrograms
      ? { runKafkaPrograms: (programs, stepper) => inner.runKafkaPrograms!(programs, stepper) }
      : {}),
    ...(inner.callFunction ? { callFunction: (fn, input) => inner.callFunction!(fn, input) } : {}),
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

/**
 * A run's wall-clock budget for a run no sandbox times (a pipeline step's simulation): the check
 * throws the run's JobTimeoutError once `timeoutSeconds` have passed since this call. `now` is the
 * platform's wall clock in milliseconds.
 */
export function budgetCheck(timeoutSeconds: number, now: () => number): () => void {
  const deadline = now() + timeoutSeconds * 1000;
  return () => {
    if (now() > deadline) throw new JobTimeoutError(timeoutSeconds);
  };
}
