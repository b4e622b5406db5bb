/**
 * The consumers whose eachMessage or eachBatch threw in a streaming run, as the app shows a job's
 * error (the `.error` box of a failed MapReduce or Spark run, with the learner's file and line):
 * which consumer (group, member), the topic-partition and offset it threw at, the message, and
 * what KafkaJS did next (the offset not committed, the message delivered again, the crash).
 */
import { useTranslation } from 'react-i18next';
import type { KafkaHandlerError } from '../../../engine/streaming';
import type { StepOutcome } from '../../../labs/runStep';
import type { EditorMarker } from '../editor/CodeEditor';
import type { SavedError } from '../../state/progress';
import { i18n } from '../../i18n/i18n';

const NONE: readonly KafkaHandlerError[] = [];

/** The learner's lines the handlers threw at, to mark in the editor as a job's error line is. */
export function handlerMarkers(errors: readonly KafkaHandlerError[] | undefined): EditorMarker[] {
  return (errors ?? NONE).flatMap((e) =>
    e.line === null ? [] : [{ line: e.line, column: null, message: `${e.handler}: ${e.name}: ${e.message}` }],
  );
}

/**
 * A lab step's error line for the editor when a stream run's handler threw (the run itself did not
 * fail): the first one, at the learner's line, as a failed job's error is shown; else null.
 * `saved`: the line kept with the step for after a reload, when no run is below to point to.
 */
export function handlerSavedError(report: StepOutcome['report'] | undefined, saved = false): SavedError | null {
  const e = report?.kind === 'stream' ? report.handlerErrors?.[0] : undefined;
  if (e === undefined) return null;
  const error = `${e.where === null ? '' : `${e.where}: `}${e.name}: ${e.message}`;
  const message = i18n.t(saved ? 'stream:handlerError.saved' : 'stream:handlerError.short', {
    error,
    handler: e.handler,
    consumer: e.consumer ?? '?',
    topic: e.topic,
    partition: e.partition,
    offset: e.offset,
  });
  return { message, line: e.line, column: null };
}

export function StreamHandlerErrors({ errors }: { errors: readonly KafkaHandlerError[] | undefined }) {
  const { t } = useTranslation('stream');
  if (!errors || errors.length === 0) return null;
  return (
    <div
      className="error stream-handler-errors"
      role="alert"
      aria-label={t('handlerError.label')}
      data-testid="handler-error"
    >
      {errors.map((e) => {
        const error = `${e.name}: ${e.message}`;
        return (
          <div key={e.client} className="handler-error" data-consumer={e.consumer ?? ''} data-line={e.line ?? ''}>
            <p className="handler-error-title">
              <strong>
                {e.consumer === null
                  ? t('handlerError.titleClient', { handler: e.handler, client: e.client })
                  : t('handlerError.title', { handler: e.handler, consumer: e.consumer })}
              </strong>
            </p>
            <p className="handler-error-where">
              <code>
                {e.where === null
                  ? t('handlerError.whereUnknown', { error })
                  : t('handlerError.where', { where: e.where, error })}
              </code>
            </p>
            <p className="handler-error-at">
              {t('handlerError.at', {
                group: e.groupId,
                member: e.memberId || '-',
                topic: e.topic,
                partition: e.partition,
                offset: e.offset,
              })}
            </p>
            <p className="handler-error-next">
              {t(`handlerError.next.${e.last}`, { offset: e.offset, retries: e.retries, name: e.name })}{' '}
              {t('handlerError.times', { count: e.times })}
              {e.crashes > 0 && e.last !== 'stop' ? ` ${t('handlerError.crashes', { count: e.crashes })}` : ''}
            </p>
          </div>
        );
      })}
    </div>
  );
}
