/** The part files a save action writes, and saveAsTextFile's (TextOutputFormat). */
import { elementText } from './elementText';
import { atSite } from './rddArgs';

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

/** Spark's NullPointerException, thrown in the task that writes a null element. */
export class NullPointerException extends Error {
  override name = 'NullPointerException';
}

/**
 * saveAsTextFile's TextOutputFormat: each element's toString() (elementText.ts: a pair
 * `[1, 'a']` is Scala's Tuple2, `(1,a)`), then a line break (an empty string is an empty line).
 * A null element fails its task, as Spark's `x.toString` does: the error names the part file,
 * the partition and the element, at the learner's saveAsTextFile call (`site`).
 */
export function textOutput(path: string, site: Error | null = null): FileOutput {
  return {
    path,
    encoder: () => (rows, file) =>
      rows
        .map((x, i) => {
          if (x === null || x === undefined) {
            const partition = Number(file.slice(-5));
            const hint =
              x === undefined
                ? 'did the function before it return nothing? (a map callback with braces needs `return`)'
                : 'filter them out first, e.g. rdd.filter((x) => x !== null), or map them to a text';
            throw atSite(
              new NullPointerException(
                `saveAsTextFile(${JSON.stringify(path)}): element ${i} of partition ${partition} is ${String(x)}, written to ${file}: Spark writes each element's toString(), which ${String(x)} does not have, so the task fails; ${hint}`,
              ),
              site,
            );
          }
          return `${elementText(x)}\n`;
        })
        .join(''),
  };
}
