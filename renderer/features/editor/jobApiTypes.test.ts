import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { JOB_API_DTS } from './jobApiTypes';

// That these are every file of labs/jobApi/ in the order of docs/job-api.md: scripts/apiReference.test.ts.
describe("the editor's job API declarations", () => {
  it('join into one declarations file that parses, with one RDD merged from rdd.d.ts and pairRdd.d.ts', () => {
    const host = ts.createCompilerHost({ noLib: true, types: [] });
    const file = 'job-api.d.ts';
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, target) =>
      name === file ? ts.createSourceFile(name, JOB_API_DTS, target) : read(name, target);
    const program = ts.createProgram([file], { noLib: true, types: [] }, host);
    expect(program.getSyntacticDiagnostics()).toEqual([]);
    const checker = program.getTypeChecker();
    const rdd = program
      .getSourceFile(file)!
      .statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'RDD')!;
    const members = checker.getPropertiesOfType(checker.getTypeAtLocation(rdd.name)).map((p) => p.name);
    expect(members).toContain('map');
    expect(members).toContain('reduceByKey');
    expect(members).toContain('histogram');
  });
});
