/** The blueprint's stages in the order data passes them, with the names the diagram shows. */
import type { Stage } from '../../../engine/pipeline';

export const STAGE_ORDER: readonly Stage[] = ['source', 'ingest', 'buffer', 'process', 'store', 'display'];

export const STAGE_TITLE: Readonly<Record<Stage, string>> = {
  source: 'Source',
  ingest: 'Ingest',
  buffer: 'Buffer',
  process: 'Process',
  store: 'Store',
  display: 'Display',
};
