/**
 * "Your name": the student's name as hand-ins and per-student variants use it. The problem
 * (labs/handIn/studentName.ts's studentNameProblem) is shown next to the field.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HAND_IN_LIMITS } from '../../../labs/handIn/handInFile';
import { germanProblem } from '../../../labs/handIn/problemGerman';
import type { Language } from '../../i18n/language';
import { useAppStore } from '../../state/store';
import { OtherNameRunsNote } from './OtherNameRunsNote';

export function StudentNameField({
  value,
  problem,
  onChange,
}: {
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('handIn');
  const language = useAppStore((s) => s.language);
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-name`}>{t('name.label')}</label>
      <input
        id={`${id}-name`}
        className="student-name"
        type="text"
        autoComplete="name"
        maxLength={HAND_IN_LIMITS.nameChars * 4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-help${problem ? ` ${id}-error` : ''}`}
        data-testid="student-name"
      />
      <p id={`${id}-help`} className="muted">
        {t('name.help')}
      </p>
      <OtherNameRunsNote name={value} />
      {problem && (
        <p id={`${id}-error`} className="error" role="alert">
          {(({ key, values }) => t(key, values))(nameProblemText(problem, language))}
        </p>
      )}
    </>
  );
}

/** What is wrong with `value` as a name the learner typed: '' clears it (no name), else studentNameProblem. */
export function typedNameProblem(value: string, problemOf: (name: string) => string | null): string | null {
  return value.trim() === '' ? null : problemOf(value);
}

/** studentNameProblem's sentence as a handIn text key and its values, so the field says it in the app's language. */
export function nameProblemText(
  problem: string,
  language: Language = 'en',
): { key: string; values: Record<string, string> } {
  let m = /^has (\d+) characters, more than the limit of (\d+)/.exec(problem);
  if (m) return { key: 'name.tooLong', values: { count: m[1]!, max: m[2]! } };
  m = /^contains the control character (U\+[0-9A-F]{4}) at character (\d+)/.exec(problem);
  if (m) return { key: 'name.control', values: { code: m[1]!, at: m[2]! } };
  m = /^contains the text-direction control (U\+[0-9A-F]{4}) at character (\d+)/.exec(problem);
  if (m) return { key: 'name.bidi', values: { code: m[1]!, at: m[2]! } };
  if (problem === 'is empty') return { key: 'name.empty', values: {} };
  if (problem.startsWith('must contain a letter')) return { key: 'name.noLetter', values: {} };
  // The rest (an invisible character, …) in the words hand-in problems use in German.
  return {
    key: 'name.problem',
    values: { problem: language === 'de' ? (germanProblem(problem) ?? problem) : problem },
  };
}
