/**
 * `text.split(/regex/)` in the learner's code, as fast as V8 runs it on an untouched realm. The
 * sandboxes freeze RegExp.prototype (freezeIntrinsics.ts), so a job cannot change what the
 * engine's own regular expressions do; but V8 then takes its slow path for `split` with a regular
 * expression: it builds a new sticky RegExp for every call and tries it at every position, about
 * 12 times slower (a word count's `line.split(/\s+/)` was most of its map tasks' time in the
 * browser). `exec` keeps its fast path on a frozen prototype. So the compiler turns
 * `x.split(/re/, limit)` (a regular expression literal, compile/fastSplits.ts) into
 * `__clusterlabSplit(x, "x", "/re/")(/re/, limit)`, and this file answers it with ECMAScript's
 * RegExp.prototype[@@split] algorithm run on a global copy of the literal, through the `exec`
 * captured before any job ran: the same array, element for element. Anything else (a receiver
 * that is not a string, a limit that is not a number, a literal of another realm) goes to the
 * method the call would have called, with the same arguments. (The CLI binds its own helper, made
 * in the job's `vm` realm: cli/sandboxWorker.ts.) One difference is left: a receiver without a
 * `split` method is named by its source text ("({ a: 1 }).a.split is not a function") where V8
 * would write "{(intermediate value)}.a.split is not a function".
 */

import { SPLIT_CALL } from './contract/splitCall';

/** The name the compiled job calls (a binding of the evaluated module, like the loop guard). */
export { SPLIT_CALL };

// Captured when this module loads, before any job's code runs (and RegExp.prototype is frozen).
const RegExpCtor = RegExp;
const regExpProto = RegExp.prototype;
const exec = RegExp.prototype.exec;
const stringSplit = String.prototype.split;
const flagsOf = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags')!.get!;
const apply = Reflect.apply;
const getPrototypeOf = Object.getPrototypeOf;

/** Whether `index` falls between the two halves of a surrogate pair of `s`. */
function insidePair(s: string, index: number): boolean {
  if (index <= 0 || index >= s.length) return false;
  const lead = s.charCodeAt(index - 1);
  const trail = s.charCodeAt(index);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff;
}

/** AdvanceStringIndex: one code unit, or a whole surrogate pair when matching by code points. */
function advance(s: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= s.length) return index + 1;
  const lead = s.charCodeAt(index);
  if (lead < 0xd800 || lead > 0xdbff) return index + 1;
  const trail = s.charCodeAt(index + 1);
  return trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}

interface Searcher {
  searcher: RegExp;
  unicode: boolean;
}

/** A job's literals may repeat one text many times; a hostile caller of the helper gets no more than this. */
const MAX_SEARCHERS = 256;

/**
 * The searcher of a literal (its global copy), by the literal's text (`/re/flags`, from the
 * compiler), made once per load of a job: what one program passes as that text cannot reach
 * another program's splits.
 */
function searcherOf(searchers: Map<string, Searcher>, literal: string, separator: RegExp): Searcher {
  let found = searchers.get(literal);
  if (found === undefined) {
    if (searchers.size >= MAX_SEARCHERS) searchers.clear();
    const flags = apply(flagsOf, separator, []) as string;
    // Global, not sticky: one search from a position finds the first position where the sticky
    // splitter of the specification would match, and the same match there.
    let global = 'g';
    for (const f of flags) if (f !== 'g' && f !== 'y') global += f;
    found = { searcher: new RegExpCtor(separator, global), unicode: flags.includes('u') || flags.includes('v') };
    searchers.set(literal, found);
  }
  return found;
}

/**
 * RegExp.prototype[@@split](s, limit) for `separator`, a regular expression of this realm nothing
 * has touched, with its global copy `searcher` (`unicode`: it matches by code points).
 */
function splitByRegExp(s: string, { searcher, unicode }: Searcher, limit: number | undefined): string[] {
  const out: string[] = [];
  const lim = limit === undefined ? 0xffffffff : limit >>> 0;
  if (lim === 0) return out;
  const size = s.length;
  if (size === 0) {
    searcher.lastIndex = 0;
    if (apply(exec, searcher, [s]) === null) out.push(s);
    return out;
  }
  let p = 0;
  let q = 0;
  while (q < size) {
    searcher.lastIndex = q;
    const z = apply(exec, searcher, [s]) as RegExpExecArray | null;
    // No match before the end: the specification's loop ends at `size` without one.
    if (z === null || z.index >= size) break;
    const at = z.index;
    if (unicode && insidePair(s, at)) {
      // V8's global search by code points can still stop between a surrogate pair's halves (an
      // assertion such as \B there); the specification's splitter never tries that position.
      q = at + 1;
      continue;
    }
    const e = Math.min(searcher.lastIndex, size);
    if (e === p) {
      // An empty match where the last piece ended: try one position further.
      q = advance(s, at, unicode);
      continue;
    }
    out.push(s.slice(p, at));
    if (out.length === lim) return out;
    p = e;
    for (let i = 1; i < z.length; i++) {
      out.push(z[i]!);
      if (out.length === lim) return out;
    }
    q = p;
  }
  out.push(s.slice(p, size));
  return out;
}

/** The helper a compiled job calls (SPLIT_CALL), with a cache of searchers of its own: one per load of a job. */
export type SplitCall = (receiver: unknown, text: string, literal: string) => (...args: unknown[]) => unknown;

/**
 * The helper: what `receiver.split` is when called with the arguments that follow. It reads the
 * property as the call would (so a null receiver throws the same TypeError) and returns the call
 * to make. `text` is the receiver's source, for the error a missing method gives; `literal` the
 * text of the regular expression literal the call passes first.
 */
export function createSplitCall(): SplitCall {
  const searchers = new Map<string, Searcher>();
  return (receiver, text, literal) => {
    const method = (receiver as { split: unknown }).split;
    if (typeof receiver === 'string' && method === stringSplit)
      return (separator: unknown, limit?: unknown) =>
        typeof separator === 'object' &&
        separator !== null &&
        getPrototypeOf(separator) === regExpProto &&
        (limit === undefined || typeof limit === 'number')
          ? splitByRegExp(receiver, searcherOf(searchers, literal, separator as RegExp), limit as number | undefined)
          : apply(stringSplit, receiver, [separator, limit]);
    // A call of something that is not a function fails after its arguments are evaluated.
    if (typeof method !== 'function')
      return () => {
        throw new TypeError(`${text}.split is not a function`);
      };
    return (...args: unknown[]) => apply(method, receiver, args);
  };
}
