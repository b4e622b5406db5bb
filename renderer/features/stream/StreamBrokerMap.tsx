/**
 * The streaming run's cluster map at the playback instant: the racks and the brokers on their
 * nodes, each broker with a chip per partition replica it holds (filled: the leader; outlined: an
 * in-sync follower; dashed: a follower out of sync), and the producers above with the batches
 * they sent in the last moment drawn to the leaders they went to (dashed and crossed out: lost
 * on a cut network).
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { useMemo } from 'react';
import type { StreamAt, StreamView } from '../../viz/stream/streamViewTypes';
import { CHIP_H, CHIP_W, layoutBrokerMap, type SendLine } from '../../viz/stream/brokerMapLayout';
import { formatMs } from '../../viz/run/format';

const WIDTH = 640;

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`stream:map.${key}`, options);

/** What a producer sent in the last moment, in the page's language. */
function sendText(s: SendLine): string {
  const what = t('what', { records: t('records', { count: s.records }), batches: t('batches', { count: s.batches }) });
  const retried = s.retries > 0 ? t('retries', { count: s.retries }) : '';
  if (s.lost === s.batches) return t('allLost', { producer: s.producer, what });
  const lost =
    (s.lost > 0 ? t('lost', { n: s.lost }) : '') +
    (s.answersLost > 0 ? (s.answersLost === s.batches ? t('answerLost') : t('answersLost', { n: s.answersLost })) : '');
  return s.broker === null
    ? t('noLeader', { producer: s.producer, what, rest: retried + lost })
    : t('sent', { producer: s.producer, broker: s.broker, what, rest: retried + lost });
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
  const { t: text } = useTranslation('stream');
  const partitions = (n: number) => text('map.partitions', { count: n });
  const summary = at.brokers
    .map((b) =>
      b.alive
        ? text('map.leads', { broker: b.id, partitions: partitions(b.leads) })
        : text('map.isDown', { broker: b.id }),
    )
    .join(', ');
  return (
    <details className="stream-broker-map" data-testid="stream-broker-map" open>
      <summary>
        <span className="stream-brokers" data-testid="stream-brokers">
          {text('map.brokers')}{' '}
          {at.brokers.map((b, i) => (
            <span key={b.id} className={b.alive ? undefined : 'broker-down'}>
              {i > 0 ? ' · ' : ''}
              {b.alive
                ? text('map.brokerLeads', { broker: b.id, partitions: partitions(b.leads) })
                : text('map.brokerDown', { broker: b.id })}
            </span>
          ))}
        </span>{' '}
        <span className="muted" data-testid="stream-isr">
          {layout.underReplicated === 0
            ? text('map.inSync')
            : text('map.underReplicated', { partitions: partitions(layout.underReplicated) })}
        </span>
      </summary>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={text('map.label', {
          summary,
          sends:
            layout.sends.length === 0
              ? text('map.noSend')
              : text('map.sentLast', {
                  time: formatMs(layout.windowMs),
                  sends: layout.sends.map(sendText).join('; '),
                }),
        })}
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
              {text('map.rack', { rack: r.id })}
            </text>
          </g>
        ))}
        {layout.brokers.map((b) => (
          <g key={b.id} className={`bm-broker${b.alive ? '' : ' down'}`} data-broker={b.id}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={4} />
            <text x={b.x + 8} y={b.y + 14}>
              {b.alive ? text('map.broker', { broker: b.id, n: b.leads }) : text('map.brokerIsDown', { broker: b.id })}
            </text>
            {b.chips.map((c) => (
              <g key={`${c.topic}-${c.partition}`} className={`bm-chip ${c.role}${c.output ? ' output' : ''}`}>
                <title>
                  {text(
                    c.role === 'leader'
                      ? 'map.leaderTitle'
                      : c.role === 'in-sync'
                        ? 'map.inSyncTitle'
                        : 'map.outOfSyncTitle',
                    { partition: `${c.topic}-${c.partition}`, broker: b.id },
                  )}
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
              {text('map.producer', { n: p.producer })}
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
                {text('map.records', { count: s.records })}
                {s.retries > 0 ? text('map.aRetry') : ''}
                {s.answersLost > 0 && (
                  <tspan x={x1 + (ex - x1) * 0.72} dy={11} className="bm-answer-lost">
                    {text('map.answerLostShort')}
                  </tspan>
                )}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted small-print stream-map-legend">
        <span className="bm-key leader" aria-hidden="true" /> {text('map.leader')}{' '}
        <span className="bm-key in-sync" aria-hidden="true" /> {text('map.inSyncKey')}{' '}
        <span className="bm-key out-of-sync" aria-hidden="true" /> {text('map.outOfSync')}
        {letters.size > 0 &&
          ` · ${[...letters]
            .map(([topic, letter]) =>
              text(topic === view.storeTopic ? 'map.topicLetterStore' : 'map.topicLetter', { letter, topic }),
            )
            .join(', ')}`}
        {view.producers.length > 0 && text('map.arrows', { time: formatMs(layout.windowMs) })}
      </p>
    </details>
  );
}
