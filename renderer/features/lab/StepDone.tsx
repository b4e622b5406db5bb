/**
 * Shown when the step's checks all pass: the next step, and the lab's state by the one rule for
 * "finished" (every step passed, `labFinished`). Otherwise it names the steps still to pass, with links:
 * all of them on the last step, the skipped earlier ones on the way.
 */
import type { Lab } from '../../../labs/labTypes';
import { labFinished, stepsLeft } from '../../state/progress';
import { useAppStore } from '../../state/store';

export function StepDone({ lab, stepIndex }: { lab: Lab; stepIndex: number }) {
  const navigate = useAppStore((s) => s.navigate);
  const progress = useAppStore((s) => s.progress);
  const ids = lab.steps.map((s) => s.id);
  const finished = labFinished(progress, lab.id, ids);
  const next = stepIndex + 1 < lab.steps.length ? stepIndex + 1 : null;
  // On the last step every step still to pass is named; on the way, only the skipped earlier ones.
  const others = stepsLeft(progress, lab.id, ids).filter((i) => i !== stepIndex && (next === null || i < stepIndex));
  const go = (step: number) => navigate({ name: 'lab', labId: lab.id, step });
  return (
    <div className="step-done" role="status" data-testid="step-done">
      <strong>Step passed.</strong>
      {next !== null && (
        <button type="button" className="btn primary small" onClick={() => go(next)}>
          Next step →
        </button>
      )}
      {finished ? (
        <span data-testid="lab-finished">
          You finished the lab: all {lab.steps.length} steps passed.{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
            Back to the labs
          </button>
        </span>
      ) : (
        others.length > 0 && (
          <span data-testid="steps-left">
            {next === null ? 'To finish the lab, pass' : 'Not passed yet'}:{' '}
            {others.map((i, k) => (
              <span key={i}>
                {k > 0 && (k === others.length - 1 ? ' and ' : ', ')}
                <button type="button" className="link-button" onClick={() => go(i)}>
                  step {i + 1} ({lab.steps[i]!.title})
                </button>
              </span>
            ))}
            .
          </span>
        )
      )}
    </div>
  );
}
