/** The labs of the course grouped by the cookbook's parts, each with its status and time. */
import { useTranslation } from 'react-i18next';
import { LAB_CATALOGUE, type LabEntry } from '../../labs/catalogue';
import { useLabTexts } from '../i18n/labTexts';
import { findLab } from '../../labs/labRegistry';
import { labStatus, type LabStatus } from '../state/progress';
import { useAppStore } from '../state/store';

/** `title`: the group's key in the app namespace (locales/<language>/app.json, labList). */
const GROUPS: { title: string; match: (chapter: number) => boolean }[] = [
  { title: 'labList.groupFoundations', match: (c) => c === 13 || c === 15 || c === 19 },
  { title: 'labList.groupBatch', match: (c) => c === 20 },
  { title: 'labList.groupStreaming', match: (c) => c === 12 || c === 21 || c === 24 || c === 25 },
  { title: 'labList.groupProduction', match: (c) => c >= 22 && c !== 24 && c !== 25 },
];

const STATUS_KEY: Record<LabStatus, string> = {
  'not-started': 'labList.notStarted',
  'in-progress': 'labList.inProgress',
  done: 'labList.done',
};

function groupOf(lab: LabEntry): number {
  const chapter = Number(lab.chapters[0]!.split('.')[0]);
  const index = GROUPS.findIndex((g) => g.match(chapter));
  return index < 0 ? GROUPS.length - 1 : index;
}

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
      {GROUPS.map((group, g) => {
        const labs = LAB_CATALOGUE.filter((lab) => groupOf(lab) === g);
        if (labs.length === 0) return null;
        return (
          <div key={group.title}>
            <h3>{t(group.title)}</h3>
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
