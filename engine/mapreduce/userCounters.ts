/**
 * User-defined counters of one task (Hadoop: context.getCounter(groupName, counterName)
 * .increment(n)), with Hadoop's limits (mapreduce.job.counters.max 120, group names up to 128
 * characters, counter names up to 64). The job's totals sum the successful attempts'.
 */
import type { UserCounter } from '../sandbox/contract/taskRunner';
import { BUILTIN_GROUP_NAMES } from './counterGroups';

/** Hadoop's Counter, as a task's code sees it. */
export interface TaskCounter {
  increment(n?: number): void;
  getValue(): number;
  getName(): string;
  getDisplayName(): string;
}

/** mapreduce.job.counters.max, mapreduce.job.counters.group.name.max, mapreduce.job.counters.counter.name.max. */
export const COUNTER_LIMITS = { counters: 120, groupName: 128, counterName: 64 } as const;

export class UserCounters {
  /** Made at the first ctx.getCounter: most tasks of most jobs count nothing of their own. */
  private byKey: Map<string, UserCounter> | null = null;

  get(group: unknown, name: unknown): TaskCounter {
    if (typeof group !== 'string' || group.length === 0 || typeof name !== 'string' || name.length === 0)
      throw new TypeError(
        `ctx.getCounter(group, name): the group and the name must be non-empty strings, got ${typeof group === 'string' ? JSON.stringify(group) : String(group)} and ${typeof name === 'string' ? JSON.stringify(name) : String(name)}`,
      );
    if (group.length > COUNTER_LIMITS.groupName || name.length > COUNTER_LIMITS.counterName)
      throw new RangeError(
        `ctx.getCounter(group, name): Hadoop allows group names of up to ${COUNTER_LIMITS.groupName} characters and counter names of up to ${COUNTER_LIMITS.counterName} (mapreduce.job.counters.group.name.max, counter.name.max)`,
      );
    if (BUILTIN_GROUP_NAMES.has(group))
      throw new Error(
        `ctx.getCounter(${JSON.stringify(group)}, ...): that group is one of Hadoop's built-in counter groups, which the framework counts itself; use a group name of your own`,
      );
    const id = `${group}\u0000${name}`;
    const byKey = (this.byKey ??= new Map());
    let c = byKey.get(id);
    if (c === undefined) {
      if (byKey.size >= COUNTER_LIMITS.counters)
        throw new RangeError(
          `Too many counters: ${byKey.size + 1} max=${COUNTER_LIMITS.counters} (Hadoop's LimitExceededException, mapreduce.job.counters.max)`,
        );
      c = [group, name, 0];
      byKey.set(id, c);
    }
    const counter = c;
    return {
      increment(n: unknown = 1) {
        if (typeof n !== 'number' || !Number.isSafeInteger(n))
          throw new TypeError(
            `counter ${group}/${name}: increment(n) takes a whole number (a Java long), got ${typeof n === 'number' ? String(n) : typeof n}`,
          );
        const total = counter[2] + n;
        // A Java long holds up to 2^63 - 1; a JavaScript number counts exactly only to 2^53 - 1.
        if (!Number.isSafeInteger(total))
          throw new RangeError(
            `counter ${group}/${name}: increment(${n}) takes it to ${total}, past ${Number.MAX_SAFE_INTEGER} (2^53 - 1), the largest whole number this simulator counts exactly (Hadoop's long counters go to 2^63 - 1)`,
          );
        counter[2] = total;
      },
      getValue: () => counter[2],
      getName: () => name,
      getDisplayName: () => name,
    };
  }

  list(): UserCounter[] {
    if (this.byKey === null) return [];
    return [...this.byKey.values()].map((c) => [c[0], c[1], c[2]]);
  }
}
