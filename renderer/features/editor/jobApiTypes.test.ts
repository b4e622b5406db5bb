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

describe("the editor's KafkaJS declarations (declare module 'kafkajs' in the same extra lib)", () => {
  /** The semantic errors of a JavaScript job file checked as Monaco checks it, with JOB_API_DTS as its extra lib. */
  function jobErrors(code: string): string[] {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2020,
      lib: ['lib.es2020.d.ts'],
      allowJs: true,
      checkJs: true,
      strict: false,
      noEmit: true,
      types: [],
    };
    const files: Record<string, string> = { '/clusterlab/job-api.d.ts': JOB_API_DTS, '/job.js': code };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, target) =>
      files[name] !== undefined ? ts.createSourceFile(name, files[name], target) : read(name, target);
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => files[name] !== undefined || exists(name);
    const program = ts.createProgram(Object.keys(files), options, host);
    return [...program.getSemanticDiagnostics()].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it("resolve `import { Kafka } from 'kafkajs'` and type a consumer's messages and the lab's sink", () => {
    const job = `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'lab', brokers: ['n1:9092'] });
/** @param {ConsumeInput} input */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'g' });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      await sink.put(message.key, message.value.toString().trim());
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}`;
    expect(jobErrors(job)).toEqual([]);
    expect(jobErrors(`${job}\nkafka.admin().describeGroups(['g']);`).join('\n')).toMatch(
      /Property 'describeGroups' does not exist on type 'Admin'/,
    );
  });
});
