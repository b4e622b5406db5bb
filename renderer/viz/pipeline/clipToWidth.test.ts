import { describe, expect, it } from 'vitest';
import { clipToWidth, textEms } from './clipToWidth';

describe('clipToWidth', () => {
  it('keeps a label that fits', () => {
    expect(clipToWidth('ingest', 96, 12, true)).toBe('ingest');
  });

  it('clips a long one with an ellipsis, within the width', () => {
    const clipped = clipToWidth('speed-layer-for-the-dashboard', 96, 12, true);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipped.length).toBeLessThan('speed-layer-for-the-dashboard'.length);
    expect(textEms(clipped, true) * 12).toBeLessThanOrEqual(96);
    expect('speed-layer-for-the-dashboard'.startsWith(clipped.slice(0, -1))).toBe(true);
  });

  it('gives wide letters less room than narrow ones', () => {
    expect(clipToWidth('MMMMMMMMMMMMMM', 96, 12).length).toBeLessThan(clipToWidth('iiiiiiiiiiiiii', 96, 12).length);
  });
});
