/**
 * What the import dialog shows of a plan (importPlan.ts) before anything changes: why a file is
 * refused (each problem in the app's language, with its file:line:column and field), that it is a
 * lab pack, that the web build's storage cannot hold it, or what loading it would change.
 */
import { useTranslation } from 'react-i18next';
import type { HandInProblem } from '../../../labs/handIn/handInFile';
import { describeProblemIn } from '../../../labs/handIn/problemGerman';
import { LOCALE_TAG } from '../../i18n/language';
import { count } from '../../i18n/numberFormat';
import { useAppStore } from '../../state/store';
import { useHandInDialog } from './handInDialogState';
import type { ImportPlan } from './importPlan';
import { routeClusterlabFile } from './openedFiles';
import { WEB_STORAGE_CHARS } from './webStorageRoom';

export function PlanView({ plan, name, text }: { plan: ImportPlan; name: string; text: string }) {
  const { t } = useTranslation('handIn');
  const language = useAppStore((s) => s.language);
  if (plan.kind === 'pack')
    return (
      <div role="status">
        <p>{t('import.isPack', { file: plan.file })}</p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            useHandInDialog.getState().close();
            void routeClusterlabFile(name, text);
          }}
        >
          {t('import.openPack')}
        </button>
      </div>
    );
  if (plan.kind === 'tooLarge')
    return (
      <div role="alert" data-testid="import-refused">
        <p className="error">
          {t('import.tooLarge', {
            file: plan.file,
            size: count(plan.chars),
            room: count(plan.room),
            quota: count(WEB_STORAGE_CHARS),
          })}
        </p>
      </div>
    );
  // The problems in the app's language, the place (file:line:column, field) as the file has it.
  const describe = (problem: HandInProblem) => describeProblemIn(problem, language);
  if (plan.kind === 'refused')
    return (
      <div role="alert" data-testid="import-refused">
        <p className="error">{t('import.refused', { file: plan.file })}</p>
        <ProblemList problems={plan.problems.map(describe)} />
      </div>
    );
  const errors = plan.problems.filter((p) => p.severity === 'error').map(describe);
  const warnings = plan.problems.filter((p) => p.severity === 'warning').map(describe);
  const p = plan.preview;
  return (
    <div data-testid="import-plan">
      <p>
        {t('import.whose', {
          name: plan.handIn.student.name,
          version: plan.handIn.app.version,
          date: new Date(plan.handIn.exportedAt).toLocaleString(LOCALE_TAG[language]),
        })}
      </p>
      <p>
        {t('import.preview', {
          labs: Object.keys(plan.handIn.labs).length,
          added: p.stepsAdded.length,
          replaced: p.stepsReplaced.length,
          unchanged: p.stepsUnchanged.length,
        })}
      </p>
      {p.stepsReplaced.length > 0 && (
        <p className="muted">{t('import.replaces', { steps: p.stepsReplaced.join(', ') })}</p>
      )}
      {errors.length > 0 && (
        <>
          <p className="error">{t('import.partial')}</p>
          <ProblemList problems={errors} />
        </>
      )}
      {warnings.length > 0 && (
        <>
          <p className="muted">{t('import.warnings')}</p>
          <ProblemList problems={warnings} />
        </>
      )}
      <p className="muted">{t('import.backupFirst')}</p>
    </div>
  );
}

/** At most 50 problems listed, then how many more. */
function ProblemList({ problems }: { problems: string[] }) {
  const { t } = useTranslation('handIn');
  const shown = problems.slice(0, 50);
  return (
    <ul className="hand-in-problems">
      {shown.map((p, i) => (
        <li key={i}>
          <code>{p}</code>
        </li>
      ))}
      {problems.length > shown.length && <li>{t('import.more', { count: problems.length - shown.length })}</li>}
    </ul>
  );
}
