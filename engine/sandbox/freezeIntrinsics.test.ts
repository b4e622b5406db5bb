// freezeIntrinsics closes Object.prototype and the typed arrays' prototypes property by property
// (for V8's fast typed-array stores) and freezes the rest: each must end as locked as a frozen
// object. It changes the realm it runs in, so it runs in a worker thread of its own.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const CHECK = `
const { freezeIntrinsics, freezeTamed } = sealing;
for (const proto of [Object.prototype, Array.prototype, Function.prototype, Error.prototype]) freezeTamed(proto);
freezeIntrinsics();
const TA = Object.getPrototypeOf(Uint8Array);
const typed = [Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array,
  Uint8ClampedArray, BigInt64Array, BigUint64Array];
const locked = [Object.prototype, TA.prototype, ...typed.map((t) => t.prototype), Array.prototype, Map.prototype,
  String.prototype, TA, ...typed, Object, Array];
const problems = [];
for (const o of locked) {
  const name = o === Object.prototype ? 'Object.prototype' : (o.name ?? o.constructor?.name ?? '?') + (typeof o === 'function' ? '' : '.prototype');
  if (Object.isExtensible(o)) problems.push(name + ' is extensible');
  if (!Object.isFrozen(o)) problems.push(name + ' is not frozen');
  for (const key of Reflect.ownKeys(o)) {
    const d = Reflect.getOwnPropertyDescriptor(o, key);
    if (d.configurable || d.writable) problems.push(name + '.' + String(key) + ' is ' + (d.configurable ? 'configurable' : 'writable'));
  }
}
const attempts = {
  'Object.prototype.x =': () => Reflect.set(Object.prototype, 'x', 1),
  'Object.prototype[0] =': () => Reflect.set(Object.prototype, 0, 1),
  'Float64Array.prototype[1] defined': () => Reflect.defineProperty(Float64Array.prototype, '1', { value: 1 }),
  'TypedArray.prototype[Symbol.iterator] defined': () => Reflect.defineProperty(TA.prototype, Symbol.iterator, { value() {} }),
  'Object.prototype.toString deleted': () => Reflect.deleteProperty(Object.prototype, 'toString'),
  'Uint8Array.prototype.constructor =': () => Reflect.set(Uint8Array.prototype, 'constructor', Array),
  'Object.prototype given a prototype': () => Reflect.setPrototypeOf(Object.prototype, {}),
};
for (const [what, attempt] of Object.entries(attempts)) {
  let done;
  try { done = attempt(); } catch { done = false; }
  if (done) problems.push(what + ' succeeded');
}
// Overriding on one's own object still works (the tamed toString of Object.prototype).
const own = {};
own.toString = () => 'mine';
if (String(own) !== 'mine') problems.push('an object cannot have its own toString');
require('node:worker_threads').parentPort.postMessage(problems);
`;

async function sealedProblems(): Promise<string[]> {
  const bundled = await build({
    entryPoints: [join(__dirname, 'freezeIntrinsics.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'sealing',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = `${bundled.outputFiles[0]!.text}\n${CHECK}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (m: string[]) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('freezeIntrinsics', () => {
  it('leaves every prototype it closes as locked as a frozen one', async () => {
    expect(await sealedProblems()).toEqual([]);
  }, 30_000);
});
