/** The cluster map of a run (a job, an HDFS step or the home page's scenario) at playback time t, rebuilt from its trace, with the data moving at t drawn over it. */
import { useDeferredValue, useMemo, useState } from 'react';
import type { RunEvent } from '../../../engine/api';
import { ClusterTimeline, type NodeInfo } from '../../viz/clusterTimeline';
import { ClusterMap } from './ClusterMap';
import { formatSimTime } from './PlaybackBar';
import { SUMMARY_ABOVE_NODES } from '../../viz/clusterMapLayout';
import { plural } from '../../../labs/plural';
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
  const dead = picture.nodes.filter((n) => !n.alive).map((n) => n.id);
  const busy = picture.nodes.reduce((s, n) => s + n.usedCores, 0);
  const held = picture.nodes.reduce((s, n) => s + (n.heldCores ?? 0), 0);
  const large = picture.nodes.length > SUMMARY_ABOVE_NODES;
  const hasFlows = index !== null && index.flows.length > 0;
  const [showFlows, setShowFlows] = useState(true);
  return (
    <figure className="map-figure">
      <ClusterMap
        picture={picture}
        peakBlocks={peakBlocks}
        label={`Cluster map at ${formatSimTime(t)}${hasFlows ? `; ${movingSummary(moving)}` : ''}`}
        animate={animate ?? false}
        flows={hasFlows && showFlows ? { index, t, simMsPerSecond } : undefined}
      />
      <figcaption className="muted">
        {plural(picture.nodes.length, 'node')} · {plural(busy, 'core')} busy
        {held > 0 ? ` · ${held} held by executors waiting for tasks (pale)` : ''}
        {dead.length > 0
          ? ` · dead: ${dead.length > 8 ? `${dead.slice(0, 8).join(', ')} and ${dead.length - 8} more` : dead.join(', ')}`
          : ''}
        {large
          ? ' · each rack sums up its nodes: squares are nodes, darker is busier, red is dead'
          : ` · chips are block replicas, named as in HDFS (blk_…); one colour per block`}
      </figcaption>
      {hasFlows && (
        <FlowLegend moving={moving} peakRate={index.peakRate} racks={large} shown={showFlows} onShow={setShowFlows} />
      )}
    </figure>
  );
}
