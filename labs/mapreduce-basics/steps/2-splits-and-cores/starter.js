// The tag count on three small machines of two cores each (Cookbook 20.1.1).
// /data/pages.txt is 888,784 bytes in blocks of 98,816 (dfs.blocksize): nine blocks.
const BLOCK = 98816;

/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  conf: {
    // "More splits, more mappers, faster": a quarter of a block each, so 36 map tasks.
    // TODO: choose the split size so that every mapper gets a core at once, and every free core a mapper.
    'mapreduce.input.fileinputformat.split.maxsize': BLOCK / 4,
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
