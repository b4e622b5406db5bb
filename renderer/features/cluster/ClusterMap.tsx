/**
 * The cluster map as a React element: an SVG drawn at its on-screen width (so 12 px text stays
 * 12 px), and for large clusters a row of zoom buttons: "All racks" shows one summary per rack,
 * a rack's button (or a click on its summary) shows that rack's nodes. Escape zooms out.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { drawClusterMap, mapMode } from '../../viz/drawClusterMap';
import type { ClusterPicture } from '../../viz/clusterPicture';
import { SUMMARY_ABOVE_NODES } from '../../viz/clusterMapLayout';
import { plural } from '../../../labs/plural';
import './clusterMap.css';

/** The width the SVG is laid out at, kept up to date with a ResizeObserver. */
function useSvgWidth(ref: React.RefObject<SVGSVGElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    // The exact content width (clientWidth rounds): a viewBox a fraction of a pixel wider than
    // the element would shrink 12 px text to 11.99 px.
    const measure = () => {
      const style = getComputedStyle(svg);
      const frame = ['borderLeftWidth', 'borderRightWidth', 'paddingLeft', 'paddingRight'] as const;
      const w = frame.reduce((rest, side) => rest - (parseFloat(style[side]) || 0), svg.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(svg);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

export interface ClusterMapProps {
  picture: ClusterPicture;
  /** The most block replicas one node holds during the run (sizes the cards once). */
  peakBlocks: number;
  /** What the map shows, for screen readers: "Cluster map at 4.1 s". */
  label: string;
  animate?: boolean;
}

export function ClusterMap({ picture, peakBlocks, label, animate = false }: ClusterMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useSvgWidth(svgRef);
  const [rack, setRack] = useState<string | null>(null);
  const racks = useMemo(() => [...new Set(picture.nodes.map((n) => n.rack))], [picture.nodes]);
  const zoomable = picture.nodes.length > SUMMARY_ABOVE_NODES;
  const zoom = zoomable && rack !== null && racks.includes(rack) ? rack : null;

  useEffect(() => {
    if (svgRef.current && width > 0)
      drawClusterMap(svgRef.current, picture, { width, rack: zoom, peakBlocks, animate, onOpenRack: setRack });
  }, [picture, width, zoom, peakBlocks, animate]);

  const mode = mapMode(picture, zoom);
  const shown = zoom === null ? picture.nodes : picture.nodes.filter((n) => n.rack === zoom);
  const where =
    mode === 'racks'
      ? `${plural(racks.length, 'rack')} summarised`
      : zoom !== null
        ? `rack ${zoom}, ${plural(shown.length, 'node')}`
        : plural(shown.length, 'node');
  return (
    <div
      className="cluster-map-box"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && zoom !== null) {
          e.stopPropagation();
          setRack(null);
        }
      }}
    >
      {zoomable && (
        <div className="map-zoom" role="group" aria-label="Cluster map zoom">
          <span className="muted">Zoom:</span>
          <button
            type="button"
            className="btn"
            aria-pressed={zoom === null}
            onClick={() => setRack(null)}
            title="One summary per rack (Esc)"
          >
            All racks
          </button>
          {racks.map((r) => (
            <button
              key={r}
              type="button"
              className="btn"
              aria-pressed={zoom === r}
              aria-label={`Show the nodes of rack ${r}`}
              onClick={() => setRack(r)}
            >
              {r}
            </button>
          ))}
          <span className="muted">
            {zoom === null ? 'Click a rack, or its button, to see its nodes.' : 'Esc or “All racks” zooms out.'}
          </span>
        </div>
      )}
      <svg
        ref={svgRef}
        className="cluster-map cluster-map-fit"
        data-testid="cluster-map"
        data-mode={mode}
        data-zoom={zoom ?? 'all'}
        data-busy-cores={picture.nodes.reduce((sum, n) => sum + n.usedCores, 0)}
        aria-label={`${label}: ${where}`}
      />
    </div>
  );
}
