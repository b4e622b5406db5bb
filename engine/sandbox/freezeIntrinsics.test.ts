// freezeIntrinsics closes Object.prototype and the typed arrays' prototypes property by property
// (for V8's fast typed-array stores) and freezes the rest: each must end as locked as a frozen
// object. It changes the realm it runs in, so it runs in a worker thread of its own.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';

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

async function bundledSealing(): Promise<string> {
  const bundled = await build({
    entryPoints: [join(__dirname, 'freezeIntrinsics.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'sealing',
    platform: 'node',
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]!.text;
}

async function sealedProblems(): Promise<string[]> {
  const code = `${await bundledSealing()}\n${CHECK}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (m: string[]) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * The prototypes whose properties V8 keeps in dictionary mode after sealing, read with V8's own
 * %HasFastProperties in a process of its own (natives syntax is a whole-process flag). A typed
 * array prototype left in dictionary mode sends every read and store of its kind of typed array
 * down a slow path (10-15 times slower).
 */
async function slowPrototypes(): Promise<string[]> {
  const check = `
const { freezeIntrinsics, freezeTamed } = sealing;
for (const proto of [Object.prototype, Array.prototype, Function.prototype, Error.prototype]) freezeTamed(proto);
freezeIntrinsics();
const TA = Object.getPrototypeOf(Uint8Array);
const typed = [TA, Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array,
  Uint8ClampedArray, BigInt64Array, BigUint64Array];
const slow = typed.filter((t) => !%HasFastProperties(t.prototype)).map((t) => t.name + '.prototype');
if (!Object.isFrozen(Float64Array.prototype)) slow.push('Float64Array.prototype is not locked');
process.stdout.write(JSON.stringify(slow));
`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', `${await bundledSealing()}\n${check}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe('freezeIntrinsics', () => {
  it('leaves every prototype it closes as locked as a frozen one', async () => {
    expect(await sealedProblems()).toEqual([]);
  }, 30_000);

  it("gives the typed arrays' prototypes back V8's fast properties once they are locked", async () => {
    expect(await slowPrototypes()).toEqual([]);
  }, 30_000);
});
