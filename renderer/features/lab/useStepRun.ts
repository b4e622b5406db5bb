/**
 * Runs a lab step in the engine worker and keeps what came back: the outcome (report and
 * checks), the faults injected from the UI, and a progress fraction while it computes.
 * Re-running with a new fault keeps the learner's code and the playback position.
 */
import { useCallback, useRef, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import { engineClient } from '../../bridge/engineClient';
import type { StepRunResult } from '../../bridge/engineProtocol';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number; previous: StepRunResult | null }
  | { status: 'done'; result: StepRunResult }
  | { status: 'failed'; message: string };

export function useStepRun(labId: string, stepIndex: number) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const generation = useRef(0);

  const run = useCallback(
    async (source: string, faults: FaultSpec[] = []): Promise<StepRunResult | null> => {
      const mine = ++generation.current;
      setState((s) => ({
        status: 'running',
        progress: 0,
        previous: s.status === 'done' ? s.result : s.status === 'running' ? s.previous : null,
      }));
      try {
        const result = await engineClient().runStep({ labId, stepIndex, source, faults }, (progress) => {
          if (generation.current === mine) setState((s) => (s.status === 'running' ? { ...s, progress } : s));
        });
        if (generation.current !== mine) return null;
        setState({ status: 'done', result });
        return result;
      } catch (error) {
        if (generation.current === mine) setState({ status: 'failed', message: (error as Error).message });
        return null;
      }
    },
    [labId, stepIndex],
  );

  const clear = useCallback(() => {
    generation.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, run, clear };
}
