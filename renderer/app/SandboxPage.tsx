/** The free sandbox: the live cluster, a code editor and a SQL console. Heavy parts load lazily. */
import { lazy, Suspense } from 'react';
import { useAppStore, type SandboxTab } from '../state/store';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';
import { SandboxJobPanel } from '../features/sandbox/SandboxJobPanel';
import { StreamJobPanel } from '../features/stream/StreamJobPanel';
import { useSqlRunStore } from '../features/sql/sqlRunStore';
import { ErrorBoundary } from './ErrorBoundary';

const SqlConsole = lazy(() => import('../features/sql/SqlConsole'));

const TABS: { id: SandboxTab; label: string }[] = [
  { id: 'cluster', label: 'Cluster' },
  { id: 'editor', label: 'Jobs' },
  { id: 'stream', label: 'Streaming' },
  { id: 'sql', label: 'SQL' },
];

function Loading({ what }: { what: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" /> Loading {what}…
    </div>
  );
}

export function SandboxPage({ tab }: { tab: SandboxTab }) {
  const navigate = useAppStore((s) => s.navigate);
  const publishRun = useSqlRunStore((s) => s.publish);
  return (
    <div className="panel">
      <div className="tabs" role="tablist" aria-label="Sandbox">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            className="btn"
            onClick={() => navigate({ name: 'sandbox', tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'cluster' && (
          <ErrorBoundary what="the live cluster" part="live-cluster">
            <LiveClusterPanel />
          </ErrorBoundary>
        )}
        {/* Each run's outputs become the SQL console's tables. */}
        {tab === 'editor' && <SandboxJobPanel onResult={(r) => publishRun(r.report)} />}
        {tab === 'stream' && <StreamJobPanel />}
        {tab === 'sql' && (
          <ErrorBoundary what="the SQL console" part="sql-console">
            <Suspense fallback={<Loading what="DuckDB" />}>
              <SqlConsole />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
