/** What a pipeline run tells as it goes: parts going down and up, batches, files, refreshes, drops, a job reprocessing its log, models trained, drifts detected. */
export type PipelineEvent =
  | { t: number; type: 'partDown'; part: string }
  | { t: number; type: 'partUp'; part: string }
  | { t: number; type: 'batch'; part: string; events: number; durationMs: number; ok: boolean }
  | { t: number; type: 'fileClosed'; part: string; writer: string; events: number; bytes: number }
  | { t: number; type: 'refresh'; part: string; shown: number; durationMs: number; ok: boolean }
  | { t: number; type: 'dropped'; part: string; events: number }
  | { t: number; type: 'reprocess'; part: string; fromOffset: number; toOffset: number }
  | { t: number; type: 'rebuilt'; part: string; counted: number }
  | { t: number; type: 'model'; part: string; version: number; deployed: boolean; holdoutMae: number | null }
  | { t: number; type: 'drift'; part: string; mae: number; action: 'alert' | 'retrain' };

export type PipelineEventType = PipelineEvent['type'];
