#!/usr/bin/env node
// Prints the size of every installer in release/ (AppImage, deb, exe, dmg) and exits 1 when one
// is over the goal of 120 MB or when there is none. The release workflow runs it after building.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const release = join(dirname(fileURLToPath(import.meta.url)), '..', 'release');
export const GOAL_BYTES = 120 * 1024 * 1024;
const INSTALLER = /\.(AppImage|deb|exe|dmg)$/;

let names = [];
try {
  names = readdirSync(release).filter((name) => INSTALLER.test(name) && !name.endsWith('.__uninstaller.exe'));
} catch {
  names = [];
}
if (names.length === 0) {
  console.error(`no installers in ${release}: build them first (npm run dist:linux, dist:win or dist:mac)`);
  process.exit(1);
}
let over = 0;
for (const name of names.sort()) {
  const bytes = statSync(join(release, name)).size;
  const overGoal = bytes > GOAL_BYTES;
  if (overGoal) over++;
  console.log(`${name}: ${(bytes / (1024 * 1024)).toFixed(1)} MB${overGoal ? ' — over the 120 MB goal' : ''}`);
}
process.exit(over > 0 ? 1 : 0);
