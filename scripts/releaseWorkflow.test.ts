// The release workflow (.github/workflows/release.yml) parses, runs on a tag and by hand on the
// three platforms with Node 20, installs Electron's binary explicitly, tests, builds each
// platform's installers, runs the desktop e2e, attaches the installers to the release, and
// calls only npm scripts that package.json has.
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  if?: string;
  strategy?: { matrix: { include: Record<string, string>[] } };
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  jobs: Record<string, Job>;
}

const root = process.cwd();
const workflow = load(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const installers = workflow.jobs.installers!;
const matrix = installers.strategy!.matrix.include;
const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));

describe('release workflow', () => {
  it('runs on a version tag and by hand', () => {
    expect(workflow.on.push?.tags).toEqual(['v*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('builds on Windows, macOS and Linux with Node 20, each for its own installers', () => {
    expect(matrix.map((m) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(installers['runs-on']).toBe('${{ matrix.os }}');
    const setupNode = installers.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version']).toBe(20);
    const byOs = Object.fromEntries(matrix.map((m) => [m.os, m]));
    expect(scripts[byOs['ubuntu-latest']!.dist!]).toMatch(/--linux AppImage deb/);
    expect(scripts[byOs['windows-latest']!.dist!]).toMatch(/--win nsis/);
    expect(scripts[byOs['macos-latest']!.dist!]).toMatch(/--mac dmg/);
  });

  it('installs as locked, downloads Electron explicitly, then tests, builds and runs the desktop e2e in order', () => {
    const order = [
      'npm ci',
      'node node_modules/electron/install.js',
      'npm run test:unit',
      'npm run ${{ matrix.dist }}',
      'node scripts/installerSizes.mjs',
      'npm run test:desktop',
    ].map((command) => installers.steps.findIndex((s) => s.run?.includes(command)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const e2e = installers.steps.filter((s) => s.run?.includes('npm run test:desktop'));
    for (const step of e2e) expect(step.env?.CLUSTERLAB_DESKTOP_APP).toBe('${{ matrix.packed-app }}');
  });

  it('calls only npm scripts that package.json defines and scripts that exist', () => {
    const files = runs.flatMap((run) =>
      [...run.matchAll(/node (scripts\/[\w./-]+|node_modules\/[\w./-]+)/g)].map((m) => m[1]!),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files.filter((f) => f.startsWith('scripts/')))
      expect(existsSync(join(root, file)), file).toBe(true);
    const called = runs.flatMap((run) =>
      [...run.matchAll(/npm run ([\w:.-]+|\$\{\{ matrix\.dist \}\})/g)].map((m) => m[1]!),
    );
    const names = called.flatMap((name) => (name.startsWith('${{') ? matrix.map((m) => m.dist!) : [name]));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(scripts, `npm run ${name}`).toHaveProperty([name]);
  });

  it('attaches every platform’s installers to the release, on tags only', () => {
    const release = workflow.jobs.release!;
    expect(release.needs).toBe('installers');
    expect(release.if).toContain("startsWith(github.ref, 'refs/tags/v')");
    const upload = release.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release@'));
    expect(upload?.with?.files).toBe('installers/*');
    const globs = matrix.map((m) => m.installers!).join('\n');
    for (const ext of ['.AppImage', '.deb', '.exe', '.dmg']) expect(globs).toContain(`release/*${ext}`);
  });
});
