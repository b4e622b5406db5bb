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
 * The names that ordinary code assigns on its own objects although a prototype holds them
 * (`Sub.prototype.constructor = Sub`, `obj.toString = ...`: apache-arrow and Emscripten's glue,
 * which DuckDB-wasm runs in the sandbox, do). On a frozen prototype such an assignment throws
 * (JavaScript's "override mistake"); SES's override taming, done here, turns each of them into an
 * accessor whose setter gives the object its own property, and refuses on the prototype itself.
 * Not `name` and `message`: V8 reads an error's name as a data property when it reports an
 * uncaught one (an accessor would drop the "Error: " of "Uncaught Error: ...").
 */
const OVERRIDABLE = [
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
];

/** Freezes `target` after taming its overridable properties (see OVERRIDABLE). */
export function freezeTamed(target: object): void {
  if (Object.isFrozen(target)) return;
  for (const key of OVERRIDABLE) {
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
  Object.freeze(target);
}
