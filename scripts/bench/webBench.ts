/**
 * What the web benchmarks share: the repository's own build and serve scripts (loaded at run time,
 * not bundled, so their paths resolve from scripts/) and Chromium. Builds the app if needed and
 * serves it; when no Chromium is installed, says so and ends the benchmark (exit 0).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { findChromium } from '../../e2e/chromium';

export const root = process.env.CLUSTERLAB_ROOT ?? process.cwd();

export async function serveWebBuild(): Promise<{
  chromiumPath: string;
  server: { url: string; close(): Promise<void> };
}> {
  let chromiumPath: string;
  try {
    chromiumPath = findChromium();
  } catch (error) {
    console.log(`${(error as Error).message} The web benchmarks were skipped.`);
    process.exit(0);
  }
  const { buildRenderer, rendererOut } = (await import(
    pathToFileURL(join(root, 'scripts', 'buildRenderer.mjs')).href
  )) as { buildRenderer(): void; rendererOut: string };
  const { startWebServer } = (await import(pathToFileURL(join(root, 'scripts', 'webServer.mjs')).href)) as {
    startWebServer(o: { root: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  buildRenderer();
  return { chromiumPath, server: await startWebServer({ root: rendererOut, port: 0 }) };
}

/** Frames the page draws over `ms` (requestAnimationFrame), per second, and the longest gap between two. */
export async function framesPerSecond(page: Page, ms: number): Promise<{ fps: number; worstFrameMs: number }> {
  const r = await page.evaluate(
    (window) =>
      new Promise<{ frames: number; worst: number; ms: number }>((resolve) => {
        let n = 0;
        let worst = 0;
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          n++;
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < window) requestAnimationFrame(tick);
          else resolve({ frames: n, worst, ms: now - start });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
  return { fps: (r.frames * 1000) / r.ms, worstFrameMs: r.worst };
}
