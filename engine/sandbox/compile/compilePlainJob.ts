/**
 * The job most learners write, plain JavaScript whose one export is `export default <expression>`
 * and which imports nothing, compiled without sucrase: the code is what sucrase makes of it, byte
 * for byte (its prologue on the first line, `export` become `exports.`, ` =` after `default`), so
 * the CLI need not load sucrase's 700 KB for it (cli/jobLoader.ts). Anything else (TypeScript, an
 * import, a named export, a declaration exported, text acorn cannot parse) is null: sucrase's.
 */
import { parse, type Node } from 'acorn';
import type { JobSource } from '../contract/taskRunner';
import { jobSourceFromCode } from './jobSourceFromCode';

/** What sucrase's `imports` transform puts first (after a `#!` line). */
const PROLOGUE = '"use strict";Object.defineProperty(exports, "__esModule", {value: true});';

/** File names sucrase reads as TypeScript, where `a < b > (c)` is a call, not two comparisons. */
const TYPESCRIPT = /\.[cm]?tsx?$/i;

/** The JobSource of a plain JavaScript job, or null when it needs sucrase (compileJobSource.ts). */
export function compilePlainJob(text: string, fileName: string): JobSource | null {
  const code = plainJobCode(text, fileName);
  return code === null ? null : jobSourceFromCode(code, text, fileName);
}

/** `text` as sucrase's `typescript` and `imports` transforms would write it, or null. */
export function plainJobCode(text: string, fileName: string): string | null {
  // `import(...)` and `import.meta` are sucrase's to rewrite; a word in a comment only costs the fast path.
  if (TYPESCRIPT.test(fileName) || /\bimport\b/.test(text)) return null;
  let program: Node & { body: (Node & { declaration?: Node })[] };
  try {
    program = parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }) as typeof program;
  } catch {
    return null;
  }
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
  let start = 0;
  if (text.startsWith('#!')) {
    const lineEnd = text.indexOf('\n');
    if (lineEnd < 0) return null;
    start = lineEnd + 1;
  }
  return (
    text.slice(0, start) +
    PROLOGUE +
    text.slice(start, exported.start) +
    `exports.${between[1]}default =` +
    text.slice(afterDefault)
  );
}
