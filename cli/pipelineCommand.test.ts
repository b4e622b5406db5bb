import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CliIo, UsageError } from './cliIo';
import { pipelineCommand } from './pipelineCommand';

const root = resolve(__dirname, '..');

async function run(argv: string[], cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  try {
    const code = await pipelineCommand(argv, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: out.join(''), stderr: e.message };
    throw e;
  }
}

const file = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  writeFileSync(join(dir, 'p.json'), text);
  return { dir, path: 'p.json' };
};

describe('clusterlab pipeline', () => {
  it('runs the blueprint example: every event displayed, the parts and the latency printed', async () => {
    const r = await run(['labs/examples/pipelines/blueprint.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/displayed\s+10,000/);
    expect(r.stdout).toMatch(/Latency from client to display: median/);
    expect(r.stdout).toMatch(/lake\s+hdfs\s+n1/);
    const json = await run(['labs/examples/pipelines/blueprint.json', '--json', '--seed', '4']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ produced: 10_000, displayed: 10_000, lost: 0 });
  });

  it('exits 1 when events are not displayed, and names the file, line and field of a bad one', async () => {
    const stopped = JSON.parse(
      JSON.stringify({
        faults: [{ atMs: 0, kind: 'stopPart', part: 'dashboard' }],
      }),
    ) as { faults: unknown[] };
    const blueprint = JSON.parse(
      (await import('node:fs')).readFileSync(join(root, 'labs/examples/pipelines/blueprint.json'), 'utf8'),
    ) as Record<string, unknown>;
    const f = file(JSON.stringify({ ...blueprint, ...stopped }, null, 2));
    const r = await run([f.path], f.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/displayed\s+0\b/);
    const bad = file(
      '{\n  "parts": [\n    { "id": "c", "type": "clients", "settings": { "events": -5 } }\n  ],\n  "wires": []\n}',
    );
    const e = await run([bad.path], bad.dir);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('p.json:3:51: parts[0].settings.events: must be a number from 1 to 200,000 (events), got -5');
    const deep = file(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect((await run([deep.path], deep.dir)).stderr).toBe('p.json:1:1: pipeline: must be an object, got a list');
    const notJson = file('{ "parts": [ }');
    expect((await run([notJson.path], notJson.dir)).stderr).toMatch(/^p\.json:1:\d+: not valid JSON/);
    expect((await run([])).stderr).toMatch(/missing the pipeline FILE/);
    expect((await run(['--help'])).stdout).toMatch(/^Usage: clusterlab pipeline FILE/);
  });
});
