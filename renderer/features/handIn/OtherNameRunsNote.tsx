/**
 * The warning beside a student's name (Settings, the export dialog): the steps that vary per student
 * whose last run used another name (or none) are graded on this name's data, so the student runs
 * them again before handing in. Nothing is shown when there are none.
 */
import { useTranslation } from 'react-i18next';
import { useLabTexts } from '../../i18n/labTexts';
import { useAppStore } from '../../state/store';
import { findAnyLab } from '../packs/findAnyLab';
import { otherNameRuns } from './otherNameRuns';

export function OtherNameRunsNote({ name }: { name: string }) {
  const { t } = useTranslation('handIn');
  const progress = useAppStore((s) => s.progress);
  const texts = useLabTexts();
  const runs = otherNameRuns(progress, name, findAnyLab);
  if (runs.length === 0) return null;
  return (
    <div className="hand-in-other-name" role="status" data-testid="other-name-runs">
      <p>{t('otherName.intro', { name: name.trim(), count: runs.length })}</p>
      <ul>
        {runs.map((r) => {
          const lab = texts.lab(findAnyLab(r.labId)!);
          const index = lab.steps.findIndex((s) => s.id === r.stepId);
          return (
            <li key={`${r.labId}/${r.stepId}`}>
              {t(r.ranAs === '' ? 'otherName.stepNoName' : 'otherName.stepName', {
                lab: lab.title,
                step: `${index + 1}. ${lab.steps[index]!.title}`,
                name: r.ranAs,
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
