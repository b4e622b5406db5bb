#!/usr/bin/env node
/**
 * The job API reference: docs/job-api.md, generated from the files of labs/jobApi/ (the
 * declarations the editor gives Monaco and the lab job files are checked against), read in the
 * order of JOB_API_FILES, so the page and the types are one truth. `npm run api-docs` writes it;
 * `node scripts/apiReference.mjs --check` fails when it is stale, when a member has no counterpart
 * or when a file of labs/jobApi/ is not in JOB_API_FILES (scripts/apiReference.test.ts runs that).
 *
 * Every interface and `declare const` is listed with each member's signatures and doc text (a
 * library a job imports, `declare module 'kafkajs'`, with its doc text only). A
 * member's counterpart in the real systems is a JSDoc tag in its comment:
 *
 *     /** Returns a new RDD ... @counterpart Spark: RDD.map · PySpark: rdd.map *\/
 *
 * one `@counterpart` tag, `System: name` pairs separated by ` · ` (the systems of SYSTEMS: Spark,
 * PySpark, Hadoop, HDFS, KafkaJS, JavaScript; `ClusterLab: why` for a member that exists only here).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DTS_DIR = join(ROOT, 'labs', 'jobApi');
export const DOC_PATH = join(ROOT, 'docs', 'job-api.md');

/**
 * The job API's files in labs/jobApi/, in the order docs/job-api.md lists their declarations (the
 * editor joins them in the same order: renderer/features/editor/jobApiTypes.ts).
 */
export const JOB_API_FILES = [
  'mapreduce.d.ts',
  'sparkShared.d.ts',
  'rdd.d.ts',
  'pairRdd.d.ts',
  'sparkContext.d.ts',
  'dataFrame.d.ts',
  'sparkSession.d.ts',
  'kafkajs.d.ts',
  'kafkajsConsumer.d.ts',
  'sparkStreaming.d.ts',
];

/** What is wrong with the folder's files, one line each: a `.d.ts` file JOB_API_FILES leaves out, or one it names that is not there. */
export function jobApiFileProblems(dir = DTS_DIR) {
  const present = readdirSync(dir).filter((f) => f.endsWith('.d.ts'));
  const where = (f) => relative(process.cwd(), join(dir, f));
  return [
    ...present
      .filter((f) => !JOB_API_FILES.includes(f))
      .map(
        (f) =>
          `${where(f)} is not in JOB_API_FILES (scripts/apiReference.mjs): add it there and to renderer/features/editor/jobApiTypes.ts`,
      ),
    ...JOB_API_FILES.filter((f) => !present.includes(f)).map(
      (f) => `${where(f)} does not exist (JOB_API_FILES in scripts/apiReference.mjs names it)`,
    ),
  ];
}

/** The job API's declarations: the files of JOB_API_FILES, joined in that order. */
export function readJobApi(dir = DTS_DIR) {
  return JOB_API_FILES.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/** @typedef {{ system: string, name: string }} Counterpart */
/** @typedef {{ name: string, signatures: string[], doc: string, counterparts: Counterpart[] | null }} Member */
/** @typedef {{ kind: 'interface' | 'const' | 'type' | 'module', name: string, doc: string, text: string, members: Member[] }} Entry */

/** A declaration's text on one line: whitespace collapsed, no trailing comma or semicolon. */
function oneLine(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/,\s*([)\]}>])/g, '$1')
    .replace(/([([{<])\s+/g, '$1')
    .replace(/;$/, '')
    .trim();
}

/** The doc text and the @counterpart tag of a node's JSDoc comments. */
function docOf(node) {
  const texts = [];
  let counterparts = null;
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    const text = ts.getTextOfJSDocComment(doc.comment);
    if (text) texts.push(text.trim());
    for (const tag of doc.tags ?? []) {
      const body = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
      if (tag.tagName.text === 'counterpart') counterparts = parseCounterparts(body);
      else texts.push(`@${tag.tagName.text} ${body}`.trim());
    }
  }
  return { doc: texts.join('\n\n'), counterparts };
}

/** `Spark: RDD.map · PySpark: rdd.map` → [{ system: 'Spark', name: 'RDD.map' }, ...] (null when empty). */
export function parseCounterparts(text) {
  const pairs = text
    .split('·')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return colon < 0
        ? { system: '', name: part }
        : { system: part.slice(0, colon).trim(), name: part.slice(colon + 1).trim() };
    });
  return pairs.length > 0 ? pairs : null;
}

function membersOf(nodes, sourceFile) {
  /** @type {Map<string, Member>} */
  const members = new Map();
  for (const m of nodes) {
    if (!ts.isPropertySignature(m) && !ts.isMethodSignature(m)) continue;
    const name = m.name.getText(sourceFile);
    const { doc, counterparts } = docOf(m);
    const signature = oneLine(m.getText(sourceFile));
    const known = members.get(name);
    if (known) {
      known.signatures.push(signature);
      if (!known.doc) known.doc = doc;
      known.counterparts ??= counterparts;
    } else members.set(name, { name, signatures: [signature], doc, counterparts });
  }
  return [...members.values()];
}

/**
 * Every interface, `declare const` and type alias of the job API, in file order (the declarations
 * of one interface merged, as TypeScript merges them: RDD's pair functions are in pairRdd.d.ts).
 */
export function apiEntries(source) {
  const sf = ts.createSourceFile('jobApi.d.ts', source, ts.ScriptTarget.Latest, true);
  /** @type {Entry[]} */
  const entries = [];
  const byName = new Map();
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const name = st.name.text;
      const members = membersOf(st.members, sf);
      const known = byName.get(name);
      if (known) {
        known.members.push(...members);
        continue;
      }
      const params = st.typeParameters ? `<${st.typeParameters.map((p) => oneLine(p.getText(sf))).join(', ')}>` : '';
      const entry = { kind: 'interface', name, doc: docOf(st).doc, text: `interface ${name}${params}`, members };
      byName.set(name, entry);
      entries.push(entry);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const name = d.name.getText(sf);
        const members = d.type && ts.isTypeLiteralNode(d.type) ? membersOf(d.type.members, sf) : [];
        const type = members.length > 0 ? '{ ... }' : oneLine(d.type?.getText(sf) ?? 'unknown');
        entries.push({ kind: 'const', name, doc: docOf(st).doc, text: `const ${name}: ${type}`, members });
      }
    } else if (ts.isModuleDeclaration(st) && ts.isStringLiteral(st.name)) {
      // A library a job imports: one section, its doc (the calls and their counterparts); the
      // declarations inside are the library's own (KafkaJS's), documented in the .d.ts for the editor.
      // A module declared in several files (they merge) is one section, from the file with its doc.
      const text = `declare module '${st.name.text}'`;
      const doc = docOf(st).doc;
      if (doc !== '') entries.push({ kind: 'module', name: st.name.text, doc, text, members: [] });
    } else if (ts.isTypeAliasDeclaration(st)) {
      entries.push({
        kind: 'type',
        name: st.name.text,
        doc: docOf(st).doc,
        text: oneLine(st.getText(sf)),
        members: [],
      });
    }
  }
  return entries;
}

/** The members that name no counterpart, as `Interface.member`. */
export function missingCounterparts(entries) {
  return entries.flatMap((e) => e.members.filter((m) => !m.counterparts).map((m) => `${e.name}.${m.name}`));
}

/** The systems a counterpart may name (`ClusterLab: why` for a member that exists only here). */
export const SYSTEMS = ['Spark', 'PySpark', 'Hadoop', 'HDFS', 'KafkaJS', 'JavaScript', 'ClusterLab'];

/**
 * What is wrong with the members' counterparts, one line each: a pair without a known system, or
 * a counterpart left in the prose (`... Spark: RDD.map / PySpark: rdd.map`) instead of the tag.
 */
export function counterpartProblems(entries) {
  const problems = [];
  for (const e of entries)
    for (const m of e.members) {
      const where = `${e.name}.${m.name}`;
      for (const c of m.counterparts ?? [])
        if (!SYSTEMS.includes(c.system))
          problems.push(
            `${where}: "${c.system ? `${c.system}: ` : ''}${c.name}" names no system (${SYSTEMS.join(', ')})`,
          );
      const prose = new RegExp(`(^|[^\\w])(${SYSTEMS.join('|')}): `).exec(m.doc);
      if (prose)
        problems.push(`${where}: a counterpart in the text ("${prose[2]}: ..."): move it into the @counterpart tag`);
    }
  return problems;
}

function counterpartLine(counterparts) {
  return counterparts.map((c) => (c.system ? `**${c.system}:** \`${c.name}\`` : `\`${c.name}\``)).join(' · ');
}

/** docs/job-api.md's text (formatted as Prettier formats Markdown in this repository). */
export async function renderApiReference(source) {
  const entries = apiEntries(source);
  const out = [
    '# Job API reference',
    '',
    'What a job file can use: the objects of a MapReduce, Spark or streaming job, each member with its signatures, what',
    "it does, and its counterpart in Spark, PySpark, Hadoop or Kafka's Java client. Generated from `labs/jobApi/` (the",
    'types the editor knows) by `npm run api-docs`: edit the declarations, not this file.',
    '',
  ];
  for (const e of entries) {
    out.push(`## ${e.name}`, '', '```', e.text, '```', '');
    if (e.doc) out.push(e.doc, '');
    for (const m of e.members) {
      out.push(`### ${e.name}.${m.name}`, '', '```', ...m.signatures, '```', '');
      if (m.doc) out.push(m.doc, '');
      if (m.counterparts) out.push(`Counterpart: ${counterpartLine(m.counterparts)}`, '');
    }
  }
  const options = (await prettier.resolveConfig(DOC_PATH)) ?? {};
  return prettier.format(out.join('\n'), { ...options, parser: 'markdown', filepath: DOC_PATH });
}

/**
 * `--check`: compare instead of writing. `--dts PATH --doc PATH`: other files (the tests use them;
 * the declarations are a folder like labs/jobApi/ or one `.d.ts` file).
 */
async function main(args) {
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const dtsPath = option('--dts', DTS_DIR);
  const docPath = option('--doc', DOC_PATH);
  const isDir = statSync(dtsPath).isDirectory();
  if (isDir) {
    const fileProblems = jobApiFileProblems(dtsPath);
    for (const p of fileProblems) process.stderr.write(`api-docs: ${p}\n`);
    if (fileProblems.length > 0) return 1;
  }
  const source = isDir ? readJobApi(dtsPath) : readFileSync(dtsPath, 'utf8');
  const text = await renderApiReference(source);
  const missing = missingCounterparts(apiEntries(source));
  if (args.includes('--check')) {
    const problems = [];
    let current = null;
    try {
      current = readFileSync(docPath, 'utf8');
    } catch {
      problems.push(`${docPath} does not exist: run \`npm run api-docs\``);
    }
    if (current !== null && current !== text)
      problems.push(`${docPath} is stale (its declarations changed): run \`npm run api-docs\``);
    if (missing.length > 0)
      problems.push(
        `members without a counterpart (add a JSDoc tag like \`@counterpart Spark: RDD.map · PySpark: rdd.map\` to each in ${dtsPath}): ${missing.join(', ')}`,
      );
    problems.push(...counterpartProblems(apiEntries(source)));
    for (const p of problems) process.stderr.write(`api-docs: ${p}\n`);
    return problems.length === 0 ? 0 : 1;
  }
  writeFileSync(docPath, text);
  process.stdout.write(
    `api-docs: wrote ${relative(process.cwd(), docPath)} (${apiEntries(source).length} declarations)\n`,
  );
  if (missing.length > 0) process.stderr.write(`api-docs: members without a counterpart: ${missing.join(', ')}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
