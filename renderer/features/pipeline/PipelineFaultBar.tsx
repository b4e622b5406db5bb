/**
 * "Inject a fault and run again" for a pipeline run: pick a part (with its machine) and what
 * strikes it (kill or slow its machine, cut its rack off, stop the part), for how long, at the
 * playback's instant; the step runs again with the faults injected so far plus this one. Below,
 * the faults of this run: the ones injected (with "Run without faults") and, apart, the step's own,
 * which every run has.
 */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { PipelineFault, PipelineResult } from '../../../engine/pipeline';
import {
  describePipelineFault,
  faultChoiceLabel,
  FAULT_DURATIONS,
  faultChoicesFor,
  faultsFor,
  faultTargets,
  SLOW_FACTORS,
  type FaultChoice,
} from '../../viz/pipeline/pipelineFaults';
import { seconds } from '../../viz/views/durationWords';

export interface PipelineFaultBarProps {
  result: PipelineResult;
  /** The playback's instant (simulated ms). */
  t: number;
  /** Faults injected from here so far (part of this run). */
  injected: readonly PipelineFault[];
  /** The step's own faults (part of every run). */
  stepFaults: readonly PipelineFault[];
  busy: boolean;
  /** The part picked on the diagram: the bar picks it too. */
  selected: string | null;
  onInject(faults: PipelineFault[], atMs: number): void;
}

export function PipelineFaultBar({ result, t, injected, stepFaults, busy, selected, onInject }: PipelineFaultBarProps) {
  const targets = faultTargets(result);
  const { t: tr } = useTranslation('pipeline');
  const durationText = (s: number | null) => (s === null ? tr('faults.untilEnd') : tr('faults.forSeconds', { n: s }));
  const [chosenPart, setChosenPart] = useState<string | null>(null);
  // A part picked on the diagram is picked here too, until the learner picks another here.
  const [followed, setFollowed] = useState(selected);
  if (followed !== selected) {
    setFollowed(selected);
    if (selected !== null && targets.some((p) => p.id === selected)) setChosenPart(selected);
  }
  const part = targets.find((p) => p.id === chosenPart) ?? targets[0] ?? null;
  const choices = part ? faultChoicesFor(part, result) : [];
  const [asked, setAsked] = useState<FaultChoice>('kill');
  const choice = choices.includes(asked) ? asked : (choices[0] ?? 'kill');
  const [factor, setFactor] = useState<number>(4);
  const [forSeconds, setForSeconds] = useState<number | null>(null);
  const atMs = Math.round(t);

  const inject = () => {
    if (!part) return;
    const added = faultsFor({ choice, part, atMs, forSeconds, factor }, result);
    if (added.length > 0) onInject([...injected, ...added], atMs);
  };

  return (
    <>
      {targets.length > 0 && (
        <div className="toolbar pipeline-faults" role="group" aria-label={tr('faults.group')}>
          <span className="pipeline-faults-title">{tr('faults.title')}</span>
          <label>
            {tr('faults.part')}{' '}
            <select
              value={part?.id ?? ''}
              onChange={(e) => setChosenPart(e.target.value)}
              aria-label={tr('faults.partLabel')}
            >
              {targets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.node === null
                    ? tr('faults.noMachine', { id: p.id })
                    : tr('faults.onMachine', { id: p.id, node: p.node })}
                </option>
              ))}
            </select>
          </label>
          <select
            value={choice}
            onChange={(e) => setAsked(e.target.value as FaultChoice)}
            aria-label={tr('faults.which')}
          >
            {choices.map((c) => (
              <option key={c} value={c}>
                {faultChoiceLabel(c)}
              </option>
            ))}
          </select>
          {choice === 'slow' && (
            <select value={factor} onChange={(e) => setFactor(Number(e.target.value))} aria-label={tr('faults.factor')}>
              {SLOW_FACTORS.map((f) => (
                <option key={f} value={f}>
                  {tr('faults.slower', { n: f })}
                </option>
              ))}
            </select>
          )}
          <select
            value={forSeconds ?? 'end'}
            onChange={(e) => setForSeconds(e.target.value === 'end' ? null : Number(e.target.value))}
            aria-label={tr('faults.howLong')}
          >
            {FAULT_DURATIONS.map((s) => (
              <option key={s ?? 'end'} value={s ?? 'end'}>
                {durationText(s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn danger"
            disabled={busy || !part}
            onClick={inject}
            title={tr('faults.injectTitle', { time: seconds(atMs) })}
          >
            {tr('faults.inject')}
          </button>
        </div>
      )}
      {injected.length > 0 && (
        <p className="muted faults-note" data-testid="injected-faults">
          {tr('faults.inRun', { faults: injected.map((f) => describePipelineFault(f, result)).join('; ') })}{' '}
          <button type="button" className="btn link" disabled={busy} onClick={() => onInject([], 0)}>
            {tr('faults.none')}
          </button>
        </p>
      )}
      {stepFaults.length > 0 && (
        <p className="muted faults-note" data-testid="step-faults">
          {tr('faults.stepOwn', { faults: stepFaults.map((f) => describePipelineFault(f, result)).join('; ') })}
        </p>
      )}
    </>
  );
}
