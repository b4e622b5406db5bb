/**
 * Monaco, bundled and offline: the editor and TypeScript workers come from the app's own
 * files (Vite `?worker`), and @monaco-editor/react is pointed at the local monaco-editor
 * instead of its default CDN.
 */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco };
