// The same daily average as SQL: spark.sql hands the text to DuckDB, which parses and plans it;
// the plan becomes Spark's stages on the cluster, as Spark plans the DataFrame version: a
// HashAggregate (partial) in each map task, an Exchange hashpartitioning on the GROUP BY key of
// one row per day per task, a HashAggregate (final) per partition, and the ORDER BY adds a last
// single-partition stage. explain() prints the plan; DuckDB's errors are the query's errors.
/**
 * @param {SparkContext} sc
 * @param {SparkSession} spark
 */
export default async (sc, spark) => {
  const { col, substring } = spark.functions;
  const readings = await spark.read.csv('/data/sensors.csv', { inferSchema: true });
  readings
    .select(substring(col('_c0'), 1, 10).alias('day'), col('_c1').alias('sensor'), col('_c2').alias('t'))
    .createOrReplaceTempView('readings');
  spark.conf.set('spark.sql.shuffle.partitions', 8);
  const daily = await spark.sql(`
    SELECT day, avg(t) AS average, count(*) AS readings
    FROM readings
    GROUP BY day
    ORDER BY day`);
  daily.explain();
  await daily.show(5);
  return daily.collect();
};
