// The CLI sends a job's big input to its sandbox processes through files (cli/bytesSpool.ts):
// the message and what the child reads back must be the same, what the engine handed the host
// must not change, no file may be left behind, and a real run must give the same answers.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../engine/core';
import { runJob } from '../engine/api';
import { BytesSpool, SPOOL_MIN_BYTES, neighbourRuns, spooledMessages, unspool } from './bytesSpool';
import { madeSpoolFolder } from './spoolFolder';
import { createNodeSandboxPool } from './sandboxPool';

// The folder this test process made (its exit removes it in the CLI; a test worker may not exit so).
afterAll(() => {
  const dir = madeSpoolFolder();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
/** The child's side, in this process: the host is this process. */
const unspoolHere = (raw: unknown) => unspool(raw, process.pid);

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);

describe('BytesSpool', () => {
  it('leaves small messages and other kinds of message as they are', () => {
    const spool = new BytesSpool();
    const small = { type: 'map', id: 1, task: { taskIndex: 0, bytes: bytes(100, 1) } };
    expect(spool.wrap(small)).toBe(small);
    const other = { type: 'reduce', id: 2, task: { bytes: bytes(SPOOL_MIN_BYTES, 1) } };
    expect(spool.wrap(other)).toBe(other);
    expect(spool.wrap(null)).toBe(null);
    expect(spool.wrap({ type: 'mapBatch', tasks: 'no' })).toEqual({ type: 'mapBatch', tasks: 'no' });
  });

  it("moves a batch's and a host reply's bytes to a file and back, the message handed to it unchanged", () => {
    const spool = new BytesSpool();
    const a = bytes(SPOOL_MIN_BYTES, 1);
    const b = bytes(1000, 2).subarray(10, 600);
    const batch = {
      type: 'mapBatch',
      tasks: [
        { id: 1, task: { taskIndex: 0, baseOffset: 0, bytes: a } },
        { id: 2, task: { taskIndex: 1, baseOffset: 5, bytes: b } },
      ],
    };
    const sent = spool.wrap(batch) as { type: string; file: string; lengths: number[] };
    expect(sent.type).toBe('spooled');
    expect(sent.lengths).toEqual([a.length, b.length]);
    expect(JSON.stringify(sent).length).toBeLessThan(1000);
    expect(batch.tasks[0]!.task.bytes).toBe(a); // the engine's task is its own still
    expect(existsSync(sent.file)).toBe(true);
    const got = unspoolHere(structuredClone(sent)) as typeof batch;
    expect(got).toEqual(batch);
    expect(Array.from(got.tasks[1]!.task.bytes)).toEqual(Array.from(b));
    expect(existsSync(sent.file)).toBe(false); // read, then deleted

    const files = [{ path: '/in/a.txt', bytes: bytes(SPOOL_MIN_BYTES + 1, 3), blockSize: 1024 }];
    const reply = { type: 'hostReply', id: 3, requestId: 4, files, error: null };
    const back = unspoolHere(structuredClone(spool.wrap(reply))) as typeof reply;
    expect(back).toEqual(reply);
    expect(reply.files[0]!.bytes.length).toBe(SPOOL_MIN_BYTES + 1);
  });

  it("sends a small batch's arrays as one, neighbours in one buffer as one view of it", () => {
    const spool = new BytesSpool();
    const file = bytes(3000, 6);
    const [a, b, c] = [file.subarray(0, 1000), file.subarray(1000, 1800), bytes(500, 7)];
    const batch = {
      type: 'mapBatch',
      tasks: [a, b, c].map((x, i) => ({ id: i + 1, task: { taskIndex: i, bytes: x } })),
    };
    const sent = spool.wrap(batch) as { type: string; bytes: Uint8Array; lengths: number[]; message: typeof batch };
    expect(sent.type).toBe('joinedBytes');
    expect(sent.lengths).toEqual([1000, 800, 500]);
    expect(sent.bytes.length).toBe(2300);
    expect(sent.message.tasks.map((t) => t.task.bytes)).toEqual([null, null, null]); // no array per task on the wire
    expect(batch.tasks[2]!.task.bytes).toBe(c); // the engine's task is its own still
    const got = unspoolHere(structuredClone(sent)) as typeof batch;
    expect(got).toEqual(batch);

    // Neighbours only: one view of their buffer, nothing copied.
    const neighbours = spool.wrap({ ...batch, tasks: batch.tasks.slice(0, 2) }) as { bytes: Uint8Array };
    expect(neighbours.bytes.buffer).toBe(file.buffer);
    expect(neighbours.bytes.byteOffset).toBe(0);
    expect(neighbours.bytes.length).toBe(1800);
    expect(neighbourRuns([a, b, c])).toEqual([file.subarray(0, 1800), c]);
    expect(neighbourRuns([b, a])).toEqual([b, a]); // out of order: two runs

    expect(() => unspoolHere({ ...sent, lengths: [1000, 800] })).toThrow(/malformed joined-bytes message/);
    expect(() => unspoolHere({ ...sent, bytes: 'no' })).toThrow(/malformed joined-bytes message/);
    expect(() => unspoolHere({ ...sent, message: { type: 'mapBatch', tasks: [] } })).toThrow(/malformed/);
  });

  it('removes what its child did not read when the child ends', () => {
    const spool = new BytesSpool();
    const sent = spool.wrap({ type: 'map', id: 1, task: { bytes: bytes(SPOOL_MIN_BYTES, 4) } }) as { file: string };
    expect(existsSync(sent.file)).toBe(true);
    spool.close();
    expect(existsSync(sent.file)).toBe(false);
  });

  it('says what went wrong when the file is gone or the message is malformed', () => {
    const spool = new BytesSpool();
    const sent = spool.wrap({ type: 'map', id: 1, task: { bytes: bytes(SPOOL_MIN_BYTES, 5) } }) as { file: string };
    rmSync(sent.file);
    expect(() => unspoolHere(sent)).toThrow(/internal error: the sandbox could not read the input .*\(ENOENT/);
    expect(() => unspoolHere({ type: 'spooled', file: '/etc/passwd', lengths: [1], message: {} })).toThrow(/malformed/);
    expect(() => unspoolHere({ type: 'spooled', file: sent.file, lengths: [-1], message: {} })).toThrow(/malformed/);
    // Only a file of the CLI that forked the child.
    expect(() => unspool({ ...sent, lengths: [0] })).toThrow(/malformed/);
    expect(unspoolHere({ type: 'map', id: 1 })).toEqual({ type: 'map', id: 1 });
  });
});

describe('a run whose input goes through the spool', () => {
  it('gives the same answers as the words in its input, and leaves no file', async () => {
    // 3 MB of words in 512 KB blocks: each map task's message is spooled, and so is the file a Spark driver reads.
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    const lines: string[] = [];
    const expected = new Map<string, number>();
    let size = 0;
    for (let i = 0; size < 3 * 1024 * 1024; i++) {
      const line = `${words[i % 5]} ${words[(i * 7) % 5]} ${words[(i * 3 + 1) % 5]}`;
      for (const w of line.split(' ')) expected.set(w, (expected.get(w) ?? 0) + 1);
      lines.push(line);
      size += line.length + 1;
    }
    const file = { path: '/in/words.txt', bytes: encodeUtf8(`${lines.join('\n')}\n`) };
    const pool = await createNodeSandboxPool({ size: 2, timeoutSeconds: 120, log: () => {} });
    const before = spooledMessages();
    try {
      const run = (fileName: string, code: string) =>
        runJob({
          source: { fileName, code },
          runner: pool,
          cluster: 'classroom',
          seed: 1,
          blockSize: 512 * 1024,
          files: [file],
          snapshots: false,
        });
      const mr = await run(
        'words.js',
        `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/count', numReduceTasks: 2,
          map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
          combine(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
          reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); } };`,
      );
      expect(new Map(mr.result as [string, number][])).toEqual(expected);
      const spark = await run('lines.js', `exports.default = async (sc) => sc.textFile('/in/words.txt').count();`);
      expect(spark.result).toBe(lines.length);
      expect(spooledMessages()).toBeGreaterThan(before); // it went through the spool, not IPC
      expect(readdirSync(madeSpoolFolder()!)).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
