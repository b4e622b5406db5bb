import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../engine/sandbox';
import { warmUpRun } from './warmUpRun';

describe('warmUpRun', () => {
  it('takes a word count through the whole pipeline once, and ends its run', async () => {
    const pool = createFunctionRunner();
    let maps = 0;
    let reduces = 0;
    const runMaps = pool.runMapTasks.bind(pool);
    const runReduces = pool.runReduceTasks.bind(pool);
    pool.runMapTasks = (tasks) => ((maps += tasks.length), runMaps(tasks));
    pool.runReduceTasks = (tasks) => ((reduces += tasks.length), runReduces(tasks));
    await warmUpRun(pool);
    expect(maps).toBeGreaterThan(20);
    expect(reduces).toBe(2);
    expect(pool.running).toBe(false);
  });

  it('never throws, even when the sandbox fails', async () => {
    const pool = createFunctionRunner();
    pool.runMapTasks = () => Promise.reject(new Error('the sandbox crashed'));
    await expect(warmUpRun(pool)).resolves.toBeUndefined();
    expect(pool.running).toBe(false);
  });
});
