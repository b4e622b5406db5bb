// The 10 pages with the most in-links, as two chained MapReduce jobs (Cookbook 20.1.3).
// Every line of /data/graph.txt is one link, "src dst": page src links to page dst, e.g.
//   p12 p3
// A page's in-links are the links that point to it.

/** @type {MapReduceJob} */
const countInLinks = {
  kind: 'mapreduce',
  name: 'count in-links',
  input: '/data/graph.txt',
  output: '/tmp/inlinks',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [src, dst] = line.split(' ');
    // TODO: this counts the links that leave a page; count the ones that arrive instead.
    ctx.write(src, 1);
  },
  reduce(page, ones, ctx) {
    let links = 0;
    for (const one of ones) links += one;
    ctx.write(page, links); // TextOutputFormat: a line "p3<TAB>27" in /tmp/inlinks/part-r-NNNNN
  },
};

/** @type {MapReduceJob} */
const topTen = {
  kind: 'mapreduce',
  name: 'top 10',
  input: '/tmp/inlinks',
  output: '/out/top10',
  numReduceTasks: 1, // one reducer sees every page
  map(offset, line, ctx) {
    const [page, links] = line.split('\t');
    const row = [Number(links), page];
    ctx.write(row, row); // the key decides the order; the value carries the row to the reducer
  },
  // Orders the keys [links, page] the reducer sees: negative when a comes first.
  // TODO: the most links first, and pages with equal counts in the order of their names.
  sortComparator([linksA], [linksB]) {
    return linksA - linksB;
  },
  // Every key counts as equal here, so the one reducer gets all rows in a single call, sorted as above.
  groupingComparator() {
    return 0;
  },
  reduce(first, rows, ctx) {
    let written = 0;
    for (const [links, page] of rows) {
      if (written < 10) ctx.write(page, links);
      written++;
    }
  },
};

// TODO: a job file may export an array of jobs, run one after the other. Run topTen after countInLinks.
export default [countInLinks];
