/**
 * Figure 20.1, Mapping of input files and reducing of mapped records: input files read by
 * parallel mappers that emit key/value pairs, the shuffle that brings each key to one reducer
 * (sorted by key), and the reducers writing their results. Lit while the run's maps read and
 * map, reducers fetch (the shuffle), reduce and write.
 */
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const MAP_Y = [30, 76, 122];
const RED_Y = [52, 100];

export function MapReduceFlowFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg
      id="20.1"
      width={300}
      height={176}
      lit={lit}
      t={t}
      description="Input files in HDFS are read by three mappers working in parallel; each turns its input records into key/value pairs. The shuffle sends every pair to the reducer that handles its key, sorted by key, so each reducer gets a key with the list of its values. Two reducers compute a result per key and write it back to HDFS."
    >
      <Label x={30} y={16}>input</Label>
      <Label x={106} y={16}>map</Label>
      <Label x={166} y={16}>shuffle</Label>
      <Label x={226} y={16}>reduce</Label>
      <Label x={281} y={16}>output</Label>
      {MAP_Y.map((y, i) => (
        <g key={y}>
          <Box part="input" x={4} y={y} w={52} h={36} label={`file ${i + 1}`} small />
          <Arrow part="input" d={`M56,${y + 18} L74,${y + 18}`} />
          <Box part="map" x={76} y={y} w={60} h={36} label="mapper" sub="key, value" />
          {RED_Y.map((ry) => (
            <Arrow key={ry} part="shuffle" d={`M136,${y + 18} L194,${ry + 22}`} />
          ))}
        </g>
      ))}
      {RED_Y.map((y) => (
        <g key={y}>
          <Box part="reduce" x={196} y={y} w={60} h={44} label="reducer" sub="key, [values]" />
          <Arrow part="output" d={`M256,${y + 22} L266,${y + 22}`} />
          <Box part="output" x={268} y={y + 6} w={28} h={32} label="part" small />
        </g>
      ))}
      <Label x={150} y={172}>
        each key&apos;s pairs meet in one reducer, sorted by key
      </Label>
    </FigureSvg>
  );
}
