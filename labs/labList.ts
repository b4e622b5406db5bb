/**
 * The labs that ship: one line per lab folder (labs/README.md, "Adding a lab"). Everything else
 * (the catalogue, `clusterlab labs`, the home page, the generic tests) derives from this list
 * through labRegistry.ts. The export's name does not matter; `clusterlab lab new` appends here.
 */
export { default as hdfsBlocks } from './hdfs-blocks/lab';
export { default as mapreduceBasics } from './mapreduce-basics/lab';
export { default as mapreduceIotAverages } from './mapreduce-iot-averages/lab';
export { default as sparkInMemory } from './spark-in-memory/lab';
export { default as streamingDelivery } from './streaming-delivery/lab';
export { default as kafkaTopics } from './kafka-topics/lab';
export { default as mapreduceChaining } from './mapreduce-chaining/lab';
export { default as dataLocality } from './data-locality/lab';
export { default as rddDataframeSql } from './rdd-dataframe-sql/lab';
export { default as sparkOnYarn } from './spark-on-yarn/lab';
export { default as scaleUpVsOut } from './scale-up-vs-out/lab';
export { default as platformBlueprint } from './platform-blueprint/lab';
export { default as lambdaArchitecture } from './lambda-architecture/lab';
export { default as netflixTrending } from './netflix-trending/lab';
export { default as mlInProduction } from './ml-in-production/lab';
