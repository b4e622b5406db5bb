/**
 * Figure 20.1, Mapping of input files and reducing of mapped records: input files read by
 * parallel mappers that emit key/value pairs, the shuffle that brings each key to one reducer
 * (sorted by key), and the reducers writing their results. Lit while the run's maps read and
 * map, reducers fetch (the shuffle), reduce and write.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const MAP_Y = [30, 76, 122];
const RED_Y = [52, 100];

export function MapReduceFlowFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="20.1" width={300} height={176} lit={lit} t={t} description={tr('desc.20_1')}>
      <Label x={26} y={16}>
        {tr('w.input')}
      </Label>
      <Label x={99} y={16}>
        {tr('w.map')}
      </Label>
      <Label x={160} y={16}>
        {tr('w.shuffle')}
      </Label>
      <Label x={223} y={16}>
        {tr('w.reduce')}
      </Label>
      <Label x={280} y={16}>
        {tr('w.output')}
      </Label>
      {MAP_Y.map((y, i) => (
        <g key={y}>
          <Box part="input" x={1} y={y} w={50} h={36} label={tr('file', { n: i + 1 })} small />
          <Arrow part="input" d={`M51,${y + 18} L64,${y + 18}`} />
          <Box part="map" x={66} y={y} w={66} h={36} label={tr('w.mapper')} sub={tr('w.key_value')} />
          {RED_Y.map((ry) => (
            <Arrow key={ry} part="shuffle" d={`M132,${y + 18} L188,${ry + 22}`} />
          ))}
        </g>
      ))}
      {RED_Y.map((y) => (
        <g key={y}>
          <Box part="reduce" x={190} y={y} w={66} h={44} label={tr('w.reducer')} sub={tr('w.per_key')} />
          <Arrow part="output" d={`M256,${y + 22} L264,${y + 22}`} />
          <Box part="output" x={266} y={y + 6} w={32} h={32} label={tr('w.part')} small />
        </g>
      ))}
      <Label x={150} y={172}>
        {tr('w.a_keys_pairs_meet_in_one_reducer_sorted')}
      </Label>
    </FigureSvg>
  );
}
