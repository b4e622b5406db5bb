/** An HDFS step's run at playback time t: the block map and what happened so far. */
import { useMemo } from 'react';
import type { RunEvent } from '../../../engine/api';
import type { ClusterTimeline } from '../../viz/clusterTimeline';
import { formatSimTime } from '../cluster/PlaybackBar';
import { describeEvent } from '../../viz/describeEvent';
import { blockName } from '../../../engine/hdfs';

export function HdfsPanel({
  timeline,
  trace,
  t,
  replication,
}: {
  timeline: ClusterTimeline;
  trace: readonly RunEvent[];
  t: number;
  replication: number;
}) {
  const blocks = useMemo(() => {
    timeline.at(t);
    return timeline.blockMap();
  }, [timeline, t]);
  const events = useMemo(
    () =>
      trace
        .filter((e) => e.t <= t)
        .map(describeEvent)
        .filter((e) => e !== null),
    [trace, t],
  );
  return (
    <div className="hdfs-panel">
      <table className="grid" aria-label="Block map" data-testid="block-table">
        <thead>
          <tr>
            <th scope="col">Block</th>
            <th scope="col">File, position</th>
            <th scope="col">Replicas (live nodes)</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map(({ block, nodes }) => (
            <tr key={block.id} className={nodes.length < replication ? 'under' : ''}>
              <td className="mono">{blockName(block.id)}</td>
              <td>
                {block.path} #{block.index}
              </td>
              <td>{nodes.join(', ') || 'none: lost'}</td>
              <td>
                {nodes.length}/{replication}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>What happened</h3>
      <ol className="events" aria-label="Events so far" data-testid="event-log" tabIndex={0}>
        {events.slice(-80).map((e, i) => (
          <li key={i} className={e.kind}>
            <span className="t">{formatSimTime(e.t)}</span> {e.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
