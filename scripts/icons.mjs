#!/usr/bin/env node
// `npm run icons`: the app's icons for every platform, from the one SVG assets/icon.svg:
// assets/icons/png/<N>x<N>.png (Linux, N = 16…1024), assets/icons/icon.ico (Windows),
// assets/icons/icon.icns (macOS), and assets/icons/source.sha256, the SVG's hash they were made
// from (scripts/icons.test.ts fails when the SVG changed and the icons were not remade).
// Rasterised with resvg (@resvg/resvg-js); the same SVG and resvg version give the same bytes.
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { icnsOf, icoOf } from './iconContainers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SVG = join(root, 'assets', 'icon.svg');
export const ICONS_DIR = join(root, 'assets', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function svgHash(svg = readFileSync(ICON_SVG)) {
  return createHash('sha256').update(svg).digest('hex');
}

export function renderPng(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

export function writeIcons() {
  const svg = readFileSync(ICON_SVG);
  const pngs = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
  rmSync(ICONS_DIR, { recursive: true, force: true });
  mkdirSync(join(ICONS_DIR, 'png'), { recursive: true });
  for (const [size, png] of pngs) writeFileSync(join(ICONS_DIR, 'png', `${size}x${size}.png`), png);
  writeFileSync(join(ICONS_DIR, 'icon.ico'), icoOf(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(ICONS_DIR, 'icon.icns'), icnsOf(pngs));
  writeFileSync(join(ICONS_DIR, 'source.sha256'), `${svgHash(svg)}  assets/icon.svg\n`);
  return ICONS_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`icons written to ${writeIcons()}`);
