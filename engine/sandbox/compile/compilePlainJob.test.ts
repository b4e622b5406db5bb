import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import { plainJobCode } from './compilePlainJob';
import { compileJobSource } from './compileJobSource';
import { jobSourceFromCode } from './jobSourceFromCode';
import { LOOP_GUARD } from '../loopGuard';

/** A job whose map holds `expression`, with its names declared. */
function job(expression: string): string {
  return `let a, b, c, d;\nexport default { map() { return ${expression}; } };\n`;
}

/** What sucrase makes of a job text (compileJobSource's transforms). */
function sucrase(text: string, fileName = 'job.js'): string {
  return transform(text, { filePath: fileName, disableESTransforms: true, transforms: ['typescript', 'imports'] }).code;
}

/** Every .js file under labs/ that exports a default: the lab jobs, starters, solutions and examples. */
function labJobs(dir = join(__dirname, '../../../labs')): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...labJobs(full));
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(full, 'utf8');
      if (text.includes('export default')) found.push({ name: full, text });
    }
  }
  return found;
}

describe('compiling a plain JavaScript job without sucrase', () => {
  it("writes sucrase's code byte for byte for every lab job it takes", () => {
    const jobs = labJobs();
    expect(jobs.length).toBeGreaterThan(30);
    let taken = 0;
    for (const { name, text } of jobs) {
      const code = plainJobCode(text, 'job.js');
      if (code === null) continue;
      taken++;
      expect(code, name).toBe(sucrase(text));
    }
    // Most lab jobs are one `export default {...}` of plain JavaScript.
    expect(taken).toBeGreaterThan(jobs.length / 2);
  });

  it.each([
    ['an object', 'export default {\n  a: 1,\n};\n'],
    ['no space before the brace', '// c\nexport default{a:1}'],
    ['white space and a line break', 'export   default\n  ({ a: 1 })'],
    ['a name', 'const x = 1;\nexport default x;\n'],
    ['an arrow function', 'export default (a) => a;'],
    ['a function expression', 'export default (function () { return 1; });'],
    ['a directive', "'use strict';\nexport default 1"],
    ['a comment after it', 'export default { map(o, l, ctx) { ctx.write(l, 1) } }\n// trailing'],
    ['CRLF line ends', 'const a = 1;\r\nexport default {\r\n  a,\r\n};\r\n'],
    ['a loop and a class', 'class A { m() { for (;;) break; } }\nexport default new A();'],
    ['comparisons TypeScript reads as JavaScript does', job('[a < b > c, a < b > -c, a < b > [c], a < b > {}, a > 1]')],
    ['a conditional with a call before its colon', job('a ? b(c) : d')],
  ])('writes what sucrase writes for %s', (_, text) => {
    expect(plainJobCode(text, 'job.js')).toBe(sucrase(text));
  });

  it.each([
    ['TypeScript (a .ts file)', 'export default { f(a: number) { return a; } };', 'job.ts'],
    ['a .ts file that is plain JavaScript (a < b > (c) is a call there)', 'export default 1;', 'job.ts'],
    ['an import', "import { Kafka } from 'kafkajs';\nexport default {};", 'job.js'],
    ['a dynamic import', "export default { f() { return import('x'); } };", 'job.js'],
    ['the word import in a comment', '// import nothing\nexport default {};', 'job.js'],
    ['a named export', 'export const a = 1;\nexport default {};', 'job.js'],
    ['a function declaration', 'export default function map() {}', 'job.js'],
    ['a class declaration', 'export default class Job {}', 'job.js'],
    ['a comment between export and default', 'export /* the job */ default {};', 'job.js'],
    ['no default export', 'const a = 1;', 'job.js'],
    ['a syntax error', 'export default {', 'job.js'],
    ['types in a .js file', 'export default { f(a: number) { return a; } };', 'job.js'],
    ['a #! line', '#!/usr/bin/env node\nexport default 1', 'job.js'],
    ['a #! line ended by a lone CR', '#!/usr/bin/env node\rexport default 1;\n', 'job.js'],
    // Sucrase reads every job as TypeScript: where that may read otherwise than JavaScript, its reading stands.
    ['a < b > (c), a call with a type argument to TypeScript', job('a < b > (c)'), 'job.js'],
    ['a > before a template', job('a < b > `x`'), 'job.js'],
    ['a > before a line break', job('a < b >\nc'), 'job.js'],
    ['a > before a regular expression', job('a < b > /c/.x'), 'job.js'],
    ['a > before in', job('a < b > in c'), 'job.js'],
    ['a > before instanceof', job('a < b > instanceof c'), 'job.js'],
    ['a >> before (', job('a < b >> (c)'), 'job.js'],
    ['a parenthesized condition before an arrow, a return type to TypeScript', job('a ? (b) : c => d'), 'job.js'],
    ['the same with an async arrow', job('a ? (b) : async (c) => d'), 'job.js'],
  ])('leaves %s to sucrase', (_, text, fileName) => {
    expect(plainJobCode(text, fileName)).toBeNull();
  });

  it.each([
    ['plain JavaScript', '#!/usr/bin/env node\nexport default { f() { return 2; } };\n', 'job.js'],
    ['TypeScript', '#!/usr/bin/env node\r\nexport default { f(): number { return 2; } };\r\n', 'job.ts'],
    [
      'a job with a named export',
      '#!/usr/bin/env node\nexport const a = 1;\nexport default { f() { return 2; } };',
      'job.js',
    ],
  ])('runs %s copied with its #! line, which becomes a comment of the same length', (_, text, fileName) => {
    const { code } = compileJobSource(text, fileName);
    expect(code.split(/\r?\n/).length).toBe(text.split(/\r?\n/).length);
    const module = { exports: {} as Record<string, unknown> };
    // As the sandboxes run it: inside a function (a #! line there is a syntax error).
    new Function('exports', 'module', LOOP_GUARD, code)(module.exports, module, () => {});
    expect((module.exports.default as { f(): number }).f()).toBe(2);
  });

  it('gives the same JobSource either way: loops guarded, Spark closures wrapped', () => {
    const text = [
      'const scale = 2;',
      'export default {',
      "  kind: 'spark',",
      '  run(spark) {',
      '    let n = 0;',
      '    for (let i = 0; i < 3; i++) n += i;',
      '    return spark.sparkContext.parallelize([1, 2]).map((x) => x * scale * n).collect();',
      '  },',
      '};',
    ].join('\n');
    expect(plainJobCode(text, 'job.js')).not.toBeNull();
    expect(compileJobSource(text, 'job.js')).toEqual(jobSourceFromCode(sucrase(text), text, 'job.js'));
  });
});
