#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity (Doyensec's checker for Electron misconfigurations)
// over the main process and preload sources in electron/. Exits 1 on any finding that is not
// explained in place (an `/* eng-disable CHECK_NAME */` comment beside the code, saying why).
//
// Electronegativity 1.10 fetches its translations from a code host at start (1 s timeout,
// then falls back to its bundled en-US strings). The desktop app and its checks must work
// offline, so this script loads the bundled en-US strings itself and never makes that request.
import Module, { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPackage = createRequire(join(packageDir, 'package.json'));

const i18nPath = join(packageDir, 'dist', 'locales', 'i18n.js');
const offlineI18n = new Module(i18nPath);
offlineI18n.filename = i18nPath;
offlineI18n.loaded = true;
offlineI18n.exports = {
  __esModule: true,
  default: async () => {
    const i18n = fromPackage('i18n');
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(packageDir, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  },
};
require.cache[i18nPath] = offlineI18n;

const run = fromPackage('./dist/runner.js');

/**
 * Checks switched off here, each for a reason that holds for this app:
 * - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list: this script runs
 *   offline. Electron is pinned in package.json and moved to new releases by hand.
 * - CSP_GLOBAL_CHECK looks for a CSP in HTML <meta> tags or onHeadersReceived: ours is sent as a
 *   header by the app:// protocol handler (appProtocol.ts, from webPolicy.mjs's PAGE_CSP and
 *   SANDBOX_WORKER_CSP), which security.test.ts and the desktop e2e check.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];
const electronVersion = fromPackage(join(root, 'node_modules', 'electron', 'package.json')).version;

async function main() {
  const input = join(root, 'electron');
  const result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  for (const error of result.errors)
    console.error(`electronegativity: could not parse ${error.file}: ${error.message}`);
  const findings = result.issues;
  for (const issue of findings) {
    const where = `${relative(root, join(input, issue.file))}:${issue.location.line}:${issue.location.column}`;
    console.error(`${where}  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}): ${issue.description}`);
  }
  console.log(
    `electronegativity: ${result.globalChecks + result.atomicChecks} checks over electron/, ` +
      `${findings.length} finding(s), ${result.errors.length} parse error(s)`,
  );
  if (findings.length > 0 || result.errors.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`electronegativity failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
