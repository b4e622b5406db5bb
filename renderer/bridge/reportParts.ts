/**
 * A job run's report crosses from the engine worker to the page with its two long lists (the
 * trace and the task attempts) sent ahead in parts. A postMessage is cloned twice, one after the
 * other: written by the sender, then read again by the receiver. Sent whole, the 100-node word
 * count's 20 MB report (88,000 events, 8,800 attempts) cost about 160 ms in the engine worker and
 * then 170–270 ms on the page. Sent in parts, the page reads one part while the engine worker writes
 * the next, and only the last part's reading is left once the report itself arrives. Each part
 * goes packed by column (packedRows.ts), its numbers and strings' indices in transferred buffers:
 * packing, cloning and unpacking a part costs about a third of cloning its objects.
 */
import type { JobRunReport } from '../../engine/api';
import { packRows, unpackRows, type PackedRows } from './packedRows';

/** Items of one list per message. */
export const PART_ITEMS = 8_192;

export const PARTED_LISTS = ['trace', 'attempts'] as const;
export type PartedList = (typeof PARTED_LISTS)[number];

/** What the page has received ahead of a report: each list's parts, in order. */
export type ReportParts = Record<PartedList, unknown[][]>;

/** A part's items: packed, or as they are when they cannot be (a row that is not a plain object). */
export type PartItems = PackedRows | unknown[];

/**
 * Posts the report's lists longer than PART_ITEMS ahead of it (`postPart`, in order, with the
 * buffers to transfer) and returns the report to post after them, those lists left empty.
 */
export function sendListsAhead(
  report: JobRunReport | null,
  postPart: (list: PartedList, items: PartItems, transfer: ArrayBuffer[]) => void,
): JobRunReport | null {
  if (report === null) return null;
  let rest = report;
  for (const list of PARTED_LISTS) {
    const items: readonly unknown[] = report[list];
    if (items.length <= PART_ITEMS) continue;
    for (let at = 0; at < items.length; at += PART_ITEMS) {
      const part = items.slice(at, at + PART_ITEMS);
      const packed = packRows(part);
      if (packed === null) postPart(list, part, []);
      else postPart(list, packed.packed, packed.transfer);
    }
    rest = { ...rest, [list]: [] };
  }
  return rest;
}

/**
 * Adds a received part to `parts` (made on the first); false for a list that is never sent in
 * parts, or items that are neither a list nor packed rows.
 */
export function addPart(parts: ReportParts | undefined, list: unknown, items: unknown): ReportParts | false {
  if (!PARTED_LISTS.includes(list as PartedList)) return false;
  const rows = Array.isArray(items) ? items : unpackRows(items);
  if (rows === null) return false;
  const into = parts ?? { trace: [], attempts: [] };
  into[list as PartedList].push(rows);
  return into;
}

/** The report with the lists received ahead of it put back. */
export function withParts(report: JobRunReport | null, parts: ReportParts | undefined): JobRunReport | null {
  if (report === null || parts === undefined) return report;
  let whole = report;
  for (const list of PARTED_LISTS) {
    if (parts[list].length > 0) whole = { ...whole, [list]: ([] as unknown[]).concat(...parts[list]) };
  }
  return whole;
}
