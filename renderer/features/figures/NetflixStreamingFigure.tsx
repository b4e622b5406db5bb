/**
 * Figure 28.3, Netflix Streaming Pipeline: the Viewing History and Beacon services take play and
 * impression events and publish them to Kafka, a buffer the analytics subscribes to; the
 * streaming analytics writes trending data into Cassandra, a key-value store, which the
 * Recommender Service reads for the clients. Here the services are API parts, Cassandra an HBase
 * part a Spark Streaming job writes, the Recommender Service the dashboard reading it. Lit from a
 * pipeline run (netflixLights); parts the run has none for are dashed.
 */
import { tr } from '../../i18n/figureText';
import { netflixAreas } from '../../viz/figures/netflixLights';
import { missingAreas } from '../../viz/figures/pipelineSpans';
import { AreaBox } from './AreaBox';
import { Arrow, Box, FigureSvg } from './FigureSvg';
import type { FigureProps } from './figureProps';

export function NetflixStreamingFigure({ lit, t, run }: FigureProps) {
  const missing = run?.pipeline ? missingAreas(netflixAreas('28.3', run.pipeline)) : new Set<string>();
  return (
    <FigureSvg id="28.3" width={300} height={196} lit={lit} t={t} description={tr('desc.28_3')}>
      <AreaBox
        part="viewing"
        x={4}
        y={4}
        w={112}
        h={42}
        label={tr('w.viewing_history')}
        sub={tr('w.play_events')}
        missing={missing.has('viewing')}
        tiny
      />
      <AreaBox
        part="beacon"
        x={4}
        y={54}
        w={112}
        h={42}
        label={tr('w.beacon')}
        sub={tr('w.impression_events')}
        missing={missing.has('beacon')}
      />
      <Arrow d="M116,25 L126,42" />
      <Arrow d="M116,75 L126,58" dashed={missing.has('beacon')} />
      <AreaBox
        part="kafka"
        x={128}
        y={29}
        w={58}
        h={42}
        label={tr('w.kafka')}
        sub={tr('w.topics')}
        missing={missing.has('kafka')}
      />
      <Arrow d="M186,50 L196,50" />
      <AreaBox
        part="analytics"
        x={198}
        y={24}
        w={98}
        h={52}
        label={tr('w.analytics')}
        sub={tr('w.spark_streaming')}
        missing={missing.has('analytics')}
        tiny
      />
      <Arrow d="M247,76 L247,108" />
      <AreaBox
        part="cassandra"
        x={196}
        y={110}
        w={100}
        h={46}
        label={tr('w.cassandra')}
        sub={tr('w.hbase_here')}
        missing={missing.has('cassandra')}
      />
      <Arrow d="M196,133 L172,133" />
      <AreaBox
        part="recommender"
        x={50}
        y={110}
        w={120}
        h={46}
        label={tr('w.recommender')}
        sub={tr('w.service_dashboard')}
        missing={missing.has('recommender')}
      />
      <Arrow d="M110,156 L110,170" />
      <Box x={50} y={172} w={120} h={20} label={tr('w.netflix_clients')} tiny />
    </FigureSvg>
  );
}
