import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RDD_METHODS } from './rddHandle';

/**
 * The bodies of `interface RDD<T>` in labs/jobApi/ (the editor's and the labs' types): rdd.d.ts
 * declares its transformations, actions and numeric functions, pairRdd.d.ts its pair functions.
 */
function declaredRddBody(): string {
  return ['rdd.d.ts', 'pairRdd.d.ts']
    .map((file) => {
      const text = readFileSync(new URL(`../../labs/jobApi/${file}`, import.meta.url), 'utf8');
      const start = text.indexOf('interface RDD<T> {');
      expect(start, `interface RDD<T> in ${file}`).toBeGreaterThanOrEqual(0);
      return text.slice(start, text.indexOf('\n}\n', start));
    })
    .join('\n');
}

/** The method names of `interface RDD<T>`. */
function declaredRddMethods(): string[] {
  return [...new Set([...declaredRddBody().matchAll(/^ {2}(\w+)\s*[<(]/gm)].map((m) => m[1]!))].sort();
}

describe('the RDD API declared for the editor is the one the runtime has', () => {
  it('declares every runtime method, and the runtime has every declared one', () => {
    expect(declaredRddMethods()).toEqual([...RDD_METHODS].sort());
  });

  it('names the Spark counterpart of every declared method in its JSDoc', () => {
    const body = declaredRddBody();
    for (const name of RDD_METHODS) {
      const at = body.search(new RegExp(`^ {2}${name}\\s*[<(]`, 'm'));
      const doc = body.slice(Math.max(0, body.lastIndexOf('/**', at)), at);
      expect(doc, name).toMatch(/Spark: |PySpark: /);
    }
  });
});
