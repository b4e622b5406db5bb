/**
 * The job's key order and grouping (Hadoop: Job.setSortComparatorClass and
 * Job.setGroupingComparatorClass): the sort comparator orders the map outputs and the reducer's
 * input (default: ClusterLab's key order, exec/keyOrder.ts); the grouping comparator decides
 * which consecutive keys go to one reduce call (default: the sort comparator). The combiner
 * groups by the sort comparator, as Hadoop's default combiner grouping does.
 */
import { compareKeys } from '../exec/keyOrder';

export type KeyComparator = (a: unknown, b: unknown) => number;

/** A learner's comparator, checked: it must return a number (negative, zero or positive). */
function checked(fn: KeyComparator, name: 'sortComparator' | 'groupingComparator'): KeyComparator {
  return (a, b) => {
    const r = fn(a, b);
    if (typeof r !== 'number' || Number.isNaN(r))
      throw new TypeError(
        `${name}(a, b) must return a number (negative: a first, 0: equal, positive: b first), got ${typeof r === 'number' ? 'NaN' : typeof r}`,
      );
    return r;
  };
}

export interface KeyComparators {
  sort: KeyComparator;
  group: KeyComparator;
}

export function keyComparators(sort: KeyComparator | null, group: KeyComparator | null): KeyComparators {
  const s = sort ? checked(sort, 'sortComparator') : compareKeys;
  return { sort: s, group: group ? checked(group, 'groupingComparator') : s };
}
