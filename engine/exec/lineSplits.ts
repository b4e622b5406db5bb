/**
 * Input splits of a text file with Hadoop's TextInputFormat semantics (LineRecordReader). A
 * record ends at a line terminator — `\n`, `\r` or `\r\n` — or, when the job sets
 * `textinputformat.record.delimiter`, at that delimiter. A split [start, end) owns the records
 * that start in (start, end] (split 0 also owns the record at offset 0): a record crossing the
 * boundary belongs to the split where it starts, and each split but the first skips its partial
 * first record, exactly like LineRecordReader (it reads one record past its end and the next
 * split throws its first one away). The records' bytes are returned as a range of the file, so a
 * task reads a little past its split to finish its last record.
 */
export interface FileSplit {
  index: number;
  /** The split as cut by the input format (FileInputFormat.getSplits for MapReduce). */
  start: number;
  length: number;
  /** The bytes this split's records occupy: [recordStart, recordEnd). Empty when none start in it. */
  recordStart: number;
  recordEnd: number;
}

const LF = 10;
const CR = 13;

/** Offset just past the line terminator at or after `from` (`\r\n` counts as one), or the file end. */
function afterTerminator(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === LF) return i + 1;
    if (b === CR) return i + 1 < bytes.length && bytes[i + 1] === LF ? i + 2 : i + 1;
  }
  return bytes.length;
}

/** Where a custom delimiter occurs at or after `from` (-1: nowhere). */
function findDelimiter(bytes: Uint8Array, delim: Uint8Array, from: number): number {
  const first = delim[0]!;
  for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i + delim.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < delim.length && bytes[i + j] === delim[j]) j++;
    if (j === delim.length) return i;
  }
  return -1;
}

/** The start of every record after the first, for a custom delimiter (left to right, not overlapping). */
function delimitedStarts(bytes: Uint8Array, delim: Uint8Array): number[] {
  const starts: number[] = [];
  for (let at = findDelimiter(bytes, delim, 0); at >= 0; at = findDelimiter(bytes, delim, at + delim.length))
    if (at + delim.length < bytes.length) starts.push(at + delim.length);
  return starts;
}

/** A byte range of the file as cut by an input format. */
export interface SplitCut {
  start: number;
  length: number;
}

/** Each cut's records, as LineRecordReader reads them. `delimiter`: UTF-8 bytes, or null for lines. */
export function recordRanges(bytes: Uint8Array, cuts: readonly SplitCut[], delimiter: Uint8Array | null): FileSplit[] {
  const size = bytes.length;
  if (size === 0 || cuts.length === 0) return [{ index: 0, start: 0, length: 0, recordStart: 0, recordEnd: 0 }];
  const starts = delimiter && delimiter.length > 0 ? delimitedStarts(bytes, delimiter) : null;
  let k = 0;
  /** The first record start strictly after `pos` (the file size when none); `pos` never decreases. */
  const nextStart = (pos: number): number => {
    if (starts === null) return afterTerminator(bytes, pos);
    while (k < starts.length && starts[k]! <= pos) k++;
    return k < starts.length ? starts[k]! : size;
  };
  return cuts.map(({ start, length }, index) => {
    const end = Math.min(size, start + length);
    const recordStart = start === 0 ? 0 : nextStart(start);
    // The last record is the one starting at or before `end`: finish it.
    const recordEnd = recordStart > end ? recordStart : end >= size ? size : nextStart(end);
    return { index, start, length: end - start, recordStart, recordEnd: Math.max(recordStart, recordEnd) };
  });
}

/** Fixed-size cuts of `splitSize` bytes (the last may be shorter). */
function fixedCuts(size: number, splitSize: number): SplitCut[] {
  const cuts: SplitCut[] = [];
  for (let start = 0; start < size; start += splitSize) cuts.push({ start, length: Math.min(splitSize, size - start) });
  return cuts;
}

/**
 * Cuts a file into splits of `splitSize` bytes (the last may be shorter) and finds each split's
 * lines (`\n`, `\r`, `\r\n`). Spark's textFile cuts this way (its goal size from minPartitions).
 */
export function planLineSplits(bytes: Uint8Array, splitSize: number): FileSplit[] {
  return recordRanges(bytes, fixedCuts(bytes.length, splitSize), null);
}

/** FileInputFormat's SPLIT_SLOP: the last split may be up to 10% larger than the split size. */
export const SPLIT_SLOP = 1.1;

/** The settings of FileInputFormat.getSplits (mapreduce.input.fileinputformat.split.minsize / maxsize). */
export interface SplitSizeSettings {
  blockSize: number;
  /** mapreduce.input.fileinputformat.split.minsize (default 1). */
  minSize: number;
  /** mapreduce.input.fileinputformat.split.maxsize (default Long.MAX_VALUE). */
  maxSize: number;
}

/** FileInputFormat.computeSplitSize: max(minSize, min(maxSize, blockSize)). */
export function computeSplitSize(s: SplitSizeSettings): number {
  return Math.max(s.minSize, Math.min(s.maxSize, s.blockSize));
}

/**
 * FileInputFormat.getSplits for one splittable file: splits of splitSize while more than
 * SPLIT_SLOP × splitSize bytes remain, then the rest as one split (so the last one may be up
 * to 10% bigger). An empty file has one empty split.
 */
export function fileInputCuts(fileSize: number, settings: SplitSizeSettings): SplitCut[] {
  const splitSize = computeSplitSize(settings);
  const cuts: SplitCut[] = [];
  let remaining = fileSize;
  while (remaining / splitSize > SPLIT_SLOP) {
    cuts.push({ start: fileSize - remaining, length: splitSize });
    remaining -= splitSize;
  }
  if (remaining !== 0) cuts.push({ start: fileSize - remaining, length: remaining });
  return cuts;
}

/** MapReduce's splits of a file (TextInputFormat over FileInputFormat.getSplits). */
export function planInputSplits(
  bytes: Uint8Array,
  settings: SplitSizeSettings,
  delimiter: Uint8Array | null = null,
): FileSplit[] {
  return recordRanges(bytes, fileInputCuts(bytes.length, settings), delimiter);
}

/** Spark's textFile cut: Hadoop's goal size from minPartitions, capped by the block size. */
export function sparkSplitSize(fileSize: number, blockSize: number, minPartitions: number): number {
  const goal = Math.max(1, Math.floor(fileSize / Math.max(1, minPartitions)));
  return Math.max(1, Math.min(blockSize, goal));
}
