/**
 * The pipeline benchmark in the web build (headless Chromium), beside pipeline.bench.ts's engine and
 * CLI figures: the same 8 parts and 100,000 events (benchPipeline.ts). Figures, each against the
 * same plain loop run in the same page as the baseline:
 * - the engine in the page: runPipeline bundled for the browser, called as the CLI bench calls it;
 * - the app's own path: the file pasted into a pipeline step (the platform blueprint's step 2: the
 *   classroom cluster, no faults, two simulated minutes), Run pressed until the run's figures show
 *   (the engine worker's runStep, the answer cloned to the page, the diagram and table drawn);
 * - frames per second while that run plays on the diagram at 1x and 16x (requestAnimationFrame over
 *   3 s), with the page at rest, playback paused, as the baseline.
 * Figures only; no pass/fail on time.
 */
import { chromium, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../e2e/chromium';
import { setEditorText } from '../../e2e/labActions';
import { BENCH_PIPELINE, EVENTS, median, plainLoop } from './benchPipeline';
import { framesPerSecond, root, serveWebBuild } from './webBench';

const { chromiumPath, server } = await serveWebBuild();
const RUNS = 3;
const STEP = '#/lab/platform-blueprint/2';

/** engine/pipeline as one script for the page: `globalThis.ClusterLabPipeline.runPipeline`. */
async function engineBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'engine', 'pipeline', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ClusterLabPipeline',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

async function baselineInPage(page: Page): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate(plainLoop, EVENTS));
  return median(runs);
}

/** runPipeline in the page's main thread: a warm-up, then RUNS timed runs. */
async function engineInPage(page: Page, bundle: string) {
  return (await page.evaluate(`(() => {
    ${bundle}
    const pipeline = ${JSON.stringify(BENCH_PIPELINE)};
    ClusterLabPipeline.runPipeline({ pipeline });
    const runs = [];
    let result;
    for (let i = 0; i < ${RUNS}; i++) {
      const t0 = performance.now();
      result = ClusterLabPipeline.runPipeline({ pipeline });
      runs.push(performance.now() - t0);
    }
    return { runs, displayed: result.summary.displayed, simulatedMs: result.simulatedMs };
  })()`)) as { runs: number[]; displayed: number; simulatedMs: number };
}

/** Run pressed until the marker is gone and the run's summary shows; wall ms. */
async function appRun(page: Page): Promise<number> {
  const t0 = performance.now();
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page
    .locator('[aria-label="Running"]')
    .waitFor({ state: 'attached', timeout: 5_000 })
    .catch(() => {});
  await page.waitForFunction(
    (events) =>
      !document.querySelector('[aria-label="Running"]') &&
      (document.querySelector('[data-testid="pipeline-summary"]')?.textContent ?? '').includes(`of ${events} events`),
    EVENTS.toLocaleString('en-US'),
    { timeout: 300_000, polling: 'raf' },
  );
  return performance.now() - t0;
}

async function browserFigures(url: string, bundle: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const page = await context.newPage();
    await page.goto(`${url}${STEP}`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    const base = await baselineInPage(page);
    const engine = await engineInPage(page, bundle);
    await setEditorText(page, JSON.stringify(BENCH_PIPELINE, null, 2));
    const appRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) appRuns.push(await appRun(page));
    const summary = (await page.getByTestId('pipeline-summary').textContent()) ?? '';
    // The page at rest: the run shown, its playback paused.
    await page
      .getByRole('button', { name: /Pause/ })
      .click({ timeout: 2_000 })
      .catch(() => {});
    const idle = await framesPerSecond(page, 3_000);
    const playing: { speed: string; fps: number; worstFrameMs: number; clock: string }[] = [];
    for (const speed of ['1', '16']) {
      await page.getByLabel('Playback speed').selectOption(speed);
      await page.getByRole('button', { name: /Restart/ }).click();
      await page
        .getByRole('button', { name: /Play$/ })
        .click({ timeout: 1_000 })
        .catch(() => {});
      const clock = page.getByTestId('sim-clock');
      const from = (await clock.textContent()) ?? '';
      const figures = await framesPerSecond(page, 3_000);
      const to = (await clock.textContent()) ?? '';
      // The frames counted are the playback's only if its clock moved meanwhile.
      if (from === to) throw new Error(`the playback at ${speed}x did not move (${from})`);
      playing.push({ speed, ...figures, clock: `${from.split(' / ')[0]} → ${to.split(' / ')[0]}` });
    }
    return { base, engine, app: median(appRuns), appRuns, summary, idle, playing };
  } finally {
    await browser.close();
  }
}

try {
  const web = await browserFigures(server.url, await engineBundle());
  const engine = median(web.engine.runs);
  console.log(
    `8 parts, ${EVENTS.toLocaleString('en-US')} events in Chromium; the engine's run: ${(web.engine.simulatedMs / 1000).toFixed(1)} s simulated, ${web.engine.displayed.toLocaleString('en-US')} displayed`,
  );
  console.log(`the app's run (platform-blueprint step 2, 2 min simulated): ${web.summary}`);
  console.log('');
  console.log(`run in the browser            wall ms (median of ${RUNS})   x baseline   events/s wall`);
  const row = (name: string, ms: number) =>
    console.log(
      `${name.padEnd(29)} ${ms.toFixed(1).padStart(21)}   ${(ms / web.base).toFixed(1).padStart(10)}   ${Math.round(
        (EVENTS / ms) * 1000,
      )
        .toLocaleString('en-US')
        .padStart(13)}`,
    );
  row('baseline: plain loop (page)', web.base);
  row('engine (runPipeline, page)', engine);
  row('app: Run to figures shown', web.app);
  console.log('');
  console.log(
    `the page at rest, playback paused (baseline): ${web.idle.fps.toFixed(1)} frames/s, worst frame ${web.idle.worstFrameMs.toFixed(1)} ms`,
  );
  for (const f of web.playing)
    console.log(
      `the run playing on the diagram at ${f.speed}x: ${f.fps.toFixed(1)} frames/s over 3 s (simulated ${f.clock}), worst frame ${f.worstFrameMs.toFixed(1)} ms   (target >= 55 fps)`,
    );
} finally {
  await server.close();
}
