/**
 * Spark's actions return their result; here they return a Promise, and a driver that forgets to
 * await one (`rdd.collect().length`, `rdd.count() + 1`, `rdd.saveAsTextFile(path)` then `return`)
 * ended before the action's job was done: its result was undefined or "[object Promise]1", no job
 * ran, no file was written, a failing task's error vanished, and nothing said so. Two rules:
 *
 * - Each action a learner calls is tracked until their code takes its result (`await`, `then`,
 *   `catch`, `finally`, Promise.all): when the driver ends, the first one never taken is an error
 *   at its line. Whether an action was taken depends only on the learner's code, never on how far
 *   its job got, so the same program fails or passes the same way on every run.
 * - The driver's end waits for every action it started (`drain`), as Spark's driver cannot end with
 *   a job of its own running: an action taken with `.then(...)` but not awaited runs to its end,
 *   its callbacks too, before the run's jobs are read, whether its data came quickly or not.
 */

/** An action the learner called: its name as they call it (`rdd.count`, `df.show`) and the line of their call. */
export interface CalledAction {
  readonly name: string;
  readonly line: number | null;
}

export class AwaitedActions {
  /** The actions called and not yet taken, in call order. */
  private readonly untaken = new Set<CalledAction>();
  /** The actions' results not yet settled. */
  private readonly running = new Set<Promise<unknown>>();

  /**
   * What the learner gets for the action's `result`: a Promise-like (then, catch, finally) that
   * counts the action as taken once any of them is called. The result's own failure is kept for
   * whoever takes it: untaken, it does not surface as an unhandled rejection, the driver's end
   * names the action instead.
   */
  track<T>(result: Promise<T>, name: string, line: number | null): Promise<T> {
    const called: CalledAction = { name, line };
    this.untaken.add(called);
    this.running.add(result);
    const settled = () => this.running.delete(result);
    result.then(settled, settled);
    const taken = () => this.untaken.delete(called);
    // No prototype (as the RDD handles): nothing of the engine's realm is reached through it.
    const promise = Object.assign(Object.create(null) as object, {
      then<A = T, B = never>(
        onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
        onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
      ): Promise<A | B> {
        taken();
        return result.then(onFulfilled, onRejected);
      },
      catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
        taken();
        return result.catch(onRejected);
      },
      finally(onFinally?: (() => void) | null): Promise<T> {
        taken();
        return result.finally(onFinally);
      },
      toString: () => '[object Promise]',
      [Symbol.toStringTag]: 'Promise',
    });
    return Object.freeze(promise) as Promise<T>;
  }

  /**
   * Waits until every action started has settled, those started meanwhile (by a callback of an
   * earlier one) too. Each result's own callbacks, registered before this waits, run first.
   */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** The first action called whose result the learner never took, or null. */
  firstUntaken(): CalledAction | null {
    for (const called of this.untaken) return called;
    return null;
  }
}
