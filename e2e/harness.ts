/**
 * The e2e harness: launches Chromium with playwright-core, routes every request that is not
 * to 127.0.0.1 to abort (and counts it), records console errors and page errors, and saves
 * screenshots under e2e/artifacts/.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export const ARTIFACTS = join(process.cwd(), 'e2e', 'artifacts');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  consoleErrors: string[];
  outsideRequests: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openApp(
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const baseUrl = inject('baseUrl');
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    // English unless a test switches: the app's first start follows the browser's language.
    locale: 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'dark',
  });
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    outsideRequests.push(route.request().url());
    return route.abort();
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl.replace(/\/$/, '') });
  const page = await context.newPage();
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(baseUrl);
  return {
    browser,
    context,
    page,
    baseUrl,
    consoleErrors,
    outsideRequests,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
    },
  };
}
