/**
 * Whether a file is a table `clusterlab grade` wrote (its CSV head or its JSON format line): the
 * grader writes only over its own earlier tables, and does not take one left in a class folder for
 * a student's hand-in.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { EARLIER_GRADE_CSV_HEADS, GRADE_CSV_HEAD, GRADE_FORMAT } from '../labs/handIn/gradeTable';

const HEAD_BYTES = 200;

/** The first bytes of `file` as text (throws what the file system throws). */
export function fileHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Whether `head`, the start of a file named `name`, is a grade table's. */
export function isGradeTableHead(name: string, head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  if (/\.csv$/i.test(name))
    return [GRADE_CSV_HEAD, ...EARLIER_GRADE_CSV_HEADS].some(
      (h) => text.startsWith(`${h}\n`) || text.startsWith(`${h}\r\n`),
    );
  return /^\{\s*"format":\s*"/.test(text) && text.includes(`"format": "${GRADE_FORMAT}"`);
}
