/**
 * Hadoop's glob syntax for input paths (FileSystem.globStatus, GlobPattern): in any path
 * component `*` (any characters), `?` (one character), `[abc]`, `[a-z]`, `[^a]` or `[!a]` (one
 * character of a set or not of it), `{a,b}` (either alternative; nested, and across `/` as
 * GlobExpander does) and `\` (the next character literally): expansion and matching over any
 * file listing (MapReduce's inputs on HDFS, Spark's through sparkPaths.ts).
 */

/** At most this many patterns after expanding `{a,b}` alternatives (a bound, not Hadoop's). */
export const MAX_GLOB_EXPANSIONS = 1_024;

/** A path pattern Hadoop could not read ("Illegal file pattern: ..." in Hadoop). */
export class GlobSyntaxError extends Error {
  override name = 'IllegalArgumentException';
  constructor(pattern: string, problem: string) {
    super(`Illegal file pattern: ${problem} for glob ${pattern}`);
  }
}

/** Hadoop's FileInputFormat.getPathStrings: split at commas, except inside `{...}`. */
export function splitInputPaths(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      out.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  out.push(spec.slice(start));
  return out;
}

/** True when the text has an unescaped glob character: `*`, `?`, `[` or `{`. */
export function hasGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The alternatives of `{...}`'s inside (split at its top-level commas). */
function alternatives(inside: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  out.push(inside.slice(start));
  return out;
}

/** Every pattern a `{a,b}` pattern stands for, in order ('/x/{a,b}*' → ['/x/a*', '/x/b*']). */
export function expandBraces(pattern: string): string[] {
  let out = [pattern];
  for (let round = 0; ; round++) {
    const next: string[] = [];
    let expanded = false;
    for (const p of out) {
      const open = firstBrace(p);
      if (open < 0) {
        next.push(p);
        continue;
      }
      const close = closingBrace(p, open);
      if (close < 0) throw new GlobSyntaxError(pattern, 'Unclosed group');
      expanded = true;
      for (const alt of alternatives(p.slice(open + 1, close))) next.push(p.slice(0, open) + alt + p.slice(close + 1));
      if (next.length > MAX_GLOB_EXPANSIONS)
        throw new GlobSyntaxError(pattern, `more than ${MAX_GLOB_EXPANSIONS} alternatives`);
    }
    out = next;
    if (!expanded || round > MAX_GLOB_EXPANSIONS) return out;
  }
}

function firstBrace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') return i;
  }
  return -1;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * One path component's pattern (no `{`, no `/`) as an anchored RegExp: what Hadoop's GlobPattern
 * compiles it to. `pattern` is the whole path, named in errors.
 */
export function componentRegExp(component: string, pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < component.length; i++) {
    const c = component[i]!;
    if (c === '\\') {
      if (i + 1 >= component.length) throw new GlobSyntaxError(pattern, 'Missing escaped character');
      re += component[++i]!.replace(REGEX_SPECIAL, '\\$&');
    } else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = component.indexOf(']', i + 2);
      if (close < 0) throw new GlobSyntaxError(pattern, 'Unclosed character class');
      let set = component.slice(i + 1, close);
      let negate = false;
      if (set.startsWith('^') || set.startsWith('!')) {
        negate = true;
        set = set.slice(1);
      }
      if (set === '') throw new GlobSyntaxError(pattern, 'Empty character class');
      // Ranges stay ranges (a-z); everything else in the set is literal.
      const body = set.replace(/[\\\]^[]/g, '\\$&');
      re += `[${negate ? '^' : ''}${body}]`;
      i = close;
    } else if (c === '}') throw new GlobSyntaxError(pattern, 'Unopened group');
    else re += c.replace(REGEX_SPECIAL, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`, 'su');
  } catch {
    throw new GlobSyntaxError(pattern, 'Illegal character range');
  }
}

/** A component without glob characters, its `\` escapes removed ('a\*b' → 'a*b'). */
export function unescapeComponent(component: string): string {
  return component.replace(/\\(.)/gsu, '$1');
}

/** What a glob is matched against: a path's kind and a directory's children (full paths). */
export interface GlobListing {
  kind(path: string): 'file' | 'dir' | null;
  list(dir: string): Iterable<string>;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Hadoop's hiddenFileFilter: names starting with `_` (like _SUCCESS) or `.` are not input. */
export function isHidden(path: string): boolean {
  const name = baseName(path);
  return name.startsWith('_') || name.startsWith('.');
}

/** The paths matching a Hadoop glob (FileSystem.globStatus), hidden ones left out, in name order. */
export function globMatches(pattern: string, listing: GlobListing): string[] {
  const found = new Set<string>();
  for (const expanded of expandBraces(pattern)) {
    const components = expanded.split('/').filter((c) => c !== '');
    let candidates = ['/'];
    for (const component of components) {
      const next: string[] = [];
      const glob = hasGlob(component);
      const re = glob ? componentRegExp(component, pattern) : null;
      const name = glob ? '' : unescapeComponent(component);
      for (const dir of candidates) {
        if (listing.kind(dir) !== 'dir') continue;
        if (re) {
          for (const child of listing.list(dir)) if (re.test(baseName(child))) next.push(child);
        } else {
          const child = dir === '/' ? `/${name}` : `${dir}/${name}`;
          if (listing.kind(child) !== null) next.push(child);
        }
      }
      candidates = next;
      if (candidates.length === 0) break;
    }
    for (const c of candidates) if (!isHidden(c) || c === '/') found.add(c);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
