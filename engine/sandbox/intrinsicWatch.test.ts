// The watch on a built-in the browser's sandbox leaves unfrozen, on a fresh realm's RegExp.prototype
// each time (changed as a hostile job would change it), so this test's own realm stays untouched.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { watchIntrinsic } from './intrinsicWatch';

function freshRealm(): { proto: Record<PropertyKey, unknown>; run: (code: string) => unknown } {
  const context = {};
  const run = (code: string) => runInNewContext(code, context);
  return { proto: run('RegExp.prototype') as Record<PropertyKey, unknown>, run };
}

describe('watchIntrinsic', () => {
  it('sees nothing while the object is used, not changed', () => {
    const { proto, run } = freshRealm();
    const watch = watchIntrinsic(proto, 'RegExp.prototype');
    expect(run(`'a  b c'.split(/\\s+/).join(',') + 'xyz'.replace(/y/g, '-') + /b/.test('abc')`)).toBe('a,b,cx-ztrue');
    expect(watch.changed()).toBeNull();
  });

  it.each([
    ['a method replaced', `RegExp.prototype.exec = function () { return null; }`, 'RegExp.prototype.exec'],
    ['a well-known symbol method', `RegExp.prototype[Symbol.split] = () => ['FAKE']`, 'RegExp.prototype[Symbol.split]'],
    [
      'an accessor replaced',
      `Object.defineProperty(RegExp.prototype, 'flags', { get: () => 'g' })`,
      'RegExp.prototype.flags',
    ],
    ['a method deleted', `delete RegExp.prototype.test`, 'RegExp.prototype.test'],
    ['a property added', `RegExp.prototype.extra = 1`, 'RegExp.prototype.extra'],
    ['a symbol added', `RegExp.prototype[Symbol('mine')] = 1`, 'RegExp.prototype[mine]'],
    ['the object frozen (read-only attributes)', `Object.freeze(RegExp.prototype)`, 'RegExp.prototype.'],
    ['its prototype swapped', `Object.setPrototypeOf(RegExp.prototype, null)`, 'the prototype of RegExp.prototype'],
  ])('names %s', (_what, code, named) => {
    const { proto, run } = freshRealm();
    const watch = watchIntrinsic(proto, 'RegExp.prototype');
    run(code);
    expect(watch.changed()).toContain(named);
  });

  it('cuts a long added name to fit a reply', () => {
    const { proto, run } = freshRealm();
    const watch = watchIntrinsic(proto, 'RegExp.prototype');
    run(`RegExp.prototype['x'.repeat(100000)] = 1`);
    const named = watch.changed()!;
    expect(named.startsWith('RegExp.prototype.xxx')).toBe(true);
    expect(named.length).toBeLessThan(200);
  });

  it('sees a change put back as no change: the worker stops at the first look that sees one', () => {
    const { proto, run } = freshRealm();
    const watch = watchIntrinsic(proto, 'RegExp.prototype');
    run(`globalThis.saved = RegExp.prototype.exec; RegExp.prototype.exec = () => null`);
    expect(watch.changed()).toBe('RegExp.prototype.exec');
    run(`RegExp.prototype.exec = saved`);
    expect(watch.changed()).toBeNull();
  });
});
