// The same question in SQL (Cookbook 20.6), over a temporary view of the readings.
/** @param {SparkContext} sc @param {SparkSession} spark */
export default async (sc, spark) => {
  const { col } = spark.functions;
  const lines = await spark.read.csv('/data/sensors.csv', { inferSchema: true });
  lines.select(col('_c1').alias('sensor'), col('_c2').alias('value')).createOrReplaceTempView('readings');
  const stats = await spark.sql(
    'SELECT sensor, count(*) AS readings, avg(value) AS mean, max(value) AS highest FROM readings GROUP BY sensor ORDER BY sensor',
  );
  stats.explain();
  const rows = await stats.collect();
  return rows.map((r) => [r.sensor, [r.readings, r.mean, r.highest]]);
};
