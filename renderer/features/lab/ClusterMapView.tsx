/** The cluster map of a run at playback time t, rebuilt from the run's trace. */
import { useEffect, useMemo, useRef } from 'react';
import { ClusterTimeline, type NodeInfo } from '../../viz/clusterTimeline';
import { drawClusterMap } from '../../viz/drawClusterMap';
import { formatSimTime } from '../cluster/PlaybackBar';

export function useClusterTimeline(nodes: NodeInfo[], trace: readonly { t: number; type: string }[]) {
  return useMemo(() => new ClusterTimeline(nodes, trace), [nodes, trace]);
}

export function ClusterMapView({ timeline, t }: { timeline: ClusterTimeline; t: number }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const picture = useMemo(() => timeline.at(t), [timeline, t]);
  useEffect(() => {
    if (svgRef.current) drawClusterMap(svgRef.current, picture, false);
  }, [picture]);
  const dead = picture.nodes.filter((n) => !n.alive).map((n) => n.id);
  const busyCores = picture.nodes.reduce((s, n) => s + n.usedCores, 0);
  return (
    <figure className="map-figure">
      <svg
        ref={svgRef}
        className="cluster-map"
        data-testid="cluster-map"
        data-busy-cores={busyCores}
        aria-label={`Cluster map at ${formatSimTime(t)}`}
      />
      <figcaption className="muted">
        {picture.nodes.length} nodes · {busyCores} cores busy
        {dead.length > 0 ? ` · dead: ${dead.join(', ')}` : ''} · squares are block replicas, one colour per block number
        (hover one to see which)
      </figcaption>
    </figure>
  );
}
