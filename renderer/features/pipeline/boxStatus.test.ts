import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../engine/pipeline';
import { pipelineAt } from '../../viz/pipeline/pipelineAt';
import { pipelineLayout } from '../../viz/pipeline/pipelineLayout';
import { readPipelineText } from '../../viz/pipeline/readPipelineText';
import { boxStatus } from './PipelineDiagram';
import { STREAM_PIPELINE } from '../../viz/pipeline/__tests__/streamPipeline';

// The stream job stopped from 3 s to 6 s: the events it has yet to read pile up in Kafka.
const PIPELINE = STREAM_PIPELINE;

describe('boxStatus', () => {
  it("says a streaming job's lag on Kafka as lag, not as events it holds beside Kafka's", () => {
    const run = runPipeline({
      pipeline: PIPELINE,
      cluster: 'classroom',
      faults: [
        { atMs: 3000, kind: 'stopPart', part: 'stream' },
        { atMs: 6000, kind: 'startPart', part: 'stream' },
      ],
    });
    const read = readPipelineText(JSON.stringify(PIPELINE));
    if (!read.ok) throw new Error(read.reason);
    const layout = pipelineLayout(read.pipeline);
    const box = (id: string) => layout.boxes.find((b) => b.part.id === id)!;
    // Just after the job is back: it is up, and behind.
    const at = pipelineAt(run, 6000);
    const lag = at.parts.get('stream')!.held;
    expect(lag).toBeGreaterThan(100);
    // Kafka holds the events; the job's figure is the same events, as its lag.
    expect(at.parts.get('buffer')!.held).toBeGreaterThanOrEqual(lag);
    expect(boxStatus(box('buffer'), at)?.text).toMatch(/^holds \d/);
    expect(boxStatus(box('stream'), at)).toEqual({ text: `lag ${lag.toLocaleString('en')}`, down: false });
  });
});
