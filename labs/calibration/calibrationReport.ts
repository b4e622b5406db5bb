/**
 * The calibration report as `npm run calibrate` prints it: one line per figure with the
 * published value, the simulated one, the error against the band, and the source; then what the
 * model lacks where a figure left its band.
 */
import { bandOf, type FigureResult } from './calibrationTypes';

const num = (v: number, unit: string): string => {
  if (unit === 'x') return `${v.toFixed(2)}x`;
  if (Math.abs(v) >= 10_000) return `${Math.round(v).toLocaleString('en-US')} ${unit}`;
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
};

function verdict(r: FigureResult): string {
  if (r.within === null) return 'not simulated';
  if (r.figure.kind === 'lower-bound') return r.within ? 'at or above the bound' : 'BELOW THE BOUND';
  return r.within ? 'within' : 'OUTSIDE';
}

export function formatCalibrationReport(results: readonly FigureResult[]): string {
  const lines: string[] = [];
  for (const role of ['calibration', 'validation'] as const) {
    const rows = results.filter((r) => r.figure.role === role);
    if (rows.length === 0) continue;
    const inside = rows.filter((r) => r.within).length;
    lines.push(
      `${role === 'calibration' ? 'Calibration figures (the presets are fitted to these)' : 'Validation figures (never tuned against)'}: ${inside} of ${rows.length} within their band`,
    );
    for (const r of rows) {
      const band = r.figure.kind === 'lower-bound' ? 'bound' : `±${Math.round(bandOf(r.figure) * 100)}%`;
      const err = r.error === null ? '' : `${r.error >= 0 ? '+' : ''}${(r.error * 100).toFixed(0)}%`;
      lines.push(
        `  ${r.figure.id.padEnd(34)} published ${num(r.figure.value, r.figure.unit).padStart(16)}  simulated ${(r.simulated === null ? '-' : num(r.simulated, r.figure.unit)).padStart(16)}  ${err.padStart(6)} (${band}) ${verdict(r)}`,
      );
      lines.push(`      ${r.figure.what}. Source: ${r.figure.source}`);
      if (r.note) lines.push(`      What the model lacks: ${r.note}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
