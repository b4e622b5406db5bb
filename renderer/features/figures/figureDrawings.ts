/** Each of the cookbook's figures the app draws, by its number. */
import type { ComponentType } from 'react';
import type { CookbookFigureId } from '../../../labs/labTypes';
import type { FigureProps } from './figureProps';
import { HdfsArchitectureFigure } from './HdfsArchitectureFigure';
import { BlockDistributionFigure } from './BlockDistributionFigure';
import { MapReduceFlowFigure } from './MapReduceFlowFigure';
import { TimeSeriesFigure } from './TimeSeriesFigure';
import { MapReduceProcessFigure } from './MapReduceProcessFigure';
import { HadoopSparkFigure } from './HadoopSparkFigure';
import { DataLocalityFigure } from './DataLocalityFigure';
import { SparkYarnFigure } from './SparkYarnFigure';
import { SqlPlatformFigure } from './SqlPlatformFigure';
import { ScaleUpFigure } from './ScaleUpFigure';
import { ScaleOutFigure } from './ScaleOutFigure';
import { HadoopToolsFigure } from './HadoopToolsFigure';
import { FlumeFigure } from './FlumeFigure';
import { PlatformBlueprintFigure } from './PlatformBlueprintFigure';
import { BatchPipelineFigure } from './BatchPipelineFigure';
import { StreamPipelineFigure } from './StreamPipelineFigure';
import { NetflixBatchFigure } from './NetflixBatchFigure';
import { TrendingNowFigure } from './TrendingNowFigure';
import { NetflixStreamingFigure } from './NetflixStreamingFigure';

export const FIGURE_DRAWINGS: Record<CookbookFigureId, ComponentType<FigureProps>> = {
  '13.1': SqlPlatformFigure,
  '13.2': ScaleUpFigure,
  '13.3': ScaleOutFigure,
  '15.2': HadoopToolsFigure,
  '15.3': FlumeFigure,
  '19.1': HdfsArchitectureFigure,
  '19.2': BlockDistributionFigure,
  '20.1': MapReduceFlowFigure,
  '20.2': TimeSeriesFigure,
  '20.3': MapReduceProcessFigure,
  '20.4': HadoopSparkFigure,
  '20.5': DataLocalityFigure,
  '20.6': SparkYarnFigure,
  '24.1': PlatformBlueprintFigure,
  '25.1': BatchPipelineFigure,
  '25.2': StreamPipelineFigure,
  '28.1': NetflixBatchFigure,
  '28.2': TrendingNowFigure,
  '28.3': NetflixStreamingFigure,
};
