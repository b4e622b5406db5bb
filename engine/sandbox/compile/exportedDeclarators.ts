/**
 * `export const a = 1, b = 2;` as one exported declaration a name: sucrase's CommonJS transform
 * writes `exports.a = a, b = 2`, which exports only `a` (and, in strict code, fails on `b`). The
 * text (TypeScript types already stripped) is parsed as a module and each such declaration is
 * split in place (`export const a = 1; export const b = 2;`), its line breaks kept, so line
 * numbers stay the learner's. Text that does not parse is returned as it is: the compile's own
 * parse reports its error with the line.
 */
import { parse, type Node } from 'acorn';

/** Whether `text` may hold such a declaration (a quick test before a parse). */
export const MAY_EXPORT_SEVERAL = /\bexport\s+(?:const|let|var)\b[^;]*,/;

interface Declaration extends Node {
  kind: 'const' | 'let' | 'var';
  declarations: Node[];
}

export function splitExportedDeclarators(code: string): string {
  let ast: Node & { body: (Node & { declaration?: Node | null })[] };
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }) as typeof ast;
  } catch {
    return code;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of ast.body) {
    const declaration = node.declaration as Declaration | null | undefined;
    if (node.type !== 'ExportNamedDeclaration' || declaration?.type !== 'VariableDeclaration') continue;
    const parts = declaration.declarations;
    for (let i = 1; i < parts.length; i++) {
      const between = code.slice(parts[i - 1]!.end, parts[i]!.start);
      const lineBreaks = between.match(/\r\n|\r|\n|\u2028|\u2029/g)?.length ?? 0;
      edits.push({
        start: parts[i - 1]!.end,
        end: parts[i]!.start,
        text: `; export ${declaration.kind} ${'\n'.repeat(lineBreaks)}`,
      });
    }
  }
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
