/**
 * A list of plain objects packed by column for postMessage. A structured clone writes and reads
 * every object, key and string of a list one by one: the 100-node word count's 88,000 trace
 * events took about 90 ms to write and 180 ms to read back. Packed, rows of the same keys (a
 * shape) share one key list; their numbers go into one Float64Array and their strings into one
 * Int32Array of indices into a table of distinct strings, both transferred rather than cloned;
 * values of nested plain objects are packed the same way (an attempt's cost and counters). Any
 * other value (an array, null, a boolean, undefined) is cloned as it is. Unpacked, each row is a
 * new object with the same keys in the same order and the same values. (A plain object shared by
 * two rows comes back as two copies, where a structured clone keeps it shared; no page code
 * compares a report's objects by identity.)
 */

/** Nested plain objects deeper than this are cloned as they are. */
const MAX_DEPTH = 4;
/** Shapes per table (a row's shape is a Uint16 index). */
const MAX_SHAPES = 65_535;
/** Rows per list: a longer one goes as it is (a report's parts hold 8,192). */
const MAX_ROWS = 1 << 20;
const NO_SHAPES = -1;

type PackedColumn =
  /** Numbers at `at`.. in `numbers`. */
  | { kind: 'number'; at: number }
  /** Indices of strings at `at`.. in `indices`. */
  | { kind: 'string'; at: number }
  /** Plain objects, packed. */
  | { kind: 'rows'; table: PackedTable }
  /** Anything else, cloned as it is. */
  | { kind: 'values'; values: unknown[] };

interface PackedTable {
  count: number;
  /** Each shape's keys, in the objects' own order. */
  shapes: string[][];
  /** Where each row's shape index is in `indices` (NO_SHAPES: every row has shape 0). */
  shapesAt: number;
  /** Per shape, one column per key, holding the values of that shape's rows in row order. */
  columns: PackedColumn[][];
}

export interface PackedRows {
  strings: string[];
  numbers: Float64Array;
  indices: Int32Array;
  table: PackedTable;
}

/** A Float64Array or Int32Array that doubles as it fills. */
class Grower<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}

  reserve(n: number): number {
    const at = this.length;
    if (at + n > this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, at + n));
      bigger.set(this.data.subarray(0, at) as never);
      this.data = bigger;
    }
    this.length += n;
    return at;
  }

  /**
   * The filled part: a view of the whole buffer (transferred as it is, no copy), or a copy when
   * less than half of the buffer is filled (the room was guessed too big).
   */
  done(): T {
    const filled = this.data.subarray(0, this.length) as T;
    return this.length * 2 < this.data.length ? (filled.slice() as T) : filled;
  }
}

interface Packer {
  strings: Map<string, number>;
  numbers: Grower<Float64Array>;
  indices: Grower<Int32Array>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `rows` packed, and the buffers to transfer with them; null when a row is not a plain object
 * (or has a key that an object literal cannot take back as its own, `__proto__`).
 */
export function packRows(rows: readonly unknown[]): { packed: PackedRows; transfer: ArrayBuffer[] } | null {
  if (rows.length > MAX_ROWS) return null;
  // Room for as many numbers and strings per row as the narrowest of the first, middle and last
  // rows has (and a row's shape index), from the start: a part of 8,192 attempts (34 numbers each)
  // would otherwise grow its arrays seven times from 1,024, each time allocating fresh memory and
  // copying what it holds. (At most a million of each; one row wider than the others cannot make
  // it allocate much more, and done() copies what is used when that is under half the room.)
  const sample = [0, rows.length >> 1, rows.length - 1].map((i) => leaves(rows[i], 0));
  const room = (perRow: number) => Math.min(Math.max(1024, rows.length * perRow), 1 << 20);
  const packer: Packer = {
    strings: new Map(),
    numbers: new Grower(new Float64Array(room(Math.min(...sample.map((c) => c.numbers)))), (n) => new Float64Array(n)),
    indices: new Grower(new Int32Array(room(Math.min(...sample.map((c) => c.strings)) + 1)), (n) => new Int32Array(n)),
  };
  const table = packTable(rows, packer, 0);
  if (table === null) return null;
  const numbers = packer.numbers.done();
  const indices = packer.indices.done();
  return {
    packed: { strings: [...packer.strings.keys()], numbers, indices, table },
    transfer: [numbers.buffer as ArrayBuffer, indices.buffer as ArrayBuffer],
  };
}

/** The numbers and strings a row holds, its nested plain objects' included. */
function leaves(row: unknown, depth: number): { numbers: number; strings: number } {
  const count = { numbers: 0, strings: 0 };
  if (!isPlainObject(row)) return count;
  for (const key in row) {
    const v = row[key];
    if (typeof v === 'number') count.numbers++;
    else if (typeof v === 'string') count.strings++;
    else if (depth < MAX_DEPTH && isPlainObject(v)) {
      const inner = leaves(v, depth + 1);
      count.numbers += inner.numbers;
      count.strings += inner.strings;
    }
  }
  return count;
}

function packTable(rows: readonly unknown[], packer: Packer, depth: number): PackedTable | null {
  const count = rows.length;
  const shapes: string[][] = [];
  const members: Record<string, unknown>[][] = [];
  const byKeys = new Map<string, number>();
  // Trace events of one type share their keys: the type finds the shape without joining the keys.
  const byType = new Map<string, number>();
  const rowShapes = new Uint16Array(count);
  let last: number | undefined;
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    if (!isPlainObject(row)) return null;
    const keys = Object.keys(row);
    const type = row.type;
    let shape = typeof type === 'string' ? byType.get(type) : last;
    if (shape === undefined || !sameKeys(keys, shapes[shape]!)) {
      // JSON of the list: keys may hold any character, so no separator could tell them apart.
      const id = JSON.stringify(keys);
      shape = byKeys.get(id);
      if (shape === undefined) {
        if (shapes.length === MAX_SHAPES || keys.includes('__proto__')) return null;
        shape = shapes.length;
        byKeys.set(id, shape);
        shapes.push(keys);
        members.push([]);
      }
    }
    if (typeof type === 'string') byType.set(type, shape);
    last = shape;
    rowShapes[i] = shape;
    members[shape]!.push(row);
  }
  let shapesAt = NO_SHAPES;
  if (shapes.length > 1) {
    shapesAt = packer.indices.reserve(count);
    packer.indices.data.set(rowShapes, shapesAt);
  }
  const columns = shapes.map((keys, s) => keys.map((key) => packColumn(members[s]!, key, packer, depth)));
  return { count, shapes, shapesAt, columns };
}

function packColumn(
  rows: readonly Record<string, unknown>[],
  key: string,
  packer: Packer,
  depth: number,
): PackedColumn {
  const n = rows.length;
  const first = rows[0]![key];
  if (typeof first === 'number') {
    const at = packer.numbers.reserve(n);
    const into = packer.numbers.data;
    for (let i = 0; i < n; i++) {
      const v = rows[i]![key];
      if (typeof v !== 'number') {
        packer.numbers.length = at;
        return values(rows, key);
      }
      into[at + i] = v;
    }
    return { kind: 'number', at };
  }
  if (typeof first === 'string') {
    const at = packer.indices.reserve(n);
    const into = packer.indices.data;
    const strings = packer.strings;
    for (let i = 0; i < n; i++) {
      const v = rows[i]![key];
      if (typeof v !== 'string') {
        packer.indices.length = at;
        return values(rows, key);
      }
      let id = strings.get(v);
      if (id === undefined) {
        id = strings.size;
        strings.set(v, id);
      }
      into[at + i] = id;
    }
    return { kind: 'string', at };
  }
  if (depth < MAX_DEPTH && isPlainObject(first)) {
    const numbersAt = packer.numbers.length;
    const indicesAt = packer.indices.length;
    const table = packTable(values(rows, key).values, packer, depth + 1);
    if (table !== null) return { kind: 'rows', table };
    packer.numbers.length = numbersAt;
    packer.indices.length = indicesAt;
  }
  return values(rows, key);
}

function values(rows: readonly Record<string, unknown>[], key: string): { kind: 'values'; values: unknown[] } {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i]![key];
  return { kind: 'values', values: out };
}

/** The rows again, or null when `packed` is not what packRows makes (nothing of it is trusted). */
export function unpackRows(packed: unknown): Record<string, unknown>[] | null {
  if (typeof packed !== 'object' || packed === null) return null;
  const { strings, numbers, indices, table } = packed as Partial<PackedRows>;
  if (!Array.isArray(strings) || !(numbers instanceof Float64Array) || !(indices instanceof Int32Array)) return null;
  // A loop, not every(): a hole in the list is not a string either.
  for (let i = 0; i < strings.length; i++) if (typeof strings[i] !== 'string') return null;
  try {
    return unpackTable(table, { strings, numbers, indices, seen: new Set() }, 0);
  } catch {
    return null;
  }
}

class Malformed extends Error {}

function check(ok: boolean): void {
  if (!ok) throw new Malformed();
}

function wholeNumberIn(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

/** What a table's columns read, and every table and column object met so far. */
type Columns = Omit<PackedRows, 'table'> & { seen: Set<unknown> };

/** Each table and column object is read once: packRows shares none, and a shared one could be read exponentially often. */
function once(from: Columns, thing: unknown): void {
  check(!from.seen.has(thing));
  from.seen.add(thing);
}

function unpackTable(table: unknown, from: Columns, depth: number): Record<string, unknown>[] {
  check(depth <= MAX_DEPTH && typeof table === 'object' && table !== null);
  once(from, table);
  const { count, shapes, shapesAt, columns } = table as Partial<PackedTable>;
  check(wholeNumberIn(count, MAX_ROWS));
  check(Array.isArray(shapes) && Array.isArray(columns) && columns.length === shapes!.length);
  check(shapes!.length <= MAX_SHAPES && (shapes!.length > 0 || count === 0));
  for (const keys of shapes!) {
    check(Array.isArray(keys) && new Set(keys).size === keys.length);
    for (let k = 0; k < keys.length; k++) check(typeof keys[k] === 'string' && keys[k] !== '__proto__');
  }
  const rowShape = (i: number): number => (shapesAt === NO_SHAPES ? 0 : from.indices[shapesAt! + i]!);
  check(
    shapesAt === NO_SHAPES ||
      (wholeNumberIn(shapesAt, from.indices.length) && shapesAt + count! <= from.indices.length),
  );
  const sizes = new Array<number>(shapes!.length).fill(0);
  for (let i = 0; i < count!; i++) {
    const s = rowShape(i);
    check(s >= 0 && s < shapes!.length);
    sizes[s]!++;
  }
  const decoded = columns!.map((cols, s) => {
    check(Array.isArray(cols) && cols.length === shapes![s]!.length);
    return (cols as unknown[]).map((c) => unpackColumn(c, sizes[s]!, from, depth));
  });
  // Each row is a copy of its shape's template (its keys in order, undefined), then filled: the
  // copy takes the template's layout at once, where adding key after key to {} looks the next
  // layout up at every key (2.5 times as long on a page's first run, before the code is optimised).
  const templates = shapes!.map((keys) => {
    const template: Record<string, unknown> = {};
    for (const key of keys) template[key] = undefined;
    return template;
  });
  const out = new Array<Record<string, unknown>>(count!);
  const next = new Array<number>(shapes!.length).fill(0);
  for (let i = 0; i < count!; i++) {
    const s = rowShape(i);
    const r = next[s]!++;
    const keys = shapes![s]!;
    const cols = decoded[s]!;
    const row: Record<string, unknown> = { ...templates[s] };
    for (let k = 0; k < keys.length; k++) row[keys[k]!] = cols[k]!(r);
    out[i] = row;
  }
  return out;
}

/** A column's value reader by row (within its shape), after checking the column fits `n` rows. */
function unpackColumn(column: unknown, n: number, from: Columns, depth: number): (r: number) => unknown {
  check(typeof column === 'object' && column !== null);
  once(from, column);
  const c = column as Partial<{ kind: string; at: number; table: unknown; values: unknown }>;
  if (c.kind === 'number') {
    check(wholeNumberIn(c.at, from.numbers.length) && c.at! + n <= from.numbers.length);
    const { numbers } = from;
    const at = c.at!;
    return (r) => numbers[at + r];
  }
  if (c.kind === 'string') {
    check(wholeNumberIn(c.at, from.indices.length) && c.at! + n <= from.indices.length);
    const { indices, strings } = from;
    const at = c.at!;
    for (let r = 0; r < n; r++) check(wholeNumberIn(indices[at + r], strings.length - 1));
    return (r) => strings[indices[at + r]!];
  }
  if (c.kind === 'rows') {
    const rows = unpackTable(c.table, from, depth + 1);
    check(rows.length === n);
    return (r) => rows[r];
  }
  check(c.kind === 'values' && Array.isArray(c.values) && c.values.length === n);
  const values = c.values as unknown[];
  return (r) => values[r];
}
