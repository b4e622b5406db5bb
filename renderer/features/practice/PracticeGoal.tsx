/**
 * Practice mode's side panel: the step's goal without the lesson's story (its title, what its
 * checks want), this attempt's values when the step draws them from its seed, the attempt's
 * number and what a new attempt changes for this step (labs/practiceSeed.ts: its input data, its
 * run, or a server step's deadline), a new attempt, and the hints.
 */
import { useTranslation } from 'react-i18next';
import type { LabStep, VariantValues } from '../../../labs/labTypes';
import { practiceHints, type PracticeChange } from '../../../labs/practiceSeed';
import { HintsPanel } from '../lab/HintsPanel';
import { numberFormat } from '../../i18n/numberFormat';
import type { PracticeAttempt } from './practiceStore';

export function PracticeGoal({
  step,
  stepIndex,
  attempt,
  values,
  change,
  onNewAttempt,
}: {
  step: LabStep;
  stepIndex: number;
  attempt: PracticeAttempt;
  values: VariantValues;
  change: PracticeChange;
  onNewAttempt(): void;
}) {
  const { t } = useTranslation('practice');
  const shown = Object.entries(values);
  return (
    <div className="practice-goal" data-testid="practice-goal">
      <h2 id="step-heading">{t('goal.heading', { step: stepIndex + 1, title: step.title })}</h2>
      <p className="muted">{t('goal.hidden')}</p>
      <h3>{t('goal.checks')}</h3>
      <ul className="practice-checks">
        {step.checks.map((c) => (
          <li key={c.id}>{c.title}</li>
        ))}
      </ul>
      {shown.length > 0 && (
        <>
          <h3>{t('goal.values')}</h3>
          <dl className="practice-values" data-testid="practice-values">
            {shown.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{typeof value === 'number' ? numberFormat().format(value) : value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p data-testid="practice-attempt">
        {change === 'data'
          ? t('goal.attempt', { attempt: attempt.attempt, seed: attempt.seed })
          : change === 'simulation'
            ? t('goal.attemptRun', { attempt: attempt.attempt, seed: attempt.seed })
            : t('goal.attemptDeadline', { attempt: attempt.attempt, seed: attempt.seed })}
      </p>
      <button type="button" className="btn" onClick={onNewAttempt}>
        {t('goal.newAttempt')}
      </button>
      <HintsPanel key={step.id} hints={practiceHints(step)} />
    </div>
  );
}
