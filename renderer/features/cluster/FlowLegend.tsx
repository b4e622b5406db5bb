/**
 * The key to the data flows on the cluster map: colour and dash by scope (colour-blind safe, and
 * the dash tells them apart without colour), what width and the moving dots mean, how long an
 * ended transfer stays, and what moves at this instant in words.
 */
import type { MapFlow, MapFlowKind } from '../../viz/mapFlows';
import { formatBytes } from '../../viz/run/format';
import { plural } from '../../../labs/plural';

const KIND_NAMES: Record<MapFlowKind, string> = {
  read: 'remote HDFS read',
  shuffle: 'shuffle fetch',
  write: 'HDFS write pipeline hop',
  replication: 're-replication',
};

/** "3 transfers moving: 2 shuffle fetches, 1 remote HDFS read", or "no data moving". */
export function movingSummary(moving: readonly MapFlow[]): string {
  if (moving.length === 0) return 'no data moving';
  const counts = new Map<MapFlowKind, number>();
  for (const f of moving) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => plural(n, KIND_NAMES[k]));
  return `${plural(moving.length, 'transfer')} moving: ${parts.join(', ')}`;
}

const SCOPES = [
  { scope: 'local', label: 'same node', dash: '2 4' },
  { scope: 'rack', label: 'same rack', dash: '8 5' },
  { scope: 'offRack', label: 'other rack', dash: '' },
] as const;

export interface FlowLegendProps {
  moving: readonly MapFlow[];
  peakRate: number;
  racks: boolean;
  /** Whether the flows are drawn on the map; the checkbox turns them off to see the chips alone. */
  shown: boolean;
  onShow(shown: boolean): void;
}

export function FlowLegend({ moving, peakRate, racks, shown, onShow }: FlowLegendProps) {
  const rate = moving.reduce((s, f) => s + (f.end > f.start ? (f.bytes * 1000) / (f.end - f.start) : 0), 0);
  return (
    <div className="flow-legend" data-testid="flow-legend">
      <label className="flow-toggle">
        <input type="checkbox" checked={shown} onChange={(e) => onShow(e.target.checked)} /> Draw data moving
      </label>
      <span className="flow-now" aria-live="off">
        {movingSummary(moving)}
        {moving.length > 0 ? ` · ${formatBytes(rate)}/s` : ''}
      </span>
      <span className="flow-keys" aria-label="Data flow key">
        {SCOPES.map((s) => (
          <span key={s.scope} className="flow-key">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" className={`flow-swatch ${s.scope}`} strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </span>
        ))}
      </span>
      <span className="muted">
        Lines: data moving now
        {racks ? ' (between rack summaries; a loop stays inside one rack)' : ' (a loop stays on one node)'}, thicker =
        more bytes/s (thickest {formatBytes(peakRate)}/s); dots run from sender to receiver. A transfer stays drawn for
        at least 0.7 s of playback, fading after it ends.
      </span>
    </div>
  );
}
