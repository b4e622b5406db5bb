/** Hints revealed one at a time, each more explicit than the one before, rendered like the instructions. */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Markdown } from './Markdown';

export function HintsPanel({ hints }: { hints: string[] }) {
  const [shown, setShown] = useState(0);
  const { t } = useTranslation('lab');
  if (hints.length === 0) return null;
  return (
    <section aria-label={t('hints.title')} className="hints">
      {hints.slice(0, shown).map((hint, i) => (
        <div key={i} className="hint" data-testid="hint">
          <Markdown source={t('hints.hint', { n: i + 1, hint })} />
        </div>
      ))}
      {shown < hints.length && (
        <button type="button" className="btn small" onClick={() => setShown(shown + 1)}>
          {shown === 0 ? t('hints.first') : t('hints.another')} ({shown + 1}/{hints.length})
        </button>
      )}
    </section>
  );
}
