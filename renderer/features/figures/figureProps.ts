/** What every cookbook figure's drawing gets: the run (null before one), the playback instant and the lit parts. */
import type { FigureRun } from '../../viz/figures/figureRun';

export interface FigureProps {
  run: FigureRun | null;
  /** Simulated ms on the playback clock; null before a run. */
  t: number | null;
  lit: ReadonlySet<string>;
}
