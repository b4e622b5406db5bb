/** The cluster map of a run (a job, an HDFS step or the home page's scenario) at playback time t, rebuilt from its trace. */
import { useMemo } from 'react';
import type { RunEvent } from '../../../engine/api';
import { ClusterTimeline, type NodeInfo } from '../../viz/clusterTimeline';
import { ClusterMap } from './ClusterMap';
import { formatSimTime } from './PlaybackBar';
import { SUMMARY_ABOVE_NODES } from '../../viz/clusterMapLayout';
import { plural } from '../../../labs/plural';

export function useClusterTimeline(nodes: NodeInfo[], trace: readonly RunEvent[]) {
  return useMemo(() => new ClusterTimeline(nodes, trace), [nodes, trace]);
}

export function ClusterMapView({ timeline, t, animate }: { timeline: ClusterTimeline; t: number; animate?: boolean }) {
  const picture = useMemo(() => timeline.at(t), [timeline, t]);
  const peakBlocks = useMemo(() => timeline.peakBlocksPerNode(), [timeline]);
  const dead = picture.nodes.filter((n) => !n.alive).map((n) => n.id);
  const busy = picture.nodes.reduce((s, n) => s + n.usedCores, 0);
  const held = picture.nodes.reduce((s, n) => s + (n.heldCores ?? 0), 0);
  const large = picture.nodes.length > SUMMARY_ABOVE_NODES;
  return (
    <figure className="map-figure">
      <ClusterMap
        picture={picture}
        peakBlocks={peakBlocks}
        label={`Cluster map at ${formatSimTime(t)}`}
        animate={animate ?? false}
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
    </figure>
  );
}
