/**
 * A live simulated run on the home page: the engine worker runs an engine scenario on a small
 * cluster (a file put into HDFS, map tasks in YARN containers, a DataNode killed, its tasks run
 * again and its blocks re-replicated) and the page plays its trace like any run's: the same
 * playback clock, cluster timeline and cluster map, and the trace told as a log.
 */
import { useTranslation } from 'react-i18next';
import { count, percent } from '../../i18n/numberFormat';
import { useEffect, useMemo, useState } from 'react';
import { engineClient } from '../../bridge/engineClient';
import type { DemoRun } from '../../bridge/engineProtocol';
import { ClusterMapView, useClusterTimeline } from './ClusterMapView';
import { usePlayback } from './usePlayback';
import { PlaybackBar } from './PlaybackBar';
import { seconds } from '../../viz/views/durationWords';
import { describeEvent } from '../../viz/describeEvent';
import { formatInterval } from '../../../labs/faultTiming';

export function LiveClusterPanel() {
  const [run, setRun] = useState<DemoRun | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [seed, setSeed] = useState(1);
  const { t } = useTranslation('cluster');

  useEffect(() => {
    let live = true;
    engineClient()
      .runDemo(seed, (f) => live && setProgress(f))
      .then(
        (r) => live && setRun(r),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [seed]);

  return (
    <section className="panel live" aria-labelledby="live-heading">
      <h2 id="live-heading">{t('live.title')}</h2>
      <p className="muted">{t('live.intro')}</p>
      {run && <p className="muted live-timeouts">{timeoutsNote(run, t)}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!run && !error && (
        <div role="status" aria-label={t('live.simulating')}>
          <div className="progress" aria-hidden="true">
            <div style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
          <span className="muted">{t('live.simulatingPercent', { percent: percent(Math.round(progress * 100)) })}</span>
        </div>
      )}
      {run && (
        <Player
          run={run}
          seed={seed}
          onNewSeed={() => {
            setRun(null);
            setProgress(0);
            setSeed((s) => s + 1);
          }}
        />
      )}
    </section>
  );
}

/** The demo's shortened timeouts beside Hadoop's defaults, so no one takes a minute for HDFS's real reaction time. */
function timeoutsNote(run: DemoRun, t: (key: string, options: Record<string, string>) => string): string {
  const o = run.timeouts;
  return t('live.timeouts', {
    duration: formatInterval(run.durationMs),
    dead: formatInterval(o.dataNodeDeadMs),
    deadDefault: formatInterval(o.defaultDataNodeDeadMs),
    expiry: formatInterval(o.nodeManagerExpiryMs),
    expiryDefault: formatInterval(o.defaultNodeManagerExpiryMs),
  });
}

function Player({ run, seed, onNewSeed }: { run: DemoRun; seed: number; onNewSeed(): void }) {
  // Play the whole run in about 20 seconds at 1×.
  const msPerSecond = Math.max(1, run.durationMs / 20);
  const playback = usePlayback(run.durationMs, msPerSecond);
  const timeline = useClusterTimeline(run.nodes, run.trace);
  const events = useMemo(() => run.trace.map(describeEvent).filter((e) => e !== null), [run]);
  const eventTimes = useMemo(() => [...new Set(run.trace.map((e) => e.t))].sort((a, b) => a - b), [run]);
  const shown = events.filter((e) => e.t <= playback.t);
  const { t } = useTranslation('cluster');
  return (
    <>
      <PlaybackBar playback={playback} durationMs={run.durationMs} eventTimes={eventTimes}>
        <button type="button" className="btn" onClick={onNewSeed} title={t('live.newRunTitle')}>
          {t('live.newRun', { seed: seed + 1 })}
        </button>
      </PlaybackBar>
      <ClusterMapView timeline={timeline} t={playback.t} animate simMsPerSecond={msPerSecond * playback.speed} />
      <div className="legend" aria-hidden="true">
        <span style={{ ['--swatch' as string]: 'var(--accent)' }}>{t('live.coresInUse')}</span>
        <span style={{ ['--swatch' as string]: '#4fb3ff' }}>{t('live.replicas')}</span>
        <span style={{ ['--swatch' as string]: 'var(--bad)' }}>{t('live.deadNode')}</span>
        <span className="muted">{t('live.engineEvents', { n: count(run.engineEvents) })}</span>
      </div>
      <h3>{t('live.happened')}</h3>
      <ol className="events" aria-label={t('live.events')} data-testid="event-log" tabIndex={0}>
        {shown.slice(-60).map((e, i) => (
          <li key={`${e.t}-${i}`} className={e.kind}>
            <span className="t">{seconds(e.t)}</span> {e.text}
          </li>
        ))}
      </ol>
    </>
  );
}
