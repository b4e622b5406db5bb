/** Home: the labs by chapter, where to continue, the free sandbox and a live simulated cluster. */
import { useTranslation } from 'react-i18next';
import { LAB_CATALOGUE } from '../../labs/catalogue';
import { useLabTexts } from '../i18n/labTexts';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';
import { useAppStore } from '../state/store';
import { LabList } from './LabList';
import { LabPacksSection } from '../features/packs/LabPacksSection';
import { findAnyLab } from '../features/packs/findAnyLab';
import { usePacks } from '../features/packs/packStore';

function ContinueCard() {
  const progress = useAppStore((s) => s.progress);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation('app');
  const labText = useLabTexts();
  // A lab of an open pack is found once the kept packs are loaded (re-rendered then).
  usePacks((s) => s.packs);
  const lastPackLab = progress.lastLab ? findAnyLab(progress.lastLab) : undefined;
  if (lastPackLab?.pack) {
    const step = progress.labs[lastPackLab.id]?.step ?? 0;
    return (
      <section className="panel start-card" aria-labelledby="continue-heading">
        <div>
          <h2 id="continue-heading">{t('home.continueTitle')}</h2>
          <p className="muted">
            {t('home.wherePack', { title: lastPackLab.title, step: step + 1, pack: lastPackLab.pack.name })}
          </p>
        </div>
        <button
          type="button"
          className="btn primary"
          onClick={() => navigate({ name: 'lab', labId: lastPackLab.id, step })}
        >
          {t('home.continue')}
        </button>
      </section>
    );
  }
  const last = progress.lastLab ? LAB_CATALOGUE.find((l) => l.id === progress.lastLab && l.available) : undefined;
  const first = LAB_CATALOGUE.find((l) => l.available);
  const target = last ?? first;
  if (!target) return null;
  const step = progress.labs[target.id]?.step ?? 0;
  return (
    <section className="panel start-card" aria-labelledby="continue-heading">
      <div>
        <h2 id="continue-heading">{last ? t('home.continueTitle') : t('home.startTitle')}</h2>
        <p className="muted">
          {t('home.where', {
            title: labText.entry(target).title,
            step: step + 1,
            chapters: target.chapters.join(', '),
          })}
        </p>
      </div>
      <button type="button" className="btn primary" onClick={() => navigate({ name: 'lab', labId: target.id, step })}>
        {last ? t('home.continue') : t('home.startFirst')}
      </button>
    </section>
  );
}

function SandboxCard() {
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation('app');
  return (
    <section className="panel start-card" aria-labelledby="sandbox-heading">
      <div>
        <h2 id="sandbox-heading">{t('home.sandboxTitle')}</h2>
        <p className="muted">{t('home.sandboxText')}</p>
      </div>
      <button type="button" className="btn" onClick={() => navigate({ name: 'sandbox', tab: 'editor' })}>
        {t('home.openSandbox')}
      </button>
    </section>
  );
}

export function HomePage() {
  return (
    <div className="home">
      <div className="home-left">
        <LabList />
        <LabPacksSection />
      </div>
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
