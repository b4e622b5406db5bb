// Every command and subcommand prints its usage for --help (or -h), wherever it stands among the
// arguments, and exits 0: `clusterlab pack build --help` once failed with "unknown option".
import { expect, it } from 'vitest';
import { tmpdir } from 'node:os';
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
