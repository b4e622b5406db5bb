/**
 * The cookbook's figures the app draws: their sections, and the parts that light up. Their words are
 * in the figures namespace, read in the page's language when shown: the caption
 * (`figureCaption.<figure with _>`, English as the cookbook prints it) and the sentence the status
 * line says while a part is lit (`lit.<figure with _>.<part>`). Part ids match the lights modules
 * (hdfsLights, blockLights, jobLights, serverLights, pipelineLights, lambdaLights, netflixLights);
 * parts lit per task or per block (`map:3`, `block:0`) are named by their prefix.
 */
import { i18n } from '../../i18n/i18n';
import type { CookbookFigureId } from '../../../labs/labTypes';

export interface FigureInfo {
  id: CookbookFigureId;
  /** The cookbook section the figure illustrates. */
  section: string;
  /** The parts that light up (or per-task prefixes, `map`), in the order the status line tells them. */
  parts: readonly string[];
}

const keyOf = (figure: CookbookFigureId) => figure.replace('.', '_');

/** The figure's caption in the page's language (what follows "Figure 19.2: "). */
export function figureCaption(figure: CookbookFigureId): string {
  return i18n.t(`figures:figureCaption.${keyOf(figure)}`);
}

/** What is happening while `part` of the figure is lit, in the page's language. */
export function partSentence(figure: CookbookFigureId, part: string): string {
  return i18n.t(`figures:lit.${keyOf(figure)}.${part}`);
}

export const FIGURES: Record<CookbookFigureId, FigureInfo> = {
  '13.1': { id: '13.1', section: '13.3.2', parts: ['extract', 'transform', 'load', 'late'] },
  '13.2': { id: '13.2', section: '13.3.3', parts: ['disk', 'memory', 'cpu', 'network'] },
  '13.3': { id: '13.3', section: '13.3.4', parts: ['san', 'readonly', 'detached', 'readwrite'] },
  '15.2': { id: '15.2', section: '15.3', parts: ['kafka', 'spark', 'hdfs', 'hbase', 'display', 'down'] },
  '15.3': { id: '15.3', section: '15.3', parts: ['kafka', 'flume', 'channel', 'hdfs', 'closed', 'down'] },
  '19.1': { id: '19.1', section: '19.2.2', parts: ['namespace', 'datanodes', 'down', 'repair', 'copying', 'restored'] },
  '19.2': { id: '19.2', section: '19.2.2', parts: ['block', 'down', 'copying'] },
  '20.1': { id: '20.1', section: '20.1', parts: ['input', 'map', 'shuffle', 'reduce', 'output'] },
  '20.2': { id: '20.2', section: '20.1.2', parts: ['input', 'map', 'shuffle', 'reduce', 'output'] },
  '20.3': {
    id: '20.3',
    section: '20.1.3',
    parts: ['splits', 'map', 'spill', 'combine', 'shuffle', 'merge', 'reduce', 'output'],
  },
  '20.4': { id: '20.4', section: '20.2.2', parts: ['hdfs', 'yarn', 'mapreduce', 'spark', 'standalone'] },
  '20.5': { id: '20.5', section: '20.2.10', parts: ['blocks', 'executors', 'local', 'remote', 'memory'] },
  '20.6': { id: '20.6', section: '20.10', parts: ['driver', 'resourcemanager', 'nodemanagers', 'executors'] },
  '24.1': { id: '24.1', section: '24', parts: ['ingest', 'buffer', 'stream', 'batch', 'store', 'display', 'down'] },
  '25.1': { id: '25.1', section: '25.1', parts: ['ingest', 'storage', 'batch', 'serving', 'insight', 'down'] },
  '25.2': { id: '25.2', section: '25.2', parts: ['ingest', 'stream', 'storage', 'display', 'down'] },
  '28.1': { id: '28.1', section: '28.19', parts: ['chukwa', 's3', 'emr', 'down'] },
  '28.2': { id: '28.2', section: '28.19', parts: ['play', 'impressions', 'trending', 'down'] },
  '28.3': {
    id: '28.3',
    section: '28.19',
    parts: ['viewing', 'beacon', 'kafka', 'analytics', 'cassandra', 'recommender', 'down'],
  },
};

/** What the lit parts mean, in the figure's order of parts (per-task parts by their prefix), in the page's language. */
export function litSentences(figure: CookbookFigureId, lit: ReadonlySet<string>): string[] {
  const prefixes = new Set([...lit].map((p) => p.split(':')[0]!));
  return FIGURES[figure].parts.filter((part) => prefixes.has(part)).map((part) => partSentence(figure, part));
}
