// Every command and subcommand prints its usage for --help (or -h), wherever it stands among the
// arguments, and exits 0: `clusterlab pack build --help` once failed with "unknown option".
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

const commands = [
  ['run'],
  ['stream'],
  ['pipeline'],
  ['labs'],
  ['check'],
  ['lab', 'new'],
  ['export'],
  ['grade'],
  ['pack'],
  ['pack', 'test'],
  ['pack', 'build'],
  ['pack', 'build', 'some-folder'],
];

it.each(commands)('clusterlab %s … --help prints its usage, exit 0', async (...words) => {
  for (const flag of ['--help', '-h']) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...words, flag], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: tmpdir() });
    expect({ code, err: err.join('') }).toEqual({ code: 0, err: '' });
    expect(out.join('')).toMatch(new RegExp(`^Usage: clusterlab ${words[0]}`));
  }
});

// `clusterlab help X` is `clusterlab X --help`: the same text and exit code, for every command.
it.each(commands)('clusterlab help %s … prints what --help does', async (...words) => {
  const say = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: tmpdir() });
    return { code, out: out.join(''), err: err.join('') };
  };
  const help = await say(['help', ...words]);
  expect(help).toEqual(await say([...words, '--help']));
  expect(help.code).toBe(0);
});

it('clusterlab help NOPE names the unknown command (exit 2); help alone is the general usage', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: tmpdir() };
  expect(await main(['help', 'nope'], io)).toBe(2);
  expect(err.join('')).toMatch(/^clusterlab: unknown command 'nope'/);
  expect(await main(['help'], io)).toBe(0);
  expect(out.join('')).toMatch(/^Usage: clusterlab <command>[^]*'clusterlab help <command>'/);
});

it('clusterlab --version prints the version in package.json, loaded only when asked', async () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([flag], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: tmpdir() });
    expect({ code, out: out.join(''), err: err.join('') }).toEqual({
      code: 0,
      out: `clusterlab ${version}\n`,
      err: '',
    });
  }
  // `clusterlab --help` stays cheap: main.ts imports package.json (appVersion.ts) only for --version.
  const source = readFileSync(join(__dirname, 'main.ts'), 'utf8');
  expect(source).not.toMatch(/^import .*appVersion/m);
  expect(source).toMatch(/await import\('\.\/appVersion'\)/);
});
