/**
 * Vitest global setup (unit and e2e): every test run gets a temporary folder of its own, and the
 * tests, the CLIs they start and the browsers they drive make theirs inside it (TMPDIR, TEMP and
 * TMP point there, and the test processes inherit them). The folder is removed when the run ends,
 * so a run leaves nothing in the system's temporary folder, whether or not a test cleans up after
 * itself (before this, every run left about 150 folders there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const names = ['TMPDIR', 'TEMP', 'TMP'] as const;
  const before = names.map((name) => process.env[name]);
  const folder = mkdtempSync(join(tmpdir(), 'clusterlab-tests-'));
  for (const name of names) process.env[name] = folder;
  return () => {
    names.forEach((name, i) => {
      if (before[i] === undefined) delete process.env[name];
      else process.env[name] = before[i];
    });
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  };
}
