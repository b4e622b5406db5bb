/**
 * The web build in headless Chromium: first paint (with Monaco and DuckDB loading after it); the
 * time to compute a 100-node run with about 9,000 task attempts (word count at 256-byte blocks,
 * the sandbox's "Word count at scale" example) from pressing Run until its timeline shows, with
 * the same figure for the app at BASELINE_REF (by default the commit before the batched sandbox,
 * built from git into a temporary worktree and served beside this build) as the baseline in the
 * same run (and for each run the CPU time the browser's renderers used, read from /proc on Linux:
 * the wall-clock figures stretch when other work shares the cores); and frames per second while
 * playing that run, measured with requestAnimationFrame,
 * with the data moving drawn on the cluster map and, as the baseline in the same page, without.
 * Figures, with issue 19's target beside them; nothing fails on time.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rendererCpuMs } from './rendererCpu';

// Loaded from the repository at run time (not bundled), so their paths resolve from scripts/.
const root = process.env.CLUSTERLAB_ROOT ?? process.cwd();
const { buildRenderer, rendererOut } = (await import(
  pathToFileURL(join(root, 'scripts', 'buildRenderer.mjs')).href
)) as { buildRenderer(): void; rendererOut: string };
const { startWebServer } = (await import(pathToFileURL(join(root, 'scripts', 'webServer.mjs')).href)) as {
  startWebServer(o: { root: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
};
let chromiumPath: string;
try {
  chromiumPath = findChromium();
} catch (error) {
  console.log(`${(error as Error).message} The web benchmarks were skipped.`);
  process.exit(0);
}
buildRenderer();
const server = await startWebServer({ root: rendererOut, port: 0 });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: CHROMIUM_ARGS,
});

async function firstPaint(): Promise<{ fcp: number; editor: number; duckdb: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Labs' }).waitFor();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
  await page.goto(`${server.url}#/sandbox/editor`);
  const e0 = Date.now();
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  const editor = Date.now() - e0;
  await page.goto(`${server.url}#/sandbox/sql`);
  const d0 = Date.now();
  await page.waitForFunction(
    () => /Ready/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  const duckdb = Date.now() - d0;
  await context.close();
  return { fcp, editor, duckdb };
}

interface FpsFigure {
  speed: string;
  flows: boolean;
  fps: number;
  worstFrameMs: number;
  /** Most flow pairs drawn in one frame of the window. */
  pairs: number;
}

/** The app at BASELINE_REF, built from git into a temporary worktree; null (with why) when it cannot be. */
function buildBaseline(): { url: Promise<{ url: string; close(): Promise<void> }>; ref: string; dir: string } | string {
  const ref = process.env.BASELINE_REF ?? BASELINE_REF;
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-baseline-'));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const added = git('worktree', 'add', '--detach', dir, ref);
  if (added.status !== 0) return `the baseline ${ref} could not be checked out (${added.stderr.trim().split('\n')[0]})`;
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const built = spawnSync(
    process.execPath,
    [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0 || !existsSync(join(dir, 'dist', 'renderer', 'index.html'))) {
    removeBaseline(dir);
    return `the baseline ${ref} did not build (${(built.stderr || built.stdout).trim().split('\n')[0]})`;
  }
  return { url: startWebServer({ root: join(dir, 'dist', 'renderer'), port: 0 }), ref, dir };
}

function removeBaseline(dir: string): void {
  spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
  rmSync(dir, { recursive: true, force: true });
}

/** The app before the sandbox sent map tasks in batches (the figures the issue starts from). */
const BASELINE_REF = 'c4730ca';

/**
 * Milliseconds from pressing Run to the run's timeline, for the 100-node example, in a fresh
 * page: `hurried`, Run at once after choosing the example (Monaco's TypeScript worker checks the
 * file at the same time, on the same cores); else the first run after 3 s of reading (the app
 * warmed up while the learner read), then three reruns, each after 3 s.
 */
async function computeTimes(
  url: string,
  hurried: boolean,
): Promise<{ runs: number[]; cpu: (number | null)[]; label: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}#/sandbox/editor`);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  await page.getByLabel('Example job').selectOption('wc-scale');
  const once = async () => {
    const shown = await page.locator('[data-testid="run-timeline"]').count();
    const c0 = rendererCpuMs(process.pid);
    const r0 = Date.now();
    await page.getByRole('button', { name: '▶ Run' }).click();
    if (shown > 0)
      await page
        .locator('[aria-label="Running"]')
        .waitFor({ state: 'attached', timeout: 10_000 })
        .catch(() => {});
    // Polled every 20 ms, not on every animation frame (playwright's default): that made the page
    // draw 60 frames a second while the run computed, where a learner's draws one per progress count.
    await page.waitForFunction(
      () => !document.querySelector('[aria-label="Running"]') && document.querySelector('[data-testid="run-timeline"]'),
      undefined,
      { timeout: 240_000, polling: 20 },
    );
    const ms = Date.now() - r0;
    const c1 = rendererCpuMs(process.pid);
    return { ms, cpu: c0 === null || c1 === null ? null : c1 - c0 };
  };
  const runs: number[] = [];
  const cpu: (number | null)[] = [];
  for (let i = 0; i < (hurried ? 1 : 4); i++) {
    if (!hurried) await page.waitForTimeout(3_000);
    const run = await once();
    runs.push(run.ms);
    cpu.push(run.cpu);
  }
  const label = (await page.getByTestId('run-timeline').getAttribute('aria-label')) ?? '';
  await context.close();
  return { runs, cpu, label };
}

interface ComputeFigures {
  first: number;
  rerun: number;
  reruns: number[];
  hurried: number;
  /** CPU ms the browser's renderers used for the same runs (null: not measurable here). */
  cpu: { first: number | null; rerun: number | null; hurried: number | null };
  label: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The compute figures of one build: first run after reading, median rerun, first run in a hurry. */
async function computeFigures(url: string): Promise<ComputeFigures> {
  const read = await computeTimes(url, false);
  const hurried = await computeTimes(url, true);
  const reruns = read.runs.slice(1);
  const rerunCpu = read.cpu.slice(1).filter((c): c is number => c !== null);
  return {
    first: read.runs[0]!,
    rerun: median(reruns),
    reruns,
    hurried: hurried.runs[0]!,
    cpu: {
      first: read.cpu[0] ?? null,
      rerun: rerunCpu.length > 0 ? median(rerunCpu) : null,
      hurried: hurried.cpu[0] ?? null,
    },
    label: read.label,
  };
}

/** Rounds of the compute figures, this build and the baseline alternated. */
const ROUNDS = Number(process.env.WEB_BENCH_ROUNDS ?? 2);

/** Each figure the better of two measurements (the reruns listed are the chosen round's). */
function bestOf(a: ComputeFigures | null, b: ComputeFigures): ComputeFigures {
  if (!a) return b;
  const low = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
  return {
    first: Math.min(a.first, b.first),
    rerun: Math.min(a.rerun, b.rerun),
    reruns: a.rerun <= b.rerun ? a.reruns : b.reruns,
    hurried: Math.min(a.hurried, b.hurried),
    cpu: {
      first: low(a.cpu.first, b.cpu.first),
      rerun: low(a.cpu.rerun, b.cpu.rerun),
      hurried: low(a.cpu.hurried, b.cpu.hurried),
    },
    label: b.label,
  };
}

/** Issue 19's target for the run computed in the browser, Run pressed to timeline shown. */
const TARGET_MS = 1500;
const judged = (ms: number) => `${ms} ms (${ms <= TARGET_MS ? 'met' : 'NOT met'})`;
const cpuOf = (ms: number | null) => (ms === null ? '' : `, CPU ${ms.toFixed(0)} ms`);

async function playbackFps(): Promise<{ figures: FpsFigure[]; nodes: string; attempts: string; runMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${server.url}#/sandbox/editor`);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  await page.getByLabel('Example job').selectOption('wc-scale');
  const r0 = Date.now();
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByTestId('run-timeline').waitFor({ timeout: 240_000 });
  const runMs = Date.now() - r0;
  const label = (await page.getByTestId('run-timeline').getAttribute('aria-label')) ?? '';
  const figures: FpsFigure[] = [];
  // The cluster map on screen while it plays (the timeline draws below it all the same).
  await page.getByTestId('cluster-map').scrollIntoViewIfNeeded();
  const toggle = page.getByLabel('Draw data moving');
  // Each speed from the first transfer (the interesting part), with the flows drawn and then without.
  // The flows join the map a render after the run shows.
  await page.locator('[data-testid="cluster-map"][data-first-flow]').waitFor({ state: 'attached' });
  const first = Number(await page.getByTestId('cluster-map').getAttribute('data-first-flow'));
  for (const speed of ['1', '4', '16', '64']) {
    for (const flows of [true, false]) {
      await toggle.setChecked(flows);
      await page.getByRole('button', { name: /Restart/ }).click();
      await page.getByLabel('Playback speed').selectOption(speed);
      await page
        .getByRole('button', { name: /Pause/ })
        .click()
        .catch(() => {});
      await page.getByLabel('Simulated time').fill(String(Math.max(0, Math.round(first))));
      await page.getByRole('button', { name: /▶ Play/ }).click();
      figures.push({ speed, flows, ...(await measureFrames(page)) });
    }
  }
  await context.close();
  const m = /([\d,]+) task attempts on (\d+)/.exec(label);
  return { figures, attempts: m?.[1] ?? '?', nodes: m?.[2] ?? '?', runMs };
}

/** Frames per second over 2 s of playback, counted with requestAnimationFrame in the page. */
async function measureFrames(page: Page): Promise<{ fps: number; worstFrameMs: number; pairs: number }> {
  const result = await page.evaluate(
    () =>
      new Promise<{ frames: number; worst: number; ms: number; pairs: number }>((resolve) => {
        let frames = 0;
        let worst = 0;
        let pairs = 0;
        const start = performance.now();
        let last = start;
        const map = document.querySelector('[data-testid="cluster-map"]');
        const tick = (now: number) => {
          frames++;
          worst = Math.max(worst, now - last);
          pairs = Math.max(pairs, Number(map?.getAttribute('data-flow-pairs') ?? 0));
          last = now;
          if (now - start < 2000) requestAnimationFrame(tick);
          else resolve({ frames, worst, ms: now - start, pairs });
        };
        requestAnimationFrame(tick);
      }),
  );
  return { fps: (result.frames * 1000) / result.ms, worstFrameMs: result.worst, pairs: result.pairs };
}

try {
  const paint = await firstPaint();
  console.log(`first contentful paint (home page): ${paint.fcp.toFixed(0)} ms   (target < 1500 ms)`);
  console.log(
    `Monaco ready after opening the editor: ${paint.editor} ms; DuckDB ready after opening SQL: ${paint.duckdb} ms (both load after first paint, lazily)`,
  );
  const baseline = buildBaseline();
  const base = typeof baseline === 'string' ? null : await baseline.url;
  let now: ComputeFigures | null = null;
  let then: ComputeFigures | null = null;
  try {
    // Alternated, best of each kept: the machine's load changes over the minutes this takes.
    for (let round = 0; round < ROUNDS; round++) {
      const builds = round % 2 === 0 ? (['now', 'then'] as const) : (['then', 'now'] as const);
      for (const build of builds) {
        if (build === 'now') now = bestOf(now, await computeFigures(server.url));
        else if (base) then = bestOf(then, await computeFigures(base.url));
      }
    }
  } finally {
    await base?.close();
    if (typeof baseline !== 'string') removeBaseline(baseline.dir);
  }
  const m = /([\d,]+) task attempts on (\d+)/.exec(now!.label);
  const line = (f: ComputeFigures) =>
    `first run after reading ${judged(f.first)}${cpuOf(f.cpu.first)}; rerun ${judged(f.rerun)} (median of ${f.reruns.join(', ')})${cpuOf(f.cpu.rerun)}; Run at once after choosing the example ${judged(f.hurried)}${cpuOf(f.cpu.hurried)}`;
  console.log(
    `computing the run (${m?.[2] ?? '?'} nodes, ${m?.[1] ?? '?'} task attempts) in the browser, Run pressed to timeline shown, best of ${ROUNDS} rounds (target <= ${TARGET_MS} ms each; CPU: what the browser's renderers used meanwhile, on every core, whatever else the machine ran): ${line(now!)}`,
  );
  if (typeof baseline === 'string') console.log(`baseline: ${baseline}; skipped`);
  else if (then) {
    const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    const c = (a: number | null, b: number | null) => (a !== null && b !== null ? x(a, b) : '?');
    console.log(`baseline, the app at ${baseline.ref}, in the same run: ${line(then)}`);
    console.log(
      `  -> now faster by ${x(then.first, now!.first)} (first run after reading), ${x(then.rerun, now!.rerun)} (rerun), ${x(then.hurried, now!.hurried)} (Run at once)`,
    );
    if (now!.cpu.first !== null)
      console.log(
        `  -> now uses less CPU by ${c(then.cpu.first, now!.cpu.first)} (first run after reading), ${c(then.cpu.rerun, now!.cpu.rerun)} (rerun), ${c(then.cpu.hurried, now!.cpu.hurried)} (Run at once)`,
      );
  }
  const play = await playbackFps();
  for (const f of play.figures) {
    console.log(
      `playback at ${f.speed}x ${f.flows ? `with data flows (up to ${f.pairs} pairs drawn)` : 'without data flows (baseline)'}: ${f.fps.toFixed(1)} frames/s over 2 s, worst frame ${f.worstFrameMs.toFixed(1)} ms   (target >= 55 fps, worst <= 33 ms)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
