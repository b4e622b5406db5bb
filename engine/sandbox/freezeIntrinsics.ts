import { lockProperties } from './lockProperties';

const TYPED_ARRAYS = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  Uint8ClampedArray,
  BigInt64Array,
  BigUint64Array,
];

/**
 * Freezes the intrinsics of this realm that a learner's code can reach from the objects it is
 * handed (`Object.getPrototypeOf(rdd.collect())`, an array's iterator, `sc.constructor.keys`), so
 * a job cannot change what the engine computes or reports by replacing Object.keys,
 * Promise.prototype.then, Map.prototype.get or an iterator's next. Each root and its `prototype`
 * are frozen. `extra`: the runtime's own roots (the browser's TextDecoder and Intl, or Function
 * and Error where the runtime does not adjust them itself; Node does, so the CLI leaves them out).
 */
export function freezeIntrinsics(extra: readonly unknown[] = []): void {
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  const iterators = [
    [][Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    ''[Symbol.iterator](),
    ''.matchAll(/x/g),
  ];
  const roots: unknown[] = [
    Object,
    Array,
    Promise,
    Map,
    Set,
    WeakMap,
    WeakSet,
    WeakRef,
    String,
    Number,
    Boolean,
    Symbol,
    BigInt,
    RegExp,
    Date,
    ArrayBuffer,
    DataView,
    typedArray,
    ...TYPED_ARRAYS,
    JSON,
    Math,
    Reflect,
    EvalError.prototype,
    RangeError.prototype,
    ReferenceError.prototype,
    SyntaxError.prototype,
    TypeError.prototype,
    URIError.prototype,
    AggregateError.prototype,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
    ...iterators.map((it) => Object.getPrototypeOf(it) as object),
    ...iterators.map((it) => Object.getPrototypeOf(Object.getPrototypeOf(it)) as object),
    ...extra,
  ];
  for (const root of roots) {
    if ((typeof root !== 'object' && typeof root !== 'function') || root === null) continue;
    freezeTamed(root);
    const proto = (root as { prototype?: unknown }).prototype;
    if (typeof proto === 'object' && proto !== null) freezeTamed(proto);
  }
}

/**
 * The properties that code the sandbox runs for the learner assigns on its own objects although a
 * frozen prototype holds them: apache-arrow's `BigNum.prototype.valueOf = ...` and
 * `toString`, Emscripten's `Sub.prototype.constructor = Sub` for its Error subclasses (DuckDB-wasm
 * runs them inside the sandbox, for spark.sql). On a frozen prototype such an assignment throws
 * (JavaScript's "override mistake"); SES's override taming, done here, turns each into an accessor
 * whose setter gives the object its own property, and refuses on the prototype itself. Only these:
 * an accessor is slower to read than a data property, and `constructor` or `toString` of
 * Object.prototype are read on hot paths (tamed all, a word count ran 40 % slower). Not an
 * error's `name` or `message`: V8 reads them as data properties when it reports an uncaught error.
 */
function overridable(target: object): readonly string[] {
  if (target === Object.prototype) return ['toString', 'valueOf'];
  if (target === Object.getPrototypeOf(Uint8Array.prototype)) return ['toString'];
  if (target === Error.prototype) return ['constructor', 'toString'];
  return [];
}

/** Freezes `target` after taming its overridable properties (see `overridable`). */
export function freezeTamed(target: object): void {
  if (Object.isFrozen(target)) return;
  for (const key of overridable(target)) {
    const d = Object.getOwnPropertyDescriptor(target, key);
    if (!d || !('value' in d) || !d.writable || !d.configurable) continue;
    const value: unknown = d.value;
    Object.defineProperty(target, key, {
      get: () => value,
      set(this: object, v: unknown) {
        if (this === target) throw new TypeError(`Cannot assign to read only property '${key}' of a frozen prototype`);
        Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
  if (closedNotFrozen().has(target)) {
    Object.preventExtensions(lockProperties(target));
    if (target !== Object.prototype) refastened(target);
  } else Object.freeze(target);
}

/**
 * Gives a closed typed array prototype back its fast properties. Redefining a property of an object
 * (lockProperties does it to each) moves V8's object to dictionary mode, and while a typed array's
 * prototype is in dictionary mode, every read and store of that kind of typed array in the whole
 * isolate takes a slow path: a Float64Array summed or filled 10-15 times slower, and the sort
 * buffer, the packing of map outputs and DuckDB's heap all live in typed arrays. V8 makes an object
 * fast again when something new takes it as prototype; its properties stay as locked as they were.
 * Not Object.prototype (nor the frozen ones): there it makes string and Map code about twice as slow.
 */
function refastened(proto: object): void {
  Object.create(proto);
}

let closed: ReadonlySet<object> | null = null;

/**
 * The prototypes closed property by property (lockProperties, then preventExtensions) instead of
 * frozen: Object.prototype and the typed arrays'. V8 moves a frozen object's elements to a
 * dictionary, and once one of these has such elements every store into a typed array (and into an
 * array's hole) in the whole isolate takes a slow path: a Float64Array filled 40-100 times slower,
 * every map task's output packed 5 times slower. The others stay frozen: changed property by
 * property, String.prototype, Array.prototype or Map.prototype lose V8's fast paths instead
 * (charCodeAt, slice and a Map's iteration 4-80 times slower).
 */
function closedNotFrozen(): ReadonlySet<object> {
  closed ??= new Set<object>([
    Object.prototype,
    Object.getPrototypeOf(Uint8Array.prototype) as object,
    ...TYPED_ARRAYS.map((t) => t.prototype as object),
  ]);
  return closed;
}
