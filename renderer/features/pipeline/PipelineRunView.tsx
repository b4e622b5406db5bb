/**
 * What a pipeline step's run shows: what became of the events (displayed, pending, lost) with the
 * latency from the client to the display, and each part's figures on its machine (an HDFS part's
 * closed files too), with why a part handed on another number of events than it took in.
 */
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/numberFormat';
import { seconds } from '../../viz/views/durationWords';
import { handedOnNotes } from '../../viz/pipeline/handedOnNotes';
import type { PipelineRunReport } from '../../../labs/labTypes';
import './pipeline.css';

const n = (v: number) => numberFormat().format(v);
/**
 * A stretch of the run as the lab's checks print one beside the table (labs/checkKit `seconds`:
 * "0.42 s", "65.01 s", "5 min 6 s", "1 h 1 min 35 s"; "3,12 s" in German): the table said
 * "1 min 05 s" and "5 min 06 s" where the checks said "65.01 s" and "5 min 6 s".
 */
export const msText = (ms: number) => seconds(ms);

export function PipelineRunView({ report }: { report: PipelineRunReport }) {
  const { result } = report;
  const s = result.summary;
  const resenders = result.parts.filter((p) => (p.resent ?? 0) > 0);
  // The files an HDFS part closed (the only ones a reader sees): a column when the pipeline has such a part.
  const hasFiles = result.parts.some((p) => p.files !== undefined);
  const { t } = useTranslation('pipeline');
  // Why a part handed on another number than it took in (copies, a batch job's re-run, a board showing what another showed first).
  const notes = handedOnNotes(result);
  return (
    <div className="run-area pipeline-run" data-testid="pipeline-run">
      <p className="pipeline-verdict" data-testid="pipeline-summary">
        {t('run.displayed', { displayed: n(s.displayed), produced: n(s.produced) })}
        {s.pending > 0 ? t('run.pending', { n: n(s.pending) }) : ''}
        {s.lost > 0 ? t('run.lost', { n: n(s.lost) }) : ''}
        {t('run.after', { time: msText(result.simulatedMs) })}
        {result.ended === 'time limit' ? t('run.limit') : ''}.
        {s.latencyMs &&
          t('run.latency', {
            p50: msText(s.latencyMs.p50),
            p95: msText(s.latencyMs.p95),
            max: msText(s.latencyMs.max),
          })}
      </p>
      {resenders.length > 0 && (
        <p className="pipeline-resent" data-testid="pipeline-resent">
          {t('run.resent', {
            list: resenders.map((p) => t('run.copies', { n: n(p.resent ?? 0), id: p.id })).join('; '),
          })}
        </p>
      )}
      {/* It scrolls sideways in a narrow pane: a tab stop, so the keyboard can scroll it too. */}
      <div className="table-scroll" role="region" aria-label={t('run.parts')} tabIndex={0}>
        <table className="pipeline-parts" data-testid="pipeline-parts">
          <caption>{t('run.parts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('run.part')}</th>
              <th scope="col">{t('run.kind')}</th>
              <th scope="col">{t('run.machine')}</th>
              <th scope="col">{t('run.tookIn')}</th>
              <th scope="col">{t('run.handedOn')}</th>
              <th scope="col">{t('run.refused')}</th>
              <th scope="col">{t('run.dropped')}</th>
              {hasFiles && <th scope="col">{t('run.files')}</th>}
              <th scope="col">{t('run.busy')}</th>
              <th scope="col">{t('run.down')}</th>
            </tr>
          </thead>
          <tbody>
            {result.parts.map((p) => (
              <tr key={p.id} data-part={p.id}>
                <th scope="row">{p.id}</th>
                <td>{p.label}</td>
                <td>{p.node ?? t('run.outside')}</td>
                <td>{n(p.received)}</td>
                <td>{n(p.delivered)}</td>
                <td>{n(p.refused)}</td>
                <td>{n(p.dropped)}</td>
                {hasFiles && <td data-column="files">{p.files !== undefined ? n(p.files) : '–'}</td>}
                <td>{msText(p.busyMs)}</td>
                <td>{p.downMs > 0 ? msText(p.downMs) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.map((note) => (
        <p key={note} className="pipeline-resent" data-testid="pipeline-handed-on">
          {note}
        </p>
      ))}
    </div>
  );
}
