/**
 * The programs `rdd.pipe(command)` can run. Spark's pipe starts an external program per partition
 * (no shell: the command is split on whitespace), writes the partition's elements to its standard
 * input one per line and makes each line of its standard output an element; a program that exits
 * with a non-zero status fails the task ("Subprocess exited with status 1"), which is why `grep`
 * fails on a partition where nothing matches. The sandbox starts no programs, so the common Unix
 * text tools are simulated here with their POSIX/GNU behaviour (C locale: byte order).
 */

import { encodeUtf8 } from '../core';

export interface PipeResult {
  out: string[];
  status: number;
  stderr: string;
}

type Program = (args: string[], input: string[]) => PipeResult;

const ok = (out: string[]): PipeResult => ({ out, status: 0, stderr: '' });
const fail = (status: number, stderr: string): PipeResult => ({ out: [], status, stderr });

/** Splits args into flags (with values for those in `valued`) and operands, as getopt does. */
function options(
  args: string[],
  valued: string,
  known = '',
): { flags: Map<string, string>; operands: string[]; bad: string | null } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    if (a.startsWith('--'))
      return { flags, operands, bad: `unrecognized option '${a}' (the simulated tools take short options only)` };
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (/\d/.test(f) && valued.includes('n')) {
        // `head -5`: the old form of -n 5.
        flags.set('n', a.slice(j));
        break;
      }
      if (!valued.includes(f) && !known.includes(f))
        return { flags, operands, bad: `invalid option -- '${f}' (the simulated tool takes -${known}${valued})` };
      if (valued.includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { flags, operands, bad: `option requires an argument -- '${f}'` };
        flags.set(f, value);
        break;
      }
      flags.set(f, '');
    }
  }
  return { flags, operands, bad: null };
}

function noFiles(name: string, operands: string[]): PipeResult | null {
  const file = operands.find((o) => o !== '-');
  return file === undefined
    ? null
    : fail(
        name === 'grep' ? 2 : 1,
        `${name}: ${file}: No such file or directory (an executor's local files are not simulated; pipe gives the program the partition on its standard input)`,
      );
}

function count(value: string | undefined, name: string): number | PipeResult {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fail(1, `${name}: invalid number of lines: '${value ?? ''}'`);
}

const cat: Program = (args, input) => {
  const { operands, bad } = options(args, '');
  if (bad) return fail(1, `cat: ${bad}`);
  return noFiles('cat', operands) ?? ok(input);
};

const grep: Program = (args, input) => {
  const { flags, operands, bad } = options(args, 'e', 'vicFEwx');
  if (bad) return fail(2, `grep: ${bad}`);
  const pattern = flags.get('e') ?? operands.shift();
  if (pattern === undefined) return fail(2, 'Usage: grep [OPTION]... PATTERNS [FILE]...');
  const missing = noFiles('grep', operands);
  if (missing) return missing;
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern;
  if (!flags.has('E') && !flags.has('F')) source = source.replace(/\\([|+?(){}])/g, '$1');
  if (flags.has('w')) source = `\\b(?:${source})\\b`;
  if (flags.has('x')) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags.has('i') ? 'i' : '');
  } catch {
    return fail(2, `grep: invalid regular expression: ${pattern}`);
  }
  const keep = input.filter((line) => re.test(line) !== flags.has('v'));
  const out = flags.has('c') ? [String(keep.length)] : keep;
  return { out, status: keep.length > 0 ? 0 : 1, stderr: '' };
};

const wc: Program = (args, input) => {
  const { flags, operands, bad } = options(args, '', 'lwc');
  if (bad) return fail(1, `wc: ${bad}`);
  const missing = noFiles('wc', operands);
  if (missing) return missing;
  const lines = input.length;
  const words = input.reduce((n, l) => n + (l.match(/\S+/g)?.length ?? 0), 0);
  const bytes = input.reduce((n, l) => n + encodeUtf8(l).length + 1, 0);
  const chosen = [flags.has('l') && lines, flags.has('w') && words, flags.has('c') && bytes].filter(
    (x): x is number => x !== false,
  );
  if (chosen.length === 1) return ok([String(chosen[0])]);
  const shown = chosen.length ? chosen : [lines, words, bytes];
  return ok([shown.map((n) => String(n).padStart(7)).join(' ')]);
};

/** A sort key -k START[,END][modifiers]: the fields START to END (to the line's end without END). */
function fieldOf(line: string, key: { start: number; end: number | null } | null, sep: string | null): string {
  if (key === null) return line;
  const fields = sep === null ? line.trim().split(/\s+/) : line.split(sep);
  return fields.slice(key.start - 1, key.end ?? undefined).join(sep ?? ' ');
}

const sort: Program = (args, input) => {
  const { flags, operands, bad } = options(args, 'tk', 'rnuf');
  if (bad) return fail(2, `sort: ${bad}`);
  const missing = noFiles('sort', operands);
  if (missing) return missing;
  const spec = flags.has('k') ? /^(\d+)(?:,(\d+))?([nrf]*)$/.exec(flags.get('k')!) : null;
  if (flags.has('k') && (!spec || Number(spec[1]) < 1))
    return fail(2, `sort: invalid key '${flags.get('k')}' (the simulated sort takes -k START[,END][nrf])`);
  const key = spec ? { start: Number(spec[1]), end: spec[2] ? Number(spec[2]) : null } : null;
  for (const m of spec?.[3] ?? '') flags.set(m, '');
  const sep = flags.get('t') ?? null;
  const fold = (s: string) => (flags.has('f') ? s.toUpperCase() : s);
  const byKey = (a: string, b: string): number => {
    const x = fold(fieldOf(a, key, sep));
    const y = fold(fieldOf(b, key, sep));
    if (flags.has('n')) return (Number.parseFloat(x) || 0) - (Number.parseFloat(y) || 0);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // GNU sort: equal keys fall back to the whole line, except with -u (one line per key).
  const cmp = (a: string, b: string) => byKey(a, b) || (flags.has('u') ? 0 : a < b ? -1 : a > b ? 1 : 0);
  const dir = flags.has('r') ? -1 : 1;
  let out = [...input].sort((a, b) => dir * cmp(a, b));
  if (flags.has('u')) out = out.filter((l, i) => i === 0 || byKey(out[i - 1]!, l) !== 0);
  return ok(out);
};

const uniq: Program = (args, input) => {
  const { flags, operands, bad } = options(args, '', 'cdui');
  if (bad) return fail(1, `uniq: ${bad}`);
  const missing = noFiles('uniq', operands);
  if (missing) return missing;
  const same = (a: string, b: string) => (flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const runs: [string, number][] = [];
  for (const line of input) {
    const last = runs[runs.length - 1];
    if (last && same(last[0], line)) last[1]++;
    else runs.push([line, 1]);
  }
  return ok(
    runs
      .filter(([, n]) => (flags.has('d') ? n > 1 : flags.has('u') ? n === 1 : true))
      .map(([line, n]) => (flags.has('c') ? `${String(n).padStart(7)} ${line}` : line)),
  );
};

const head: Program = (args, input) => {
  const { flags, operands, bad } = options(args, 'n');
  if (bad) return fail(1, `head: ${bad}`);
  const n = count(flags.get('n') ?? '10', 'head');
  if (typeof n !== 'number') return n;
  return noFiles('head', operands) ?? ok(input.slice(0, n));
};

const tail: Program = (args, input) => {
  const { flags, operands, bad } = options(args, 'n');
  if (bad) return fail(1, `tail: ${bad}`);
  const n = count(flags.get('n') ?? '10', 'tail');
  if (typeof n !== 'number') return n;
  return noFiles('tail', operands) ?? ok(n === 0 ? [] : input.slice(-n));
};

/** A tr SET: ranges (a-z), classes ([:upper:]) and escapes, expanded to characters. */
function trSet(set: string): string[] {
  const classes: Record<string, string> = {
    '[:upper:]': 'A-Z',
    '[:lower:]': 'a-z',
    '[:digit:]': '0-9',
    '[:space:]': ' \t\n\r\f\v',
    '[:alpha:]': 'A-Za-z',
    '[:alnum:]': 'A-Za-z0-9',
    '[:punct:]': '!-/:-@[-`{-~',
  };
  let s = set;
  for (const [name, chars] of Object.entries(classes)) s = s.split(name).join(chars);
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      for (let c = chars[i]!.codePointAt(0)!; c <= chars[i + 2]!.codePointAt(0)!; c++)
        out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

const tr: Program = (args, input) => {
  const { flags, operands, bad } = options(args, '', 'ds');
  if (bad) return fail(1, `tr: ${bad}`);
  const [from, to] = operands;
  if (from === undefined || (to === undefined && !flags.has('d')))
    return fail(1, `tr: missing operand${from === undefined ? '' : ` after '${from}'`}`);
  const a = trSet(from);
  const b = to === undefined ? [] : trSet(to);
  const map = new Map<string, string | null>();
  a.forEach((c, i) => map.set(c, flags.has('d') ? null : (b[Math.min(i, b.length - 1)] ?? c)));
  const squeeze = new Set(flags.has('s') ? (b.length ? b : a) : []);
  return ok(
    input.map((line) => {
      let out = '';
      for (const c of line) {
        const t = map.has(c) ? (map.get(c) ?? '') : c;
        if (t !== '' && squeeze.has(t) && out.endsWith(t)) continue;
        out += t;
      }
      return out;
    }),
  );
};

/** A cut LIST (1,3,5-7,-2,4-) as a test of 1-based positions. */
function cutList(list: string): ((n: number) => boolean) | null {
  const parts = list.split(',').map((p) => /^(\d*)-?(\d*)$/.exec(p) && p);
  if (parts.some((p) => !p)) return null;
  const ranges = (parts as string[]).map((p) => {
    const [lo, hi] = p.includes('-') ? p.split('-') : [p, p];
    return [lo ? Number(lo) : 1, hi ? Number(hi) : Infinity] as const;
  });
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

const cut: Program = (args, input) => {
  const { flags, operands, bad } = options(args, 'dfc');
  if (bad) return fail(1, `cut: ${bad}`);
  const missing = noFiles('cut', operands);
  if (missing) return missing;
  const list = flags.get('f') ?? flags.get('c');
  if (list === undefined) return fail(1, 'cut: you must specify a list of bytes, characters, or fields');
  const pick = cutList(list);
  if (!pick) return fail(1, `cut: invalid field value '${list}'`);
  if (flags.has('c')) return ok(input.map((l) => [...l].filter((_, i) => pick(i + 1)).join('')));
  const d = flags.get('d') ?? '\t';
  if ([...d].length !== 1) return fail(1, 'cut: the delimiter must be a single character');
  return ok(
    input.map((l) =>
      l.includes(d)
        ? l
            .split(d)
            .filter((_, i) => pick(i + 1))
            .join(d)
        : l,
    ),
  );
};

const rev: Program = (args, input) => {
  const { operands, bad } = options(args, '');
  if (bad) return fail(1, `rev: ${bad}`);
  return noFiles('rev', operands) ?? ok(input.map((l) => [...l].reverse().join('')));
};

export const PIPE_PROGRAMS: Readonly<Record<string, Program>> = Object.freeze({
  cat,
  grep,
  wc,
  sort,
  uniq,
  head,
  tail,
  tr,
  cut,
  rev,
});

/** Spark's PipedRDD.tokenize: the command split on whitespace (no shell, no quotes). */
export function tokenizeCommand(command: string): string[] {
  return command.split(/\s+/).filter((t) => t !== '');
}

/** Runs one simulated program on a partition's lines; the program name may be a path (/usr/bin/grep). */
export function runPipeProgram(argv: string[], input: string[]): PipeResult {
  const [path, ...args] = argv;
  const name = (path ?? '').split('/').pop() ?? '';
  const program = Object.hasOwn(PIPE_PROGRAMS, name) ? PIPE_PROGRAMS[name] : undefined;
  if (!program)
    return fail(
      127,
      `Cannot run program "${path ?? ''}": error=2, No such file or directory (the simulated executors have ${Object.keys(PIPE_PROGRAMS).join(', ')}; pipe runs no shell, so | and quotes are not read)`,
    );
  return program(args, input);
}
