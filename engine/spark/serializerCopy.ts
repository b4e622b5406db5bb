/**
 * A copy of a value the way Spark's serializer copies a zero value for each use (fold, aggregate,
 * foldByKey, aggregateByKey: `Utils.clone(zeroValue, serializer)`): a Map stays a Map, a Set a Set,
 * a Date a Date, an array an array, an object keeps its prototype; shared and cyclic references
 * stay shared; functions are not copied. No JSON round trip (it would turn a Set into `{}`). The
 * rules are a task's copy of a closure's values (taskCopy.ts), so one serializer copies both.
 */
export { serializedCopy as serializerCopy } from './taskCopy';
