/** The code editor, loaded on first use (Monaco is several megabytes) with a loading note meanwhile. */
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

const CodeEditor = lazy(() => import('./CodeEditor'));

export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="loading" role="status">
          <span className="spinner" /> Loading the editor…
        </div>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
