/**
 * YARN's ResourceManager pages at playback time t: the Scheduler's queues, the Applications and
 * the Nodes with the containers running on each (what runs in them: the ApplicationMaster, a task
 * attempt, a Spark executor). Derived from the trace by yarnAt.
 */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { JobRunReport } from '../../../../engine/api';
import {
  yarnAt,
  type YarnAppRow,
  type YarnContainerRow,
  type YarnNodeInfo,
  type YarnNodeRow,
  type YarnQueueRow,
} from '../../../viz/run/hadoopUi/yarnAt';
import { formatNumber } from '../../../viz/run/format';
import { seconds } from '../../../viz/views/durationWords';
import { withTips } from '../withTips';
import { DataTable, type Column } from '../../table/DataTable';
import { percent } from '../../../i18n/numberFormat';
import './hadoopUi.css';

const pct = (x: number) => percent(x, 1);
const mb = (x: number) => `${formatNumber(x)} MB`;
/** The scheduler's class in Hadoop, as its ResourceManager UI names it. */
const SCHEDULER_CLASS: Readonly<Record<string, string>> = {
  capacity: 'CapacityScheduler',
  fair: 'FairScheduler',
  fifo: 'FifoScheduler',
};
// A simulated instant as the labs' sentences and checks say it ("finishes in 70.15 s", "takes 10 min 37 s").
const time = (ms: number | null) => (ms === null ? 'N/A' : seconds(ms));

const QUEUES: Column<YarnQueueRow>[] = [
  { id: 'name', header: 'Queue', value: (q) => q.name },
  {
    id: 'capacity',
    header: 'Capacity',
    title: 'capacity',
    numeric: true,
    value: (q) => q.capacity,
    render: (q) => pct(q.capacity),
  },
  { id: 'max', header: 'Max Capacity', numeric: true, value: (q) => q.maxCapacity, render: (q) => pct(q.maxCapacity) },
  {
    id: 'used',
    header: 'Used Capacity',
    title: 'usedCapacity',
    numeric: true,
    value: (q) => q.usedCapacity,
    render: (q) => pct(q.usedCapacity),
  },
  {
    id: 'abs',
    header: 'Absolute Used Capacity',
    title: 'absoluteUsed',
    numeric: true,
    value: (q) => q.absoluteUsedCapacity,
    render: (q) => pct(q.absoluteUsedCapacity),
  },
  { id: 'mem', header: 'Used Memory', numeric: true, value: (q) => q.usedMemoryMb, render: (q) => mb(q.usedMemoryMb) },
  { id: 'vcores', header: 'Used VCores', numeric: true, value: (q) => q.usedVcores },
  { id: 'running', header: 'Num Active Applications', numeric: true, value: (q) => q.runningApps },
  { id: 'apps', header: 'Applications', numeric: true, value: (q) => q.apps },
];

const APPS: Column<YarnAppRow>[] = [
  { id: 'id', header: 'ID', value: (a) => a.id, render: (a) => <span className="mono">{a.id}</span> },
  { id: 'name', header: 'Name', value: (a) => a.name },
  { id: 'type', header: 'Application Type', value: (a) => a.type },
  { id: 'queue', header: 'Queue', value: (a) => a.queue },
  { id: 'start', header: 'StartTime', numeric: true, value: (a) => a.start, render: (a) => time(a.start) },
  { id: 'finish', header: 'FinishTime', numeric: true, value: (a) => a.finish, render: (a) => time(a.finish) },
  { id: 'state', header: 'State', value: (a) => a.state },
  { id: 'final', header: 'FinalStatus', value: (a) => a.finalStatus },
  { id: 'containers', header: 'Running Containers', numeric: true, value: (a) => a.runningContainers },
  { id: 'vcores', header: 'Allocated CPU VCores', numeric: true, value: (a) => a.vcores },
  { id: 'memory', header: 'Allocated Memory MB', numeric: true, value: (a) => a.memoryMb },
];

const NODES: Column<YarnNodeRow>[] = [
  { id: 'rack', header: 'Rack', value: (n) => n.rack },
  { id: 'id', header: 'Node Address', value: (n) => n.id },
  { id: 'labels', header: 'Node Labels', value: (n) => n.nodeLabels || null },
  { id: 'state', header: 'Node State', value: (n) => n.state },
  { id: 'containers', header: 'Containers', numeric: true, value: (n) => n.containers.length },
  {
    id: 'list',
    header: 'Running',
    title: 'containers',
    value: (n) => n.containers.map((c) => c.id).join(', ') || null,
    render: (n) =>
      n.containers.length === 0 ? '' : n.containers.map((c) => `${c.id}${c.runs ? ` (${c.runs})` : ''}`).join(', '),
  },
  { id: 'memUsed', header: 'Mem Used', numeric: true, value: (n) => n.usedMemoryMb, render: (n) => mb(n.usedMemoryMb) },
  {
    id: 'memAvail',
    header: 'Mem Avail',
    numeric: true,
    value: (n) => n.availMemoryMb,
    render: (n) => mb(n.availMemoryMb),
  },
  { id: 'vcUsed', header: 'VCores Used', numeric: true, value: (n) => n.usedVcores },
  { id: 'vcAvail', header: 'VCores Avail', numeric: true, value: (n) => n.availVcores },
];

const CONTAINERS: Column<YarnContainerRow>[] = [
  { id: 'id', header: 'Container', value: (c) => c.number, render: (c) => <span className="mono">{c.id}</span> },
  { id: 'node', header: 'Node', value: (c) => c.node },
  { id: 'app', header: 'Application', value: (c) => c.app },
  { id: 'runs', header: 'Runs', value: (c) => c.runs || null },
  { id: 'state', header: 'State', value: (c) => c.state },
  {
    id: 'since',
    header: 'Allocated at',
    numeric: true,
    value: (c) => c.allocatedAt,
    render: (c) => time(c.allocatedAt),
  },
  { id: 'vcores', header: 'VCores', numeric: true, value: (c) => c.vcores },
  { id: 'memory', header: 'Memory', numeric: true, value: (c) => c.memoryMb, render: (c) => mb(c.memoryMb) },
];

export function YarnView({ report, nodes, t }: { report: JobRunReport; nodes: readonly YarnNodeInfo[]; t: number }) {
  const { t: text, i18n } = useTranslation('run');
  const language = i18n.language;
  const y = useMemo(
    () => yarnAt(report, nodes, t),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its words are read inside (i18n.t) in the page's language
    [report, nodes, t, language],
  );
  const containers = y.nodes.flatMap((n) => n.containers);
  return (
    <div className="hadoop-ui yarn-view" data-testid="yarn-view">
      <p className="muted run-note">
        {text('yarn.note', {
          containers: formatNumber(containers.length),
          vcores: formatNumber(containers.reduce((s, c) => s + c.vcores, 0)),
          clusterVcores: formatNumber(y.clusterVcores),
          memory: mb(containers.reduce((s, c) => s + c.memoryMb, 0)),
          clusterMemory: mb(y.clusterMemoryMb),
          // Hadoop's class name (yarn.resourcemanager.scheduler.class), the same in every language.
          scheduler: SCHEDULER_CLASS[y.scheduler] ?? y.scheduler,
        })}
      </p>
      <section aria-label={text('yarn.scheduler')}>
        <h4>{text('yarn.queuesHead')}</h4>
        <DataTable
          label={text('yarn.queues')}
          columns={withTips(QUEUES, 'run:hadoop.tip')}
          rows={y.queues}
          rowKey={(q) => q.name}
          empty={text('yarn.noQueues')}
          testId="yarn-queues"
        />
      </section>
      <section aria-label={text('yarn.apps')}>
        <h4>{text('yarn.apps')}</h4>
        <DataTable
          label={text('yarn.apps')}
          columns={withTips(APPS, 'run:hadoop.tip')}
          rows={y.apps}
          rowKey={(a) => a.id}
          rowClass={(a) => (a.state === 'RUNNING' ? 'running' : a.state === 'FAILED' ? 'failed' : undefined)}
          empty={text('yarn.noApps')}
          testId="yarn-apps"
        />
      </section>
      <section aria-label={text('yarn.nodes')}>
        <h4>{text('yarn.nodes')}</h4>
        <DataTable
          label={text('yarn.nodes')}
          columns={withTips(NODES, 'run:hadoop.tip')}
          rows={y.nodes}
          rowKey={(n) => n.id}
          rowClass={(n) => (n.state === 'LOST' ? 'failed' : undefined)}
          empty={text('yarn.noNodes')}
          testId="yarn-nodes"
        />
      </section>
      <section aria-label={text('yarn.containers')}>
        <h4>{text('yarn.containers')}</h4>
        <DataTable
          label={text('yarn.containers')}
          columns={withTips(CONTAINERS, 'run:hadoop.tip')}
          rows={containers}
          rowKey={(c) => c.id}
          empty={text('yarn.noContainers')}
          testId="yarn-containers"
        />
      </section>
    </div>
  );
}
