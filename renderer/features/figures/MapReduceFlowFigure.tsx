/**
 * Figure 20.1, Mapping of input files and reducing of mapped records: input files read by
 * parallel mappers that emit key/value pairs, the shuffle that brings each key to one reducer
 * (sorted by key), and the reducers writing their results. Lit while the run's maps read and
 * map, reducers fetch (the shuffle), reduce and write. Its boxes are as wide as their words in
 * the page's language (mapReduceFlowLayout.ts).
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import { mapReduceFlowLayout, type FlowWords } from './mapReduceFlowLayout';

const MAP_Y = [30, 76, 122];
const RED_Y = [52, 100];

/** The figure's words in the page's language. */
export function flowWords(): FlowWords {
  return {
    input: tr('w.input'),
    map: tr('w.map'),
    shuffle: tr('w.shuffle'),
    reduce: tr('w.reduce'),
    output: tr('w.output'),
    file: (n) => tr('file', { n }),
    mapper: tr('w.mapper'),
    keyValue: tr('w.key_value'),
    reducer: tr('w.reducer'),
    perKey: tr('w.per_key'),
    part: tr('w.part'),
    note: tr('w.a_keys_pairs_meet_in_one_reducer_sorted'),
  };
}

export function MapReduceFlowFigure({ lit, t }: FigureProps) {
  const words = flowWords();
  const { width, height, input, map, reduce, output, headings, note } = mapReduceFlowLayout(words);
  const mapEnd = map.x + map.w;
  const reduceEnd = reduce.x + reduce.w;
  return (
    <FigureSvg id="20.1" width={width} height={height} lit={lit} t={t} description={tr('desc.20_1')}>
      {[words.input, words.map, words.shuffle, words.reduce, words.output].map((h, i) => (
        <Label key={h + String(i)} x={headings[i]!} y={16}>
          {h}
        </Label>
      ))}
      {MAP_Y.map((y, i) => (
        <g key={y}>
          <Box part="input" x={input.x} y={y} w={input.w} h={36} label={words.file(i + 1)} small />
          <Arrow part="input" d={`M${input.x + input.w},${y + 18} L${map.x - 2},${y + 18}`} />
          <Box part="map" x={map.x} y={y} w={map.w} h={36} label={words.mapper} sub={words.keyValue} />
          {RED_Y.map((ry) => (
            <Arrow key={ry} part="shuffle" d={`M${mapEnd},${y + 18} L${reduce.x - 2},${ry + 22}`} />
          ))}
        </g>
      ))}
      {RED_Y.map((y) => (
        <g key={y}>
          <Box part="reduce" x={reduce.x} y={y} w={reduce.w} h={44} label={words.reducer} sub={words.perKey} />
          <Arrow part="output" d={`M${reduceEnd},${y + 22} L${output.x - 2},${y + 22}`} />
          <Box part="output" x={output.x} y={y + 6} w={output.w} h={32} label={words.part} small />
        </g>
      ))}
      {note.map((line) => (
        <Label key={line.y} x={width / 2} y={line.y}>
          {line.text}
        </Label>
      ))}
    </FigureSvg>
  );
}
