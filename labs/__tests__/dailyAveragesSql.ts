/**
 * spark-in-memory step 1 (the daily averages) solved with spark.sql over a view with a day column:
 * a learner's SQL solution, for the tests that judge a SQL step (labs/sqlStep.test.ts, cli's check).
 */
export const dailyAveragesSql = `export default async (sc, spark) => {
  const { col, substring } = spark.functions;
  const readings = await spark.read.csv('/data/sensors.csv', { inferSchema: true });
  readings.select(substring(col('_c0'), 1, 10).alias('day'), col('_c2').alias('t')).createOrReplaceTempView('readings');
  spark.conf.set('spark.sql.shuffle.partitions', 8);
  const daily = await spark.sql('SELECT day, avg(t) AS average FROM readings GROUP BY day ORDER BY day');
  return (await daily.collect()).map((r) => [r.day, r.average]);
};
`;
