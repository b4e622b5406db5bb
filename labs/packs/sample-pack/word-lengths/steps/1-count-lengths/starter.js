// Count the words of each length (the lab pack's step 1).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sentences.txt',
  output: '/out/lengths',
  map(offset, line, ctx) {
    // TODO: write one record per word: its length and 1
  },
  reduce(length, values, ctx) {
    // TODO: write the length and the sum of its values
  },
};
