/**
 * The streaming run's cluster map at the playback instant: the racks and the brokers on their
 * nodes, each broker with a chip per partition replica it holds (filled: the leader; outlined: an
 * in-sync follower; dashed: a follower out of sync), and the producers above with the batches
 * they sent in the last moment drawn to the leaders they went to (dashed and crossed out: lost
 * on a cut network).
 */
import { useMemo } from 'react';
import type { StreamAt, StreamView } from '../../viz/stream/streamViewTypes';
import { CHIP_H, CHIP_W, layoutBrokerMap, type SendLine } from '../../viz/stream/brokerMapLayout';
import { formatSimTime } from '../../viz/run/format';

const WIDTH = 640;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sendText(s: SendLine): string {
  const what = `${plural(s.records, 'record')} in ${plural(s.batches, 'batch', 'batches')}`;
  const retried = s.retries > 0 ? `, ${plural(s.retries, 'retry', 'retries')}` : '';
  if (s.lost === s.batches) return `producer ${s.producer}: ${what} lost, its network is cut`;
  const lost =
    (s.lost > 0 ? `, ${s.lost} lost` : '') +
    (s.answersLost > 0
      ? `, ${s.answersLost === s.batches ? 'the answer' : `${s.answersLost} answers`} lost on the way back`
      : '');
  return s.broker === null
    ? `producer ${s.producer}: ${what} found no leader${retried}${lost}`
    : `producer ${s.producer} → ${s.broker}: ${what}${retried}${lost}`;
}

export function StreamBrokerMap({ view, at }: { view: StreamView; at: StreamAt }) {
  const layout = layoutBrokerMap(view, at, WIDTH);
  // With several topics a chip is named by its topic's letter too (a3: partition 3 of the first topic).
  const letters = useMemo(() => {
    // The topics read come first, the store topic last.
    const names = [...new Set(view.partitions.map((p) => p.topic))].sort(
      (a, b) => Number(a === view.storeTopic) - Number(b === view.storeTopic),
    );
    return new Map(names.length > 1 ? names.map((n, i) => [n, String.fromCharCode(97 + (i % 26))]) : []);
  }, [view]);
  const brokerAt = new Map(layout.brokers.map((b) => [b.id, b]));
  const producerAt = new Map(layout.producers.map((p) => [p.producer, p]));
  const summary = at.brokers
    .map((b) => `${b.id} ${b.alive ? `leads ${plural(b.leads, 'partition')}` : 'is down'}`)
    .join(', ');
  return (
    <details className="stream-broker-map" data-testid="stream-broker-map" open>
      <summary>
        <span className="stream-brokers" data-testid="stream-brokers">
          Brokers:{' '}
          {at.brokers.map((b, i) => (
            <span key={b.id} className={b.alive ? undefined : 'broker-down'}>
              {i > 0 ? ' · ' : ''}
              {b.id} {b.alive ? `leads ${plural(b.leads, 'partition')}` : 'down'}
            </span>
          ))}
        </span>{' '}
        <span className="muted" data-testid="stream-isr">
          {layout.underReplicated === 0
            ? '· every partition has all its replicas in sync'
            : `· ${plural(layout.underReplicated, 'partition')} under-replicated: fewer in-sync replicas than replicas`}
        </span>
      </summary>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Cluster map: ${summary}. ${
          layout.sends.length === 0
            ? 'No batch sent just now.'
            : `Sent in the last ${formatSimTime(layout.windowMs)}: ${layout.sends.map(sendText).join('; ')}.`
        }`}
      >
        <defs>
          <marker
            id="send-arrow"
            viewBox="0 0 6 6"
            refX="5"
            refY="3"
            markerWidth="9"
            markerHeight="9"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0L6,3L0,6z" className="send-head" />
          </marker>
        </defs>
        {layout.racks.map((r) => (
          <g key={r.id} className="bm-rack">
            <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={6} />
            <text x={r.x + 8} y={r.y + 13}>
              rack {r.id}
            </text>
          </g>
        ))}
        {layout.brokers.map((b) => (
          <g key={b.id} className={`bm-broker${b.alive ? '' : ' down'}`} data-broker={b.id}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={4} />
            <text x={b.x + 8} y={b.y + 14}>
              broker {b.id} {b.alive ? `· leads ${b.leads}` : '· down'}
            </text>
            {b.chips.map((c) => (
              <g key={`${c.topic}-${c.partition}`} className={`bm-chip ${c.role}${c.output ? ' output' : ''}`}>
                <title>
                  {`${c.topic}-${c.partition} on ${b.id}: ${
                    c.role === 'leader'
                      ? 'the leader (producers write here, consumers read here)'
                      : c.role === 'in-sync'
                        ? 'an in-sync follower (can become leader)'
                        : 'a follower out of sync (cannot become leader until it catches up)'
                  }`}
                </title>
                <rect x={c.x} y={c.y} width={CHIP_W} height={CHIP_H} rx={2} />
                <text x={c.x + CHIP_W / 2} y={c.y + CHIP_H - 4}>
                  {`${letters.get(c.topic) ?? ''}${c.partition}`}
                </text>
              </g>
            ))}
          </g>
        ))}
        {layout.producers.map((p) => (
          <g key={p.producer} className="bm-producer">
            <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={13} />
            <text x={p.x + p.w / 2} y={p.y + 17}>
              producer {p.producer}
            </text>
          </g>
        ))}
        {layout.sends.map((s) => {
          const from = producerAt.get(s.producer);
          if (!from) return null;
          const to = s.broker === null ? undefined : brokerAt.get(s.broker);
          const x1 = from.x + from.w / 2;
          const y1 = from.y + from.h;
          const x2 = to ? to.x + to.w / 2 : x1;
          const y2 = to ? to.y : y1 + 34;
          const allLost = s.lost === s.batches;
          // A lost batch stops halfway: it never reaches the broker.
          const ex = allLost ? (x1 + x2) / 2 : x2;
          const ey = allLost ? (y1 + y2) / 2 : y2;
          return (
            <g key={`${s.producer}-${s.broker ?? ''}`} className={`bm-send${allLost ? ' lost' : ''}`}>
              <title>{sendText(s)}</title>
              <line
                x1={x1}
                y1={y1}
                x2={ex}
                y2={ey}
                strokeWidth={Math.min(5, 1 + Math.log2(1 + s.records))}
                markerEnd={allLost ? undefined : 'url(#send-arrow)'}
              />
              {allLost && (
                <text x={ex} y={ey + 4} className="bm-lost">
                  ✕
                </text>
              )}
              {/* Near the broker's end, where the lines have spread apart. */}
              <text x={x1 + (ex - x1) * 0.72} y={y1 + (ey - y1) * 0.72 - 10} className="bm-send-label">
                {plural(s.records, 'record')}
                {s.retries > 0 ? ', a retry' : ''}
                {s.answersLost > 0 && (
                  <tspan x={x1 + (ex - x1) * 0.72} dy={11} className="bm-answer-lost">
                    answer lost
                  </tspan>
                )}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted small-print stream-map-legend">
        <span className="bm-key leader" aria-hidden="true" /> leader{' '}
        <span className="bm-key in-sync" aria-hidden="true" /> in-sync follower{' '}
        <span className="bm-key out-of-sync" aria-hidden="true" /> out of sync
        {letters.size > 0 &&
          ` · ${[...letters].map(([topic, letter]) => `${letter}: topic ${topic}${topic === view.storeTopic ? ' (the store)' : ''}`).join(', ')}`}
        {view.producers.length > 0 &&
          ` · arrows: records each producer sent in the last ${formatSimTime(layout.windowMs)}`}
      </p>
    </details>
  );
}
