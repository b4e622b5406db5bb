// The house rules are enforced by tools, and these tests show the tools catch what they must:
// the engine's tsconfig makes DOM, Node and timer use a type error, and ESLint's zone rules
// refuse upward imports and non-deterministic calls.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function engineTypeErrors(code: string): string[] {
  const configPath = join(root, 'engine', 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(root, 'engine'));
  const file = join(root, 'engine', '__probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (p) => (p === file ? code : read(p));
  const exists = host.fileExists.bind(host);
  host.fileExists = (p) => p === file || exists(p);
  const program = ts.createProgram([file], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('engine tsconfig', () => {
  it('accepts plain ES2022 code', () => {
    expect(engineTypeErrors('export const x: number = [1, 2].map((n) => n * 2).length;')).toEqual([]);
  });
  it.each([
    ['window', 'export const w = window.innerWidth;', /Cannot find name 'window'/],
    ['document', 'export const d = document.title;', /Cannot find name 'document'/],
    ['setTimeout', 'setTimeout(() => {}, 1);', /Cannot find name 'setTimeout'/],
    [
      'a Node module',
      "import { readFileSync } from 'node:fs'; export const f = readFileSync;",
      /Cannot find module 'node:fs'/,
    ],
    ['process', 'export const e = process.env;', /Cannot find name 'process'/],
  ])('rejects %s', (_what, code, message) => {
    expect(engineTypeErrors(code).join('\n')).toMatch(message);
  });
});

describe('ESLint layering and determinism rules', () => {
  const eslint = new ESLint({ cwd: root });
  async function messages(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('refuses Math.random, Date.now, new Date() and timers in the engine', async () => {
    const found = await messages(
      'export const a = Math.random();\nexport const b = Date.now();\nexport const c = new Date();\nsetTimeout(() => {}, 1);\n',
      'engine/cluster/probe.ts',
    );
    expect(found.join('\n')).toMatch(/createRng/);
    expect(found.join('\n')).toMatch(/kernel\.now/);
    expect(found.join('\n')).toMatch(/no timers/);
    expect(found.length).toBe(4);
  });

  it('refuses upward imports', async () => {
    expect(
      (
        await messages("import { x } from '../../renderer/app/App';\nexport const y = x;\n", 'engine/hdfs/probe.ts')
      ).join(),
    ).toMatch(/bottom layer/);
    expect(
      (await messages("import { x } from '../cluster/cluster';\nexport const y = x;\n", 'engine/core/probe.ts')).join(),
    ).toMatch(/imports nothing/);
    expect(
      (await messages("import { app } from 'electron';\nexport const y = app;\n", 'renderer/app/probe.ts')).join(),
    ).toMatch(/preload API/);
    expect(
      (await messages("import { x } from '../engine/core';\nexport const y = x;\n", 'electron/probe.ts')).join(),
    ).toMatch(/desktop shell/);
  });

  it('lets the engine import lower layers and the renderer import the engine', async () => {
    expect(
      await messages("import { Kernel } from '../core';\nexport const k = new Kernel();\n", 'engine/cluster/probe.ts'),
    ).toEqual([]);
    expect(
      await messages(
        "import { Kernel } from '../../engine/core';\nexport const k = new Kernel();\n",
        'renderer/app/probe.ts',
      ),
    ).toEqual([]);
  });
});
