/**
 * The files a run wrote to HDFS, with their text: everything in the namespace except the run's
 * inputs (put by the caller or generated sample data). A MapReduce job's part files and _SUCCESS
 * marker, a Spark job's saveAsTextFile parts. A SequenceFile (saveAsSequenceFile, saveAsObjectFile)
 * is binary: its text is what `hdfs dfs -text` prints of it, and `binary` says what it is. A file with a block no live DataNode can serve
 * (its replicas died with their nodes) is left out: nobody could read it.
 */
import { normalizePath, type Hdfs } from '../hdfs';
import { decodeUtf8 } from '../core';
import { sequenceFileText } from '../spark';
import type { OutputFile } from './jobTypes';

export function jobOutputFiles(hdfs: Hdfs, inputs: ReadonlySet<string>): OutputFile[] {
  const skip = new Set([...inputs].map((p) => normalizePath(p)));
  const out: OutputFile[] = [];
  const walk = (dir: string) => {
    for (const entry of hdfs.ls(dir)) {
      if (entry.type === 'dir') walk(entry.path);
      else if (!skip.has(entry.path)) {
        try {
          const bytes = hdfs.read(entry.path);
          const seq = sequenceFileText(bytes, entry.path);
          out.push(
            seq
              ? { path: entry.path, text: seq.text, binary: seq.summary }
              : { path: entry.path, text: decodeUtf8(bytes) },
          );
        } catch {
          // A block with no live replica: the file is unreadable, as it would be on a real cluster.
        }
      }
    }
  };
  walk('/');
  return out;
}
