/**
 * The lab page's three ways of showing a lab: the lesson (the story, the instructions, the
 * figures), practice (the exercises alone, with fresh data on every attempt) and the reference
 * (the lab's own solutions and their runs), which opens once every step of the lab has passed.
 */
import { useTranslation } from 'react-i18next';
import type { Lab } from '../../../labs/labTypes';
import type { LabMode } from '../../state/router';
import { labFinished } from '../../state/progress';
import { useAppStore } from '../../state/store';

const MODES: (LabMode | 'lesson')[] = ['lesson', 'practice', 'reference'];

export function LabModeSwitch({ lab, stepIndex, mode }: { lab: Lab; stepIndex: number; mode: LabMode | null }) {
  const navigate = useAppStore((s) => s.navigate);
  const finished = useAppStore((s) =>
    labFinished(
      s.progress,
      lab.id,
      lab.steps.map((st) => st.id),
    ),
  );
  const { t } = useTranslation('practice');
  const current = mode ?? 'lesson';
  return (
    <div className="lab-modes" role="group" aria-label={t('modes.label')}>
      {MODES.map((m) => {
        const locked = m === 'reference' && !finished;
        return (
          <button
            key={m}
            type="button"
            className="btn small"
            aria-pressed={m === current}
            disabled={locked}
            title={locked ? t('modes.referenceLocked') : t(`modes.${m}Title`)}
            data-mode={m}
            onClick={() =>
              navigate({ name: 'lab', labId: lab.id, step: stepIndex, ...(m === 'lesson' ? {} : { mode: m }) })
            }
          >
            {t(`modes.${m}`)}
          </button>
        );
      })}
    </div>
  );
}
