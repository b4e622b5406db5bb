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
  });
});
