// The committed app icons (npm run icons) are made from assets/icon.svg as it is now, and are
// well-formed: PNGs of the sizes their names say, an .ico and an .icns whose entries are those PNGs.
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = join(process.cwd(), 'assets');
const icons = join(assets, 'icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, or throws when `png` is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('app icons', () => {
  it('were made from the current assets/icon.svg (run `npm run icons` after changing it)', () => {
    const hash = createHash('sha256')
      .update(readFileSync(join(assets, 'icon.svg')))
      .digest('hex');
    expect(readFileSync(join(icons, 'source.sha256'), 'utf8')).toBe(`${hash}  assets/icon.svg\n`);
  });

  it('are the PNGs Linux wants, each of the size in its name, rendered from the SVG', () => {
    const files = readdirSync(join(icons, 'png')).sort();
    expect(files).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024].map((n) => `${n}x${n}.png`).sort());
    for (const file of files) {
      const n = Number(file.split('x')[0]);
      expect(pngSize(readFileSync(join(icons, 'png', file))), file).toEqual({ width: n, height: n });
    }
    const svg = readFileSync(join(assets, 'icon.svg'));
    const rendered = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: 48 } }).render().asPng());
    expect(rendered.equals(readFileSync(join(icons, 'png', '48x48.png')))).toBe(true);
  });

  it('include a Windows .ico of PNG entries 16 to 256 pixels', () => {
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('include a macOS .icns whose chunks are PNGs of their types’ sizes, up to 1024 pixels', () => {
    const icns = readFileSync(join(icons, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    const seen: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      seen[type] = pngSize(icns.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(seen).toEqual(expected);
  });
});
