// The house rules are enforced by tools, and these tests show the tools catch what they must:
// the engine's tsconfig makes DOM, Node and timer use a type error, and ESLint's zone rules
// refuse upward imports (between the outer folders and between the engine's layers), deep imports
// past the engine's public entries, non-deterministic calls and floating promises.
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

/**
 * ESLint with type information reads the real tsconfig programs, so each probe is linted as the
 * text of an existing file (nothing is written); building the programs takes seconds.
 */
describe('ESLint layering, public entries, determinism and promise rules', { timeout: 180_000 }, () => {
  // With CI=true typescript-eslint infers a single run and reads each file from disk, not the
  // probe's text: these probes need the program to take the text they are given.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
  });
  async function messages(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('refuses Math.random, Date.now, new Date() and timers in the engine', async () => {
    const found = await messages(
      'export const a = Math.random();\nexport const b = Date.now();\nexport const c = new Date();\nsetTimeout(() => {}, 1);\n',
      'engine/cluster/cluster.ts',
    );
    expect(found.join('\n')).toMatch(/createRng/);
    expect(found.join('\n')).toMatch(/kernel\.now/);
    expect(found.join('\n')).toMatch(/no timers/);
    expect(found.length).toBe(4);
  });

  it('refuses imports from outer layers', async () => {
    expect(
      (
        await messages("import { x } from '../../renderer/app/App';\nexport const y = x;\n", 'engine/hdfs/hdfs.ts')
      ).join(),
    ).toMatch(/bottom layer/);
    expect(
      (await messages("import { app } from 'electron';\nexport const y = app;\n", 'renderer/app/App.tsx')).join(),
    ).toMatch(/preload API/);
    expect(
      (await messages("import { x } from '../engine/core';\nexport const y = x;\n", 'electron/main.ts')).join(),
    ).toMatch(/desktop shell/);
  });

  it.each([
    [
      'engine/core importing engine/cluster',
      "'../cluster/cluster'",
      'engine/core/kernel.ts',
      /engine\/core is below engine\/cluster/,
    ],
    ['engine/core importing engine/hdfs', "'../hdfs'", 'engine/core/kernel.ts', /engine\/core is below engine\/hdfs/],
    [
      'engine/hdfs importing engine/spark',
      "'../spark/rdd'",
      'engine/hdfs/hdfs.ts',
      /engine\/hdfs is below engine\/spark/,
    ],
    [
      'engine/yarn importing engine/exec',
      "'../exec'",
      'engine/yarn/container.ts',
      /engine\/yarn is below engine\/exec/,
    ],
    [
      'engine/exec importing engine/mapreduce',
      "'../mapreduce'",
      'engine/exec/lineSplits.ts',
      /below engine\/mapreduce/,
    ],
    [
      'engine/spark importing the sandbox above it',
      "'../sandbox/jobTaskExecutor'",
      'engine/spark/rdd.ts',
      /engine\/spark is below engine\/sandbox/,
    ],
    [
      'the sandbox contract importing the rest of the sandbox',
      "'../sandboxPoolCore'",
      'engine/sandbox/contract/taskRunner.ts',
      /engine\/sandbox\/contract is below/,
    ],
    [
      'engine/sandbox importing engine/api',
      "'../api'",
      'engine/sandbox/inProcessRunner.ts',
      /engine\/sandbox is below engine\/api/,
    ],
  ])('refuses an upward import inside the engine: %s', async (_what, from, file, message) => {
    const found = await messages(`import { x } from ${from};\nexport const y = x;\n`, file);
    expect(found.join('\n')).toMatch(message);
  });

  it('lets engine layers import the layers below them', async () => {
    expect(
      await messages(
        "import { Kernel } from '../core';\nexport const k = new Kernel();\n",
        'engine/cluster/cluster.ts',
      ),
    ).toEqual([]);
    expect(
      await messages(
        "import { toPlainData } from '../sandbox/contract';\nimport { Hdfs } from '../hdfs';\nexport const y = [toPlainData, Hdfs];\n",
        'engine/spark/rdd.ts',
      ),
    ).toEqual([]);
    expect(
      await messages(
        "import { runSparkDriver } from '../spark/sparkDriver';\nexport const y = runSparkDriver;\n",
        'engine/sandbox/jobTaskExecutor.ts',
      ),
    ).toEqual([]);
  });

  it("keeps renderer/, labs/ and cli/ on the engine's public entries", async () => {
    for (const [from, file] of [
      ["'../../engine/api/runJob'", 'renderer/bridge/engineWorker.ts'],
      ["'../../engine/sandbox/contract'", 'renderer/sandbox/sandboxWorker.ts'],
      ["'../engine/spark/sparkConf'", 'labs/runStep.ts'],
      ["'../engine/sandbox/sandboxPoolCore'", 'cli/sandboxPool.ts'],
      ["'../engine/sandbox/compile/compileJobSource'", 'cli/jobLoader.ts'],
      ["'../engine/sandbox/compile/compilePlainJob'", 'cli/jobLoader.ts'],
    ]) {
      expect((await messages(`import { x } from ${from};\nexport const y = x;\n`, file!)).join()).toMatch(
        /public entries/,
      );
    }
    expect(
      await messages(
        "import { runJob } from '../../engine/api';\nimport { Kernel } from '../../engine/core';\nimport { compileJobSource } from '../../engine/sandbox/compile';\nimport { compilePlainJob } from '../../engine/sandbox/compile/plain';\nexport const y = [runJob, Kernel, compileJobSource, compilePlainJob];\n",
        'renderer/bridge/engineWorker.ts',
      ),
    ).toEqual([]);
  });

  it('refuses floating promises and promises where a void callback is expected', async () => {
    const floating = await messages(
      'async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n',
      'engine/cluster/cluster.ts',
    );
    expect(floating.join()).toMatch(/no-floating-promises/);
    const misused = await messages(
      "async function save(): Promise<void> {}\nexport function go(button: HTMLElement): void {\n  button.addEventListener('click', async () => save());\n}\n",
      'renderer/app/Header.tsx',
    );
    expect(misused.join()).toMatch(/no-misused-promises/);
    expect(
      await messages(
        'async function save(): Promise<void> {}\nexport function go(): void {\n  // fire and forget on purpose\n  void save();\n}\n',
        'engine/cluster/cluster.ts',
      ),
    ).toEqual([]);
  });
});
