/**
 * Monaco, bundled and offline: the editor and TypeScript workers come from the app's own
 * files (Vite `?worker`), and @monaco-editor/react is pointed at the local monaco-editor
 * instead of its default CDN.
 */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { whenRunsIdle } from '../../bridge/runActivity';
import { HeldWorker } from './heldWorker';
import { whenLanguageServiceWanted } from './languageServiceStart';
import { JOB_API_DTS } from './jobApiTypes';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    // It starts once the learner may need it, and its language service begins, only while no run
    // computes (heldWorker.ts): Monaco takes the wrapper for a Worker.
    if (label === 'typescript' || label === 'javascript')
      return new HeldWorker(() => new TsWorker(), whenRunsIdle, whenLanguageServiceWanted) as unknown as Worker;
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

// The job API's types, for autocomplete and squiggles in JavaScript and TypeScript job files, both
// of which the typescript mode serves (monacoModel.ts: the javascript mode is never used).
const ts = monaco.typescript;
const defaults = ts.typescriptDefaults;
defaults.addExtraLib(JOB_API_DTS, 'file:///clusterlab/job-api.d.ts');
defaults.setCompilerOptions({
  ...defaults.getCompilerOptions(),
  target: ts.ScriptTarget.ES2020,
  lib: ['es2020'],
  allowNonTsExtensions: true,
  // JavaScript files get completions and syntax errors but no type errors, as Monaco's javascript
  // mode gave them (valid JavaScript such as `let best = 0; best = 'w';` is not underlined).
  allowJs: true,
  checkJs: false,
  strict: false,
  noImplicitAny: false,
});

export { monaco };
