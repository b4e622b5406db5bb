/** The free sandbox: the live cluster, a code editor and a SQL console. Heavy parts load lazily. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type SandboxTab } from '../state/store';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';
import { SandboxJobPanel } from '../features/sandbox/SandboxJobPanel';
import { StreamJobPanel } from '../features/stream/StreamJobPanel';
import { useSqlRunStore } from '../features/sql/sqlRunStore';
import { ErrorBoundary } from './ErrorBoundary';

const SqlConsole = lazy(() => import('../features/sql/SqlConsole'));

/** `label`: the tab's key in the app namespace. */
const TABS: { id: SandboxTab; label: string }[] = [
  { id: 'cluster', label: 'sandbox.cluster' },
  { id: 'editor', label: 'sandbox.jobs' },
  { id: 'stream', label: 'sandbox.streaming' },
  { id: 'sql', label: 'sandbox.sql' },
];

function Loading({ what }: { what: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="loading" role="status">
      <span className="spinner" /> {t('loading', { what })}
    </div>
  );
}

export function SandboxPage({ tab }: { tab: SandboxTab }) {
  const navigate = useAppStore((s) => s.navigate);
  const publishRun = useSqlRunStore((s) => s.publish);
  const { t } = useTranslation('app');
  return (
    <div className="panel">
      <div className="tabs" role="tablist" aria-label={t('sandbox.tabs')}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`tab-${entry.id}`}
            aria-selected={tab === entry.id}
            className="btn"
            onClick={() => navigate({ name: 'sandbox', tab: entry.id })}
          >
            {t(entry.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'cluster' && (
          <ErrorBoundary what={t('errorBoundary.liveCluster')} part="live-cluster">
            <LiveClusterPanel />
          </ErrorBoundary>
        )}
        {/* Each run's outputs become the SQL console's tables. */}
        {tab === 'editor' && <SandboxJobPanel onResult={(r) => publishRun(r.report)} />}
        {tab === 'stream' && <StreamJobPanel />}
        {tab === 'sql' && (
          <ErrorBoundary what={t('errorBoundary.sqlConsole')} part="sql-console">
            <Suspense fallback={<Loading what={t('sandbox.duckdb')} />}>
              <SqlConsole />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
