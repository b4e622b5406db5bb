/** The lights of one of the cookbook's figures for a run (see each figure's lights module). */
import type { CookbookFigureId } from '../../../labs/labTypes';
import { blockLights } from './blockLights';
import type { FigureLight } from './figureLights';
import type { FigureRun } from './figureRun';
import { hdfsLights } from './hdfsLights';
import { serverLights } from './serverLights';
import { pipelineLights } from './pipelineLights';
import { lambdaLights } from './lambdaLights';
import { netflixLights } from './netflixLights';
import {
  dataLocalityLights,
  hadoopSparkLights,
  mapReduceFlowLights,
  mapReduceProcessLights,
  sparkYarnLights,
} from './jobLights';

export function lightsForFigure(figure: CookbookFigureId, run: FigureRun): FigureLight[] {
  switch (figure) {
    case '13.1':
    case '13.2':
    case '13.3':
      return run.server ? serverLights(figure, run.server) : [];
    case '15.2':
    case '15.3':
    case '24.1':
      return run.pipeline ? pipelineLights(figure, run.pipeline) : [];
    case '25.1':
    case '25.2':
      return run.pipeline ? lambdaLights(figure, run.pipeline) : [];
    case '28.1':
    case '28.2':
    case '28.3':
      return run.pipeline ? netflixLights(figure, run.pipeline) : [];
    case '19.1':
      return hdfsLights(run.trace);
    case '19.2':
      return blockLights(run.trace);
    case '20.1':
    case '20.2':
      return mapReduceFlowLights(run);
    case '20.3':
      return mapReduceProcessLights(run);
    case '20.4':
      return hadoopSparkLights(run);
    case '20.5':
      return dataLocalityLights(run);
    case '20.6':
      return sparkYarnLights(run);
  }
}
