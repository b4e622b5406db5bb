// `clusterlab run` forks its sandbox processes before it has read its arguments (cli/runPrestart.ts):
// a run that stops early must end them, or their IPC channels would keep the command from exiting.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the run command with prestarted sandbox processes', () => {
  it('ends them and exits when it stops before the pool is made', () => {
    for (const args of [['no-such-job.js'], ['labs/examples/jobs/iot-daily-average.js', '--nodes', '0']]) {
      const r = cli(args);
      expect(r.error).toBeUndefined(); // not killed by the timeout
      expect(r.status).toBe(2);
    }
  });

  it('hands them to a pool of the size CLUSTERLAB_WORKERS asks for, with the answer of one worker', () => {
    const job = ['labs/examples/jobs/iot-daily-average.js', '--json'];
    const r = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', ...job], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CLUSTERLAB_WORKERS: '3' },
    });
    const one = cli([...job, '--workers', '1']);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(one.stdout);
  });
});
