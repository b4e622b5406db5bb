// Count the HTML tags of stored web pages, as a search engine did in 2004 (Cookbook 20.1).
// Every line of /data/pages.txt is one page: "url TAB html", for example
//   http://www.bikeshop.com/page7.html	<html><head><title>...</title></head><body>...</body></html>
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  map(offset, line, ctx) {
    // Each match is one tag: m[1] is its name as the page wrote it ("TABLE", "td", "a", ...).
    for (const m of line.matchAll(/<([A-Za-z][A-Za-z0-9]*)/g)) {
      // TODO: write one key/value pair per tag: its name (as HTML reads it) and a 1.
    }
  },
  reduce(tag, values, ctx) {
    // TODO: write how many start tags of this name all the pages have together.
    // values is an Iterable, as in Hadoop: walk it with for (const v of values).
    ctx.write(tag, 0);
  },
};
