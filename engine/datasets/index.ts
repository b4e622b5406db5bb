/** engine/datasets: deterministic sample data for labs and the `clusterlab run` command. */
export { sensorCsv, textCorpus, webPages, graphEdges } from './sampleData';
export { BUILTIN_DATASETS, builtinDataset, type BuiltinDataset } from './builtinDatasets';
