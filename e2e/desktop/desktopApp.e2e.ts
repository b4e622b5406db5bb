/**
 * The desktop app in the real Electron shell, driven by Playwright's Electron support: the
 * app:// protocol serves the app with its CSP headers, the preload API is there and Node is not,
 * the single-instance lock sends a second start (and the .clusterlab file it was given) back to
 * the first, and progress is written to userData and survives a restart. It runs the packaged app.asar (CLUSTERLAB_DESKTOP_APP, or
 * release/linux-unpacked/resources/app.asar, or the built dist/electron from the project root)
 * with node_modules/electron's binary: Playwright needs the --inspect switch, which the fuses
 * turn off in the shipped executable (scripts/packaging.test.ts checks those fuses).
 * Without an Electron binary (this machine cannot download one) the whole file is skipped.
 */
import { listPackage } from '@electron/asar';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_CSP, SANDBOX_WORKER_CSP } from '../../electron/csp';

const root = process.cwd();

function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function appUnderTest(): string | null {
  const fromEnv = process.env.CLUSTERLAB_DESKTOP_APP;
  if (fromEnv) return fromEnv;
  const packed = join(root, 'release', 'linux-unpacked', 'resources', 'app.asar');
  if (existsSync(packed)) return packed;
  return existsSync(join(root, 'dist', 'electron', 'main.cjs')) ? root : null;
}

/** The sandbox worker's file name (sandboxWorker-<hash>.js) in the app under test. */
function sandboxWorkerAsset(): string {
  const names = app!.endsWith('.asar')
    ? listPackage(app!, { isPack: false }).map((f) => f.replaceAll('\\', '/').split('/').pop()!)
    : readdirSync(join(root, 'dist', 'renderer', 'assets'));
  const name = names.find((f) => /^sandboxWorker-.*\.js$/.test(f));
  if (!name) throw new Error(`no sandboxWorker-*.js in ${app}`);
  return name;
}

const binary = electronBinary();
const app = appUnderTest();
const skipWhy = !binary
  ? 'desktop e2e skipped: no Electron binary (node_modules/electron/dist is missing: its download cannot run here); the release workflow runs it'
  : !app
    ? 'desktop e2e skipped: no built app (run `npm run build` or `npm run dist:linux:stand-in`)'
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'desktop e2e skipped: no display for Electron (run it under `xvfb-run`, as the release workflow does)'
      : null;
if (skipWhy) console.log(skipWhy);

const userData = mkdtempSync(join(tmpdir(), 'clusterlab-desktop-'));
const args = [app ?? root, `--user-data-dir=${userData}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])];
const opened: ElectronApplication[] = [];

async function launch(): Promise<{ electronApp: ElectronApplication; page: Page }> {
  const electronApp = await electron.launch({ executablePath: binary!, args, timeout: 60_000 });
  opened.push(electronApp);
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('load');
  return { electronApp, page };
}

afterAll(async () => {
  for (const electronApp of opened) await electronApp.close().catch(() => {});
});

describe.skipIf(skipWhy !== null)('the desktop app in Electron', () => {
  it('serves the app over app:// with the page CSP, and the sandbox worker with its own', async () => {
    const { electronApp, page } = await launch();
    expect(page.url()).toBe('app://clusterlab/index.html');
    await expect
      .poll(() => page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0))
      .toBeGreaterThan(0);
    const pageCsp = await page.evaluate(async () =>
      (await fetch('/index.html')).headers.get('content-security-policy'),
    );
    expect(pageCsp).toBe(PAGE_CSP);
    expect(pageCsp).not.toContain("'unsafe-eval'");
    const worker = sandboxWorkerAsset();
    const workerCsp = await page.evaluate(
      async (name) => (await fetch(`/assets/${name}`)).headers.get('content-security-policy'),
      worker,
    );
    expect(workerCsp).toBe(SANDBOX_WORKER_CSP);
    const outside = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(outside).toBe('refused');
    await electronApp.close();
  });

  it('exposes the preload API as window.clusterlab and no Node to the page', async () => {
    const { electronApp, page } = await launch();
    const shape = await page.evaluate(() => {
      const api = (window as unknown as { clusterlab?: Record<string, unknown> }).clusterlab;
      const g = globalThis as Record<string, unknown>;
      return {
        functions: api
          ? Object.keys(api)
              .filter((k) => typeof api[k] === 'function')
              .sort()
          : [],
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
      };
    });
    expect(shape.functions).toEqual(
      expect.arrayContaining(['appInfo', 'loadProgress', 'onOpenFile', 'openSandbox', 'saveProgress']),
    );
    expect(shape).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined' });
    const info = await page.evaluate(() =>
      (window as unknown as { clusterlab: { appInfo(): Promise<{ userDataPath: string }> } }).clusterlab.appInfo(),
    );
    // macOS's temp folder is behind a symlink (/var → /private/var): compare real paths.
    expect(realpathSync(info.userDataPath)).toBe(realpathSync(userData));
    await electronApp.close();
  });

  it('holds the single-instance lock: a second start exits, and the .clusterlab file it was given reaches the first', async () => {
    const { electronApp, page } = await launch();
    const pack = join(mkdtempSync(join(tmpdir(), 'clusterlab-pack-')), 'week1.clusterlab');
    writeFileSync(pack, '{"format":"desktop-e2e"}');
    await page.evaluate(() => {
      const w = window as unknown as {
        opened: unknown[];
        clusterlab: { onOpenFile(listener: (file: unknown) => void): void };
      };
      w.opened = [];
      w.clusterlab.onOpenFile((file) => w.opened.push(file));
    });
    await electronApp.evaluate(({ app: electronAppModule }) => {
      const counter = globalThis as unknown as { secondStarts: number };
      counter.secondStarts = 0;
      electronAppModule.on('second-instance', () => {
        counter.secondStarts++;
      });
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const second = spawn(binary!, [...args, pack], { stdio: 'ignore' });
      const timer = setTimeout(() => {
        second.kill();
        reject(new Error('the second start did not exit within 30 s'));
      }, 30_000);
      second.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(exitCode).toBe(0);
    await expect
      .poll(() => electronApp.evaluate(() => (globalThis as unknown as { secondStarts?: number }).secondStarts ?? 0))
      .toBe(1);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { opened: unknown[] }).opened))
      .toEqual([{ name: 'week1.clusterlab', text: '{"format":"desktop-e2e"}' }]);
    await electronApp.close();
  });

  it('writes progress to userData and reads it back after a restart', async () => {
    // A format version the page cannot read: it keeps such a file untouched and never saves over it.
    const saved = { version: 99, desktopE2e: 'survives a restart' };
    const first = await launch();
    await first.page.evaluate(
      (data) =>
        (window as unknown as { clusterlab: { saveProgress(d: unknown): Promise<void> } }).clusterlab.saveProgress(
          data,
        ),
      saved,
    );
    await first.electronApp.close();
    expect(JSON.parse(readFileSync(join(userData, 'progress.json'), 'utf8'))).toEqual(saved);
    const second = await launch();
    const loaded = await second.page.evaluate(() =>
      (window as unknown as { clusterlab: { loadProgress(): Promise<{ data: unknown }> } }).clusterlab.loadProgress(),
    );
    expect(loaded.data).toEqual(saved);
    await second.electronApp.close();
  });
});
