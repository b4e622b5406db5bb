import { describe, expect, it } from 'vitest';
import { crawledPages } from './crawledPages';

describe('crawledPages', () => {
  it('gives the same bytes for the same seed, one page per line, url TAB html', () => {
    const a = crawledPages(200, { seed: 7 });
    expect(crawledPages(200, { seed: 7 })).toBe(a);
    expect(crawledPages(200, { seed: 8 })).not.toBe(a);
    const lines = a.trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    for (const line of lines)
      expect(line).toMatch(
        /^http:\/\/www\.[a-z-]+\.com\/page\d+\.html\t(<!DOCTYPE[^>]*>)?<(html|HTML)>.*<\/(html|HTML)>$/,
      );
  });

  it('writes tags the way 2004 sites did: upper and lower case, self-closing br, comments and doctypes', () => {
    const text = crawledPages(400);
    for (const piece of ['<TABLE', '<table', 'R/>', '<br>', '<!-- ', '<!DOCTYPE', '</a>', ' href="http://'])
      expect(text, piece).toContain(piece);
  });
});
