/**
 * Input splits of a text file with Hadoop's TextInputFormat semantics. A split [start, end) owns
 * the lines whose first byte lies in (start, end] (split 0 also owns the line at offset 0): a
 * line crossing the boundary belongs to the split where it starts, and each split but the first
 * skips its partial first line, exactly like LineRecordReader. The records' bytes are returned
 * as a range of the file, so a task reads a little past its split to finish its last line.
 */
export interface FileSplit {
  index: number;
  /** The split as cut by the input format (block aligned for MapReduce). */
  start: number;
  length: number;
  /** The bytes this split's lines occupy: [recordStart, recordEnd). Empty when start == end. */
  recordStart: number;
  recordEnd: number;
}

const NL = 10;

/** Offset just past the line containing byte `from` (or the file end). */
function endOfLine(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(NL, from);
  return i < 0 ? bytes.length : i + 1;
}

/**
 * Cuts a file into splits of `splitSize` bytes (the last may be shorter) and finds each split's
 * lines. `splitSize` is the block size for MapReduce, or smaller for Spark's minPartitions.
 */
export function planLineSplits(bytes: Uint8Array, splitSize: number): FileSplit[] {
  const size = bytes.length;
  const splits: FileSplit[] = [];
  if (size === 0) return [{ index: 0, start: 0, length: 0, recordStart: 0, recordEnd: 0 }];
  for (let start = 0, index = 0; start < size; start += splitSize, index++) {
    const end = Math.min(size, start + splitSize);
    // The first line of a later split starts after the first newline at or after start - 1 + 1.
    const recordStart = start === 0 ? 0 : endOfLine(bytes, start);
    // The last line is the one starting at or before `end`: finish it.
    const recordEnd = recordStart > end ? recordStart : end >= size ? size : endOfLine(bytes, end);
    splits.push({ index, start, length: end - start, recordStart, recordEnd: Math.max(recordStart, recordEnd) });
  }
  return splits;
}

/** Spark's textFile cut: Hadoop's goal size from minPartitions, capped by the block size. */
export function sparkSplitSize(fileSize: number, blockSize: number, minPartitions: number): number {
  const goal = Math.max(1, Math.floor(fileSize / Math.max(1, minPartitions)));
  return Math.max(1, Math.min(blockSize, goal));
}
