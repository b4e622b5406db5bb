/** Home: the labs by chapter, where to continue, the free sandbox and a live simulated cluster. */
import { LAB_CATALOGUE } from '../../labs/catalogue';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';
import { useAppStore } from '../state/store';
import { LabList } from './LabList';

function ContinueCard() {
  const progress = useAppStore((s) => s.progress);
  const navigate = useAppStore((s) => s.navigate);
  const last = progress.lastLab ? LAB_CATALOGUE.find((l) => l.id === progress.lastLab && l.available) : undefined;
  const first = LAB_CATALOGUE.find((l) => l.available);
  const target = last ?? first;
  if (!target) return null;
  const step = progress.labs[target.id]?.step ?? 0;
  return (
    <section className="panel start-card" aria-labelledby="continue-heading">
      <div>
        <h2 id="continue-heading">{last ? 'Continue where you left off' : 'Start here'}</h2>
        <p className="muted">
          {target.title} — step {step + 1} · Cookbook {target.chapters.join(', ')}
        </p>
      </div>
      <button type="button" className="btn primary" onClick={() => navigate({ name: 'lab', labId: target.id, step })}>
        {last ? 'Continue' : 'Start the first lab'}
      </button>
    </section>
  );
}

function SandboxCard() {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="panel start-card" aria-labelledby="sandbox-heading">
      <div>
        <h2 id="sandbox-heading">Free sandbox</h2>
        <p className="muted">Every part of the cluster, your own jobs, SQL on DuckDB. No checks, no steps.</p>
      </div>
      <button type="button" className="btn" onClick={() => navigate({ name: 'sandbox', tab: 'editor' })}>
        Open the sandbox
      </button>
    </section>
  );
}

export function HomePage() {
  return (
    <div className="home">
      <LabList />
      <div className="home-right">
        <div className="start-cards">
          <ContinueCard />
          <SandboxCard />
        </div>
        <LiveClusterPanel />
      </div>
    </div>
  );
}
