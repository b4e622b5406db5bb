import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RDD_METHODS } from './rddHandle';

/** The method names of `interface RDD<T>` in labs/jobApi.d.ts (the editor's and the labs' types). */
function declaredRddMethods(): string[] {
  const text = readFileSync(new URL('../../labs/jobApi.d.ts', import.meta.url), 'utf8');
  const start = text.indexOf('interface RDD<T> {');
  const body = text.slice(start, text.indexOf('\n}\n', start));
  return [...new Set([...body.matchAll(/^ {2}(\w+)\s*[<(]/gm)].map((m) => m[1]!))].sort();
}

describe('the RDD API declared for the editor is the one the runtime has', () => {
  it('declares every runtime method, and the runtime has every declared one', () => {
    expect(declaredRddMethods()).toEqual([...RDD_METHODS].sort());
  });

  it('names the Spark counterpart of every declared method in its JSDoc', () => {
    const text = readFileSync(new URL('../../labs/jobApi.d.ts', import.meta.url), 'utf8');
    const start = text.indexOf('interface RDD<T> {');
    const body = text.slice(start, text.indexOf('\n}\n', start));
    for (const name of RDD_METHODS) {
      const at = body.search(new RegExp(`^ {2}${name}\\s*[<(]`, 'm'));
      const doc = body.slice(Math.max(0, body.lastIndexOf('/**', at)), at);
      expect(doc, name).toMatch(/Spark: |PySpark: /);
    }
  });
});
