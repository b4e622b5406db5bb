/**
 * Shown when the step's checks all pass: the next step, and the lab's state by the one rule for
 * "finished" (every step passed, `labFinished`). Otherwise it names the steps still to pass, with links:
 * all of them on the last step, the skipped earlier ones on the way.
 */
import { useTranslation } from 'react-i18next';
import type { Lab } from '../../../labs/labTypes';
import { labFinished, stepsLeft } from '../../state/progress';
import { useAppStore } from '../../state/store';

export function StepDone({ lab, stepIndex }: { lab: Lab; stepIndex: number }) {
  const navigate = useAppStore((s) => s.navigate);
  const progress = useAppStore((s) => s.progress);
  const { t } = useTranslation('lab');
  const ids = lab.steps.map((s) => s.id);
  const finished = labFinished(progress, lab.id, ids);
  const next = stepIndex + 1 < lab.steps.length ? stepIndex + 1 : null;
  // On the last step every step still to pass is named; on the way, only the skipped earlier ones.
  const others = stepsLeft(progress, lab.id, ids).filter((i) => i !== stepIndex && (next === null || i < stepIndex));
  const go = (step: number) => navigate({ name: 'lab', labId: lab.id, step });
  return (
    <div className="step-done" role="status" data-testid="step-done">
      <strong>{t('done.passed')}</strong>
      {next !== null && (
        <button type="button" className="btn primary small" onClick={() => go(next)}>
          {t('done.next')}
        </button>
      )}
      {finished ? (
        <span data-testid="lab-finished">
          {t('done.finished', { count: lab.steps.length })}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
            {t('backToLabs')}
          </button>
        </span>
      ) : (
        others.length > 0 && (
          <span data-testid="steps-left">
            {next === null ? t('done.toFinish') : t('done.notYet')}:{' '}
            {others.map((i, k) => (
              <span key={i}>
                {k > 0 && (k === others.length - 1 ? t('done.and') : ', ')}
                <button type="button" className="link-button" onClick={() => go(i)}>
                  {t('done.step', { step: i + 1, title: lab.steps[i]!.title })}
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
