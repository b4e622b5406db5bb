// The 10 pages with the most in-links, as two chained MapReduce jobs (Cookbook 20.1.3).
// Job 1 counts the links pointing to each page and stores the counts in HDFS; job 2 reads them
// back and sorts them, highest count first, into a top 10.

/** @type {MapReduceJob} */
const countInLinks = {
  kind: 'mapreduce',
  name: 'count in-links',
  input: '/data/graph.txt',
  output: '/tmp/inlinks',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [, dst] = line.split(' '); // "p12 p3": p12 links to p3
    ctx.write(dst, 1);
  },
  reduce(page, ones, ctx) {
    let links = 0;
    for (const one of ones) links += one;
    ctx.write(page, links); // a line "p3<TAB>27" of /tmp/inlinks/part-r-NNNNN
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
    const [page, links] = line.split('\t'); // "p3<TAB>27"
    const row = [Number(links), page];
    ctx.write(row, row); // the key decides the order; the value carries the row to the reducer
  },
  // Most links first; equal counts in page-name order.
  sortComparator([linksA, pageA], [linksB, pageB]) {
    if (linksA !== linksB) return linksB - linksA;
    return pageA < pageB ? -1 : pageA > pageB ? 1 : 0;
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

export default [countInLinks, topTen];
