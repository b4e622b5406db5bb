/**
 * Hadoop fixes one map output key class for a whole job (Job.setMapOutputKeyClass), and a map task
 * whose key is of another class fails: MapTask's collector throws "Type mismatch in key from map:
 * expected org.apache.hadoop.io.Text, received org.apache.hadoop.io.IntWritable". A JavaScript job
 * declares no class, so the first key a map task writes fixes it for that task: a later key that
 * Hadoop would read as another Writable (engine/exec/hadoopHash.ts) fails the task the same way.
 * JavaScript has one number type, so IntWritable, LongWritable and DoubleWritable count as one.
 * (A map-only job writes its records straight to its output files: Hadoop checks nothing there.)
 */
import { describeValue } from '../core/validationError';
import { writableOf } from '../exec/hadoopHash';

type KeyClass = 'Text' | 'number' | 'BooleanWritable' | 'NullWritable';

const SAID: Record<KeyClass, string> = {
  Text: 'Text (a string)',
  number: 'a number Writable (IntWritable, LongWritable or DoubleWritable)',
  BooleanWritable: 'BooleanWritable (a boolean)',
  NullWritable: 'NullWritable (null)',
};

function keyClassOf(key: unknown): KeyClass {
  const w = writableOf(key);
  return w === 'IntWritable' || w === 'LongWritable' || w === 'DoubleWritable' ? 'number' : w;
}

/** A map task's check of its keys' class: call it with every key the map writes. */
export function keyClassCheck(): (key: unknown) => void {
  let first: { cls: KeyClass; key: unknown } | null = null;
  return (key) => {
    const cls = keyClassOf(key);
    if (first === null) first = { cls, key };
    else if (cls !== first.cls)
      throw new TypeError(
        `Type mismatch in key from map: expected ${SAID[first.cls]}, as the task's first key ${describeValue(first.key)}, received ${SAID[cls]}: the key ${describeValue(key)}. Hadoop fixes one map output key class for the whole job (Job.setMapOutputKeyClass); write every key as one type, such as String(key) or Number(key)`,
      );
  };
}
