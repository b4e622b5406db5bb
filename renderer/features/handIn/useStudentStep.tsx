/**
 * The lab page's view of a step for the student who set their name: the step's instructions with
 * their own values (numbers in the app's language) and the starter of their variant, and whether
 * the step's data is their own. Without a name (or for a step that does not vary) the step as written.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabStep } from '../../../labs/labTypes';
import { findAnyLab } from '../packs/findAnyLab';
import { LOCALE_TAG } from '../../i18n/language';
import { numberFormat } from '../../i18n/numberFormat';
import { useAppStore } from '../../state/store';
import { studentStepTexts, variantSeedFor } from './studentVariant';

export function useStudentStep(
  labId: string,
  stepIndex: number,
  step: LabStep,
): { instructions: string; starter: string; own: boolean } {
  const name = useAppStore((s) => s.progress.studentName);
  const language = useAppStore((s) => s.language);
  const seed = variantSeedFor(findAnyLab(labId), stepIndex, name);
  return useMemo(
    () => ({
      ...studentStepTexts(step, seed, (n) => numberFormat({}, LOCALE_TAG[language]).format(n)),
      own: seed !== null,
    }),
    [step, seed, language],
  );
}

/** One short line above the instructions of a step whose data is the student's own. */
export function StudentDataNote() {
  const { t } = useTranslation('handIn');
  const name = useAppStore((s) => s.progress.studentName) ?? '';
  return (
    <p className="muted student-data-note" data-testid="student-data-note">
      {t('ownData', { name })}
    </p>
  );
}
