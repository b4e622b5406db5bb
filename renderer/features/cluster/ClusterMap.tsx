/**
 * The cluster map as a React element: an SVG drawn at its on-screen width (so 12 px text stays
 * 12 px), and for large clusters a row of zoom buttons: "All racks" shows one summary per rack,
 * a rack's button (or a click on its summary) shows that rack's nodes. Escape zooms out.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { drawClusterMap, mapMode } from '../../viz/drawClusterMap';
import { drawMapFlows, readFlowColours, type FlowGeometry } from '../../viz/drawMapFlows';
import type { MapFlowIndex } from '../../viz/mapFlowIndex';
import { mapLabelBoxes } from '../../viz/mapLabelBoxes';
import type { ClusterPicture } from '../../viz/clusterPicture';
import { SUMMARY_ABOVE_NODES } from '../../viz/clusterMapLayout';
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
  /**
   * Data moving at playback time t, drawn over the map, and the transfers that ended within the
   * index's lingerMs of simulated time before t, fading. simMsPerSecond: the playback's speed.
   */
  flows?: { index: MapFlowIndex; t: number; simMsPerSecond?: number | undefined };
}

/** Draws the flows at t over the map; the SVG carries how many transfers move at t and which pairs are drawn. */
function paintFlows(
  svg: SVGSVGElement,
  canvas: HTMLCanvasElement,
  geometry: FlowGeometry,
  flows: NonNullable<ClusterMapProps['flows']>,
) {
  const now = performance.now();
  // A fixed stretch of simulated time: the map at t is the same paused or playing (the legend counts them as just ended).
  const pairs = flows.index.pairs(flows.t, flows.index.lingerMs, geometry.endpoint);
  const box = svg.viewBox.baseVal;
  const keys = drawMapFlows(
    canvas,
    { width: box?.width ?? 0, height: box?.height ?? 0 },
    pairs,
    geometry,
    flows.index.peakRate,
    now,
    readFlowColours(canvas),
  );
  const d = svg.dataset;
  const set = (k: string, v: string) => {
    if (d[k] !== v) d[k] = v;
  };
  set('flowsMoving', String(pairs.reduce((s, p) => s + p.active, 0)));
  set('flowsEnded', String(flows.index.justEnded(flows.t)));
  set('flowPairs', String(keys.length));
  set('flowKeys', keys.join(' '));
  set('firstFlow', String(flows.index.flows[0]?.start ?? ''));
  set('firstShuffle', String(flows.index.firstOf('shuffle') ?? ''));
  set('firstReplication', String(flows.index.firstOf('replication') ?? ''));
  set('flowScopes', [...new Set(pairs.map((p) => p.scope))].sort().join(' '));
}

export function ClusterMap({ picture, peakBlocks, label, animate = false, flows }: ClusterMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const geometryRef = useRef<FlowGeometry | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowsRef = useRef(flows);
  useEffect(() => {
    flowsRef.current = flows;
  }, [flows]);
  // The flows' colours come from the theme (<html data-theme>): repaint when it changes, even paused.
  const [themeTick, setThemeTick] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setThemeTick((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, []);
  const width = useSvgWidth(svgRef);
  const [rack, setRack] = useState<string | null>(null);
  const racks = useMemo(() => [...new Set(picture.nodes.map((n) => n.rack))], [picture.nodes]);
  const zoomable = picture.nodes.length > SUMMARY_ABOVE_NODES;
  const zoom = zoomable && rack !== null && racks.includes(rack) ? rack : null;

  // What the flows were last painted for: a frame that changes both the picture and the flows
  // paints them once, not once per effect.
  const painted = useRef<{ flows: unknown; geometry: unknown; theme: number } | null>(null);
  const paintOnce = (svg: SVGSVGElement, canvas: HTMLCanvasElement, geometry: FlowGeometry, f: typeof flows) => {
    if (!f) return;
    const last = painted.current;
    if (last && last.flows === f && last.geometry === geometry && last.theme === themeTick) return;
    painted.current = { flows: f, geometry, theme: themeTick };
    paintFlows(svg, canvas, geometry, f);
  };

  // The map's words come from i18n.t inside drawClusterMap: it draws again when the language changes.
  const { t, i18n } = useTranslation('cluster');
  const language = i18n.language;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width <= 0) return;
    const geometry = drawClusterMap(svg, picture, { width, rack: zoom, peakBlocks, animate, onOpenRack: setRack });
    // Measured only when flows are drawn over the map: its words fade the curves under them.
    geometryRef.current = flowsRef.current ? { ...geometry, labels: mapLabelBoxes(svg) } : geometry;
    if (canvasRef.current) paintOnce(svg, canvasRef.current, geometryRef.current, flowsRef.current);
    // paintOnce reads only refs and themeTick, which the flows effect below repaints for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picture, width, zoom, peakBlocks, animate, language]);

  useEffect(() => {
    const svg = svgRef.current;
    const canvas = canvasRef.current;
    if (!svg || !canvas) return;
    if (flows && geometryRef.current) {
      // Flows arriving over a map drawn without them: its words are measured now.
      if (!geometryRef.current.labels) geometryRef.current = { ...geometryRef.current, labels: mapLabelBoxes(svg) };
      paintOnce(svg, canvas, geometryRef.current, flows);
    } else if (!flows) {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      svg.dataset.flowKeys = '';
      svg.dataset.flowsMoving = '0';
      svg.dataset.flowPairs = '0';
      // No flows (yet): nothing of a previous run's flows stays on the map.
      for (const k of ['firstFlow', 'firstShuffle', 'firstReplication', 'flowScopes'] as const) delete svg.dataset[k];
      painted.current = null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flows, themeTick]);

  const mode = mapMode(picture, zoom);
  const shown = zoom === null ? picture.nodes : picture.nodes.filter((n) => n.rack === zoom);
  const where =
    mode === 'racks'
      ? t('map.racksSummarised', { count: racks.length })
      : zoom !== null
        ? t('map.rackNodes', { rack: zoom, count: shown.length })
        : t('map.nodes', { count: shown.length });
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
        <div className="map-zoom" role="group" aria-label={t('map.zoom')}>
          <span className="muted">{t('map.zoomLabel')}</span>
          <button
            type="button"
            className="btn"
            aria-pressed={zoom === null}
            onClick={() => setRack(null)}
            title={t('map.allRacksTitle')}
          >
            {t('map.allRacks')}
          </button>
          {racks.map((r) => (
            <button
              key={r}
              type="button"
              className="btn"
              aria-pressed={zoom === r}
              aria-label={t('map.showRack', { rack: r })}
              onClick={() => setRack(r)}
            >
              {r}
            </button>
          ))}
          <span className="muted">{zoom === null ? t('map.zoomHelp') : t('map.zoomOut')}</span>
        </div>
      )}
      <div className="cluster-map-stack">
        <svg
          ref={svgRef}
          className="cluster-map cluster-map-fit"
          data-testid="cluster-map"
          data-mode={mode}
          data-zoom={zoom ?? 'all'}
          data-busy-cores={picture.nodes.reduce((sum, n) => sum + n.usedCores, 0)}
          aria-label={`${label}: ${where}`}
        />
        <canvas ref={canvasRef} className="flow-canvas" aria-hidden="true" data-testid="flow-canvas" />
      </div>
    </div>
  );
}
