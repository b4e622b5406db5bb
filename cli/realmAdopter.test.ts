import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { runCommand } from './runCommand';
import { realmAdopter } from './realmAdopter';

describe('values the engine builds are the job’s own kinds in the CLI’s vm realm', () => {
  it('copies arrays, Maps, Sets, Dates and plain objects into the context’s realm, keeping cycles', () => {
    const context = vm.createContext({});
    const adopt = realmAdopter(context);
    const cycle: unknown[] = [];
    cycle.push(cycle);
    const value = adopt({ list: [1, [2]], map: new Map([['a', 1]]), set: new Set([1]), at: new Date(5), cycle });
    const check = vm.runInContext(
      '(v) => [v instanceof Object, v.list instanceof Array, v.list[1] instanceof Array, v.map instanceof Map, v.map.get("a"), v.set instanceof Set, v.at instanceof Date, v.at.getTime(), v.cycle[0] === v.cycle]',
      context,
    ) as (v: unknown) => unknown[];
    expect(check(value)).toEqual([true, true, true, true, 1, true, true, 5, true]);
  });

  it('makes `instanceof Map` and `instanceof Array` hold for action results in a real `clusterlab run`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-realm-'));
    const job = join(dir, 'realm.js');
    writeFileSync(
      job,
      `export default async (sc) => {
  const pairs = sc.parallelize([['a', 1], ['b', 2], ['a', 3]], 2);
  const counts = await pairs.countByKey();
  const grouped = await pairs.groupByKey().collect();
  return [counts instanceof Map, (await pairs.collect()) instanceof Array, grouped[0] instanceof Array, counts.get('a')];
};\n`,
    );
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: dir };
    expect(await runCommand([job, '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('')).result).toEqual([true, true, true, 2]);
  });
});
