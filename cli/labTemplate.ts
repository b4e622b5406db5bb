/**
 * The files of a new lab as `clusterlab lab new ID` writes them: a small word-count lab with one
 * step of each kind (a MapReduce job, a Spark job, HDFS settings), its texts, starters,
 * solutions and checks. It passes the generic test as written (every solution passes, every
 * starter fails a check), so a lab author starts from something that works and changes it.
 */

/** `support` is the path from the lab's folder to labs/ (`..` in the project). */
export function labTemplate(id: string, title: string, support = '..'): Record<string, string> {
  return {
    'lab.ts': labFile(id, title, support),
    'checks.ts': checksFile(id, support),
    'intro.md': `${title}: a first lab. Word count is the classic first MapReduce job (Cookbook 20.1): count how often
every word occurs in a text stored in HDFS. Replace this text with the story your lab tells, in your own words.
`,
    'steps/1-mapreduce-count/instructions.md': `**Cookbook 20.1.** A MapReduce job counts words in two phases: each mapper turns its lines into
\`(word, 1)\` pairs, and each reducer adds up the ones of a word.

The starter emits whole lines as keys. Split each line into words and write one pair per word.
`,
    'steps/1-mapreduce-count/starter.js':
      mapReduceJob(`    // TODO: split the line into words and write (word, 1) for each of them.
    ctx.write(line, 1);`),
    'steps/1-mapreduce-count/solution.js': mapReduceJob(
      `    for (const word of line.split(' ')) if (word) ctx.write(word, 1);`,
    ),
    'steps/2-spark-count/instructions.md': `**Cookbook 20.2.1.** In Spark the same count is one chain of transformations on an RDD:
\`flatMap\` the lines into words, \`map\` each word to \`[word, 1]\` and add the ones with \`reduceByKey\`.

The starter forgets to add the ones up: every word comes back once per occurrence.
`,
    'steps/2-spark-count/starter.js': sparkJob(`    // TODO: add up the ones of each word (reduceByKey).`),
    'steps/2-spark-count/solution.js': sparkJob(`    .reduceByKey((a, b) => a + b)`),
    'steps/3-hdfs-replicas/instructions.md': `**Cookbook 19.2.2.** HDFS keeps copies of every block on several DataNodes, so a failed machine
loses no data. The starter stores \`/data/notes.txt\` with a single copy: store it with three.
`,
    'steps/3-hdfs-replicas/starter.json': hdfsSettings(1),
    'steps/3-hdfs-replicas/solution.json': hdfsSettings(3),
  };
}

/**
 * `text` as a JavaScript string literal, whatever it holds, in the quotes prettier would pick
 * (single unless the text has more single quotes than double): backslashes and the quote
 * escaped, control characters and line separators as \uXXXX escapes, so the literal is
 * always on one line and ends where it should.
 */
export function stringLiteral(text: string): string {
  const quote = (text.match(/'/g)?.length ?? 0) > (text.match(/"/g)?.length ?? 0) ? '"' : "'";
  const body = text.replace(
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    /[\\'"\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) =>
      c === '\\'
        ? '\\\\'
        : c === "'" || c === '"'
          ? c === quote
            ? `\\${c}`
            : c
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${quote}${body}${quote}`;
}

function labFile(id: string, title: string, support: string): string {
  return `/**
 * The ${id} lab: word count as a MapReduce job and as a Spark job (Cookbook 20.1, 20.2.1), then
 * a file stored with three replicas (Cookbook 19.2.2). Texts and job files are the files beside
 * this one (steps/<n>-<id>/: instructions.md, starter and solution); see labs/README.md.
 */
import { dataset } from ${stringLiteral(`${support}/labData`)};
import type { JobRunSettings, Lab, LabCheck } from ${stringLiteral(`${support}/labTypes`)};
import { corpusText, replicasCheck, wordCountsCheck } from './checks';
import intro from './intro.md?raw';
import countInstructions from './steps/1-mapreduce-count/instructions.md?raw';
import countStarter from './steps/1-mapreduce-count/starter.js?raw';
import countSolution from './steps/1-mapreduce-count/solution.js?raw';
import sparkInstructions from './steps/2-spark-count/instructions.md?raw';
import sparkStarter from './steps/2-spark-count/starter.js?raw';
import sparkSolution from './steps/2-spark-count/solution.js?raw';
import replicasInstructions from './steps/3-hdfs-replicas/instructions.md?raw';
import replicasStarter from './steps/3-hdfs-replicas/starter.json?raw';
import replicasSolution from './steps/3-hdfs-replicas/solution.json?raw';

const run: JobRunSettings = {
  seed: 1,
  cluster: 'cookbook-9',
  blockSize: 16_384,
  files: [{ path: '/data/corpus.txt', dataset: 'corpus' }],
};

const lab: Lab = {
  id: '${id}',
  title: ${stringLiteral(title)},
  chapters: ['20.1'],
  minutes: 15,
  summary: 'Count words with MapReduce and with Spark, then store a file with three replicas.',
  intro,
  cluster: 'cookbook-9',
  datasets: [dataset('corpus', '2,000 lines of words (seed 7)', corpusText)],
  steps: [
    {
      id: 'mapreduce-count',
      title: 'Word count in MapReduce',
      kind: 'mapreduce',
      instructions: countInstructions,
      starter: countStarter,
      solution: countSolution,
      hints: ['\`line.split(" ")\` gives the words of a line.', 'Write \`ctx.write(word, 1)\` for each word.'],
      run,
      checks: [wordCountsCheck('exact-counts')],
    },
    {
      id: 'spark-count',
      title: 'Word count in Spark',
      kind: 'spark',
      instructions: sparkInstructions,
      starter: sparkStarter,
      solution: sparkSolution,
      hints: ['Add \`.reduceByKey((a, b) => a + b)\` before \`.sortByKey()\`.'],
      run,
      checks: [wordCountsCheck('exact-counts')],
    },
    {
      id: 'hdfs-replicas',
      title: 'Three copies of every block',
      kind: 'hdfs',
      instructions: replicasInstructions,
      starter: replicasStarter,
      solution: replicasSolution,
      hints: ['Set "replication": 3.'],
      run: { seed: 1, cluster: 'two-racks' },
      checks: [replicasCheck('three-replicas', '/data/notes.txt', 3)],
    },
  ],
};

export default lab;
`;
}

function checksFile(id: string, support: string): string {
  return `/** The checks of the ${id} lab: word counts against a plain count, replicas per block. */
import { compareKeyed, fail, jobReport, pass } from ${stringLiteral(`${support}/checkKit`)};
import { textCorpus } from ${stringLiteral(`${support}/../engine/datasets`)};

/** The text the lab puts at /data/corpus.txt: 2,000 lines of words, generated from a fixed seed. */
export const corpusText = () => textCorpus(2000, { seed: 7 });

let expected: [string, number][] | null = null;

/** How often each word occurs, counted plainly (the answer a job must give), sorted by word. */
function plainCounts(): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of corpusText().split('\\n'))
    for (const word of line.split(' ')) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function wordCountsCheck(id: string): LabCheck {
  return {
    id,
    title: 'exact word counts',
    evaluate(run) {
      expected ??= plainCounts();
      return compareKeyed(expected, jobReport(run).result, {
        tolerance: 0,
        what: 'word',
        hint: 'the key must be one word and the value how often it occurs in the whole file',
      });
    },
  };
}

export function replicasCheck(id: string, path: string, n: number): LabCheck {
  return {
    id,
    title: \`every block of \${path} has \${n} replicas\`,
    evaluate(run) {
      if (run.kind !== 'hdfs') throw new Error('this check judges an hdfs step');
      const { hdfs } = run.report.final;
      const blocks = hdfs.blocks.filter((b) => b.path === path);
      if (blocks.length === 0) return fail(\`\${path} has no blocks: store it with "file": { "path": "\${path}" }\`);
      const bad = blocks.find((b) => new Set(b.replicas).size !== n);
      if (bad)
        return fail(\`a block has \${new Set(bad.replicas).size} replicas, expected \${n}: set "replication": \${n}\`);
      return pass(\`all \${blocks.length} blocks have \${n} replicas\`);
    },
  };
}
`;
}

function mapReduceJob(mapBody: string): string {
  return `// Word count (Cookbook 20.1): every word of /data/corpus.txt with how often it occurs.
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/corpus.txt',
  output: '/out/counts',
  numReduceTasks: 2,
  map(offset, line, ctx) {
${mapBody}
  },
  reduce(word, ones, ctx) {
    // ones is an Iterable walked once, as Hadoop's reduce gets its values.
    let count = 0;
    for (const one of ones) count += one;
    ctx.write(word, count);
  },
};
`;
}

function sparkJob(reduceLine: string): string {
  return `// Word count in Spark (Cookbook 20.2.1): one chain of transformations, run by collect().
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/corpus.txt')
    .flatMap((line) => line.split(' '))
    .filter((word) => word.length > 0)
    .map((word) => [word, 1])
${reduceLine}
    .sortByKey()
    .collect();
`;
}

function hdfsSettings(replication: number): string {
  return `${JSON.stringify({ file: { path: '/data/notes.txt', size: '300m' }, blockSize: '128m', replication }, null, 2)}\n`;
}
