// The same daily average with Spark's DataFrames: Spark plans groupBy().agg() as
// HashAggregate (partial) → Exchange hashpartitioning(day, 200) → HashAggregate (final).
// explain() prints that plan; the DAG shows the same operators. Note the 200 reduce tasks:
// spark.sql.shuffle.partitions defaults to 200 whatever the data's size.
/**
 * @param {SparkContext} sc
 * @param {SparkSession} spark
 */
export default async (sc, spark) => {
  const { col, avg, count, substring } = spark.functions;
  const readings = await spark.read.csv('/data/sensors.csv', { inferSchema: true });
  const daily = readings
    .withColumn('day', substring(col('_c0'), 1, 10))
    .groupBy('day')
    .agg(avg('_c2').alias('average'), count('*').alias('readings'))
    .orderBy('day');
  daily.explain();
  await daily.show(5);
  return daily.collect();
};
