/** The labs of the course grouped by the cookbook's parts, each with its status and time. */
import { useTranslation } from 'react-i18next';
import { useLabTexts } from '../i18n/labTexts';
import { findLab } from '../../labs/labRegistry';
import { labStatus, type LabStatus } from '../state/progress';
import { useAppStore } from '../state/store';
import { labListOrder } from './labListOrder';

const STATUS_KEY: Record<LabStatus, string> = {
  'not-started': 'labList.notStarted',
  'in-progress': 'labList.inProgress',
  done: 'labList.done',
};

export function LabList() {
  const progress = useAppStore((s) => s.progress);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation('app');
  const labText = useLabTexts();
  const language = useAppStore((s) => s.language);
  return (
    <section className="panel" aria-labelledby="labs-heading">
      <h2 id="labs-heading">{t('labList.title')}</h2>
      <p className="muted">{t('labList.intro')}</p>
      {labListOrder().map(({ title, labs }) => {
        return (
          <div key={title}>
            <h3>{t(title)}</h3>
            <ul className="lab-list">
              {labs.map((lab) => {
                const status = lab.available
                  ? labStatus(progress, lab.id, findLab(lab.id)?.steps.map((s) => s.id) ?? [])
                  : null;
                const text = labText.entry(lab);
                const body = (
                  <>
                    <span className="title">
                      {text.title}
                      {text.textLanguage !== language && (
                        <span className="lang-tag" title={t('labList.inEnglishTitle')}>
                          {t('labList.inEnglishTag')}
                        </span>
                      )}
                    </span>
                    <span className={`badge ${status === 'done' ? 'ok' : status === 'in-progress' ? 'warn' : ''}`}>
                      {status ? t(STATUS_KEY[status]) : t('labList.comingLater')}
                    </span>
                    <span className="meta">
                      {t('labList.meta', {
                        chapters: lab.chapters.join(', '),
                        minutes: lab.minutes,
                        summary: text.summary,
                      })}
                    </span>
                  </>
                );
                return (
                  <li key={lab.id} data-lab={lab.id} data-status={status ?? 'unavailable'}>
                    {lab.available ? (
                      <button
                        type="button"
                        className="lab-item available"
                        onClick={() => navigate({ name: 'lab', labId: lab.id, step: progress.labs[lab.id]?.step ?? 0 })}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className="lab-item unavailable" aria-disabled="true">
                        {body}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
