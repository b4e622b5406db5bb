// The same question as a DataFrame (Cookbook 20.3): columns with names and types, and operators
// Spark's optimizer (Catalyst) plans for you.
/** @param {SparkContext} sc @param {SparkSession} spark */
export default async (sc, spark) => {
  const { col, count, avg, max } = spark.functions;
  // No header: the columns are _c0, _c1, _c2; inferSchema reads the values as numbers.
  const lines = await spark.read.csv('/data/sensors.csv', { inferSchema: true });
  const readings = lines.select(col('_c1').alias('sensor'), col('_c2').alias('value'));
  const stats = readings
    .groupBy('sensor')
    .agg(count('*').alias('readings'), avg('value').alias('mean'), max('value').alias('highest'));
  stats.explain();
  const rows = await stats.orderBy('sensor').collect();
  return rows.map((r) => [r.sensor, [r.readings, r.mean, r.highest]]);
};
