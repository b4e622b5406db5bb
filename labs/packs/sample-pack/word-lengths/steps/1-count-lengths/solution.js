// Count the words of each length (the lab pack's step 1).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sentences.txt',
  output: '/out/lengths',
  map(offset, line, ctx) {
    for (const word of line.split(' ')) if (word !== '') ctx.write(word.length, 1);
  },
  reduce(length, values, ctx) {
    let sum = 0;
    for (const v of values) sum += v;
    ctx.write(length, sum);
  },
};
