/** Renders lab Markdown (markdown-it, raw HTML off; see ./markdownToReact) as React elements. */
import { useMemo } from 'react';
import { markdownToReact } from './markdownToReact';

export function Markdown({ source }: { source: string }) {
  const elements = useMemo(() => markdownToReact(source), [source]);
  return <div className="markdown">{elements}</div>;
}
