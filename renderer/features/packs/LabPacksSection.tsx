/**
 * The home page's "Lab packs" section: "Open a lab pack…" (a `.clusterlab` file, its size checked
 * before it is read), each open pack under its name with its author, description and labs (each
 * with its status, opening on the lab page), "Remove" per pack, and the messages: why a pack was
 * refused (file, line, field), packs dropped at start, packs that will not be kept.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PACK_LIMITS } from '../../../labs/packs/packFiles';
import { labStatus, type LabStatus } from '../../state/progress';
import { useAppStore } from '../../state/store';
import { formatBytes } from './packSize';
import { askAboutPack } from './packConfirm';
import { PackConfirmDialog } from './PackConfirmDialog';
import { dismissPackMessages, ensureKeptPacksLoaded, removePack, usePacks } from './packStore';
import { refusedWhere } from './refusedWhere';
import { openPackText } from './openPack';
import type { OpenPack } from './openPacks';
import './packs.css';

/** The largest `.clusterlab` file read (bytes): an archive's characters, each up to 4 bytes in UTF-8. */
export const MAX_PACK_FILE_BYTES = PACK_LIMITS.totalChars * 2;

const STATUS_KEY: Record<LabStatus, string> = {
  'not-started': 'notStarted',
  'in-progress': 'inProgress',
  done: 'done',
};

export function LabPacksSection() {
  const { t } = useTranslation('packs');
  const { packs, loaded, kept, notices, refused } = usePacks();
  const language = useAppStore((state) => state.language);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => void ensureKeptPacksLoaded(), []);

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_PACK_FILE_BYTES) {
      usePacks.setState({
        refused: {
          fileName: file.name,
          message: t('tooBig', {
            file: file.name,
            size: formatBytes(file.size),
            max: formatBytes(MAX_PACK_FILE_BYTES),
          }),
        },
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      usePacks.setState({ refused: { fileName: file.name, message: t('unreadable', { file: file.name }) } });
      return;
    }
    await openPackText(file.name, text);
  };

  return (
    <section className="panel lab-packs" aria-labelledby={`${id}-title`} data-packs-loaded={loaded ? 'yes' : 'no'}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <input
        ref={input}
        type="file"
        accept=".clusterlab"
        className="pack-file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void onFile(e)}
      />
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {t('open')}
      </button>
      {refused && (
        <div className="pack-refused" role="alert">
          <strong>{t('refused', { file: refused.fileName })}</strong>
          {refused.where && language !== 'en' && <span>{refusedWhere(refused.where)}</span>}
          <code>{refused.message}</code>
        </div>
      )}
      {!kept && <p className="pack-notice">{t('notKept')}</p>}
      {notices.map((n, i) => (
        <p key={i} className="pack-notice" role="status">
          {t(n.key, n.values)}
        </p>
      ))}
      {(refused || notices.length > 0) && (
        <button type="button" className="btn small" onClick={dismissPackMessages}>
          {t('dismiss')}
        </button>
      )}
      {packs.map((pack) => (
        <PackLabs key={pack.manifest.id} pack={pack} />
      ))}
      <PackConfirmDialog />
    </section>
  );
}

function PackLabs({ pack }: { pack: OpenPack }) {
  const { t } = useTranslation('packs');
  const progress = useAppStore((s) => s.progress);
  const navigate = useAppStore((s) => s.navigate);
  const { manifest } = pack;
  const onRemove = async () => {
    if (await askAboutPack('remove', manifest.name)) await removePack(manifest.id);
  };
  return (
    <div className="pack" data-pack={manifest.id}>
      <div className="pack-head">
        <h3>{manifest.name}</h3>
        <button
          type="button"
          className="btn small"
          aria-label={t('removeNamed', { name: manifest.name })}
          onClick={() => void onRemove()}
        >
          {t('remove')}
        </button>
      </div>
      {manifest.author && <p className="muted pack-author">{t('by', { author: manifest.author })}</p>}
      {manifest.description && <p className="muted pack-description">{manifest.description}</p>}
      <ul className="lab-list">
        {pack.labs.map((lab) => {
          const status = labStatus(
            progress,
            lab.id,
            lab.steps.map((s) => s.id),
          );
          return (
            <li key={lab.id} data-lab={lab.id} data-status={status}>
              <button
                type="button"
                className="lab-item available"
                onClick={() => navigate({ name: 'lab', labId: lab.id, step: progress.labs[lab.id]?.step ?? 0 })}
              >
                <span className="title">{lab.title}</span>
                <span className={`badge ${status === 'done' ? 'ok' : status === 'in-progress' ? 'warn' : ''}`}>
                  {t(STATUS_KEY[status])}
                </span>
                <span className="meta">{t('meta', { minutes: lab.minutes, summary: lab.summary })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
