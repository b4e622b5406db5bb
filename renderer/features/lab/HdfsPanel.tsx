/**
 * An HDFS step's run at playback time t: the NameNode's view (Datanodes, the file browser with
 * each block's replica locations, under-replicated blocks; its blocks table is the step's block
 * table) and what happened so far.
 */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { RunEvent } from '../../../engine/api';
import { seconds } from '../../viz/views/durationWords';
import { describeEvent } from '../../viz/describeEvent';
import { NameNodeView } from '../run/hadoopUi/NameNodeView';

export function HdfsPanel({
  nodes,
  trace,
  t,
  blockSize,
}: {
  nodes: readonly { id: string; rack: string }[];
  trace: readonly RunEvent[];
  t: number;
  /** dfs.blocksize of the step. */
  blockSize: number;
}) {
  const events = useMemo(
    () =>
      trace
        .filter((e) => e.t <= t)
        .map(describeEvent)
        .filter((e) => e !== null),
    [trace, t],
  );
  const { t: text } = useTranslation('lab');
  return (
    <div className="hdfs-panel">
      <NameNodeView trace={trace} nodes={nodes} t={t} blockSize={blockSize} blocksTestId="block-table" />
      <h3>{text('hdfs.happened')}</h3>
      <ol className="events" aria-label={text('hdfs.events')} data-testid="event-log" tabIndex={0}>
        {events.slice(-80).map((e, i) => (
          <li key={i} className={e.kind}>
            <span className="t">{seconds(e.t)}</span> {e.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
