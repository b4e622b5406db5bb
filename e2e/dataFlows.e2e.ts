/**
 * Data that moves on the cluster map (shuffle fetches, remote reads, write pipelines,
 * re-replication) on the playback clock, at 1x and 64x; and the timeline's zoom and pan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { readFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import { setEditorText } from './labActions';

/** Serious axe findings outside Monaco's token colours (the editor's theme is not this page's to fix). */
async function ownViolations(page: Page) {
  return (await seriousViolations(page))
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !/\.mtk\d+/.test(n)) }))
    .filter((v) => v.nodes.length > 0);
}

const MAP = '[data-testid="cluster-map"]';

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelector('[data-testid="cluster-map"] g'),
    undefined,
    { timeout: 120_000 },
  );
}

async function pause(page: Page) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
}

/** Pauses playback and moves it to simulated time `ms`. */
async function seekMs(page: Page, ms: number) {
  await pause(page);
  await page.getByLabel('Simulated time').fill(String(Math.round(ms)));
  await page.waitForFunction(
    ([sel, t]) => {
      const svg = document.querySelector(sel!);
      return svg !== null && (svg.getAttribute('aria-label') ?? '').length > 0 && Number(t) >= 0;
    },
    [MAP, String(ms)] as const,
  );
}

/** The flow pairs drawn on the map (`from>to`), and which of them move at t. */
async function drawnPairs(page: Page) {
  const keys = ((await page.locator(MAP).getAttribute('data-flow-keys')) ?? '').split(' ').filter(Boolean);
  return {
    all: keys.map((k) => k.replace('*', '')),
    moving: keys.filter((k) => k.endsWith('*')).map((k) => k.slice(0, -1)),
  };
}

/**
 * How strongly the flow layer paints (alpha 0-255): its strongest pixel, and under the map's words
 * (each text of a card or frame, as the browser lays it out) how many pixels it paints and the
 * median alpha of those: mostly faded curve, the odd arrowhead or dot drawn over a word at full strength.
 */
async function flowInk(page: Page) {
  return page.evaluate((sel) => {
    const svg = document.querySelector<SVGSVGElement>(sel)!;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flow-canvas"]')!;
    const g = canvas.getContext('2d')!;
    const scale = canvas.width / svg.viewBox.baseVal.width;
    const all = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let strongest = 0;
    for (let i = 3; i < all.length; i += 4) strongest = Math.max(strongest, all[i]!);
    const inked: number[] = [];
    const texts = svg.querySelectorAll<SVGTextElement>(
      'g.rack-summary > text, g.node > text.name, g.node > text.status',
    );
    for (const text of texts) {
      const b = text.getBBox();
      const m = text.getCTM()!;
      const x = Math.ceil((b.x + m.e) * scale);
      const y = Math.ceil((b.y + m.f) * scale);
      const w = Math.floor(b.width * scale);
      const h = Math.floor(b.height * scale);
      if (w <= 0 || h <= 0) continue;
      const px = g.getImageData(x, y, w, h).data;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) inked.push(px[i]!);
    }
    inked.sort((a, b) => a - b);
    return {
      boxes: texts.length,
      strongest,
      inkedUnderWords: inked.length,
      medianUnderWords: inked[inked.length >> 1] ?? 0,
    };
  }, MAP);
}

/** A figure the map carries, once its flows are drawn (they join the map a render after the run shows). */
const attr = async (page: Page, name: string) => {
  await page.locator(`${MAP}[${name}]`).waitFor({ state: 'attached' });
  return Number(await page.locator(MAP).getAttribute(name));
};

async function setTheme(page: Page, theme: 'dark' | 'light') {
  const toggle = page.getByRole('button', { name: new RegExp(`Switch to ${theme} theme`) });
  if (await toggle.count()) await toggle.click();
}

/** Plays at `speed` from the start and counts, frame by frame for `ms` of wall time, the frames with flows drawn. */
async function framesWithFlows(page: Page, speed: string, ms: number, from: number) {
  await page.getByLabel('Playback speed').selectOption(speed);
  await seekMs(page, from);
  await page.getByRole('button', { name: /▶ Play/ }).click();
  return page.evaluate(
    ([sel, wall]) =>
      new Promise<{ frames: number; withFlows: number; moving: number; unexplained: number }>((resolve) => {
        let frames = 0;
        let withFlows = 0;
        let moving = 0;
        // Frames with lines drawn while the legend counts nothing moving and nothing just ended.
        let unexplained = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          const svg = document.querySelector(sel!)!;
          const drawn = Number(svg.getAttribute('data-flow-pairs') ?? 0) > 0;
          if (drawn) withFlows++;
          const counted =
            Number(svg.getAttribute('data-flows-moving') ?? 0) + Number(svg.getAttribute('data-flows-ended') ?? 0);
          if (drawn && counted === 0) unexplained++;
          moving = Math.max(moving, Number(svg.getAttribute('data-flows-moving') ?? 0));
          if (now - start < Number(wall)) requestAnimationFrame(tick);
          else resolve({ frames, withFlows, moving, unexplained });
        };
        requestAnimationFrame(tick);
      }),
    [MAP, String(ms)] as const,
  );
}

describe('data that moves on the cluster map', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('MapReduce: no flow before the first transfer, shuffle fetches during the shuffle, at 1x and 64x', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/mapreduce-iot-averages/1`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    await pause(page);
    const first = await attr(page, 'data-first-flow');
    const shuffle = await attr(page, 'data-first-shuffle');
    expect(shuffle).toBeGreaterThanOrEqual(first);
    await seekMs(page, Math.max(0, first - 1));
    expect(await attr(page, 'data-flows-moving')).toBe(0);
    expect((await drawnPairs(page)).moving).toEqual([]);
    expect(await page.getByTestId('flow-legend').textContent()).toContain('no data moving');
    // Just after the first fetch began: fetches are drawn, and the legend names them.
    await seekMs(page, shuffle + 0.5);
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)!.getAttribute('data-flows-moving')) > 0,
      MAP,
    );
    expect((await drawnPairs(page)).moving.length).toBeGreaterThan(0);
    expect(await page.getByTestId('flow-legend').textContent()).toMatch(/shuffle fetch/);
    for (const [size, theme] of [
      [{ width: 1280, height: 720 }, 'dark'],
      [{ width: 1024, height: 700 }, 'light'],
      [{ width: 1280, height: 720 }, 'light'],
      [{ width: 1024, height: 700 }, 'dark'],
    ] as const) {
      await page.setViewportSize(size);
      await setTheme(page, theme);
      await page.locator(MAP).scrollIntoViewIfNeeded();
      await s.screenshot(`data-flows-shuffle-${size.width}-${theme}`);
    }
    await page.getByTestId('flow-legend').scrollIntoViewIfNeeded();
    await s.screenshot('data-flows-legend-1024-dark');
    // Monaco's light theme has its own contrast findings: check the page in the dark theme.
    await setTheme(page, 'dark');
    expect(await ownViolations(page)).toEqual([]);
    // Played at 1x across the shuffle (about 1.1 s of fetches), frames draw them moving. At 64x the
    // whole 7 s run plays in about 0.1 s of wall time: ended transfers linger a fixed stretch of
    // simulated time, the same at any speed, and no frame draws a line the legend does not count.
    const slow = await framesWithFlows(page, '1', 1500, shuffle - 200);
    expect(slow.withFlows).toBeGreaterThan(0);
    expect(slow.moving).toBeGreaterThan(0);
    expect(slow.unexplained).toBe(0);
    const fast = await framesWithFlows(page, '64', 1500, 0);
    expect(fast.unexplained).toBe(0);
  });

  it('HDFS: a killed DataNode’s blocks are re-replicated, drawn from a live replica to its new node', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    await setTheme(page, 'dark');
    await page.goto(`${s.baseUrl}#/lab/hdfs-blocks/3`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 120_000 });
    // The step's solution: n5 dies at 60 s and the run lasts until its blocks are copied again.
    await setEditorText(page, readFileSync('labs/hdfs-blocks/steps/3-kill-datanode/solution.json', 'utf8'));
    await runAndWait(page);
    await pause(page);
    const rep = await attr(page, 'data-first-replication');
    expect(rep).toBeGreaterThan(0);
    await seekMs(page, rep + 1);
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)!.getAttribute('data-flows-moving')) > 0,
      MAP,
    );
    expect(await page.getByTestId('flow-legend').textContent()).toMatch(/re-replication/);
    const dead = await page.$$eval(`${MAP} g.node.dead`, (gs) => gs.map((g) => g.getAttribute('data-node')));
    const pairs = (await drawnPairs(page)).moving;
    expect(pairs.length).toBeGreaterThan(0);
    // Nothing is read from, or written to, the dead node.
    for (const p of pairs) for (const d of dead) expect(p.split('>')).not.toContain(d);
    await page.locator(MAP).scrollIntoViewIfNeeded();
    await s.screenshot('data-flows-rereplication-1280-dark');
    expect(await ownViolations(page)).toEqual([]);
  });

  it('100 nodes: flows run between rack summaries; the timeline zooms by keyboard and wheel down to one attempt', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    await setTheme(page, 'dark');
    await page.goto(`${s.baseUrl}#/sandbox/editor`);
    await page.locator('.monaco-editor').waitFor({ timeout: 120_000 });
    await page.getByLabel('Example job').selectOption('iot');
    await page.getByLabel('Cluster', { exact: true }).selectOption('100');
    await page.getByRole('button', { name: '▶ Run' }).click();
    const canvas = page.getByTestId('run-timeline');
    await canvas.waitFor({ timeout: 120_000 });
    await pause(page);
    const shuffle = await attr(page, 'data-first-shuffle');
    await seekMs(page, shuffle + 0.5);
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)!.getAttribute('data-flows-moving')) > 0,
      MAP,
    );
    expect(await page.locator(MAP).getAttribute('data-mode')).toBe('racks');
    const pairs = (await drawnPairs(page)).all;
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(p).toMatch(/^rack:r\d+>rack:r\d+$/);
    await page.locator(MAP).scrollIntoViewIfNeeded();
    await s.screenshot('data-flows-100-nodes-racks-1280-dark');
    // The curves cross the rack cards, but never hide their words: under a word they are faded out.
    const ink = await flowInk(page);
    expect(ink.boxes).toBeGreaterThan(10);
    expect(ink.strongest).toBeGreaterThan(150);
    expect(ink.inkedUnderWords).toBeGreaterThan(200);
    expect(ink.medianUnderWords).toBeLessThan(60);

    const range = async () => {
      const [t0, t1] = await Promise.all([canvas.getAttribute('data-t0'), canvas.getAttribute('data-t1')]);
      return { t0: Number(t0), t1: Number(t1) };
    };
    const whole = await range();
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    await page.keyboard.press('+');
    const half = await range();
    expect(half.t1 - half.t0).toBeCloseTo((whole.t1 - whole.t0) / 2, 0);
    expect(await page.getByTestId('timeline-range').textContent()).toMatch(/^Showing .* – .* of /);
    await page.keyboard.press('Shift+ArrowRight');
    const panned = await range();
    expect(panned.t0).toBeGreaterThan(half.t0);
    await page.keyboard.press('0');
    expect(await range()).toEqual(whole);

    // The wheel zooms in at the pointer: the time under it stays put.
    const box = (await canvas.boundingBox())!;
    const x = box.x + box.width * 0.6;
    const before = await range();
    const left = 96;
    const plot = box.width - left - 8;
    const timeAtX = (r: { t0: number; t1: number }) => r.t0 + ((x - box.x - left) / plot) * (r.t1 - r.t0);
    await page.mouse.move(x, box.y + 40);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      (t1) => Number(document.querySelector('[data-testid="run-timeline"]')!.getAttribute('data-t1')) !== t1,
      before.t1,
    );
    const wheeled = await range();
    expect(wheeled.t1 - wheeled.t0).toBeLessThan(before.t1 - before.t0);
    expect(Math.abs(timeAtX(wheeled) - timeAtX(before))).toBeLessThan((before.t1 - before.t0) / 100);
    // Drag pans.
    await page.mouse.down();
    await page.mouse.move(x - 200, box.y + 40, { steps: 5 });
    await page.mouse.up();
    expect((await range()).t0).toBeGreaterThan(wheeled.t0);

    // One attempt brought to fill the view: select it, then F.
    await canvas.focus();
    await page.keyboard.press('0');
    // Home selects the first bar (the ApplicationMaster, as long as the job); down the lanes is a task attempt.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#run-timeline-detail').textContent()).toMatch(/ attempt \d+ \(/);
    await page.keyboard.press('f');
    const fit = await range();
    const start = Number(await canvas.getAttribute('data-selected-start'));
    const end = Number(await canvas.getAttribute('data-selected-end'));
    expect((end - start) / (fit.t1 - fit.t0)).toBeGreaterThan(0.8);
    expect(fit.t0).toBeLessThanOrEqual(start);
    await s.screenshot('timeline-zoomed-attempt-1280-dark');
    await page.setViewportSize({ width: 1024, height: 700 });
    await setTheme(page, 'light');
    await canvas.scrollIntoViewIfNeeded();
    await s.screenshot('timeline-zoomed-attempt-1024-light');
    await setTheme(page, 'dark');
    expect(await ownViolations(page)).toEqual([]);
  });
});
