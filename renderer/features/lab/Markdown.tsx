/** Renders lab Markdown (parsed by ./markdown) as React elements. Links open nothing outside the app. */
import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'link':
        // Only in-app anchors are followed; outside links are shown as text with their address.
        return n.href.startsWith('#') ? (
          <a key={i} href={n.href}>
            {inline(n.children)}
          </a>
        ) : (
          <span key={i} title={n.href}>
            {inline(n.children)}
          </span>
        );
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'heading': {
      const Tag = (['h3', 'h3', 'h4', 'h5'] as const)[b.level - 1]!;
      return <Tag key={i}>{inline(b.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{inline(b.children)}</p>;
    case 'list': {
      const items = b.items.map((item, j) => <li key={j}>{inline(item)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    case 'code':
      return (
        <pre key={i} className="md-code">
          <code>{b.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={i}>{inline(b.children)}</blockquote>;
  }
}

export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="markdown">{blocks.map(block)}</div>;
}
