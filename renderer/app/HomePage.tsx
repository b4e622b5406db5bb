/** Home: the labs by chapter, where to continue, the free sandbox and a live simulated cluster. */
import { useTranslation } from 'react-i18next';
import { LAB_CATALOGUE } from '../../labs/catalogue';
import { useLabTexts } from '../i18n/labTexts';
import { LiveClusterPanel } from '../features/cluster/LiveClusterPanel';
import { useAppStore } from '../state/store';
import { LabList } from './LabList';
import { firstListedLab } from './labListOrder';
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
  const packLab = progress.lastLab ? findAnyLab(progress.lastLab) : undefined;
  const inPack = packLab?.pack ? { lab: packLab, pack: packLab.pack } : null;
  const last = progress.lastLab ? LAB_CATALOGUE.find((l) => l.id === progress.lastLab && l.available) : undefined;
  const entry = inPack ? null : (last ?? firstListedLab());
  const target = inPack?.lab ?? entry;
  if (!target) return null;
  const resuming = inPack !== null || last !== undefined;
  const step = progress.labs[target.id]?.step ?? 0;
  const where = entry
    ? t('home.where', { title: labText.entry(entry).title, step: step + 1, chapters: entry.chapters.join(', ') })
    : t('home.wherePack', { title: target.title, step: step + 1, pack: inPack!.pack.name });
  return (
    <section className="panel start-card" aria-labelledby="continue-heading">
      <div>
        <h2 id="continue-heading">{resuming ? t('home.continueTitle') : t('home.startTitle')}</h2>
        <p className="muted">{where}</p>
      </div>
      <button type="button" className="btn primary" onClick={() => navigate({ name: 'lab', labId: target.id, step })}>
        {resuming ? t('home.continue') : t('home.startFirst')}
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
