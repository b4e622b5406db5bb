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

/** Runs `compute` as one task with a new token; the caller's token is restored after, even when it throws. */
export function runAsTask<T>(compute: () => T): T {
  const saved = current;
  current = ++issued;
  try {
    return compute();
  } finally {
    current = saved;
  }
}
