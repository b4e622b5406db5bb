/**
 * The job API's TypeScript declarations, given to Monaco so learners get autocomplete and
 * error squiggles offline. The declarations live in labs/jobApi/, where the labs' own job
 * files are type-checked against them: the editor and the labs see one description.
 */
import mapreduce from '../../../labs/jobApi/mapreduce.d.ts?raw';
import sparkShared from '../../../labs/jobApi/sparkShared.d.ts?raw';
import rdd from '../../../labs/jobApi/rdd.d.ts?raw';
import pairRdd from '../../../labs/jobApi/pairRdd.d.ts?raw';
import sparkContext from '../../../labs/jobApi/sparkContext.d.ts?raw';
import dataFrame from '../../../labs/jobApi/dataFrame.d.ts?raw';
import sparkSession from '../../../labs/jobApi/sparkSession.d.ts?raw';
import kafkajs from '../../../labs/jobApi/kafkajs.d.ts?raw';
import kafkajsConsumer from '../../../labs/jobApi/kafkajsConsumer.d.ts?raw';
import sparkStreaming from '../../../labs/jobApi/sparkStreaming.d.ts?raw';

/**
 * Each file of labs/jobApi/ by name, in the order of docs/job-api.md (JOB_API_FILES in
 * scripts/apiReference.mjs); jobApiTypes.test.ts fails on a file of the folder left out here.
 */
export const JOB_API_FILES: Readonly<Record<string, string>> = {
  'mapreduce.d.ts': mapreduce,
  'sparkShared.d.ts': sparkShared,
  'rdd.d.ts': rdd,
  'pairRdd.d.ts': pairRdd,
  'sparkContext.d.ts': sparkContext,
  'dataFrame.d.ts': dataFrame,
  'sparkSession.d.ts': sparkSession,
  'kafkajs.d.ts': kafkajs,
  'kafkajsConsumer.d.ts': kafkajsConsumer,
  'sparkStreaming.d.ts': sparkStreaming,
};

/** The job API's declarations as one file, Monaco's extra lib (its interfaces merge across the files). */
export const JOB_API_DTS = Object.values(JOB_API_FILES).join('\n');
