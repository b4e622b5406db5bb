import { describe, expect, it } from 'vitest';
import { modelPath, monacoLanguage } from './monacoModel';

describe('monacoModel', () => {
  it('checks JavaScript and TypeScript in the one typescript mode (one compiler worker), JSON in its own', () => {
    expect(monacoLanguage('javascript')).toBe('typescript');
    expect(monacoLanguage('typescript')).toBe('typescript');
    expect(monacoLanguage('json')).toBe('json');
  });

  it("keeps a given file name and otherwise names the model with its language's extension", () => {
    expect(modelPath('file:///sandbox/job.ts', 'javascript', ':r1:')).toBe('file:///sandbox/job.ts');
    expect(modelPath(undefined, 'javascript', ':r1:')).toBe('file:///editor/r1.js');
    expect(modelPath(undefined, 'typescript', '«r1»')).toBe('file:///editor/r1.ts');
    expect(modelPath(undefined, 'json', ':r2:')).toBe('file:///editor/r2.json');
    // A learner's file name names the model (Monaco's problem list shows it), in the editor's own folder.
    expect(modelPath(undefined, 'javascript', '_r_2_', 'gps-at-least-once.js')).toBe(
      'file:///editor/_r_2_/gps-at-least-once.js',
    );
    // The language decides the extension: the TypeScript service tells the two apart by it.
    expect(modelPath(undefined, 'typescript', ':r3:', 'daily.js')).toBe('file:///editor/r3/daily.ts');
    expect(modelPath(undefined, 'json', ':r4:', 'pipe line?.json')).toBe('file:///editor/r4/pipeline.json');
  });
});
