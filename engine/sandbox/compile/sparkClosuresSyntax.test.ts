/**
 * The closure rewrite on every kind of function JavaScript has: generators, async generators,
 * constructors with super, static blocks, accessors, #private methods, computed and odd keys,
 * `__proto__`, arrows returning objects with getters, default parameters, tags, optional calls,
 * declarations in a labelled switch. The code must still compile and compute the same values.
 */
import { expect, it } from 'vitest';
import { compileJobSource } from './compileJobSource';
import { evaluateWithFunction } from '../inProcessRunner';
import { sparkClosure } from '../../spark/taskClosures';

const src = String.raw`
let n = 1;
async function* g() { yield n; }
class B { constructor() { this.b = n; } }
class A extends B { constructor() { super(); this.x = n; } static { n++; } get v() { return n; } set v(x) { n = x; } #m() { return n; } pm() { return this.#m(); } static async *[Symbol.asyncIterator]() { yield n; } }
const o = { async *gen() { yield n; }, 'a-b'(x) { return n + x; }, 1.5() { return n; }, 0x10() { return n; }, 1n() { return n; }, __proto__(x) { return n; } };
const mk = async (p) => ({ get a() { return n; }, b: await p });
function f(a = () => n) { return a(); }
const t = (s, ...v) => n;
lbl: switch (n) { case 2: function inner() { return n; } break lbl; default: }
const opt = (h) => h?.(n) ?? t${'`'}x${'`'};
export default async (sc) => {
  const out = [];
  for await (const x of g()) out.push(x);
  const a = new A();
  a.v = 5;
  out.push(a.x, a.b, a.v, a.pm());
  out.push(await o.gen().next().then((r) => r.value), o['a-b'](1), o[1.5](), o[16](), o[1n](), o.__proto__(0));
  out.push((await mk(Promise.resolve(7))).a, f(), t${'`'}q${'`'}, opt((x) => x * 2));
  for await (const y of A) out.push(y);
  return out;
};`;

it('keeps every kind of function working, on the driver, live', async () => {
  const { code } = compileJobSource(src, 'job.js');
  const job = evaluateWithFunction(code, 'job.js', {
    __sparkClosure: sparkClosure,
    __clusterlabLoopGuard: () => {},
    console,
  })() as { default: (sc: unknown) => Promise<unknown> };
  expect(await job.default({})).toEqual([2, 2, 2, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5, 10, 5]);
});
