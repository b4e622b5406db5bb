/**
 * A job that collects every sensor reading and does the grouping in the driver: it shuffles
 * nothing, which the lab's shuffle check must call what it is (lab.test.ts, checks.test.ts).
 */
export const DRIVER_GROUPING_JOB = `export default async (sc) => {
  const by = new Map();
  for (const line of await sc.textFile('/data/sensors.csv').collect()) {
    const [, s, raw] = line.split(',');
    const v = Number(raw);
    const a = by.get(s) ?? [0, 0, -Infinity];
    by.set(s, [a[0] + 1, a[1] + v, Math.max(a[2], v)]);
  }
  return [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, [n, sum, hi]]) => [s, [n, sum / n, hi]]);
};`;
