/**
 * Where the cluster map has words (a rack card's lines, a node card's name, status and "+n more",
 * a rack frame's label), in the map's coordinates: the data-flow layer fades its curves there, so a
 * transfer crossing a card never hides "0/160 cores busy". Read from the drawn SVG (each text's
 * box and its place on the map), after the map was drawn; none where the browser cannot measure.
 */
import type { Box } from './clusterMapLayout';

const WORDS = [
  'g.rack-summary > text',
  'g.node > text.name',
  'g.node > text.status',
  'g.node > text.more',
  'g.rack > text.rack-label',
].join(', ');

export function mapLabelBoxes(svg: SVGSVGElement): Box[] {
  const boxes: Box[] = [];
  for (const text of svg.querySelectorAll<SVGTextElement>(WORDS)) {
    if (typeof text.getBBox !== 'function' || typeof text.getCTM !== 'function') return [];
    let b: DOMRect;
    try {
      b = text.getBBox();
    } catch {
      continue;
    }
    const m = text.getCTM();
    if (b.width <= 0 || b.height <= 0 || !m) continue;
    // Cards and frames are only moved (translate), never turned or scaled.
    boxes.push({ x: m.a * b.x + m.e, y: m.d * b.y + m.f, w: m.a * b.width, h: m.d * b.height });
  }
  return boxes;
}
