/**
 * The packs' confirmation (replace a pack with a new version, remove a pack): a modal <dialog>
 * naming the pack; focus starts on Cancel, Esc cancels.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePackQuestion } from './packConfirm';

export function PackConfirmDialog() {
  const { t } = useTranslation(['packs', 'common']);
  const question = usePackQuestion((s) => s.question);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (question && !d.open) {
      d.showModal();
      cancel.current?.focus();
    } else if (!question && d.open) d.close();
  }, [question]);
  const kind = question?.kind ?? 'remove';
  return (
    <dialog
      ref={dialog}
      className="settings-dialog panel pack-confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={() => question?.answer(false)}
    >
      <h2 id={`${id}-title`}>{t(kind === 'replace' ? 'replaceTitle' : 'removeTitle')}</h2>
      <p id={`${id}-text`}>{t(kind === 'replace' ? 'replaceText' : 'removeText', { name: question?.name ?? '' })}</p>
      <div className="pack-confirm-buttons">
        <button ref={cancel} type="button" className="btn" onClick={() => question?.answer(false)}>
          {t('cancel')}
        </button>
        <button type="button" className="btn primary" onClick={() => question?.answer(true)}>
          {t(kind === 'replace' ? 'replace' : 'remove')}
        </button>
      </div>
    </dialog>
  );
}
