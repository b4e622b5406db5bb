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
  // TODO: a partition(tag, numReduceTasks) that returns 0, 1 or 2, so that every tag reducer 0 gets
  // comes before every tag reducer 1 gets, and those before every tag of reducer 2.
  // Without it, Hadoop's HashPartitioner decides: (hash of the key & Integer.MAX_VALUE) % numReduceTasks.
  reduce(tag, values, ctx) {
    let n = 0;
    for (const v of values) n += v;
    ctx.write(tag, n);
  },
};
