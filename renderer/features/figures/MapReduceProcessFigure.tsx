/**
 * Figure 20.3, The Map Reduce Process: a map task reads its split from HDFS, runs map(),
 * partitions and sorts its output in memory and spills it to disk (running the combiner on each
 * spill, when the job has one); each reduce task fetches its partition from every map (the
 * shuffle), merges the sorted pieces, runs reduce() and writes a part file to HDFS. Each step
 * lights while some task of the run is in it.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const MAP_STEPS = [
  { part: 'splits', label: 'inputSplit', sub: 'readFromHdfs' },
  { part: 'map', label: 'map', sub: 'keyValuePairs' },
  { part: 'spill', label: 'partitionSort', sub: 'spillToDisk' },
  { part: 'combine', label: 'combine', sub: 'onSpills' },
];
const REDUCE_STEPS = [
  { part: 'shuffle', label: 'shuffle', sub: 'fetchPartition' },
  { part: 'merge', label: 'merge', sub: 'sortedOutputs' },
  { part: 'reduce', label: 'reduce', sub: 'keyValues' },
  { part: 'output', label: 'output', sub: 'partFile' },
];
const STEP_H = 36;
const GAP = 12;
const TOP = 24;

export function MapReduceProcessFigure({ run, lit, t }: FigureProps) {
  const combiner = run === null || run.combineInputRecords > 0;
  const column = (steps: typeof MAP_STEPS, x: number) =>
    steps.map((s, i) => {
      const y = TOP + i * (STEP_H + GAP);
      return (
        <g key={s.part}>
          <Box
            part={s.part}
            x={x}
            y={y}
            w={128}
            h={STEP_H}
            label={tr(`mr.${s.label}`)}
            sub={tr(`mr.${s.sub}`)}
            unused={s.part === 'combine' && !combiner}
          />
          {i + 1 < steps.length && (
            <Arrow part={steps[i + 1]!.part} d={`M${x + 64},${y + STEP_H} L${x + 64},${y + STEP_H + GAP - 1}`} />
          )}
        </g>
      );
    });
  const last = TOP + 3 * (STEP_H + GAP);
  return (
    <FigureSvg id="20.3" width={300} height={last + STEP_H + 22} lit={lit} t={t} description={tr('desc.20_3')}>
      <Label x={72} y={14}>
        {tr('w.map_task')}
      </Label>
      <Label x={228} y={14}>
        {tr('w.reduce_task')}
      </Label>
      {column(MAP_STEPS, 8)}
      {column(REDUCE_STEPS, 164)}
      <Arrow
        part="shuffle"
        d={`M136,${TOP + 2 * (STEP_H + GAP) + STEP_H / 2} C150,${TOP + 2 * (STEP_H + GAP) + STEP_H / 2} 150,${TOP + STEP_H / 2} 162,${TOP + STEP_H / 2}`}
      />
      <Label x={150} y={last + STEP_H + 16}>
        {combiner ? tr('combiner') : tr('noCombiner')}
      </Label>
    </FigureSvg>
  );
}
