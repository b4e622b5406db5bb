/** engine/pipeline: whole platforms as data — parts on the cluster's machines, wired, run on the simulated clock (Cookbook 24, 15.3). */
export * from './partCatalogue';
export {
  validatePipeline,
  type PipelineSpec,
  type PipelinePartSpec,
  type PipelineWire,
  type ResolvedPart,
  type ResolvedPipeline,
} from './pipelineSpec';
export {
  runPipeline,
  drainMs,
  MAX_REPORTED_EVENTS,
  TIMELINE_POINTS,
  type PipelineRunOptions,
  type PipelineFault,
  type PartFault,
} from './runPipeline';
export type { PipelineResult, PartReport, EventPath, PipelineTimeline } from './pipelineReport';
export type { PipelineEvent, PipelineEventType } from './pipelineEvents';
export { latencyFigures, type LedgerSummary, type LatencyFigures } from './pipelineLedger';
export { CLIENT_LATENCY_MS, CLIENT_MBPS } from './partRuntime';
export { LEASE_HARD_LIMIT_MS } from './hdfsPart';
export { MAX_VIEW_SAMPLES, MAX_VIEW_KEYS, type ViewReport, type ViewSample } from './viewTracker';
export type { MlReport, ModelRecord, DriftRecord, ModelParams } from './mlTracker';
export { BASE_KW, KW_PER_LOAD, NOISE_KW } from './pumpReadings';
export type { TrendingSample, RowEntry } from './trendingRow';
export { agePeaks, completeUpToMs, dataAgeAt, type AgePeak } from './dataAge';
