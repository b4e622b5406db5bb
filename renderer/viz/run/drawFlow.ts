/**
 * Draws the shuffle matrix on a canvas: row = node the bytes came from, column = node that
 * fetched them; colour = same node / same rack / another rack, intensity = bytes (square root
 * scale). A canvas because 100 nodes make 10,000 cells redrawn while playing.
 */
import type { FlowMatrix } from './runFlows';

export interface FlowColours {
  text: string;
  muted: string;
  border: string;
  local: string;
  rack: string;
  offRack: string;
}

export function flowCellSize(n: number, maxSide = 420): number {
  return Math.max(3, Math.min(56, Math.floor(maxSide / Math.max(1, n))));
}

export const FLOW_GUTTER = 56;

export function drawFlowMatrix(
  canvas: HTMLCanvasElement,
  m: FlowMatrix,
  nodes: readonly { id: string; rack: string }[],
  c: FlowColours,
  label: (bytes: number) => string,
): void {
  const n = m.n;
  const cell = flowCellSize(n);
  const side = FLOW_GUTTER + n * cell + 4;
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  if (canvas.width !== Math.round(side * dpr)) {
    canvas.width = canvas.height = Math.round(side * dpr);
    canvas.style.width = canvas.style.height = `${side}px`;
  }
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, side, side);
  const labelEvery = Math.max(1, Math.ceil(12 / cell));
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = c.text;
  g.textBaseline = 'middle';
  for (let i = 0; i < n; i += labelEvery) {
    const id = nodes[i]!.id;
    g.textAlign = 'right';
    g.fillText(id, FLOW_GUTTER - 4, FLOW_GUTTER + i * cell + cell / 2);
    g.save();
    g.translate(FLOW_GUTTER + i * cell + cell / 2, FLOW_GUTTER - 4);
    g.rotate(-Math.PI / 2);
    g.textAlign = 'left';
    g.fillText(id, 0, 0);
    g.restore();
  }
  g.textAlign = 'left';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = FLOW_GUTTER + j * cell;
      const y = FLOW_GUTTER + i * cell;
      const bytes = m.bytes[i * n + j]!;
      g.globalAlpha = 1;
      if (cell >= 6) {
        g.strokeStyle = c.border;
        g.lineWidth = 1;
        g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
      }
      if (bytes <= 0 || m.max <= 0) continue;
      g.fillStyle = i === j ? c.local : nodes[i]!.rack === nodes[j]!.rack ? c.rack : c.offRack;
      g.globalAlpha = 0.18 + 0.82 * Math.sqrt(bytes / m.max);
      g.fillRect(x + 1, y + 1, cell - 2, cell - 2);
      if (cell >= 44) {
        g.globalAlpha = 1;
        g.fillStyle = c.text;
        g.font = '10px system-ui, sans-serif';
        g.fillText(label(bytes), x + 3, y + cell / 2);
      }
    }
  }
  g.globalAlpha = 1;
  // Rack boundaries.
  g.fillStyle = c.muted;
  for (let i = 1; i < n; i++) {
    if (nodes[i]!.rack === nodes[i - 1]!.rack) continue;
    g.fillRect(FLOW_GUTTER + i * cell - 1, FLOW_GUTTER, 2, n * cell);
    g.fillRect(FLOW_GUTTER, FLOW_GUTTER + i * cell - 1, n * cell, 2);
  }
}
