import { describe, expect, it } from 'vitest';
import { exitReason, forkSandboxProcess, residentLimitMb, sandboxEntry, workerMemoryMb } from './sandboxProcess';

describe('exitReason', () => {
  it('names the memory limit for the ways V8 and the system end a process that ran out of memory', () => {
    for (const [code, signal] of [
      [null, 'SIGABRT'],
      [null, 'SIGTRAP'],
      [134, null],
      [133, null],
      [0xc0000409, null],
    ] as const)
      expect(exitReason(code, signal, 2048)).toBe('it used more than its memory limit of 2,048 MB');
    expect(exitReason(null, 'SIGKILL', 64)).toBe(
      'it used more than its memory limit of 64 MB, or the system stopped it',
    );
  });

  it('says how any other end happened', () => {
    expect(exitReason(3, null, 64)).toBe('it stopped unexpectedly (exit 3)');
    expect(exitReason(null, 'SIGHUP', 64)).toBe('it stopped unexpectedly (signal SIGHUP)');
  });
});

describe('the memory settings', () => {
  it('takes CLUSTERLAB_WORKER_MEMORY_MB from 64 to 16384, else 1024', () => {
    expect(workerMemoryMb({})).toBe(1024);
    expect(workerMemoryMb({ CLUSTERLAB_WORKER_MEMORY_MB: '64' })).toBe(64);
    for (const bad of ['63', '16385', '1.5', 'x', ''])
      expect(workerMemoryMb({ CLUSTERLAB_WORKER_MEMORY_MB: bad })).toBe(1024);
    expect(residentLimitMb(64)).toBe(576);
  });
});

describe('a sandbox process', () => {
  it('reports an end it did not ask for once, and nothing after kill()', { timeout: 60_000 }, async () => {
    const entry = await sandboxEntry('streamWorker');
    // A stream worker given a path it cannot load answers, then is killed: no exit report.
    const ends: string[] = [];
    const replies: unknown[] = [];
    await new Promise<void>((resolve) => {
      const child = forkSandboxProcess({
        entry,
        memoryMb: 64,
        onMessage(m) {
          replies.push(m);
          child.kill();
          setTimeout(resolve, 300);
        },
        onExit: (why) => ends.push(why),
      });
      child.send({ path: '/nonexistent/x.js', seed: 1, json: false, cwd: '/' });
    });
    expect(replies).toHaveLength(1);
    expect(ends).toEqual([]);
  });
});
