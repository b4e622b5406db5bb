import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('parses headings, paragraphs, lists and code', () => {
    const blocks = parseMarkdown(
      '## Blocks\n\nHDFS cuts a file\ninto **blocks**.\n\n- one\n- two `x`\n\n```js\nconst a = 1;\n```\n> quote',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'code', 'quote']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'HDFS cuts a file into ' },
        { type: 'strong', children: [{ type: 'text', text: 'blocks' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(blocks[3]).toEqual({ type: 'code', lang: 'js', text: 'const a = 1;' });
  });

  it('keeps HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('parses links and emphasis', () => {
    expect(parseInline('see [the docs](#x) and *this*')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: '#x', children: [{ type: 'text', text: 'the docs' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'this' }] },
    ]);
  });
});
