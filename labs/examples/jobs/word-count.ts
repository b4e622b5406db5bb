// Word count, the classic MapReduce example, with a combiner that pre-sums counts on the map side.
// reduce and combine get each word's counts as an Iterable walked once, as Hadoop gives them.
interface Ctx {
  write(key: string, value: number): void;
}

function sum(counts: Iterable<number>): number {
  let total = 0;
  for (const c of counts) total += c;
  return total;
}

export default {
  kind: 'mapreduce',
  input: '/data/corpus.txt',
  output: '/out/wordcount',
  numReduceTasks: 2,
  map(_offset: number, line: string, ctx: Ctx) {
    for (const word of line.split(/\s+/)) if (word) ctx.write(word, 1);
  },
  combine(word: string, counts: Iterable<number>, ctx: Ctx) {
    ctx.write(word, sum(counts));
  },
  reduce(word: string, counts: Iterable<number>, ctx: Ctx) {
    ctx.write(word, sum(counts));
  },
};
