import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isLocalImage, markdownToReact } from './markdownToReact';

const html = (source: string) => renderToStaticMarkup(createElement(Fragment, null, ...markdownToReact(source)));

describe('markdownToReact', () => {
  it('renders headings, paragraphs, lists, code and quotes', () => {
    expect(
      html(
        '## Blocks\n\nHDFS cuts a file\ninto **blocks**.\n\n- one\n- two `x`\n\n```js\nconst a = 1;\n```\n\n> quote',
      ),
    ).toBe(
      '<h3>Blocks</h3><p>HDFS cuts a file\ninto <strong>blocks</strong>.</p><ul><li>one</li><li>two <code>x</code></li></ul>' +
        '<pre class="md-code" tabindex="0"><code data-lang="js">const a = 1;</code></pre><blockquote><p>quote</p></blockquote>',
    );
    expect(html('1. a\n2. b')).toBe('<ol><li>a</li><li>b</li></ol>');
    expect(html('3. c')).toBe('<ol start="3"><li>c</li></ol>');
  });

  it('keeps HTML as text: no raw markup reaches the page', () => {
    expect(html('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html('<script>alert(1)</script>\n\ntext')).not.toContain('<script');
    expect(html('a <b onclick="x()">b</b>')).toBe('<p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>');
  });

  it('follows in-app links and turns other addresses into text with a tooltip', () => {
    expect(html('see [the docs](#/sandbox) and *this*')).toBe(
      '<p>see <a href="#/sandbox">the docs</a> and <em>this</em></p>',
    );
    expect(html('[Hadoop](https://hadoop.apache.org/)')).toBe(
      '<p><span class="md-external" title="https://hadoop.apache.org/">Hadoop</span></p>',
    );
    // markdown-it refuses script addresses outright: the text stays text.
    expect(html('[x](javascript:alert(1))')).not.toMatch(/href|title="javascript/);
  });

  it("shows the app's own figures and only the alt text of any other image", () => {
    // (React's server renderer adds a preload hint for the image before it: not part of the page.)
    expect(html('![Four blocks](figures/blocks.svg)')).toContain(
      '<p><img src="figures/blocks.svg" alt="Four blocks" class="md-figure"/></p>',
    );
    expect(html('![tracker](https://example.com/t.svg)')).toBe(
      '<p><span class="md-image-blocked" title="https://example.com/t.svg">tracker</span></p>',
    );
    for (const src of [
      '/etc/x.svg',
      '../secret.svg',
      'figures/../../x.svg',
      '//host/x.svg',
      'data:image/svg+xml,x',
      'x.gif',
    ])
      expect(isLocalImage(src)).toBe(false);
    expect(isLocalImage('favicon.svg')).toBe(true);
  });

  it('renders tables with their alignment inside a keyboard-scrollable box', () => {
    expect(html('| step | blocks |\n| :--- | -----: |\n| 1 | 4 |')).toBe(
      '<div class="md-table" tabindex="0" role="region" aria-label="Table"><table><thead><tr>' +
        '<th style="text-align:left">step</th><th style="text-align:right">blocks</th></tr></thead>' +
        '<tbody><tr><td style="text-align:left">1</td><td style="text-align:right">4</td></tr></tbody></table></div>',
    );
  });
});
