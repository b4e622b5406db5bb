/** Settings' way to the hand-in dialogs: "Hand in: export progress…" and "Import progress…". */
import { useTranslation } from 'react-i18next';
import { useHandInDialog } from './handInDialogState';

export function HandInButtons({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('handIn');
  const { openExport, openImport } = useHandInDialog();
  return (
    <div className="hand-in-buttons" role="group" aria-label={t('buttons.group')}>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => {
          onOpen();
          openExport();
        }}
      >
        {t('buttons.export')}
      </button>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => {
          onOpen();
          openImport();
        }}
      >
        {t('buttons.import')}
      </button>
    </div>
  );
}
