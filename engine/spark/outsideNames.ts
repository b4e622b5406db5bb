/**
 * The names a function's source text reads from outside itself, without a parser (the compiler
 * stays out of the sandbox workers): its strings, comments and regular expressions blanked, the
 * names it declares (parameters, const/let/var, function names, catch) set aside, and property
 * names (`x.name`, `{ name: ... }`) skipped. It errs one way only: where the text is anything it
 * cannot read for sure (a template literal, a class, `this`, a destructuring with renames or
 * defaults...), the answer is null, "do not trust this function".
 */

const KEYWORDS = new Set([
  'break', 'case', 'catch', 'const', 'continue', 'default', 'do', 'else', 'false', 'finally', 'for',
  'function', 'if', 'in', 'instanceof', 'let', 'new', 'null', 'of', 'return', 'switch', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'async', 'await',
]); // prettier-ignore

/** Words after which the function is not read at all. */
const REFUSED = new Set([
  'this',
  'super',
  'arguments',
  'delete',
  'with',
  'import',
  'debugger',
  'yield',
  'class',
  'eval',
  'get',
  'set',
  'static',
]);

/** Characters after which a `/` starts a regular expression rather than dividing. */
const BEFORE_REGEX = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);
const WORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'void', 'throw']);

/** The text with strings, comments and regular expressions replaced by spaces; null if unsure. */
export function blankLiterals(text: string): string | null {
  if (text.includes('`')) return null;
  const out = text.split('');
  let last = ''; // the last significant character, or word
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const to = end < 0 ? text.length : end;
      blank(i, to);
      i = to;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return null;
      blank(i, end + 2);
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      if (k >= text.length) return null;
      blank(i + 1, k);
      i = k + 1;
      last = 'x';
    } else if (c === '/' && (BEFORE_REGEX.has(last) || WORDS_BEFORE_REGEX.has(last))) {
      let k = i + 1;
      let inClass = false;
      while (k < text.length && (inClass || text[k] !== '/')) {
        if (text[k] === '\n') return null;
        if (text[k] === '[') inClass = true;
        else if (text[k] === ']') inClass = false;
        k += text[k] === '\\' ? 2 : 1;
      }
      if (k >= text.length) return null;
      k++;
      while (k < text.length && /[a-z]/.test(text[k]!)) k++;
      blank(i, k);
      i = k;
      last = 'x';
    } else if (/[\w$]/.test(c)) {
      let k = i;
      while (k < text.length && /[\w$]/.test(text[k]!)) k++;
      last = text.slice(i, k);
      i = k;
    } else {
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out.join('');
}

interface Token {
  readonly text: string;
  readonly at: number;
  readonly word: boolean;
}

function tokens(code: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z_$][\w$]*|\d[\w.]*|=>|===?|!==?|<=|>=|\?\.|\.\.\.|[^\s\w$]/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code))
    out.push({ text: m[0], at: m.index, word: /^[A-Za-z_$]/.test(m[0]) });
  return out;
}

/** The names declared by the tokens of a parameter list or a declaration; null if it renames or defaults. */
function declaredIn(list: readonly Token[]): string[] | null {
  const names: string[] = [];
  for (const t of list) {
    if (t.text === '=' || t.text === ':') return null;
    if (t.word && !KEYWORDS.has(t.text)) names.push(t.text);
  }
  return names;
}

/** The tokens of the bracketed group that starts at `open` (a `(`), and the index after it; null if unbalanced. */
function group(ts: readonly Token[], open: number): [Token[], number] | null {
  let depth = 0;
  for (let k = open; k < ts.length; k++) {
    const t = ts[k]!.text;
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') {
      depth--;
      if (depth === 0) return [ts.slice(open + 1, k), k + 1];
    }
  }
  return null;
}

/** The outside names `fnText` reads (see the file comment), or null. */
export function outsideNames(fnText: string): Set<string> | null {
  const code = blankLiterals(fnText);
  if (code === null) return null;
  const ts = tokens(code);
  const declared = new Set<string>();
  const declare = (names: string[] | null): boolean => {
    if (names === null) return false;
    for (const n of names) declared.add(n);
    return true;
  };
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (t.word && REFUSED.has(t.text)) return null;
    if (t.text === '=>') {
      const before = ts[k - 1];
      if (before?.text === ')') {
        let depth = 0;
        let open = k - 1;
        for (; open >= 0; open--) {
          if (ts[open]!.text === ')') depth++;
          else if (ts[open]!.text === '(' && --depth === 0) break;
        }
        if (open < 0 || !declare(declaredIn(ts.slice(open + 1, k - 1)))) return null;
      } else if (before?.word) declared.add(before.text);
      else return null;
    } else if (t.text === 'function') {
      let at = k + 1;
      if (ts[at]?.text === '*') return null;
      if (ts[at]?.word) declared.add(ts[at++]!.text);
      if (ts[at]?.text !== '(') return null;
      const g = group(ts, at);
      if (g === null || !declare(declaredIn(g[0]))) return null;
    } else if (t.text === 'catch' && ts[k + 1]?.text === '(') {
      const g = group(ts, k + 1);
      if (g === null || !declare(declaredIn(g[0]))) return null;
    } else if (t.text === 'const' || t.text === 'let' || t.text === 'var') {
      // Up to the first `=`, `of`, `in` or `;` outside brackets: `const [a, , b] = ...`, `for (const x of ...)`.
      let depth = 0;
      let end = k + 1;
      for (; end < ts.length; end++) {
        const x = ts[end]!.text;
        if (x === '(' || x === '[' || x === '{') depth++;
        else if (x === ')' || x === ']' || x === '}') depth--;
        if (depth === 0 && (x === '=' || x === 'of' || x === 'in' || x === ';')) break;
        if (depth < 0) break;
      }
      if (!declare(declaredIn(ts.slice(k + 1, end)))) return null;
    }
  }
  const outside = new Set<string>();
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (!t.word || KEYWORDS.has(t.text) || declared.has(t.text)) continue;
    const prev = ts[k - 1]?.text;
    if (prev === '.' || prev === '?.') continue; // a property
    if (ts[k + 1]?.text === ':' && (prev === '{' || prev === ',')) continue; // an object literal's key
    outside.add(t.text);
  }
  return outside;
}
