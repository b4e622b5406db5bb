/** Step 1's batch layer runs every minute, as its text says (netflix-trending checks its hourly job the same way). */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { editPipeline, runPipelineLabStep } from '../__tests__/pipelineLabTest';

describe('lambda-architecture step 1', () => {
  it('fails a batch job that runs every 5 s instead of every minute', async () => {
    const fast = editPipeline(lab.steps[0]!.solution, (p) => {
      const job = p.parts.find((x) => x.type === 'spark-batch')!;
      job.settings = { ...job.settings, everyMs: 5000 };
    });
    const { out } = await runPipelineLabStep(lab, 0, fast);
    const layer = out.checks.find((c) => c.id === 'batch-layer')!;
    expect(layer.pass).toBe(false);
    expect(layer.reason).toBe(
      'views-per-article runs every 5.00 s, but the step runs the batch layer every minute: set "everyMs": 60000.',
    );
  }, 60_000);
});
