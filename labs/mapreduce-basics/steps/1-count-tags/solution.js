// Count the HTML tags of stored web pages, as a search engine did in 2004 (Cookbook 20.1).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  map(offset, line, ctx) {
    for (const m of line.matchAll(/<([A-Za-z][A-Za-z0-9]*)/g)) {
      // HTML ignores the case of tag names: <TABLE> and <table> are one tag.
      ctx.write(m[1].toLowerCase(), 1);
    }
  },
  reduce(tag, values, ctx) {
    let count = 0;
    for (const v of values) count += v;
    ctx.write(tag, count);
  },
};
