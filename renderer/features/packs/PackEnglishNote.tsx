/**
 * For the lab page: a lab pack's lab is in English only, so in another language the page says so
 * above its texts; and a hook that loads the kept packs and tells when they are loaded.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { ensureKeptPacksLoaded, packOfLab, usePacks } from './packStore';
import './packs.css';

export function PackEnglishNote({ labId }: { labId: string }) {
  const { t } = useTranslation('packs');
  const language = useAppStore((s) => s.language);
  const inPack = usePacks((s) => s.packs.some((p) => p.labs.some((l) => l.id === labId)));
  if (!inPack || language === 'en' || !packOfLab(labId)) return null;
  return (
    <p className="muted pack-english-note" lang={language}>
      {t('englishOnly')}
    </p>
  );
}

/** Starts loading the kept packs (once) and is true when they are loaded. */
export function useKeptPacksLoaded(): boolean {
  useEffect(() => void ensureKeptPacksLoaded(), []);
  return usePacks((s) => s.loaded);
}
