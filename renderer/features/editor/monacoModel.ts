/** How a job's text becomes a Monaco model: the language mode it is checked in and its file name. */

/** The languages the code editor edits. */
export type EditorLanguage = 'javascript' | 'typescript' | 'json';

/**
 * The Monaco language of a model: JavaScript and TypeScript both go to Monaco's `typescript`
 * mode, whose service tells them apart by the file's extension (as tsc does). Each mode has a
 * worker of its own that loads the whole TypeScript compiler (7 MB of script, seconds of CPU on a
 * classroom laptop): with one mode for both, switching between a JavaScript and a TypeScript
 * example does not start a second one beside the run the learner is waiting for.
 */
export function monacoLanguage(language: EditorLanguage): string {
  return language === 'json' ? 'json' : 'typescript';
}

/**
 * The model's file name: `path` as given, else one of this editor's own with the language's
 * extension. `name` (the learner's file, as the run's errors call it: `gps-at-least-once.js`)
 * names it, in a folder of this editor's own, so Monaco's problem list says that name and not the
 * editor's id.
 */
export function modelPath(path: string | undefined, language: EditorLanguage, id: string, name?: string) {
  if (path) return path;
  const extension = language === 'typescript' ? 'ts' : language === 'json' ? 'json' : 'js';
  const own = id.replace(/[^A-Za-z0-9_-]/g, '');
  const base = name?.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_.-]/g, '');
  return base ? `file:///editor/${own}/${base}.${extension}` : `file:///editor/${own}.${extension}`;
}
