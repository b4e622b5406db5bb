// Three reducers whose part files, read one after the other, list the tags in alphabetical order.
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    for (const [, name] of line.matchAll(/<([A-Za-z][A-Za-z0-9]*)/g)) ctx.write(name.toLowerCase(), 1);
  },
  partition(tag, numReduceTasks) {
    // Ranges of first letters, in order: a-h, i-p, q-z.
    const first = tag[0];
    if (first <= 'h') return 0;
    if (first <= 'p') return 1 % numReduceTasks;
    return 2 % numReduceTasks;
  },
  reduce(tag, values, ctx) {
    let n = 0;
    for (const v of values) n += v;
    ctx.write(tag, n);
  },
};
