/**
 * One area of a figure drawn from a pipeline run (Figures 25.1, 25.2, 28.1-28.3): a part box, lit
 * by its light, crossed while one of its parts is down (`down:<part>`), dashed when the run has no
 * part for it.
 */
import { tr } from '../../i18n/figureText';
import { Box, DownMark } from './FigureSvg';

export interface AreaBoxProps {
  part: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub?: string;
  /** The run has no part for this area. */
  missing: boolean;
  tiny?: boolean;
}

export function AreaBox({ part, x, y, w, h, label, sub, missing, tiny }: AreaBoxProps) {
  return (
    <>
      <Box
        part={part}
        x={x}
        y={y}
        w={w}
        h={h}
        label={label}
        sub={missing ? tr('box.notInRun') : sub}
        unused={missing}
        small
        tiny={tiny}
      />
      <DownMark part={`down:${part}`} x={x} y={y} w={w} h={h} />
    </>
  );
}
