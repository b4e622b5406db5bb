/**
 * The page's own wall-clock limit for a step run with no sandbox budget. HDFS and server settings
 * are only simulated, so the page holds their limit. A pipeline's run is ended by the worker's
 * own budget (between batches of kernel events), which keeps its report and says which run went
 * past the limit: the page's limit only backs it up, later, with words about a pipeline.
 */
import type { LabStep } from '../../../labs/labTypes';
import { i18n } from '../../i18n/i18n';

/** How long after the time limit the page gives up on a pipeline's run the worker has not ended. */
export const PIPELINE_BACKSTOP_MS = 10_000;

export function pageDeadline(step: LabStep, seconds: number): { ms: number; error: () => Error } | undefined {
  if (step.kind === 'pipeline')
    return {
      ms: seconds * 1000 + PIPELINE_BACKSTOP_MS,
      error: () => new Error(i18n.t('lab:pipelineTooLong', { seconds })),
    };
  if (step.kind === 'hdfs' || step.kind === 'server')
    return { ms: seconds * 1000, error: () => new Error(i18n.t('lab:hdfsTooLong', { seconds })) };
  return undefined;
}
