/** The code editor, loaded on first use (Monaco is several megabytes) with a loading note meanwhile. */
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

const CodeEditor = lazy(() => import('./CodeEditor'));

export function LazyCodeEditor(props: CodeEditorProps) {
  const { t } = useTranslation('common');
  return (
    <Suspense
      fallback={
        <div className="loading" role="status">
          <span className="spinner" /> {t('loadingEditor')}
        </div>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
