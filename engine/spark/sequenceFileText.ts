/**
 * A SequenceFile shown as text, for the places that list a run's output files (the app's tables,
 * reports): what `hdfs dfs -text` prints of it (each record's key and value as their Writables'
 * toString, TAB-separated), and for an object file its elements as saveAsTextFile would print
 * them. Its raw bytes are binary: `hdfs dfs -cat` would print them as they are.
 */
import { elementText } from './elementText';
import { deserializeValue } from './objectSerializer';
import { readSequenceFileHeader, readSplitRecords } from './sequenceFileFormat';
import { BYTES, isWritableClass, NULL, readWritable, writableText } from './writables';

export interface SequenceFileText {
  /** What it is, for a label: `SequenceFile (Text, IntWritable), 3 records`. */
  summary: string;
  /** The records as lines: `key TAB value`, or an object file's elements, one per line. */
  text: string;
}

const short = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);

/** The text of a SequenceFile's bytes, or null when they are not one the simulator reads. */
export function sequenceFileText(bytes: Uint8Array, path: string): SequenceFileText | null {
  try {
    const header = readSequenceFileHeader(bytes, path);
    const { keyClass: kc, valueClass: vc } = header;
    if (!isWritableClass(kc) || !isWritableClass(vc)) return null;
    const records = readSplitRecords(bytes, header, 0, bytes.length, path);
    const classes = `${short(kc)}, ${short(vc)}`;
    const count = `${records.length} ${records.length === 1 ? 'record' : 'records'}`;
    if (kc === NULL && vc === BYTES) {
      try {
        const elements = records.flatMap(
          (r) => deserializeValue(readWritable(BYTES, r.value) as Uint8Array, path) as unknown[],
        );
        return {
          summary: `object file: a SequenceFile (${classes}), ${count} of ${elements.length} ${elements.length === 1 ? 'element' : 'elements'}`,
          text: elements.map((x) => `${elementText(x)}\n`).join(''),
        };
      } catch {
        // Not saveAsObjectFile's batches: shown as the SequenceFile it is.
      }
    }
    const text = records
      .map((r) => `${writableText(kc, readWritable(kc, r.key))}\t${writableText(vc, readWritable(vc, r.value))}\n`)
      .join('');
    return { summary: `SequenceFile (${classes}), ${count}`, text };
  } catch {
    return null;
  }
}
