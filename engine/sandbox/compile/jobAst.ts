/**
 * Compiled job code (a script) parsed with acorn, and a walk over every node: what the compiler's
 * passes over a job share (jobSourceFromCode.ts, fastSplits.ts).
 */
import { parse, type Node } from 'acorn';
import { JobCompileError } from './jobCompileError';

/** Parses compiled job code (a script), or throws a JobCompileError with the learner's line. */
export function parseJob(code: string, fileName: string): Node {
  try {
    return parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      locations: true,
      allowReturnOutsideFunction: true,
      allowHashBang: true,
    });
  } catch (error) {
    // sucrase does not check everything; acorn does, with the line (lines are the learner's).
    const e = error as { message?: string; loc?: { line: number } };
    throw new JobCompileError(
      fileName,
      e.loc ? e.loc.line : null,
      (e.message ?? String(error)).replace(/ \(\d+:\d+\)$/, ''),
    );
  }
}

export function visit(node: Node, f: (node: Node) => void): void {
  f(node);
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, f);
    } else if (isNode(value)) visit(value, f);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
