// Word count, the classic MapReduce example, with a combiner that pre-sums counts on the map side.
interface Ctx {
  write(key: string, value: number): void;
}

export default {
  kind: 'mapreduce',
  input: '/data/corpus.txt',
  output: '/out/wordcount',
  numReduceTasks: 2,
  map(_offset: number, line: string, ctx: Ctx) {
    for (const word of line.split(/\s+/)) if (word) ctx.write(word, 1);
  },
  combine(word: string, counts: number[], ctx: Ctx) {
    ctx.write(
      word,
      counts.reduce((a, b) => a + b, 0),
    );
  },
  reduce(word: string, counts: number[], ctx: Ctx) {
    ctx.write(
      word,
      counts.reduce((a, b) => a + b, 0),
    );
  },
};
