/**
 * The sample files `clusterlab run` (and the app) put into HDFS when a job reads one of these
 * paths and nothing else was put there. Generated on demand from fixed seeds.
 */
import { decodeUtf8, encodeUtf8 } from '../core/utf8';
import { graphEdges, sensorCsvBytes, textCorpusBytes, webPages } from './sampleData';

export interface BuiltinDataset {
  path: string;
  description: string;
  /** The dataset's text. */
  generate(): string;
  /** The same as UTF-8 bytes, made directly where the text is large (sampleData.ts). */
  bytes(): Uint8Array;
}

const madeAsBytes = (bytes: () => Uint8Array) => ({ bytes, generate: () => decodeUtf8(bytes()) });
const madeAsText = (generate: () => string) => ({ generate, bytes: () => encodeUtf8(generate()) });

export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  {
    path: '/data/sensors.csv',
    description: '100,000 sensor readings `timestamp,sensorId,value` over 30 days, 9 sensors (seed 2016)',
    ...madeAsBytes(() => sensorCsvBytes(100_000)),
  },
  {
    path: '/data/corpus.txt',
    description: '40,000 lines of text, 1-19 words each, Zipf-like word frequencies (seed 7)',
    ...madeAsBytes(() => textCorpusBytes(40_000)),
  },
  {
    path: '/data/pages.txt',
    description: '2,000 web pages `url TAB <html>...</html>` with HTML tags (seed 2004)',
    ...madeAsText(() => webPages(2_000)),
  },
  {
    path: '/data/graph.txt',
    description: 'a link graph of 1,000 pages, edges `src dst`, 1-4 links per page (seed 1998)',
    ...madeAsText(() => graphEdges(1_000)),
  },
];

export function builtinDataset(path: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.path === path);
}

const encoded = new Map<string, Uint8Array>();

/**
 * The dataset as UTF-8 bytes, generated once per process (the same bytes every time: the sensor
 * readings took 100-200 ms to make, on every run that read them) and copied for each caller, so
 * a run may keep or hand on its copy as it likes.
 */
export function builtinDatasetBytes(dataset: BuiltinDataset): Uint8Array {
  return encodedBytes(dataset).slice();
}

function encodedBytes(dataset: BuiltinDataset): Uint8Array {
  let bytes = encoded.get(dataset.path);
  if (bytes === undefined) {
    bytes = dataset.bytes();
    encoded.set(dataset.path, bytes);
  }
  return bytes;
}

/**
 * Generates the datasets not generated yet in this process, one after another until `enough()`
 * says stop (the app does it while the learner reads, so that a first run reading one does not
 * wait 100-200 ms for it); returns how many it made.
 */
export function prepareBuiltinDatasets(enough: () => boolean = () => false): number {
  let made = 0;
  for (const d of BUILTIN_DATASETS) {
    if (encoded.has(d.path)) continue;
    if (enough()) break;
    encodedBytes(d);
    made++;
  }
  return made;
}
