/**
 * The job most learners write, plain JavaScript whose one export is `export default <expression>`
 * and which imports nothing, compiled without sucrase: the code is what sucrase makes of it, byte
 * for byte (its prologue on the first line, `export` become `exports.`, ` =` after `default`), so
 * the CLI need not load sucrase's 700 KB for it (cli/jobLoader.ts). Anything else (TypeScript, an
 * import, a named export, a declaration exported, text acorn cannot parse) is null: sucrase's.
 */
import { parse, tokTypes as tt, type Node, type Token, type TokenType } from 'acorn';
import type { JobSource } from '../contract/taskRunner';
import { jobSourceFromCode } from './jobSourceFromCode';
import { hashbangAsComment } from './hashbangAsComment';

/** What sucrase's `imports` transform puts first (after a `#!` line). */
const PROLOGUE = '"use strict";Object.defineProperty(exports, "__esModule", {value: true});';

/** File names of TypeScript: its types are sucrase's to strip. */
const TYPESCRIPT = /\.[cm]?tsx?$/i;

/**
 * What may follow a `>`, `>>` or `>>>` on its line for sucrase, which reads every job as
 * TypeScript, to read it as JavaScript does: before anything else (`(`, a template, `in`, a regular
 * expression, a line break) `a < b > (c)` may be a call with a type argument, `a(c)` to sucrase.
 */
const AFTER_GREATER: ReadonlySet<TokenType> = new Set([
  tt.name,
  tt.num,
  tt.string,
  tt.plusMin,
  tt.prefix,
  tt.incDec,
  tt.bracketL,
  tt.braceL,
  tt._this,
  tt._typeof,
  tt._void,
  tt._new,
  tt._function,
  tt._class,
  tt._null,
  tt._true,
  tt._false,
]);

/** The JobSource of a plain JavaScript job, or null when it needs sucrase (compileJobSource.ts). */
export function compilePlainJob(text: string, fileName: string): JobSource | null {
  const code = plainJobCode(hashbangAsComment(text), fileName);
  return code === null ? null : jobSourceFromCode(code, text, fileName);
}

/** `text` as sucrase's `typescript` and `imports` transforms would write it, or null. */
export function plainJobCode(text: string, fileName: string): string | null {
  // `import(...)` and `import.meta` are sucrase's to rewrite; a word in a comment only costs the
  // fast path. A `#!` line is sucrase's too (it puts its prologue after the line).
  if (TYPESCRIPT.test(fileName) || /\bimport\b/.test(text) || text.startsWith('#!')) return null;
  let program: Node & { body: (Node & { declaration?: Node })[] };
  const tokens: Token[] = [];
  try {
    program = parse(text, { ecmaVersion: 'latest', sourceType: 'module', onToken: tokens }) as typeof program;
  } catch {
    return null;
  }
  if (readAsTypeScript(text, tokens)) return null;
  let exported: (Node & { declaration?: Node }) | null = null;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration') return null;
    if (statement.type === 'ExportAllDeclaration') return null;
    if (statement.type !== 'ExportDefaultDeclaration') continue;
    if (exported !== null) return null;
    exported = statement;
  }
  const declaration = exported?.declaration;
  if (!exported || !declaration) return null;
  if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') return null;
  // `export` and `default` with only white space between them (no comment to place).
  const between = /^export(\s+)default/.exec(text.slice(exported.start, declaration.start));
  if (!between) return null;
  const afterDefault = exported.start + between[0].length;
  return PROLOGUE + text.slice(0, exported.start) + `exports.${between[1]}default =` + text.slice(afterDefault);
}

/**
 * Whether sucrase, reading the text as TypeScript, might read it otherwise than JavaScript: a
 * `>` that may close type arguments (AFTER_GREATER), or `(x) : y => z` (a conditional to
 * JavaScript, an arrow with a return type to TypeScript, which sucrase refuses).
 */
function readAsTypeScript(text: string, tokens: readonly Token[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    if (
      (token.type === tt.relational || token.type === tt.bitShift) &&
      /^>+$/.test(text.slice(token.start, token.end))
    ) {
      if (!AFTER_GREATER.has(next.type) || /[\n\r\u2028\u2029]/.test(text.slice(token.end, next.start))) return true;
    }
    if (token.type === tt.parenR && next.type === tt.colon && arrowAt(text, tokens, i + 2)) return true;
  }
  return false;
}

/** Whether an arrow function starts at token `i`: [async] a name or a parenthesized list, then `=>`. */
function arrowAt(text: string, tokens: readonly Token[], i: number): boolean {
  let at = i;
  const first = tokens[at];
  if (first?.type === tt.name && text.slice(first.start, first.end) === 'async' && tokens[at + 1]?.type !== tt.arrow)
    at++;
  if (tokens[at]?.type === tt.name) return tokens[at + 1]?.type === tt.arrow;
  if (tokens[at]?.type !== tt.parenL) return false;
  let depth = 0;
  for (let j = at; j < tokens.length; j++) {
    if (tokens[j]!.type === tt.parenL) depth++;
    else if (tokens[j]!.type === tt.parenR && --depth === 0) return tokens[j + 1]?.type === tt.arrow;
  }
  return false;
}
