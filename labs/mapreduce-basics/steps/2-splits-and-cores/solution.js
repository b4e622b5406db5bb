// The tag count on three small machines: two cores each (Cookbook 20.1.1).
const BLOCK = 98816; // dfs.blocksize of /data/pages.txt, in bytes

/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  conf: {
    // Two blocks a split: five map tasks, one wave on the five cores YARN has free.
    'mapreduce.input.fileinputformat.split.minsize': 2 * BLOCK,
  },
  map(offset, line, ctx) {
    for (const [, name] of line.matchAll(/<([A-Za-z][A-Za-z0-9]*)/g)) ctx.write(name.toLowerCase(), 1);
  },
  reduce(tag, values, ctx) {
    let n = 0;
    for (const v of values) n += v;
    ctx.write(tag, n);
  },
};
