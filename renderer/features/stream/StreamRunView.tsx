/**
 * A streaming run played back: the partitions' log tapes, the group, a Structured Streaming
 * query's micro-batches and windows, the ledger filling in, the sink's latest writes, what
 * happened (joins, rebalances, crashes, brokers), the total lag over the run, and a clicked
 * record's path. Faults are injected from here: the run is computed again
 * with them, as for batch runs.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KafkaJobReport } from '../../../engine/api';
import type { KafkaCrashPoint, KafkaFault } from '../../../engine/streaming';
import { buildStreamView, streamAt, type StreamView } from '../../viz/stream/streamView';
import { recordPath } from '../../viz/stream/streamQueries';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { usePlayback } from '../cluster/usePlayback';
import { speedFor } from '../cluster/speedFit';
import { formatSimTime } from '../../viz/run/format';
import { StreamTapes } from './StreamTapes';
import { StreamLedger } from './StreamLedger';
import { StreamBrokerMap } from './StreamBrokerMap';
import { StreamMicroBatches } from './StreamMicroBatches';

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
      <figcaption>Total lag (records still in the log, not yet committed), peak {max}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Total consumer lag over the run, at most ${max} records`}>
        <path d={d} className="lag-line" />
        <line x1={x(t)} x2={x(t)} y1={0} y2={H} className="lag-cursor" />
      </svg>
    </figure>
  );
}

/** Where a crash strikes (engine/streaming/kafkaFaults.ts): "the commit" is the first that covers the message. */
const POINTS: { value: KafkaCrashPoint; label: string }[] = [
  { value: 'before-processing', label: 'when handed it, before processing' },
  { value: 'after-processing', label: 'at its commit, which is lost' },
  { value: 'after-commit', label: 'right after its commit' },
];

export function describeFault(f: KafkaFault): string {
  if (f.kind === 'crashConsumer')
    return `consumer ${f.consumer} crashes at its message ${f.atMessage}, ${POINTS.find((p) => p.value === f.point)?.label ?? f.point}`;
  if (f.kind === 'killBroker') return `broker ${f.broker} dies at ${formatSimTime(f.atMs)}`;
  return `producer ${f.producer}'s network is cut from ${formatSimTime(f.fromMs)} to ${formatSimTime(f.toMs)}`;
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
  const view = useMemo(() => buildStreamView(report), [report]);
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

  return (
    <div className="stream-run">
      <PlaybackBar playback={playback} durationMs={durationMs} eventTimes={eventTimes} />
      <div className="toolbar stream-faults" role="group" aria-label="Fault injection">
        <span className="stream-faults-title">Inject a fault and run again:</span>
        <label>
          Crash consumer{' '}
          <select value={consumer} onChange={(e) => setConsumer(Number(e.target.value))} aria-label="Consumer to crash">
            {Array.from({ length: Math.max(1, consumers) }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          at its message{' '}
          <input
            type="number"
            min={1}
            max={100000}
            value={message}
            onChange={(e) => setMessage(Math.max(1, Math.min(100000, Math.round(Number(e.target.value)) || 1)))}
            aria-label="Message at which the consumer crashes"
          />
        </label>
        <select value={point} onChange={(e) => setPoint(e.target.value as KafkaCrashPoint)} aria-label="Crash point">
          {POINTS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn danger"
          disabled={busy || consumers === 0}
          onClick={() => onInjectFault([...faults, { kind: 'crashConsumer', consumer, atMessage: message, point }])}
        >
          Crash and rerun
        </button>
        <select value={broker} onChange={(e) => setBroker(e.target.value)} aria-label="Broker to kill">
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
          title="Kill this broker now and rerun: its partitions elect new leaders among the in-sync replicas"
        >
          Kill broker now
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
          title="Cut the producer's network for 5 s from now and rerun: what it sends and what comes back is lost, so its retries decide duplicates"
        >
          Cut producer network 5 s
        </button>
      </div>
      {faults.length > 0 && (
        <p className="muted faults-note" data-testid="injected-faults">
          Faults in this run: {faults.map(describeFault).join('; ')}.{' '}
          <button type="button" className="btn link" disabled={busy} onClick={() => onInjectFault([])}>
            Run without faults
          </button>
        </p>
      )}
      {view.activeUntil < view.endMs && (
        <p className="muted small-print" data-testid="stream-quiet">
          Nothing happens after {formatSimTime(view.activeUntil)}: the consumers wait for more records until the run
          ends at {formatSimTime(view.endMs)}.
        </p>
      )}
      <div className="stream-views">
        <section className="stream-main" aria-label="Topic partitions">
          <StreamBrokerMap view={view} at={at} />
          <p className="stream-group" data-testid="stream-group">
            {at.groups.length > 1
              ? `${at.groups.length} groups, each reading every partition for itself: ${at.groups
                  .map((g) => `${g.groupId} (consumer ${g.consumers.join(', ')})`)
                  .join(
                    ' · ',
                  )}${view.committedGroup ? `; the tapes show ${view.committedGroup}'s committed offsets and lag` : ''}`
              : at.members.length === 0
                ? 'No consumer in the group yet.'
                : `Group members: ${at.members
                    .map(
                      (m) =>
                        `consumer ${m}${at.crashed.includes(m) ? ' (crashed: the coordinator waits for its session to time out)' : ''}`,
                    )
                    .join(', ')} · ${
                    at.generation === 0
                      ? 'waiting for the first rebalance (Kafka waits 3 s for more members to join)'
                      : `generation ${at.generation}`
                  }`}
          </p>
          <StreamTapes view={view} at={at} selected={selected} onSelect={select} />
          <p className="muted stream-legend">
            <span className="tape-cell committed" aria-hidden="true" /> committed{' '}
            <span className="tape-cell processed" aria-hidden="true" /> processed, not committed{' '}
            <span className="tape-cell waiting" aria-hidden="true" /> waiting in the log
            {view.partitions.some((p) => p.output) && (
              <>
                {' '}
                <span className="tape-cell row" aria-hidden="true" /> a row of the store
              </>
            )}
            {view.partitions.some((p) => p.logStarts.length > 0) && (
              <>
                {' '}
                <span className="tape-cell deleted" aria-hidden="true" /> deleted by retention, read{' '}
                <span className="tape-cell expired" aria-hidden="true" /> deleted, never read (lost)
              </>
            )}
            {view.partitions.some((p) => p.transactional) && (
              <>
                {' '}
                <span className="tape-cell open" aria-hidden="true" /> in an open transaction{' '}
                <span className="tape-cell aborted" aria-hidden="true" /> aborted
              </>
            )}
          </p>
          {view.microBatches && (
            <StreamMicroBatches view={view} t={playback.t} selected={selected?.record ?? null} onSelect={select} />
          )}
          {selected && (
            <div className="record-path" role="region" aria-label="Record path" data-testid="record-path">
              <h4>
                {selected.record ?? 'A record without an id'} ({selected.label})
              </h4>
              {path.length === 0 ? (
                <p className="muted">This record has no id the ledger can follow.</p>
              ) : (
                <ol>
                  {path.map((s, i) => (
                    <li key={i} className={s.t > playback.t ? 'muted' : undefined}>
                      {formatSimTime(s.t)}: {s.text}
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
          <section aria-label="Sink">
            <h4>{report.storeTopic ? `Store: ${at.sinkRows} rows` : `Sink: ${at.sinkRows} writes`}</h4>
            <p className="muted small-print">
              {report.storeTopic
                ? `The store is topic ${report.storeTopic} as a read_committed reader sees it: a record is a row once its transaction commits (at once when written outside one).`
                : 'A put of a key already there rewrites its row: writes can outnumber rows.'}
            </p>
            <ul className="stream-list">
              {at.recentWrites.map((w, i) => (
                <li key={i}>
                  {formatSimTime(w.t)} {w.kind === 'topic' ? 'row' : w.kind} {w.key ?? ''}{' '}
                  {w.record ? `(${w.record})` : ''}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="What happened">
            <h4>What happened</h4>
            <ul className="stream-list" data-testid="stream-events">
              {at.recentEvents.length === 0 && <li className="muted">Nothing yet.</li>}
              {at.recentEvents.map((e, i) => (
                <li key={i} className={`event-${e.kind}`}>
                  {formatSimTime(e.t)} {e.text}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
