/**
 * The frame every cookbook figure is drawn in: an SVG with its title and a description for
 * screen readers, the cookbook's caption and number, and a line saying in words what is lit now
 * (so colour is never the only cue). Shapes for the drawings: a part box, an arrow, a label.
 */
import { tr } from '../../i18n/figureText';
import { createContext, useContext, useId, type ReactNode } from 'react';
import type { CookbookFigureId } from '../../../labs/labTypes';
import { FIGURES, figureCaption, litSentences } from '../../viz/figures/figureCatalog';

const Lit = createContext<{ lit: ReadonlySet<string>; marker: string }>({ lit: new Set(), marker: '' });

/** True when `part` is lit. */
export function useLit(part: string): boolean {
  return useContext(Lit).lit.has(part);
}

/** The figure's lit parts (for a box standing for several parts). */
export function useLitSet(): ReadonlySet<string> {
  return useContext(Lit).lit;
}

export interface FigureSvgProps {
  id: CookbookFigureId;
  width: number;
  height: number;
  lit: ReadonlySet<string>;
  /** The text alternative: what the figure shows, in sentences. */
  description: string;
  /** null before a run: nothing is lit yet. */
  t: number | null;
  children: ReactNode;
}

export function FigureSvg({ id, width, height, lit, description, t, children }: FigureSvgProps) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const info = FIGURES[id];
  const now = litSentences(id, lit);
  const caption = figureCaption(id);
  const title = tr('figureTitle', { id, caption });
  return (
    <figure className="cookbook-figure" data-figure={id} data-lit={[...lit].sort().join(' ')}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        className="figure-svg"
      >
        <title id={`${uid}-title`}>{title}</title>
        <desc id={`${uid}-desc`}>{description}</desc>
        <defs>
          <Arrowhead id={`${uid}-arrow`} className="fig-arrowhead" />
          <Arrowhead id={`${uid}-arrow-lit`} className="fig-arrowhead lit" />
        </defs>
        <Lit.Provider value={{ lit, marker: uid }}>{children}</Lit.Provider>
      </svg>
      <figcaption>
        <strong>{tr('caption', { id })}</strong> {caption}{' '}
        <span className="muted">{tr('section', { section: info.section })}</span>
      </figcaption>
      <p className="figure-now muted" data-testid="figure-now">
        {t === null ? tr('runFirst') : now.length > 0 ? tr('now', { parts: now.join('; ') }) : tr('idle')}
      </p>
    </figure>
  );
}

export interface BoxProps {
  part?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub?: string;
  /** Lit regardless of `part` (a box standing for several parts). */
  on?: boolean;
  /** Drawn dashed: a part the run does not use. */
  unused?: boolean;
  small?: boolean;
  /** The smallest label (a long name in a narrow box). */
  tiny?: boolean;
}

/** A part of a figure: a rounded box with a label (and a second line), outlined and filled when lit. */
export function Box({ part, x, y, w, h, label, sub, on, unused, small, tiny }: BoxProps) {
  const litPart = useLit(part ?? '');
  const lit = on ?? litPart;
  const cls = `fig-box${lit ? ' lit' : ''}${unused ? ' unused' : ''}${small ? ' small' : ''}${tiny ? ' tiny' : ''}`;
  const mid = y + h / 2;
  return (
    <g className={cls} data-part={part}>
      <rect x={x} y={y} width={w} height={h} rx={5} />
      {lit && <circle className="fig-dot" cx={x + w - 6} cy={y + 6} r={3} />}
      <text x={x + w / 2} y={sub ? mid - 2 : mid + 4} textAnchor="middle" className="fig-label">
        {label}
      </text>
      {sub && (
        <text x={x + w / 2} y={mid + 11} textAnchor="middle" className="fig-sub">
          {sub}
        </text>
      )}
    </g>
  );
}

export interface ArrowProps {
  part?: string;
  on?: boolean;
  d: string;
  dashed?: boolean;
}

/** A connection between parts (an SVG path), with an arrowhead, drawn thicker when lit. */
export function Arrow({ part, on, d, dashed }: ArrowProps) {
  const { marker } = useContext(Lit);
  const litPart = useLit(part ?? '');
  const lit = on ?? litPart;
  return (
    <path
      d={d}
      className={`fig-arrow${lit ? ' lit' : ''}${dashed ? ' dashed' : ''}`}
      data-part={part}
      markerEnd={`url(#${marker}-arrow${lit ? '-lit' : ''})`}
    />
  );
}

/** Plain text in a figure (headings, sample data). */
export function Label({
  x,
  y,
  children,
  anchor = 'middle',
  mono,
  halo,
}: {
  x: number;
  y: number;
  children: ReactNode;
  anchor?: 'start' | 'middle' | 'end';
  mono?: boolean;
  /** Outlined in the background colour, to stay readable over lines. */
  halo?: boolean;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={`fig-note${mono ? ' mono' : ''}${halo ? ' halo' : ''}`}>
      {children}
    </text>
  );
}

/** The arrowhead the figures' arrows end in (`marker-end`), plain or lit. */
function Arrowhead({ id, className }: { id: string; className: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}

/** A cross over a part whose machine is down, drawn while `part` is lit (colour is not the only cue: the status line says it). */
export function DownMark({ part, x, y, w, h }: { part: string; x: number; y: number; w: number; h: number }) {
  const down = useLit(part);
  if (!down) return null;
  return (
    <g className="fig-down" data-part={part}>
      <path d={`M${x + 3},${y + 3} L${x + w - 3},${y + h - 3} M${x + w - 3},${y + 3} L${x + 3},${y + h - 3}`} />
    </g>
  );
}
