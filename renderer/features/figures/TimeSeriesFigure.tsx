/**
 * Figure 20.2, MapReduce Example of Time Series Data: the sensor readings in HDFS, the mappers
 * (one per split, as many as the run had: nine in the lab) cutting the time of day off each
 * timestamp, the shuffle sending each day to one reducer, and the reducers (three) averaging a
 * day's values. Each mapper and reducer lights while its task attempt works.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label, useLitSet } from './FigureSvg';
import type { FigureProps } from './figureProps';
import type { FigureRun } from '../../viz/figures/figureRun';

const W = 300;
const MAX_BOXES = 10;

/** Task numbers of the run's maps and reducers (the lab's nine and three before a run). */
function tasks(run: FigureRun | null, side: 'map' | 'reduce', fallback: number): number[] {
  const seen = run
    ? [...new Set(run.attempts.filter((a) => a.side === side).map((a) => a.index))].sort((a, b) => a - b)
    : [];
  return seen.length > 0 ? seen : Array.from({ length: fallback }, (_, i) => i);
}

/** Boxes for `ids`: one per task, or per group of tasks when there are more than MAX_BOXES. */
function groups(ids: number[]): number[][] {
  const per = Math.ceil(ids.length / MAX_BOXES);
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += per) out.push(ids.slice(i, i + per));
  return out;
}

function TaskBox({
  prefix,
  ids,
  ...box
}: {
  prefix: string;
  ids: number[];
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub?: string;
}) {
  const lit = useLitSet();
  return <Box {...box} on={ids.some((i) => lit.has(`${prefix}:${i}`))} small={!box.sub} />;
}

/** A mapper-to-reducer line of the shuffle (no arrowhead: many lines meet at each reducer). */
function ShuffleLine({ x1, x2 }: { x1: number; x2: number }) {
  const lit = useLitSet().has('shuffle');
  return <path d={`M${x1},102 L${x2},140`} className={`fig-arrow${lit ? ' lit thin' : ''}`} />;
}

export function TimeSeriesFigure({ run, lit, t }: FigureProps) {
  const maps = groups(tasks(run, 'map', 9));
  const reduces = groups(tasks(run, 'reduce', 3));
  const mapCount = maps.flat().length;
  const reduceCount = reduces.flat().length;
  const mw = (W - 8) / maps.length;
  const rw = (W - 8) / reduces.length;
  const name = (ids: number[], letter: string) =>
    ids.length === 1 ? `${letter}${ids[0]}` : `${letter}${ids[0]}–${ids[ids.length - 1]}`;
  return (
    <FigureSvg
      id="20.2"
      width={W}
      height={236}
      lit={lit}
      t={t}
      description={tr('desc.20_2', { maps: mapCount, reduces: reduceCount })}
    >
      <Box
        part="input"
        x={4}
        y={4}
        w={W - 8}
        h={34}
        label={tr('w.hdfs_readings_a_split_per_mapper')}
        sub="2016-05-01 01:02:03, 1"
      />
      {maps.map((ids, i) => (
        <g key={ids[0]}>
          <Arrow part="input" d={`M${4 + i * mw + mw / 2},38 L${4 + i * mw + mw / 2},52`} />
          <TaskBox prefix="mapper" ids={ids} x={4 + i * mw + 1} y={54} w={mw - 2} h={26} label={name(ids, 'm')} />
        </g>
      ))}
      <Label x={W / 2} y={96} mono>
        {tr('w.map_2016_05_01_01_02_03_2016_05_01')}
      </Label>
      {maps.map((mids, i) =>
        reduces.map((rids, k) => (
          <ShuffleLine key={`${mids[0]}-${rids[0]}`} x1={4 + i * mw + mw / 2} x2={4 + k * rw + rw / 2} />
        )),
      )}
      <Label x={W / 2} y={124} halo>
        {tr('w.shuffle_each_day_to_one_reducer')}
      </Label>
      {reduces.map((ids, k) => (
        <g key={ids[0]}>
          <TaskBox
            prefix="reducer"
            ids={ids}
            x={4 + k * rw + 4}
            y={142}
            w={rw - 8}
            h={40}
            label={name(ids, 'r')}
            sub={tr('w.mean_of_a_day')}
          />
          <Arrow part="output" d={`M${4 + k * rw + rw / 2},182 L${4 + k * rw + rw / 2},196`} />
        </g>
      ))}
      <Box part="output" x={4} y={198} w={W - 8} h={22} label={tr('w.hdfs_a_mean_per_day_1_5_9_3')} small />
      <Label x={W / 2} y={233}>
        {tr('w.m_map_tasks')}
        {mapCount}
        {tr('w.r_reduce_tasks')}
        {reduceCount})
      </Label>
    </FigureSvg>
  );
}
