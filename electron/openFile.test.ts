// Opening `.clusterlab` files with the app: real files in a temp folder, read through node:fs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clusterlabPathsInArgv,
  createOpenFileQueue,
  filesToOpen,
  MAX_FILES_PER_START,
  readOpenedFile,
} from './openFile';
import { MAX_OPEN_FILE_BYTES, type OpenedFile } from './preloadApi';

const fs = { stat, readFile };
const dir = mkdtempSync(join(tmpdir(), 'clusterlab-open-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('clusterlabPathsInArgv', () => {
  it('keeps .clusterlab paths (any case) and drops flags and other arguments', () => {
    expect(
      clusterlabPathsInArgv([
        '.',
        '--inspect=9229',
        '/home/a/week1.clusterlab',
        'notes.txt',
        'B.CLUSTERLAB',
        '-x.clusterlab',
      ]),
    ).toEqual(['/home/a/week1.clusterlab', 'B.CLUSTERLAB']);
  });
});

describe('filesToOpen', () => {
  it(`opens at most ${MAX_FILES_PER_START} files from one start and says how many it left`, () => {
    const many = Array.from({ length: MAX_FILES_PER_START + 3 }, (_, i) => `f${i}.clusterlab`);
    const { paths, refused } = filesToOpen(many);
    expect(paths).toEqual(many.slice(0, MAX_FILES_PER_START));
    expect(refused).toBe(
      `3 of the ${MAX_FILES_PER_START + 3} .clusterlab files given were not opened: ClusterLab opens at most ${MAX_FILES_PER_START} at once.`,
    );
    expect(filesToOpen(['a.clusterlab'])).toEqual({ paths: ['a.clusterlab'], refused: null });
  });
});

describe('readOpenedFile', () => {
  it('reads a .clusterlab file as { name, text }', async () => {
    const path = file('ada.clusterlab', '{"format":"clusterlab-progress","student":"Ada Ü"}');
    expect(await readOpenedFile(path, fs)).toEqual({
      name: 'ada.clusterlab',
      text: '{"format":"clusterlab-progress","student":"Ada Ü"}',
    });
  });

  it('refuses other extensions, missing files and folders, naming the file', async () => {
    await expect(readOpenedFile(file('x.json', '{}'), fs)).rejects.toThrow(/x\.json'.*only \.clusterlab files/);
    await expect(readOpenedFile(join(dir, 'gone.clusterlab'), fs)).rejects.toThrow(/gone\.clusterlab': no such file/);
    mkdirSync(join(dir, 'folder.clusterlab'));
    await expect(readOpenedFile(join(dir, 'folder.clusterlab'), fs)).rejects.toThrow(
      /folder\.clusterlab': it is not a file/,
    );
  });

  it('refuses a file over the limit before reading it', async () => {
    const path = file('huge.clusterlab', Buffer.alloc(MAX_OPEN_FILE_BYTES + 1, 0x20));
    let reads = 0;
    const counting = { stat, readFile: (p: string) => (reads++, readFile(p)) };
    await expect(readOpenedFile(path, counting)).rejects.toThrow(
      /huge\.clusterlab': it is 32\.0 MB, over the 32\.0 MB limit/,
    );
    expect(reads).toBe(0);
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const path = file('grows.clusterlab', '{}');
    const growing = { stat, readFile: async () => Buffer.alloc(MAX_OPEN_FILE_BYTES + 10, 0x20) };
    await expect(readOpenedFile(path, growing)).rejects.toThrow(/over the 32\.0 MB limit/);
  });

  it('refuses binary content (NUL bytes, invalid UTF-8)', async () => {
    await expect(readOpenedFile(file('nul.clusterlab', Buffer.from([0x7b, 0x00, 0x7d])), fs)).rejects.toThrow(
      /nul\.clusterlab': it is not UTF-8 text/,
    );
    await expect(readOpenedFile(file('latin1.clusterlab', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), fs)).rejects.toThrow(
      /not UTF-8 text/,
    );
  });
});

describe('createOpenFileQueue', () => {
  it('holds files opened before the page is ready and delivers everything in order', async () => {
    const sent: OpenedFile[] = [];
    const refused: string[] = [];
    const queue = createOpenFileQueue(fs, { send: (f) => sent.push(f), refuse: (m) => refused.push(m) });
    const a = file('a.clusterlab', 'A');
    const b = file('b.clusterlab', 'B');
    const c = file('c.clusterlab', 'C');
    void queue.open(a);
    await queue.open(join(dir, 'missing.clusterlab'));
    await queue.open(b);
    expect(sent).toEqual([]);
    expect(refused).toEqual([expect.stringMatching(/missing\.clusterlab': no such file/)]);
    queue.ready();
    await queue.open(c);
    expect(sent.map((f) => f.text)).toEqual(['A', 'B', 'C']);
  });
});
