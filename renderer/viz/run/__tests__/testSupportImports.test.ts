import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Test-only builders live in __tests__ folders (excluded from the production tsconfigs); production code never imports them.
const ROOT = join(__dirname, '..', '..', '..', '..');
const SOURCES = ['engine', 'labs', 'renderer', 'cli', 'electron'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === '__tests__' || d.name === 'node_modules' ? [] : files(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe('test support stays out of production', () => {
  it('no production file imports from a __tests__ folder', () => {
    const offenders = SOURCES.flatMap((s) => files(join(ROOT, s))).filter((f) =>
      /from\s+['"][^'"]*\/__tests__\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
