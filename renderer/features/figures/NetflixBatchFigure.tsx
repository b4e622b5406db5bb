/**
 * Figure 28.1, Old Netflix Batch Processing Pipeline: Chukwa collected the incoming messages into
 * Hadoop sequence files stored in Amazon S3, and Elastic MapReduce jobs analysed them hourly and
 * daily. Here Chukwa is a Flume agent, S3 the HDFS part it writes (with the files closed so far),
 * Elastic MapReduce a Spark batch job reading that part (with its schedule). Lit from a pipeline
 * run (netflixLights); parts the run has none for are dashed.
 */
import { tr } from '../../i18n/figureText';
import type { PipelineRunReport } from '../../../labs/labTypes';
import { netflixAreas } from '../../viz/figures/netflixLights';
import { flumeFilesAt } from '../../viz/figures/pipelineLights';
import { missingAreas } from '../../viz/figures/pipelineSpans';
import { AreaBox } from './AreaBox';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

/** "hourly", "daily" or "every 5 min": how often the batch job runs. */
function schedule(report: PipelineRunReport, ids: readonly string[]): string {
  const every = report.result.parts.find((p) => p.id === ids[0])?.settings.everyMs;
  const ms = Number(every);
  if (!Number.isFinite(ms) || ms <= 0) return tr('box.onSchedule');
  if (ms === 3_600_000) return tr('box.hourly');
  if (ms === 86_400_000) return tr('box.daily');
  if (ms % 3_600_000 === 0) return tr('box.every', { n: ms / 3_600_000, unit: 'h' });
  if (ms % 60_000 === 0) return tr('box.every', { n: ms / 60_000, unit: 'min' });
  return tr('box.every', { n: Math.round(ms / 1000), unit: 's' });
}

export function NetflixBatchFigure({ lit, t, run }: FigureProps) {
  const report = run?.pipeline ?? null;
  const areas = report ? netflixAreas('28.1', report) : null;
  const missing = areas ? missingAreas(areas) : new Set<string>();
  const files = report && t !== null ? flumeFilesAt(report, t).files : null;
  const stored = files === null ? tr('box.hdfsHere') : tr('box.hdfsHereFiles', { count: files });
  const jobs =
    report && areas
      ? tr('box.sparkBatchEvery', { schedule: schedule(report, areas.emr ?? []) })
      : tr('box.hourlyDaily');
  return (
    <FigureSvg id="28.1" width={300} height={176} lit={lit} t={t} description={tr('desc.28_1')}>
      <Box x={4} y={4} w={140} h={22} label={tr('w.members_events')} tiny />
      <Arrow d="M74,26 L74,40" />
      <AreaBox
        part="chukwa"
        x={4}
        y={42}
        w={140}
        h={48}
        label={tr('w.chukwa')}
        sub={tr('w.a_flume_agent_here')}
        missing={missing.has('chukwa')}
      />
      <Arrow d="M144,66 L154,66" />
      <AreaBox
        part="s3"
        x={156}
        y={42}
        w={140}
        h={48}
        label={tr('w.amazon_s3')}
        sub={stored}
        missing={missing.has('s3')}
      />
      <Arrow d="M226,90 L226,112" />
      <AreaBox
        part="emr"
        x={156}
        y={114}
        w={140}
        h={52}
        label={tr('w.elastic_mapreduce')}
        sub={jobs}
        missing={missing.has('emr')}
      />
      <Label x={8} y={124} anchor="start">
        {tr('w.jobs_look_at_the_past')}
      </Label>
      <Label x={8} y={138} anchor="start">
        {tr('w.the_files_stored_up_to')}
      </Label>
      <Label x={8} y={152} anchor="start">
        {tr('w.their_start_an_hour_or')}
      </Label>
      <Label x={8} y={166} anchor="start">
        {tr('w.a_day_before')}
      </Label>
    </FigureSvg>
  );
}
