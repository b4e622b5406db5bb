/** The labs of the course grouped by the cookbook's parts, each with its status and time. */
import { LAB_CATALOGUE, type LabEntry } from '../../labs/catalogue';
import { findLab } from '../../labs/labRegistry';
import { labStatus, type LabStatus } from '../state/progress';
import { useAppStore } from '../state/store';

const GROUPS: { title: string; match: (chapter: number) => boolean }[] = [
  { title: 'Foundations: scaling and storage', match: (c) => c === 13 || c === 15 || c === 19 },
  { title: 'Batch processing: MapReduce and Spark', match: (c) => c === 20 },
  { title: 'Streaming and platforms', match: (c) => c === 12 || c === 21 || c === 24 || c === 25 },
  { title: 'In production', match: (c) => c >= 22 && c !== 24 && c !== 25 },
];

const STATUS_TEXT: Record<LabStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

function groupOf(lab: LabEntry): number {
  const chapter = Number(lab.chapters[0]!.split('.')[0]);
  const index = GROUPS.findIndex((g) => g.match(chapter));
  return index < 0 ? GROUPS.length - 1 : index;
}

export function LabList() {
  const progress = useAppStore((s) => s.progress);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="panel" aria-labelledby="labs-heading">
      <h2 id="labs-heading">Labs</h2>
      <p className="muted">Guided labs following “The Data Engineering Cookbook” by Andreas Kretz.</p>
      {GROUPS.map((group, g) => {
        const labs = LAB_CATALOGUE.filter((lab) => groupOf(lab) === g);
        if (labs.length === 0) return null;
        return (
          <div key={group.title}>
            <h3>{group.title}</h3>
            <ul className="lab-list">
              {labs.map((lab) => {
                const status = lab.available
                  ? labStatus(progress, lab.id, findLab(lab.id)?.steps.map((s) => s.id) ?? [])
                  : null;
                const body = (
                  <>
                    <span className="title">{lab.title}</span>
                    <span className={`badge ${status === 'done' ? 'ok' : status === 'in-progress' ? 'warn' : ''}`}>
                      {status ? STATUS_TEXT[status] : 'Coming later'}
                    </span>
                    <span className="meta">
                      Cookbook {lab.chapters.join(', ')} · {lab.minutes} min · {lab.summary}
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
