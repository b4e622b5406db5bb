/**
 * Which Spark task the driver's runtime is computing now. Inside the sandbox the driver computes
 * every partition itself, one at a time, synchronously; each computation of a partition (a map
 * task of a shuffle, a task of a job's result stage) runs inside `runAsTask`, which gives it a
 * fresh token. Code that must behave as it does on an executor asks `currentTask()`: 0 on the
 * driver, a new number in each task (tasks nest when a result task first needs a shuffle's map
 * side). Spark's closures are copied per task and RDD operations are refused inside a task
 * (SPARK-5063): both are told apart by this token.
 */
let current = 0;
let issued = 0;

/** The token of the task being computed, 0 on the driver. */
export function currentTask(): number {
  return current;
}

/** SPARK-5063's refusal of `call` (`RDD.count`, `DataFrame.count`) made inside a task. */
export function calledInTask(call: string): Error {
  return new Error(
    `${call} was called inside a task: RDD transformations and actions can only be invoked by the driver, not inside of other transformations; for example, rdd1.map(x => rdd2.count() * x) is invalid because the count cannot be performed inside of the rdd1.map transformation (SPARK-5063). Compute it in the driver first: const n = await rdd2.count(); rdd1.map(x => n * x)`,
  );
}

/** Told when a task ends, whether it succeeded (accumulators merge a task's updates only then). */
const endListeners: ((task: number, succeeded: boolean) => void)[] = [];

/** Calls `listener(task, succeeded)` after every task from now on; it must not throw. */
export function onTaskEnd(listener: (task: number, succeeded: boolean) => void): void {
  endListeners.push(listener);
}

/** Runs `compute` as one task with a new token; the caller's token is restored after, even when it throws. */
export function runAsTask<T>(compute: () => T): T {
  const saved = current;
  const task = ++issued;
  current = task;
  let succeeded = false;
  try {
    const out = compute();
    succeeded = true;
    return out;
  } finally {
    current = saved;
    for (const listener of endListeners) listener(task, succeeded);
  }
}
