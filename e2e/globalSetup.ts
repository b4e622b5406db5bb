/**
 * Builds the web app when its sources changed, serves it on 127.0.0.1 and hands the URL to
 * the tests. Fails early, with the fix, when no Chromium is installed.
 */
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  // @ts-expect-error: plain ESM build scripts without type declarations
  const { buildRenderer, rendererOut } = (await import('../scripts/buildRenderer.mjs')) as {
    buildRenderer(): void;
    rendererOut: string;
  };
  // @ts-expect-error: plain ESM build scripts without type declarations
  const { startWebServer } = (await import('../scripts/webServer.mjs')) as {
    startWebServer(o: { root: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  buildRenderer();
  const server = await startWebServer({ root: rendererOut, port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => server.close();
}
