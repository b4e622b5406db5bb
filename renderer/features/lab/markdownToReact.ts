/**
 * Lab Markdown as React elements. markdown-it parses it (CommonMark with GitHub's tables and
 * strikethrough) with raw HTML off, and its tokens become React elements, never an HTML string,
 * so lab text cannot inject markup. Links: in-app anchors (`#/lab/...`) are followed; any other
 * address is shown as text with the address in its tooltip, so the app never navigates away.
 * Images: only the app's own figures (a relative path to an .svg or .png file, such as
 * `figures/blocks.svg` from renderer/public); any other source shows its alt text instead.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { createElement, Fragment, type CSSProperties, type ReactNode } from 'react';

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** A relative path inside the app to an SVG or PNG file: no scheme, no host, no way up. */
const LOCAL_IMAGE = /^(?![a-z][a-z0-9+.-]*:)(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png)$/i;

export function isLocalImage(src: string): boolean {
  return LOCAL_IMAGE.test(src);
}

/** Lab headings sit under the page's own h2: # and ## become h3, ### h4, and so on. */
const HEADINGS = ['h3', 'h3', 'h4', 'h5', 'h6', 'h6'] as const;

/** An attribute as text (markdown-it types attribute values as string or number). */
const attr = (t: Token, name: string): string => String(t.attrGet(name) ?? '');

interface Frame {
  token: Token | null;
  children: ReactNode[];
}

/** Folds open/close tokens into nested elements; `leaf` renders the tokens without nesting. */
function fold(
  tokens: Token[],
  element: (t: Token, children: ReactNode[], key: number) => ReactNode,
  leaf: (t: Token, key: number) => ReactNode,
): ReactNode[] {
  const stack: Frame[] = [{ token: null, children: [] }];
  for (const t of tokens) {
    const top = stack[stack.length - 1]!;
    if (t.nesting === 1) stack.push({ token: t, children: [] });
    else if (t.nesting === -1 && stack.length > 1) {
      const done = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      parent.children.push(element(done.token!, done.children, parent.children.length));
    } else top.children.push(leaf(t, top.children.length));
  }
  return stack[0]!.children;
}

function inlineElement(t: Token, children: ReactNode[], key: number): ReactNode {
  switch (t.type) {
    case 'strong_open':
      return createElement('strong', { key }, children);
    case 'em_open':
      return createElement('em', { key }, children);
    case 's_open':
      return createElement('s', { key }, children);
    case 'link_open': {
      const href = attr(t, 'href');
      if (href.startsWith('#')) return createElement('a', { key, href }, children);
      return createElement('span', { key, className: 'md-external', title: href }, children);
    }
    default:
      return createElement(Fragment, { key }, children);
  }
}

function inlineLeaf(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'code_inline':
      return createElement('code', { key }, t.content);
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'image': {
      const src = attr(t, 'src');
      const alt = t.children ? md.renderer.renderInlineAsText(t.children, md.options, {}) : t.content;
      if (isLocalImage(src)) return createElement('img', { key, src, alt, className: 'md-figure' });
      return createElement('span', { key, className: 'md-image-blocked', title: src }, alt);
    }
    default:
      // text, and anything else markdown-it may add: its text, never markup.
      return t.content;
  }
}

function inline(tokens: Token[]): ReactNode[] {
  return fold(tokens, inlineElement, inlineLeaf);
}

function cellStyle(t: Token): CSSProperties | undefined {
  const align = /text-align:(left|right|center)/.exec(attr(t, 'style'))?.[1];
  return align ? { textAlign: align as CSSProperties['textAlign'] } : undefined;
}

function blockElement(t: Token, children: ReactNode[], key: number): ReactNode {
  switch (t.type) {
    case 'paragraph_open':
      // Paragraphs of tight list items are hidden: their text sits in the <li> directly.
      return t.hidden ? createElement(Fragment, { key }, children) : createElement('p', { key }, children);
    case 'heading_open':
      return createElement(HEADINGS[Number(t.tag.slice(1)) - 1] ?? 'h6', { key }, children);
    case 'bullet_list_open':
      return createElement('ul', { key }, children);
    case 'ordered_list_open': {
      const start = Number(attr(t, 'start') || 1);
      return createElement('ol', { key, start: start === 1 ? undefined : start }, children);
    }
    case 'list_item_open':
      return createElement('li', { key }, children);
    case 'blockquote_open':
      return createElement('blockquote', { key }, children);
    case 'table_open':
      // A wide table scrolls inside its own box, which the keyboard can reach.
      return createElement(
        'div',
        { key, className: 'md-table', tabIndex: 0, role: 'region', 'aria-label': 'Table' },
        createElement('table', null, children),
      );
    case 'thead_open':
    case 'tbody_open':
    case 'tr_open':
      return createElement(t.tag, { key }, children);
    case 'th_open':
    case 'td_open':
      return createElement(t.tag, { key, style: cellStyle(t) }, children);
    default:
      return createElement(Fragment, { key }, children);
  }
}

function blockLeaf(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'inline':
      return createElement(Fragment, { key }, inline(t.children ?? []));
    case 'fence':
    case 'code_block': {
      const lang = t.info.trim().split(/\s+/)[0] ?? '';
      // Focusable so a long line can be scrolled with the keyboard.
      return createElement(
        'pre',
        { key, className: 'md-code', tabIndex: 0 },
        createElement('code', { 'data-lang': lang || undefined }, t.content.replace(/\n$/, '')),
      );
    }
    case 'hr':
      return createElement('hr', { key });
    default:
      return t.content;
  }
}

/** The elements of a Markdown text, ready to sit inside a `.markdown` container. */
export function markdownToReact(source: string): ReactNode[] {
  return fold(md.parse(source, {}), blockElement, blockLeaf);
}
