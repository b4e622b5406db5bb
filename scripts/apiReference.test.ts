// The job API reference (docs/job-api.md) is generated from labs/jobApi/ and must be fresh,
// with a counterpart (`@counterpart Spark: ... · PySpark: ...`) for every member.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_API_DTS, JOB_API_FILES } from '../renderer/features/editor/jobApiTypes';

const SCRIPT = join(import.meta.dirname, 'apiReference.mjs');
const JOB_API = join(import.meta.dirname, '..', 'labs', 'jobApi');

function apiDocs(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });
}

const DTS = `/** Emits pairs. */
interface Ctx<K = unknown> {
  /**
   * Writes one pair.
   * @counterpart Hadoop: Mapper.Context.write · PySpark: none
   */
  write(key: K, value: unknown): void;
  /** An overload, documented once. */
  read(key: string): unknown;
  read(
    key: number,
  ): unknown;
}
declare const log: { line(text: string): void };
`;

describe('docs/job-api.md', () => {
  it('is fresh and names a counterpart for every member (npm run api-docs)', () => {
    const r = apiDocs('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('lists interfaces and members with signatures, doc text and counterparts; --check names what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
    const dts = join(dir, 'api.d.ts');
    const doc = join(dir, 'api.md');
    writeFileSync(dts, DTS);
    expect(apiDocs('--check', '--dts', dts, '--doc', doc).stderr).toMatch(/api\.md does not exist/);
    expect(apiDocs('--dts', dts, '--doc', doc).status).toBe(0);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain('## Ctx\n\n```\ninterface Ctx<K = unknown>\n```\n\nEmits pairs.');
    expect(text).toContain(
      '### Ctx.write\n\n```\nwrite(key: K, value: unknown): void\n```\n\nWrites one pair.\n\nCounterpart: **Hadoop:** `Mapper.Context.write` · **PySpark:** `none`',
    );
    expect(text).toContain('### Ctx.read\n\n```\nread(key: string): unknown\nread(key: number): unknown\n```');
    expect(text).toContain('### log.line');
    const check = apiDocs('--check', '--dts', dts, '--doc', doc);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/members without a counterpart .*: Ctx\.read, log\.line\n$/);
    writeFileSync(dts, DTS.replace('Writes one pair.', 'Writes one key/value pair.'));
    expect(apiDocs('--check', '--dts', dts, '--doc', doc).stderr).toMatch(/api\.md is stale/);
  });

  it('--check names a counterpart left in the prose and a pair without a known system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
    const dts = join(dir, 'api.d.ts');
    const doc = join(dir, 'api.md');
    writeFileSync(
      dts,
      `interface Ctx {
  /** Writes one pair. Hadoop: Context.write. @counterpart Hadoop: TaskInputOutputContext.write */
  write(key: string, value: unknown): void;
  /** @counterpart Scala: Iterator.next · next */
  read(): unknown;
}
`,
    );
    expect(apiDocs('--dts', dts, '--doc', doc).status).toBe(0);
    const check = apiDocs('--check', '--dts', dts, '--doc', doc);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(
      'Ctx.write: a counterpart in the text ("Hadoop: ..."): move it into the @counterpart tag',
    );
    expect(check.stderr).toContain('Ctx.read: "Scala: Iterator.next" names no system');
    expect(check.stderr).toContain('Ctx.read: "next" names no system');
  });

  it('reads every file of labs/jobApi/ in order, and names a file its list leaves out or one that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
    const api = join(dir, 'jobApi');
    const doc = join(dir, 'api.md');
    cpSync(JOB_API, api, { recursive: true });
    expect(apiDocs('--dts', api, '--doc', doc).status).toBe(0);
    const text = readFileSync(doc, 'utf8');
    // The files' order: MapReduce, then the RDD (its pair functions, from pairRdd.d.ts, after its
    // numeric functions), SparkContext, then Spark SQL.
    const at = (heading: string) => text.indexOf(`\n${heading}\n`);
    const headings = [
      '## MapReduceJob',
      '## Broadcast',
      '### RDD.histogram',
      '### RDD.lookup',
      '## SparkContext',
      '## DataFrame',
      '## SparkSession',
    ];
    for (const h of headings) expect(at(h), h).toBeGreaterThan(0);
    expect(headings.map(at)).toEqual(headings.map(at).sort((a, b) => a - b));
    expect(text.match(/^## RDD$/gm)).toHaveLength(1);

    writeFileSync(join(api, 'kafka.d.ts'), 'interface Producer {}\n');
    rmSync(join(api, 'pairRdd.d.ts'));
    const check = apiDocs('--check', '--dts', api, '--doc', doc);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/kafka\.d\.ts is not in JOB_API_FILES \(scripts\/apiReference\.mjs\)/);
    expect(check.stderr).toMatch(/pairRdd\.d\.ts does not exist/);
  });
});

describe("the editor's job API declarations (renderer/features/editor/jobApiTypes.ts)", () => {
  it('are every file of labs/jobApi/, each as it is on disk', () => {
    const onDisk = readdirSync(JOB_API).filter((f) => f.endsWith('.d.ts'));
    expect(Object.keys(JOB_API_FILES).sort()).toEqual(onDisk.sort());
    for (const [name, text] of Object.entries(JOB_API_FILES))
      expect(text, name).toBe(readFileSync(join(JOB_API, name), 'utf8'));
  });

  it('are joined in the order of docs/job-api.md: the reference made from them is the same page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
    const dts = join(dir, 'job-api.d.ts');
    writeFileSync(dts, JOB_API_DTS);
    const check = apiDocs('--check', '--dts', dts, '--doc', join(import.meta.dirname, '..', 'docs', 'job-api.md'));
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
