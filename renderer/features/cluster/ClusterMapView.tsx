/** The cluster map of a run (a job, an HDFS step or the home page's scenario) at playback time t, rebuilt from its trace, with the data moving at t drawn over it. */
import { useTranslation } from 'react-i18next';
import { useDeferredValue, useMemo, useState } from 'react';
import type { RunEvent } from '../../../engine/api';
import { ClusterTimeline, type NodeInfo } from '../../viz/clusterTimeline';
import { ClusterMap } from './ClusterMap';
import { seconds } from '../../viz/views/durationWords';
import { SUMMARY_ABOVE_NODES } from '../../viz/clusterMapLayout';
import { FlowLegend, movingSummary } from './FlowLegend';

export function useClusterTimeline(nodes: NodeInfo[], trace: readonly RunEvent[]) {
  return useMemo(() => new ClusterTimeline(nodes, trace), [nodes, trace]);
}

export function ClusterMapView({
  timeline,
  t,
  animate,
  simMsPerSecond,
}: {
  timeline: ClusterTimeline;
  t: number;
  animate?: boolean;
  /** The playback's speed in simulated ms per wall-clock second (estimated from the frames when absent). */
  simMsPerSecond?: number;
}) {
  const picture = useMemo(() => timeline.at(t), [timeline, t]);
  const peakBlocks = useMemo(() => timeline.peakBlocksPerNode(), [timeline]);
  // The transfers are derived from the whole trace (tens of milliseconds for a large run): the
  // map and the timeline show first, and the flows join them on the next render.
  const flowsOf = useDeferredValue<ClusterTimeline | null>(timeline, null);
  const index = flowsOf === timeline ? timeline.flows() : null;
  const moving = useMemo(() => index?.activeAt(t) ?? [], [index, t]);
  // The transfers the map draws fading (ended within the run's linger before t), as the legend names them.
  const ended = useMemo(() => index?.justEnded(t) ?? 0, [index, t]);
  const dead = picture.nodes.filter((n) => !n.alive).map((n) => n.id);
  const busy = picture.nodes.reduce((s, n) => s + n.usedCores, 0);
  const held = picture.nodes.reduce((s, n) => s + (n.heldCores ?? 0), 0);
  const large = picture.nodes.length > SUMMARY_ABOVE_NODES;
  const hasFlows = index !== null && index.flows.length > 0;
  const [showFlows, setShowFlows] = useState(true);
  const { t: text } = useTranslation('cluster');
  const time = seconds(t);
  return (
    <figure className="map-figure">
      <ClusterMap
        picture={picture}
        peakBlocks={peakBlocks}
        label={
          hasFlows
            ? text('map.labelMoving', { time, moving: movingSummary(moving, ended) })
            : text('map.label', { time })
        }
        animate={animate ?? false}
        flows={hasFlows && showFlows ? { index, t, simMsPerSecond } : undefined}
      />
      <figcaption className="muted">
        {text('map.nodes', { count: picture.nodes.length })} · {text('map.coresBusy', { count: busy })}
        {held > 0 ? text('map.held', { n: held }) : ''}
        {dead.length > 8
          ? text('map.deadMore', { nodes: dead.slice(0, 8).join(', '), more: dead.length - 8 })
          : dead.length > 0
            ? text('map.dead', { nodes: dead.join(', ') })
            : ''}
        {large ? text('map.summaryKey') : text('map.chipsKey')}
      </figcaption>
      {hasFlows && (
        <FlowLegend
          moving={moving}
          ended={ended}
          lingerMs={index.lingerMs}
          peakRate={index.peakRate}
          racks={large}
          shown={showFlows}
          onShow={setShowFlows}
        />
      )}
    </figure>
  );
}
