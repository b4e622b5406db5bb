/** engine/spark/sql: Spark's DataFrames on the RDD machinery (SparkSession, DataFrame, Column, functions). */
export { createSparkSession } from './sparkSession';
export { DataFrame } from './dataFrame';
export { GroupedData } from './groupedData';
export { Column } from './column';
export { functions } from './functions';
export { showString, javaDoubleString } from './sqlValues';
export { explainString } from './plan';
export { shapeOf as sqlShapeOf } from './sqlPlanShape';
export { partialAggregateSql } from './partialAggregateSql';
