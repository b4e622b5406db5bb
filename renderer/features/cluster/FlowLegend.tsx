/**
 * The key to the data flows on the cluster map: colour and dash by scope (colour-blind safe, and
 * the dash tells them apart without colour), what width and the moving dots mean, how long an
 * ended transfer stays, and what moves at this instant in words.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import type { MapFlow, MapFlowKind } from '../../viz/mapFlows';
import { formatBytes, formatMs } from '../../viz/run/format';

/**
 * "3 transfers moving: 2 shuffle fetches, 1 remote HDFS read", or "no data moving", in the page's
 * language; then how many transfers just ended (`ended`: the ones the map draws fading).
 */
export function movingSummary(moving: readonly MapFlow[], ended = 0): string {
  const endedText = ended > 0 ? `; ${i18n.t('cluster:legend.justEnded', { count: ended })}` : '';
  if (moving.length === 0) return i18n.t('cluster:legend.nothingMoving') + endedText;
  const counts = new Map<MapFlowKind, number>();
  for (const f of moving) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => i18n.t(`cluster:legend.${k}Count`, { count: n }));
  return i18n.t('cluster:legend.moving', { count: moving.length, parts: parts.join(', ') }) + endedText;
}

/** `label`: the scope's key in the cluster namespace. */
const SCOPES = [
  { scope: 'local', label: 'legend.local', dash: '2 4' },
  { scope: 'rack', label: 'legend.rack', dash: '8 5' },
  { scope: 'offRack', label: 'legend.offRack', dash: '' },
] as const;

export interface FlowLegendProps {
  moving: readonly MapFlow[];
  /** Transfers that ended within `lingerMs` before the instant: drawn fading. */
  ended: number;
  lingerMs: number;
  peakRate: number;
  racks: boolean;
  /** Whether the flows are drawn on the map; the checkbox turns them off to see the chips alone. */
  shown: boolean;
  onShow(shown: boolean): void;
}

export function FlowLegend({ moving, ended, lingerMs, peakRate, racks, shown, onShow }: FlowLegendProps) {
  const { t } = useTranslation('cluster');
  const rate = moving.reduce((s, f) => s + (f.end > f.start ? (f.bytes * 1000) / (f.end - f.start) : 0), 0);
  return (
    <div className="flow-legend" data-testid="flow-legend">
      <label className="flow-toggle">
        <input type="checkbox" checked={shown} onChange={(e) => onShow(e.target.checked)} /> {t('legend.draw')}
      </label>
      <span className="flow-now" aria-live="off">
        {movingSummary(moving, ended)}
        {moving.length > 0 ? ` · ${formatBytes(rate)}/s` : ''}
      </span>
      <span className="flow-keys" aria-label={t('legend.key')}>
        {SCOPES.map((s) => (
          <span key={s.scope} className="flow-key">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" className={`flow-swatch ${s.scope}`} strokeDasharray={s.dash} />
            </svg>
            {t(s.label)}
          </span>
        ))}
      </span>
      <span className="muted">
        {t(racks ? 'legend.linesRacks' : 'legend.linesNodes', {
          peak: formatBytes(peakRate),
          linger: formatMs(lingerMs),
        })}
      </span>
    </div>
  );
}
