/** The cookbook figures shown beside a lab step: the step's own, then (on the first step, whose page shows the intro) the intro's. */
import type { CookbookFigureId, Lab } from '../../../labs/labTypes';

export function stepFigures(lab: Lab, stepIndex: number): CookbookFigureId[] {
  const own = lab.steps[stepIndex]?.figures ?? [];
  const intro = stepIndex === 0 ? (lab.figures ?? []) : [];
  return [...new Set([...own, ...intro])];
}
