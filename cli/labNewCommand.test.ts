import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { labCommand } from './labNewCommand';
import { stringLiteral } from './labTemplate';
import { main } from './main';
import { createFunctionRunner } from '../engine/sandbox';
import { judgeLab } from '../labs/judgeLab';
import type { Lab } from '../labs/labTypes';
import { validateLab } from '../labs/validateLab';

const realLabs = join(process.cwd(), 'labs');
const root = mkdtempSync(join(tmpdir(), 'clusterlab-lab-new-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIo(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

/** A labs folder of its own with an empty lab list; the scaffold imports the real labs' helpers. */
function labsRoot(name: string): string {
  const labs = join(root, name, 'labs');
  mkdirSync(labs, { recursive: true });
  writeFileSync(join(labs, 'labList.ts'), '// the labs\n');
  return labs;
}

describe('clusterlab lab new', () => {
  it('scaffolds a lab that validates, passes the generic judgement and is formatted', async () => {
    const labsDir = labsRoot('one');
    const f = fakeIo(join(labsDir, '..'));
    expect(
      await labCommand(['new', 'word-count-basics', '--title', "Word count's basics"], f.io, {
        labsDir,
        supportDir: realLabs,
      }),
    ).toBe(0);
    expect(f.out.join('')).toMatch(
      /^Created labs\/word-count-basics\/ \(12 files\) and registered it in labs\/labList\.ts/,
    );
    expect(readFileSync(join(labsDir, 'labList.ts'), 'utf8')).toBe(
      "// the labs\nexport { default as wordCountBasics } from './word-count-basics/lab';\n",
    );

    const labDir = join(labsDir, 'word-count-basics');
    const { default: lab } = (await import(pathToFileURL(join(labDir, 'lab.ts')).href)) as { default: Lab };
    expect(validateLab(lab).title).toBe("Word count's basics");
    expect(lab.steps.map((s) => s.kind)).toEqual(['mapreduce', 'spark', 'hdfs']);
    expect(await judgeLab(lab, createFunctionRunner())).toEqual([]);

    const config = await prettier.resolveConfig(join(realLabs, 'labList.ts'));
    const files = readdirSync(labDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBe(12);
    for (const e of files) {
      const file = join(e.parentPath, e.name);
      const formatted = await prettier.check(readFileSync(file, 'utf8'), { ...config, filepath: file });
      expect(formatted, relative(labDir, file)).toBe(true);
    }
  });

  it('refuses a bad id, an existing folder or lab, and a folder without labs/labList.ts (exit 2)', async () => {
    const labsDir = labsRoot('two');
    mkdirSync(join(labsDir, 'taken'));
    const opts = { labsDir, supportDir: realLabs };
    const run = async (argv: string[]) => {
      const f = fakeIo();
      await expect(labCommand(argv, f.io, opts)).rejects.toThrow();
      return labCommand(argv, f.io, opts).catch((e: Error) => e.message);
    };
    expect(await run(['new', 'Kafka Topics'])).toMatch(/must be kebab-case/);
    expect(await run(['new', 'taken'])).toMatch(/exists already/);
    expect(await run(['new', 'hdfs-blocks'])).toMatch(/a lab 'hdfs-blocks' is registered already/);
    expect(await run(['new'])).toMatch(/missing the lab id/);
    expect(await run(['make', 'x'])).toMatch(/unknown subcommand 'make'/);
    const f = fakeIo(root);
    expect(await main(['lab', 'new', 'fresh-lab'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(
      /labs\/labList\.ts not found: run 'clusterlab lab new' in the ClusterLab project folder/,
    );
  });

  it('writes any title as a string literal that ends where it should', async () => {
    for (const text of ["it's", 'say "hi"', `both ' and "`, 'a \\ b', 'x\ny\r\u2028\u2029\u0000\u007f', '\\']) {
      const literal = stringLiteral(text);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(new Function(`return ${literal};`)()).toBe(text);
    }
    const labsDir = labsRoot('quotes');
    const title = `Ana's "word" count \\ basics`;
    const f = fakeIo(join(labsDir, '..'));
    expect(await labCommand(['new', 'quoted-title', '--title', title], f.io, { labsDir, supportDir: realLabs })).toBe(
      0,
    );
    const file = join(labsDir, 'quoted-title', 'lab.ts');
    const { default: lab } = (await import(pathToFileURL(file).href)) as { default: Lab };
    expect(validateLab(lab).title).toBe(title);
    const config = await prettier.resolveConfig(join(realLabs, 'labList.ts'));
    expect(await prettier.check(readFileSync(file, 'utf8'), { ...config, filepath: file })).toBe(true);
  });

  it('refuses a title with a line break, a control character or over 120 characters, and a bad id, writing nothing', async () => {
    const labsDir = labsRoot('refused');
    const opts = { labsDir, supportDir: realLabs };
    const refused = async (argv: string[]) => {
      const f = fakeIo(join(labsDir, '..'));
      const message = await labCommand(argv, f.io, opts).then(
        (code) => `exit ${code}`,
        (e: Error) => e.message,
      );
      expect(readdirSync(labsDir)).toEqual(['labList.ts']);
      expect(readFileSync(join(labsDir, 'labList.ts'), 'utf8')).toBe('// the labs\n');
      return message;
    };
    expect(await refused(['new', 'nl-title', '--title', 'Two\nlines'])).toMatch(
      /^--title: must be one line of plain text; character 4 is a line break or another control character \(U\+000A\)$/,
    );
    expect(await refused(['new', 'esc-title', '--title', 'Red \u001b[31m'])).toMatch(/^--title: .*U\+001B/);
    expect(await refused(['new', 'long-title', '--title', 'x'.repeat(121)])).toBe(
      '--title: must be at most 120 characters, got 121',
    );
    expect(await refused(['new', 'Bad_Id', '--title', 'Fine'])).toMatch(/must be kebab-case/);
    expect(await refused(['new', 'a'.repeat(61)])).toMatch(/must be kebab-case/);
    const f = fakeIo(join(labsDir, '..'));
    expect(await main(['lab', 'new', 'nl-title', '--title', 'Two\nlines'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/^clusterlab lab: --title: must be one line/);
    expect(readdirSync(labsDir)).toEqual(['labList.ts']);
  });
});
