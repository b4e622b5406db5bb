/**
 * HDFS as the NameNode's web UI shows it at playback time t: the summary (live and dead
 * DataNodes, under-replicated and missing blocks), the Datanodes, the file browser (each file's
 * size, replication, block size and blocks; a file opens its blocks with their replica
 * locations) and the under-replicated blocks. The NameNode's view, derived by nameNodeAt: a
 * DataNode that died counts as In Service until the NameNode declares it dead.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { useMemo, useState } from 'react';
import type { RunEvent } from '../../../../engine/api';
import { nameNodeAt, type BlockRow, type DataNodeRow, type FileRow } from '../../../viz/run/hadoopUi/nameNodeAt';
import { formatBytes, formatNumber } from '../../../viz/run/format';
import { withTips } from '../withTips';
import { DataTable, type Column } from '../../table/DataTable';
import './hadoopUi.css';

export interface NameNodeViewProps {
  trace: readonly RunEvent[];
  nodes: readonly { id: string; rack: string }[];
  t: number;
  /** dfs.blocksize of the run (for one-block files). */
  blockSize: number;
  /** The file opened first (default: the first file). */
  initialFile?: string;
  /** Test id of the blocks table (the HDFS lab's e2e tests read `block-table`). */
  blocksTestId?: string;
}

const DATANODES: Column<DataNodeRow>[] = [
  { id: 'node', header: 'Node', value: (d) => d.id },
  { id: 'rack', header: 'Rack', value: (d) => d.rack },
  {
    id: 'state',
    header: 'Admin State',
    title: 'adminState',
    value: (d) => d.state,
    render: (d) =>
      d.down && d.state === 'In Service' ? i18n.t('run:hadoop.notHeardFrom', { state: d.state }) : d.state,
  },
  {
    id: 'contact',
    header: 'Last contact',
    title: 'lastContact',
    numeric: true,
    value: (d) => d.lastContactS,
    render: (d) => `${formatNumber(d.lastContactS)} s`,
  },
  { id: 'blocks', header: 'Blocks', numeric: true, value: (d) => d.blocks },
  { id: 'used', header: 'Used', numeric: true, value: (d) => d.usedBytes, render: (d) => formatBytes(d.usedBytes) },
];

function blockColumns(down: ReadonlySet<string>): Column<BlockRow>[] {
  return [
    { id: 'block', header: 'Block ID', value: (b) => b.id, render: (b) => <span className="mono">{b.name}</span> },
    {
      id: 'file',
      header: i18n.t('run:nn.fileColumn'),
      value: (b) => `${b.path} #${b.index}`,
      render: (b) => `${b.path} #${b.index}`,
    },
    { id: 'size', header: 'Size', numeric: true, value: (b) => b.bytes, render: (b) => formatBytes(b.bytes) },
    {
      id: 'locations',
      header: 'Availability (replica locations)',
      value: (b) => b.locations.join(', ') || null,
      render: (b) =>
        b.locations.length === 0
          ? i18n.t('run:nn.missing')
          : b.locations.map((n, i) => (
              <span
                key={n}
                className={down.has(n) ? 'nn-silent' : undefined}
                title={down.has(n) ? i18n.t('run:nn.silentTitle', { node: n }) : undefined}
              >
                {i > 0 ? ', ' : ''}
                {n}
                {down.has(n) ? i18n.t('run:nn.silent') : ''}
              </span>
            )),
    },
    {
      id: 'count',
      header: i18n.t('run:nn.replicasColumn'),
      title: 'replicas',
      numeric: true,
      value: (b) => b.locations.length,
      render: (b) => `${b.locations.length}/${b.replication}`,
    },
  ];
}

export function NameNodeView({
  trace,
  nodes,
  t,
  blockSize,
  initialFile,
  blocksTestId = 'nn-blocks',
}: NameNodeViewProps) {
  const { t: text } = useTranslation('run');
  const nn = useMemo(() => nameNodeAt(trace, nodes, t, blockSize), [trace, nodes, t, blockSize]);
  const [open, setOpen] = useState<string | null>(initialFile ?? null);
  const file = nn.files.find((f) => f.path === open) ?? nn.files[0] ?? null;
  // Down, and not declared dead yet: the NameNode still counts their replicas.
  const down = new Set(nn.dataNodes.filter((d) => d.down && d.state === 'In Service').map((d) => d.id));
  const dead = nn.dataNodes.filter((d) => d.state === 'Dead').map((d) => d.id);
  const blockCols = blockColumns(down);
  const files: Column<FileRow>[] = [
    {
      id: 'path',
      header: 'Name',
      value: (f) => f.path,
      render: (f) => (
        <button
          type="button"
          className="link-button mono"
          aria-pressed={file?.path === f.path}
          onClick={() => setOpen(f.path)}
        >
          {f.path}
        </button>
      ),
    },
    { id: 'size', header: 'Size', numeric: true, value: (f) => f.bytes, render: (f) => formatBytes(f.bytes) },
    { id: 'replication', header: 'Replication', numeric: true, value: (f) => f.replication },
    {
      id: 'blockSize',
      header: 'Block Size',
      numeric: true,
      value: (f) => f.blockSize,
      render: (f) => formatBytes(f.blockSize),
    },
    { id: 'blocks', header: 'Blocks', numeric: true, value: (f) => f.blocks.length },
    {
      id: 'under',
      header: text('nn.underColumn'),
      numeric: true,
      value: (f) => f.blocks.filter((b) => b.underReplicated || b.missing).length,
    },
  ];
  return (
    <div className="hadoop-ui namenode-view" data-testid="namenode-view">
      <dl className="hadoop-ui-info nn-summary" data-testid="nn-summary">
        <div>
          <dt>{text('nn.live')}</dt>
          <dd>{nn.live}</dd>
        </div>
        <div>
          <dt>{text('nn.dead')}</dt>
          <dd>{nn.dead}</dd>
        </div>
        <div>
          <dt>{text('nn.under')}</dt>
          <dd data-testid="nn-under-count">{nn.underReplicated.length}</dd>
        </div>
        <div>
          <dt>{text('nn.missingCount')}</dt>
          <dd>{nn.missing.length}</dd>
        </div>
      </dl>
      {down.size > 0 && (
        <p className="muted run-note" data-testid="nn-note">
          {text('nn.downNote', { count: down.size, nodes: [...down].join(', ') })}
        </p>
      )}
      {dead.length > 0 && (
        <p className="muted run-note" data-testid="nn-note-dead">
          {text('nn.deadNote', { count: dead.length, nodes: dead.join(', ') })}
        </p>
      )}
      <section aria-label={text('nn.datanodes')}>
        <h4>{text('nn.datanodes')}</h4>
        <DataTable
          label={text('nn.datanodes')}
          columns={withTips(DATANODES, 'run:hadoop.tip')}
          rows={nn.dataNodes}
          rowKey={(d) => d.id}
          rowClass={(d) => (d.state === 'Dead' || d.down ? 'failed' : undefined)}
          empty={text('nn.noDatanodes')}
          testId="nn-datanodes"
        />
      </section>
      <section aria-label={text('nn.browse')}>
        <h4>{text('nn.browse')}</h4>
        <DataTable
          label={text('nn.files')}
          columns={withTips(files, 'run:hadoop.tip')}
          rows={nn.files}
          rowKey={(f) => f.path}
          empty={text('nn.noFiles')}
          testId="nn-files"
        />
      </section>
      {file !== null && (
        <section aria-label={text('nn.blocksOf', { path: file.path })}>
          <h4>
            {text('nn.blockInfo')} <span className="mono">{file.path}</span>
          </h4>
          <DataTable
            label={text('nn.blocksOf', { path: file.path })}
            columns={withTips(blockCols, 'run:hadoop.tip')}
            rows={file.blocks}
            rowKey={(b) => String(b.id)}
            rowClass={(b) => (b.underReplicated || b.missing ? 'failed' : undefined)}
            empty={text('nn.noBlocks')}
            testId={blocksTestId}
          />
        </section>
      )}
      <section aria-label={text('nn.underTitle')}>
        <h4>{text('nn.underHead', { n: nn.underReplicated.length + nn.missing.length })}</h4>
        <DataTable
          label={text('nn.underTitle')}
          columns={withTips(blockCols, 'run:hadoop.tip')}
          rows={[...nn.missing, ...nn.underReplicated]}
          rowKey={(b) => String(b.id)}
          empty={text('nn.noUnder')}
          testId="nn-under"
        />
      </section>
    </div>
  );
}
