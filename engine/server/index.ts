/** engine/server: one SQL server's ETL bounded by its slowest resource, scaling it up and out (Cookbook 13.3). */
export * from './serverCatalogue';
export {
  etlTime,
  slowest,
  transformCycles,
  RESOURCES,
  ROW_BYTES,
  ROW_CYCLES,
  SORT_CYCLES,
  MEMORY_PASSES,
  RESULT_SHARE,
  CACHE_SHARE,
  type Resource,
  type ResourceTimes,
  type EtlTime,
} from './etlTime';
export {
  runPlatform,
  platformCost,
  fitProblem,
  usableGB,
  REPORTS,
  DAILY_NEW_SHARE,
  DETACH_ATTACH_S,
  HADOOP_STARTUP_S,
  type Platform,
  type PlatformRun,
  type PlatformPhase,
  type ServerConfig,
  type CostItem,
} from './platformRun';
export { cheapestPlatform, platformsOf, BIGGEST_SERVER } from './cheapestPlatform';
