/** engine/datasets: deterministic sample data for labs and the `clusterlab run` command. */
export {
  sensorCsv,
  sensorCsvBytes,
  textCorpus,
  textCorpusBytes,
  webPages,
  graphEdges,
  cardPayments,
} from './sampleData';
export { crawledPages } from './crawledPages';
export {
  BUILTIN_DATASETS,
  builtinDataset,
  builtinDatasetBytes,
  prepareBuiltinDatasets,
  type BuiltinDataset,
} from './builtinDatasets';
