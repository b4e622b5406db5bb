/**
 * engine/mapreduce: Hadoop-style jobs. The ApplicationMaster (MrAppMaster) asks YARN for a
 * container per task attempt; map, combine, partition, sort, shuffle and reduce run for real in
 * the sandbox first; counters are Hadoop's.
 */
export { runMapReduceJob, type MrJobResult } from './mapReduceJob';
export { MrAppMaster, type MrAmOptions, type MrAttempt, type MrJobFailure, type MrTask } from './mrAppMaster';
export { emptyCounters, type MapReduceCounters } from './mapReduceCounters';
export { counterGroups, COUNTER_INFO, BUILTIN_GROUPS, type CounterGroup, type CounterRowData } from './counterGroups';
export { DEFAULT_MAPREDUCE_CONF, CONF_KEYS } from './mapReduceConf';
export { PACK_AS_BUFFER_FROM } from './packedGroups';
