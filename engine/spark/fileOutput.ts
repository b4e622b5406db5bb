/** The part files a save action writes, and saveAsTextFile's (TextOutputFormat). */
import { keyText } from '../exec/keyOrder';

/**
 * What a save action writes (saveAsTextFile, saveAsSequenceFile, saveAsObjectFile): one part file
 * per partition in the output directory. `encoder` runs on the driver once every partition is
 * computed (a SequenceFile's classes depend on all its records) and gives the function that makes
 * a part file's content; when that throws, the partition's task fails.
 */
export interface FileOutput {
  path: string;
  encoder(rows: readonly unknown[][]): (rows: unknown[], file: string) => string | Uint8Array;
}

/** saveAsTextFile's TextOutputFormat: each element, then a line break (an empty string is an empty line). */
export function textOutput(path: string): FileOutput {
  return { path, encoder: () => (rows) => rows.map((x) => `${keyText(x)}\n`).join('') };
}
