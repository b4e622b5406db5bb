/**
 * The job API's declared members (labs/jobApi/*.d.ts, read by TypeScript's checker, interfaces
 * merged across files), for the tests that hold the runtime to them: jobApiTruth.test.ts (batch
 * jobs) and engine/streaming/structured/structuredApiTruth.test.ts (Structured Streaming).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The job API's declaration files (an interface may be declared in two: RDD's pair functions are in pairRdd.d.ts). */
const DTS_FILES = readdirSync(join(import.meta.dirname, '..', 'jobApi'))
  .filter((f) => f.endsWith('.d.ts'))
  .map((f) => join(import.meta.dirname, '..', 'jobApi', f));

/**
 * JavaScript's own protocol: every runtime object has these (Object.prototype's at least), so they
 * are left out on both sides; a declaration may still document one (StatCounter.toString's text).
 */
export const JOB_API_PROTOCOL = new Set(['constructor', 'toString', 'valueOf', 'toJSON']);

/** The declared members of every interface and `declare const` in labs/jobApi/, read by TypeScript's checker (interfaces merged). */
export function declaredMembers(): Map<string, string[]> {
  const program = ts.createProgram(DTS_FILES, { noLib: true, types: [], strict: true });
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const sf of DTS_FILES.map((f) => program.getSourceFile(f)!))
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st)) {
        const type = checker.getTypeAtLocation(st.name);
        out.set(
          st.name.text,
          checker.getPropertiesOfType(type).map((p) => p.name),
        );
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const type = checker.getTypeAtLocation(d.name);
          out.set(
            d.name.getText(sf),
            checker.getPropertiesOfType(type).map((p) => p.name),
          );
        }
      }
    }
  return out;
}
