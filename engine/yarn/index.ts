/** engine/yarn: the ResourceManager, NodeManagers, schedulers (FIFO, Capacity, Fair) and ApplicationMasters' API. */
export { ResourceManager } from './resourceManager';
export { Application, type AppCallbacks, type SubmitOptions, type AppState } from './application';
export {
  Container,
  ContainerRequest,
  type ContainerAsk,
  type ContainerState,
  type ContainerEndStatus,
  type Locality,
  type RequestState,
} from './container';
export {
  HADOOP_YARN_DEFAULTS,
  resolveYarnConfig,
  allocatedMb,
  type YarnConfig,
  type YarnOptions,
  type QueueSpec,
  type SchedulerKind,
} from './yarnConfig';
export { SchedulerPolicy, type SchedulableApp } from './schedulerPolicy';
export type { YarnEvent } from './yarnEvents';
export { resolveYarnLoads, startYarnLoads, type YarnLoadSpec } from './yarnLoad';
export type { YarnSnapshot, YarnStats } from './yarnSnapshot';
