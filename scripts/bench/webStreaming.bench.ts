/**
 * A streaming run in the web build (headless Chromium) and on the command line: the sandbox's
 * KafkaJS example on a 48-partition topic with 6 consumers and 5,000 card payments, consumer 2
 * crashing after processing its 300th message, before its commit. Figures: computing the run in
 * the browser (Run pressed to the pictures shown), the same program and scenario with
 * `clusterlab stream` (its process started to its report, as the baseline in the same run), and
 * frames per second while the run plays at 1x and 16x (counted with requestAnimationFrame), with
 * the page at rest as the baseline. Figures only; no pass/fail on time.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/chromium';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cardPayments } from '../../engine/datasets';
import { root, serveWebBuild } from './webBench';

const { chromiumPath, server } = await serveWebBuild();

const PARTITIONS = 48;
const CONSUMERS = 6;
const PAYMENTS = 5000;
const CRASH = { consumer: 2, message: 300, point: 'after-processing' };

/** The same scenario with `clusterlab stream`: wall time of the whole command (its process included). */
function cliTime(): { ms: number; stored: number; reprocessed: number } {
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-stream-bench-'));
  try {
    const records = join(dir, 'payments.jsonl');
    writeFileSync(
      records,
      cardPayments(PAYMENTS)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'scripts', 'clusterlab.mjs'),
        'stream',
        join(root, 'labs', 'examples', 'streaming', 'kafkajs', 'card-payments.js'),
        '--records',
        records,
        '--topic',
        `payments:${PARTITIONS}`,
        '--consumers',
        String(CONSUMERS),
        '--processing-ms',
        '20',
        '--crash',
        `${CRASH.consumer}:${CRASH.message}:${CRASH.point}`,
        '--timeout',
        '600',
        '--json',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const ms = performance.now() - t0;
    if (run.status !== 0) throw new Error(`clusterlab stream failed: ${run.stderr}`);
    const ledger = (JSON.parse(run.stdout) as { ledger: { stored: number; reprocessed: number } }).ledger;
    return { ms, stored: ledger.stored, reprocessed: ledger.reprocessed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function frames(page: Page): Promise<{ fps: number; worstFrameMs: number }> {
  const r = await page.evaluate(
    () =>
      new Promise<{ frames: number; worst: number; ms: number }>((resolve) => {
        let n = 0;
        let worst = 0;
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          n++;
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < 2000) requestAnimationFrame(tick);
          else resolve({ frames: n, worst, ms: now - start });
        };
        requestAnimationFrame(tick);
      }),
  );
  return { fps: (r.frames * 1000) / r.ms, worstFrameMs: r.worst };
}

async function browserFigures(url: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(`${url}#/sandbox/stream`);
    await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await page.getByLabel('Partitions of the payments topic').selectOption(String(PARTITIONS));
    await page.getByLabel('Consumers in the group').selectOption(String(CONSUMERS));
    await page.getByLabel('Card payments to produce').selectOption(String(PAYMENTS));
    // A first run without the fault, to have the fault controls.
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.locator('.stream-run').waitFor({ timeout: 600_000 });
    await page.getByLabel('Consumer to crash').selectOption(String(CRASH.consumer));
    await page.getByLabel('Message at which the consumer crashes').fill(String(CRASH.message));
    await page.getByLabel('Crash point').selectOption(CRASH.point);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Crash and rerun' }).click();
    await page.getByTestId('injected-faults').waitFor({ timeout: 600_000 });
    const computeMs = Date.now() - t0;
    // The page at rest: the run shown, its playback paused.
    await page
      .getByRole('button', { name: /Pause/ })
      .click({ timeout: 2_000 })
      .catch(() => {});
    const idle = await frames(page);
    const figures: { speed: string; fps: number; worstFrameMs: number }[] = [];
    for (const speed of ['1', '16']) {
      await page.getByLabel('Playback speed').selectOption(speed);
      await page.getByRole('button', { name: /Restart/ }).click();
      figures.push({ speed, ...(await frames(page)) });
    }
    const stored = await page.locator('[data-ledger="stored"]').textContent();
    return { computeMs, idle, figures, stored };
  } finally {
    await browser.close();
  }
}

try {
  const cli = cliTime();
  const web = await browserFigures(server.url);
  const scenario = `${PAYMENTS} payments, ${PARTITIONS} partitions, ${CONSUMERS} consumers, consumer ${CRASH.consumer} crashing at its message ${CRASH.message} (${CRASH.point})`;
  console.log(`streaming run: ${scenario}`);
  console.log(
    `computing it in the browser, Run pressed to the pictures shown: ${web.computeMs} ms; clusterlab stream, the same program and scenario (baseline): ${cli.ms.toFixed(0)} ms -> ${(web.computeMs / cli.ms).toFixed(2)}x the CLI's time`,
  );
  console.log(`  the CLI's ledger: ${cli.stored} stored, ${cli.reprocessed} processed twice`);
  console.log(
    `the page at rest, playback paused (baseline): ${web.idle.fps.toFixed(1)} frames/s, worst frame ${web.idle.worstFrameMs.toFixed(1)} ms`,
  );
  for (const f of web.figures)
    console.log(
      `playback at ${f.speed}x: ${f.fps.toFixed(1)} frames/s over 2 s, worst frame ${f.worstFrameMs.toFixed(1)} ms   (target >= 55 fps)`,
    );
} finally {
  await server.close();
}
