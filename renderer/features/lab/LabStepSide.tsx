/**
 * A lab step's side panel (LabPage.tsx): the step's heading and instructions, with the lab's intro
 * on the first step, the cookbook's figures for it and its hints; in practice mode the exercise's
 * goal instead (features/practice). Below either, the way to the job API reference.
 */
import type { ComponentProps } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { LocalizedLab } from '../../../labs/labLocale';
import type { LabMode } from '../../state/router';
import { PackEnglishNote } from '../packs/PackEnglishNote';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { HintsPanel } from './HintsPanel';
import { Markdown } from './Markdown';
import { practiceChange, practiceValues } from '../../../labs/practiceSeed';
import { PracticeGoal } from '../practice/PracticeGoal';
import type { PracticeAttempt } from '../practice/practiceStore';
import { CookbookFigurePanel } from '../figures/CookbookFigurePanel';
import { stepFigures } from '../figures/stepFigures';
import { StudentDataNote, type useStudentStep } from '../handIn/useStudentStep';

type FigureProps = ComponentProps<typeof CookbookFigurePanel>;

export function LabStepSide({
  lab,
  stepIndex,
  mode,
  attempt,
  onNewAttempt,
  student,
  report,
  nodes,
  settings,
}: {
  lab: LocalizedLab;
  stepIndex: number;
  mode: LabMode | null;
  /** Practice: the attempt (its data seed), and what starts the next one. */
  attempt: PracticeAttempt | null;
  onNewAttempt(): void;
  /** The learner's own values for a step that varies per student (features/handIn). */
  student: ReturnType<typeof useStudentStep>;
  /** The run the figures show (its report and nodes). */
  report: FigureProps['report'];
  nodes: FigureProps['nodes'];
  /** A settings step (JSON, no job API). */
  settings: boolean;
}) {
  const { t } = useTranslation('lab');
  const { t: tp } = useTranslation('practice');
  const step = lab.steps[stepIndex]!;
  const reference = mode === 'reference';
  const lesson = mode === null;
  const figures = stepFigures(lab, stepIndex);
  return (
    <aside className="panel lab-side" aria-labelledby="step-heading" tabIndex={0}>
      {mode === 'practice' && attempt ? (
        <PracticeGoal
          step={step}
          stepIndex={stepIndex}
          attempt={attempt}
          values={practiceValues(step, attempt.seed)}
          change={practiceChange(lab, step)}
          onNewAttempt={onNewAttempt}
        />
      ) : (
        <>
          <h2 id="step-heading">
            {reference
              ? tp('reference.heading', { step: stepIndex + 1, title: step.title })
              : `${stepIndex + 1}. ${step.title}`}
          </h2>
          {reference && <p className="muted">{tp('reference.note')}</p>}
          {lesson && student.own && <StudentDataNote />}
          {lab.textLocale !== lab.locale && !lab.pack && (
            <p className="muted lab-language-note" lang={lab.locale}>
              {t('textsInEnglish')}
            </p>
          )}
          {figures.length > 0 && (
            <ErrorBoundary what={t('parts.figure')} part="cookbook-figure">
              <CookbookFigurePanel key={step.id} figures={figures} report={report} nodes={nodes} />
            </ErrorBoundary>
          )}
          {stepIndex === 0 && lesson && <Markdown source={lab.intro} />}
          <Markdown source={lesson ? student.instructions : step.instructions} />
          {lesson && <HintsPanel key={step.id} hints={step.hints} />}
        </>
      )}
      <PackEnglishNote labId={lab.id} />
      {!settings && (
        <p className="muted">
          {step.kind === 'stream' ? (
            <Trans t={t} i18nKey="apiReferenceStream" components={[<a key="api" href="#/api" />]} />
          ) : (
            <Trans t={t} i18nKey="apiReferenceJob" components={[<a key="api" href="#/api" />]} />
          )}
        </p>
      )}
    </aside>
  );
}
