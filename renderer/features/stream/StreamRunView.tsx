/**
 * A streaming run played back: the partitions' log tapes, the group, a Structured Streaming
 * query's micro-batches and windows, the ledger filling in, the sink's latest writes, what
 * happened (joins, rebalances, crashes, brokers), the total lag over the run, and a clicked
 * record's path. Faults are injected from here: the run is computed again
 * with them, as for batch runs.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KafkaJobReport } from '../../../engine/api';
import type { KafkaCrashPoint, KafkaFault } from '../../../engine/streaming';
import { buildStreamView, streamAt, type StreamView } from '../../viz/stream/streamView';
import { recordPath } from '../../viz/stream/streamQueries';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { usePlayback } from '../cluster/usePlayback';
import { speedFor } from '../cluster/speedFit';
import { seconds } from '../../viz/views/durationWords';
import { StreamTapes } from './StreamTapes';
import { StreamLedger } from './StreamLedger';
import { StreamBrokerMap } from './StreamBrokerMap';
import { StreamMicroBatches } from './StreamMicroBatches';
import { StreamHandlerErrors } from './StreamHandlerErrors';
import { joinedAGroup } from './joinedAGroup';

/** Total lag sampled over the run, for the chart. */
function lagSamples(view: StreamView, n = 120): { t: number; lag: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (view.activeUntil * i) / n;
    return { t, lag: streamAt(view, t).partitions.reduce((a, p) => a + p.lag, 0) };
  });
}

function LagChart({ view, t }: { view: StreamView; t: number }) {
  const W = 320;
  const H = 60;
  // Over the playback's span (the run's quiet end is left out, as the scrubber leaves it).
  const x = (ms: number) => (ms / Math.max(1, view.activeUntil)) * W;
  const { t: text } = useTranslation('stream');
  const { max, d } = useMemo(() => {
    const samples = lagSamples(view);
    const top = Math.max(1, ...samples.map((s) => s.lag));
    const y = (lag: number) => H - (lag / top) * (H - 4);
    const at = (ms: number) => (ms / Math.max(1, view.activeUntil)) * W;
    return {
      max: top,
      d: samples.map((s, i) => `${i === 0 ? 'M' : 'L'}${at(s.t).toFixed(1)},${y(s.lag).toFixed(1)}`).join(''),
    };
  }, [view]);
  return (
    <figure className="stream-lag">
      <figcaption>{text('run.lag', { max })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={text('run.lagLabel', { max })}>
        <path d={d} className="lag-line" />
        <line x1={x(t)} x2={x(t)} y1={0} y2={H} className="lag-cursor" />
      </svg>
    </figure>
  );
}

/** Where a crash strikes (engine/streaming/kafkaFaults.ts): "the commit" is the first that covers the message. */
const POINTS: readonly KafkaCrashPoint[] = ['before-processing', 'after-processing', 'after-commit'];

/** A fault as the note under the playback names it, in the page's language, its times as the stream labs' checks say one. */
export function describeFault(f: KafkaFault): string {
  if (f.kind === 'crashConsumer')
    return i18n.t('stream:run.fault.crash', {
      consumer: f.consumer,
      message: f.atMessage,
      point: i18n.t(`stream:run.point.${f.point}`),
    });
  if (f.kind === 'killBroker') return i18n.t('stream:run.fault.broker', { broker: f.broker, time: seconds(f.atMs) });
  return i18n.t('stream:run.fault.network', {
    producer: f.producer,
    from: seconds(f.fromMs),
    to: seconds(f.toMs),
  });
}

export function StreamRunView({
  report,
  faults,
  busy,
  consumers,
  onInjectFault,
}: {
  report: KafkaJobReport;
  faults: KafkaFault[];
  busy: boolean;
  consumers: number;
  onInjectFault(faults: KafkaFault[]): void;
}) {
  const { i18n } = useTranslation();
  // The view's sentences (what happened, a record's path) are in the page's language: built again when it changes.
  const language = i18n.language;
  const view = useMemo(
    () => buildStreamView(report),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its words are read inside (i18n.t)
    [report, language],
  );
  // Playback ends when the last thing happens (the consumers then only wait until the run's end).
  const durationMs = Math.max(1, view.activeUntil);
  // Fitted to about 20 s of playback, as batch runs are.
  const playback = usePlayback(durationMs, 1000, true, speedFor(durationMs));
  const pause = playback.pause;
  useEffect(() => {
    if (busy) pause();
  }, [busy, pause]);
  const at = streamAt(view, playback.t);
  const eventTimes = useMemo(() => view.events.map((e) => e.t), [view]);
  const [selected, setSelected] = useState<{ record: string | null; label: string; key: string } | null>(null);
  const select = useCallback(
    (record: string | null, label: string, key: string) => setSelected({ record, label, key }),
    [],
  );
  const [consumer, setConsumer] = useState(1);
  const [message, setMessage] = useState(10);
  const [point, setPoint] = useState<KafkaCrashPoint>('after-processing');
  const [broker, setBroker] = useState(report.brokers[0]?.replace(/:\d+$/, '') ?? 'n1');
  const path = selected?.record ? recordPath(view, selected.record) : [];
  const { t: text } = useTranslation('stream');
  // A consumer can be crashed only in a run where a KafkaJS consumer joined a group: a Spark query's
  // Kafka source assigns itself its partitions, it never joins (generation 0). With several groups
  // the report names none: a rebalance of any of them in the trace tells.
  const joined = useMemo(() => joinedAGroup(report), [report]);
  const canCrash = joined && consumers > 0;

  return (
    <div className="stream-run">
      <StreamHandlerErrors errors={report.handlerErrors} />
      <PlaybackBar playback={playback} durationMs={durationMs} eventTimes={eventTimes} />
      <div className="toolbar stream-faults" role="group" aria-label={text('run.faults')}>
        <span className="stream-faults-title">{text('run.inject')}</span>
        {canCrash ? (
          <>
            <label>
              {text('run.crashConsumer')}{' '}
              <select
                value={consumer}
                onChange={(e) => setConsumer(Number(e.target.value))}
                aria-label={text('run.consumerToCrash')}
              >
                {Array.from({ length: Math.max(1, consumers) }, (_, i) => (
                  <option key={i} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {text('run.atMessage')}{' '}
              <input
                type="number"
                min={1}
                max={100000}
                value={message}
                onChange={(e) => setMessage(Math.max(1, Math.min(100000, Math.round(Number(e.target.value)) || 1)))}
                aria-label={text('run.messageLabel')}
              />
            </label>
            <select
              value={point}
              onChange={(e) => setPoint(e.target.value as KafkaCrashPoint)}
              aria-label={text('run.crashPoint')}
            >
              {POINTS.map((p) => (
                <option key={p} value={p}>
                  {text(`run.point.${p}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn danger"
              disabled={busy || consumers === 0}
              onClick={() => onInjectFault([...faults, { kind: 'crashConsumer', consumer, atMessage: message, point }])}
            >
              {text('run.crash')}
            </button>
          </>
        ) : (
          <span className="muted stream-no-consumer" role="note">
            {text('run.noConsumerToCrash')}
          </span>
        )}
        <select value={broker} onChange={(e) => setBroker(e.target.value)} aria-label={text('run.brokerToKill')}>
          {report.brokers.map((b) => (
            <option key={b} value={b.replace(/:\d+$/, '')}>
              {b.replace(/:\d+$/, '')}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn danger"
          disabled={busy}
          onClick={() => onInjectFault([...faults, { kind: 'killBroker', broker, atMs: Math.round(playback.t) }])}
          title={text('run.killTitle')}
        >
          {text('run.kill')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            onInjectFault([
              ...faults,
              {
                kind: 'cutNetwork',
                producer: 1,
                fromMs: Math.round(playback.t),
                toMs: Math.round(playback.t) + 5000,
              },
            ])
          }
          title={text('run.cutTitle')}
        >
          {text('run.cut')}
        </button>
      </div>
      {faults.length > 0 && (
        <p className="muted faults-note" data-testid="injected-faults">
          {text('run.inRun', { faults: faults.map(describeFault).join('; ') })}{' '}
          <button type="button" className="btn link" disabled={busy} onClick={() => onInjectFault([])}>
            {text('run.noFaults')}
          </button>
        </p>
      )}
      {view.activeUntil < view.endMs && (
        <p className="muted small-print" data-testid="stream-quiet">
          {text('run.quiet', { time: seconds(view.activeUntil), end: seconds(view.endMs) })}
        </p>
      )}
      <div className="stream-views">
        <section className="stream-main" aria-label={text('run.partitions')}>
          <StreamBrokerMap view={view} at={at} />
          <p className="stream-group" data-testid="stream-group">
            {at.groups.length > 1
              ? text('run.groups', {
                  n: at.groups.length,
                  groups: at.groups
                    .map((g) => text('run.group', { id: g.groupId, consumers: g.consumers.join(', ') }))
                    .join(' · '),
                }) + (view.committedGroup ? text('run.tapesShow', { group: view.committedGroup }) : '')
              : at.members.length === 0
                ? text(joined ? 'run.noConsumer' : 'run.noGroup')
                : text('run.members', {
                    members: at.members
                      .map((m) => text(at.crashed.includes(m) ? 'run.memberCrashed' : 'run.member', { n: m }))
                      .join(', '),
                    state: at.generation === 0 ? text('run.waiting') : text('run.generation', { n: at.generation }),
                  })}
          </p>
          <StreamTapes view={view} at={at} selected={selected} onSelect={select} />
          <p className="muted stream-legend">
            <span className="tape-cell committed" aria-hidden="true" /> {text('run.committed')}{' '}
            <span className="tape-cell processed" aria-hidden="true" /> {text('run.processed')}{' '}
            <span className="tape-cell waiting" aria-hidden="true" /> {text('run.waitingLog')}
            {view.partitions.some((p) => p.output) && (
              <>
                {' '}
                <span className="tape-cell row" aria-hidden="true" /> {text('run.storeRow')}
              </>
            )}
            {view.partitions.some((p) => p.logStarts.length > 0) && (
              <>
                {' '}
                <span className="tape-cell deleted" aria-hidden="true" /> {text('run.deletedRead')}{' '}
                <span className="tape-cell expired" aria-hidden="true" /> {text('run.deletedLost')}
              </>
            )}
            {view.partitions.some((p) => p.transactional) && (
              <>
                {' '}
                <span className="tape-cell open" aria-hidden="true" /> {text('run.open')}{' '}
                <span className="tape-cell aborted" aria-hidden="true" /> {text('run.aborted')}
              </>
            )}
          </p>
          {view.microBatches && (
            <StreamMicroBatches view={view} t={playback.t} selected={selected?.record ?? null} onSelect={select} />
          )}
          {selected && (
            <div className="record-path" role="region" aria-label={text('run.path')} data-testid="record-path">
              <h4>
                {selected.record ?? text('run.noId')} ({selected.label})
              </h4>
              {path.length === 0 ? (
                <p className="muted">{text('run.noPath')}</p>
              ) : (
                <ol>
                  {path.map((s, i) => (
                    <li key={i} className={s.t > playback.t ? 'muted' : undefined}>
                      {seconds(s.t)}: {s.text}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
        </section>
        <aside className="stream-side">
          <StreamLedger view={view} at={at} />
          <LagChart view={view} t={playback.t} />
          <section aria-label={text('run.sink')}>
            <h4>
              {report.storeTopic
                ? text('run.storeRows', { n: at.sinkRows })
                : text('run.sinkWrites', { n: at.sinkRows })}
            </h4>
            <p className="muted small-print">
              {report.storeTopic ? text('run.storeNote', { topic: report.storeTopic }) : text('run.sinkNote')}
            </p>
            <ul className="stream-list">
              {at.recentWrites.map((w, i) => (
                <li key={i}>
                  {seconds(w.t)} {w.kind === 'topic' ? text('run.row') : w.kind} {w.key ?? ''}{' '}
                  {w.record ? `(${w.record})` : ''}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label={text('run.happened')}>
            <h4>{text('run.happened')}</h4>
            <ul className="stream-list" data-testid="stream-events">
              {at.recentEvents.length === 0 && <li className="muted">{text('run.nothing')}</li>}
              {at.recentEvents.map((e, i) => (
                <li key={i} className={`event-${e.kind}`}>
                  {seconds(e.t)} {e.text}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
