/** The lab page's header: the lab's title, its chapters, and a button per step (✓ when passed). */
import { useTranslation } from 'react-i18next';
import type { Lab } from '../../../labs/labTypes';
import { useAppStore } from '../../state/store';
import type { LabMode } from '../../state/router';
import { LabModeSwitch } from '../practice/LabModeSwitch';

export function LabStepNav({ lab, stepIndex, mode = null }: { lab: Lab; stepIndex: number; mode?: LabMode | null }) {
  const navigate = useAppStore((s) => s.navigate);
  const steps = useAppStore((s) => s.progress.labs[lab.id]?.steps);
  const { t } = useTranslation('lab');
  return (
    <nav className="lab-header" aria-label={t('nav.label')}>
      <div>
        <h1 className="lab-title">{lab.title}</h1>
        <span className="muted">
          {t('nav.where', { chapters: lab.chapters.join(', '), step: stepIndex + 1, count: lab.steps.length })}
        </span>
        <LabModeSwitch lab={lab} stepIndex={stepIndex} mode={mode} />
      </div>
      <ol className="step-nav">
        {lab.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className="btn small"
              aria-current={i === stepIndex ? 'step' : undefined}
              onClick={() => navigate({ name: 'lab', labId: lab.id, step: i, ...(mode ? { mode } : {}) })}
              title={s.title}
            >
              {steps?.[s.id]?.passed ? '✓ ' : ''}
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
