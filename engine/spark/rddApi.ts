/**
 * Spark's RDD API as the learner's handles call it: each method with the most arguments it
 * takes (one more is an error, not silently ignored) and its implementation. Transformations
 * return an Rdd (the handle wraps it), actions a promise.
 */
import type { Rdd } from './rdd';
import * as actions from './rddActions';
import * as info from './rddInfo';
import * as pairs from './rddPairFunctions';
import * as piped from './rddPipe';
import * as sampling from './rddSampling';
import * as sequenceFiles from './sequenceFiles';
import * as stats from './rddStats';
import * as transforms from './rddTransforms';
import * as tree from './rddTree';

type Method = (rdd: Rdd, ...args: never[]) => unknown;

function api<T extends Record<string, [number, Method]>>(table: T): T {
  return table;
}

export const RDD_API = api({
  // transformations
  map: [1, transforms.map],
  flatMap: [1, transforms.flatMap],
  filter: [1, transforms.filter],
  mapPartitions: [2, transforms.mapPartitions],
  mapPartitionsWithIndex: [2, transforms.mapPartitionsWithIndex],
  glom: [0, transforms.glom],
  keyBy: [1, transforms.keyBy],
  union: [1, transforms.union],
  distinct: [1, transforms.distinct],
  intersection: [2, transforms.intersection],
  subtract: [2, transforms.subtract],
  cartesian: [1, transforms.cartesian],
  groupBy: [2, transforms.groupBy],
  sortBy: [3, transforms.sortBy],
  repartition: [1, transforms.repartition],
  coalesce: [2, transforms.coalesce],
  zip: [1, transforms.zip],
  zipWithIndex: [0, transforms.zipWithIndex],
  zipWithUniqueId: [0, transforms.zipWithUniqueId],
  sample: [3, sampling.sample],
  randomSplit: [2, sampling.randomSplit],
  pipe: [2, piped.pipe],
  // pair functions
  keys: [0, pairs.keys],
  values: [0, pairs.values],
  mapValues: [1, pairs.mapValues],
  flatMapValues: [1, pairs.flatMapValues],
  combineByKey: [4, pairs.combineByKey],
  reduceByKey: [2, pairs.reduceByKey],
  groupByKey: [1, pairs.groupByKey],
  aggregateByKey: [4, pairs.aggregateByKey],
  foldByKey: [3, pairs.foldByKey],
  partitionBy: [2, pairs.partitionBy],
  sortByKey: [3, pairs.sortByKey],
  repartitionAndSortWithinPartitions: [4, piped.repartitionAndSortWithinPartitions],
  cogroup: [4, pairs.cogroup],
  groupWith: [100, pairs.groupWith],
  join: [2, pairs.join],
  leftOuterJoin: [2, pairs.leftOuterJoin],
  rightOuterJoin: [2, pairs.rightOuterJoin],
  fullOuterJoin: [2, pairs.fullOuterJoin],
  subtractByKey: [2, pairs.subtractByKey],
  // persistence and information
  cache: [0, info.cache],
  persist: [1, info.persist],
  unpersist: [1, info.unpersist],
  getStorageLevel: [0, info.getStorageLevel],
  isCached: [0, info.isCached],
  id: [0, info.id],
  name: [0, info.name],
  setName: [1, info.setName],
  getNumPartitions: [0, info.getNumPartitions],
  toDebugString: [0, info.toDebugString],
  // actions
  collect: [0, actions.collect],
  count: [0, actions.count],
  take: [1, actions.take],
  first: [0, actions.first],
  isEmpty: [0, actions.isEmpty],
  reduce: [1, actions.reduce],
  fold: [2, actions.fold],
  aggregate: [3, actions.aggregate],
  treeReduce: [2, tree.treeReduce],
  treeAggregate: [4, tree.treeAggregate],
  foreach: [1, actions.foreach],
  foreachPartition: [1, actions.foreachPartition],
  toLocalIterator: [0, actions.toLocalIterator],
  takeOrdered: [2, actions.takeOrdered],
  top: [2, actions.top],
  max: [1, actions.max],
  min: [1, actions.min],
  countByKey: [0, actions.countByKey],
  countByValue: [0, actions.countByValue],
  collectAsMap: [0, actions.collectAsMap],
  lookup: [1, actions.lookup],
  takeSample: [3, sampling.takeSample],
  saveAsTextFile: [1, actions.saveAsTextFile],
  saveAsSequenceFile: [1, sequenceFiles.saveAsSequenceFile],
  saveAsObjectFile: [1, sequenceFiles.saveAsObjectFile],
  // numeric RDDs (Spark's DoubleRDDFunctions)
  sum: [0, stats.sum],
  mean: [0, stats.mean],
  stats: [0, stats.stats],
  variance: [0, stats.variance],
  stdev: [0, stats.stdev],
  sampleVariance: [0, stats.sampleVariance],
  sampleStdev: [0, stats.sampleStdev],
  histogram: [1, stats.histogram],
});

export type RddMethodName = keyof typeof RDD_API;
