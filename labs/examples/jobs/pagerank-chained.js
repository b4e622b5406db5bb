// The same PageRank as chained MapReduce jobs (Cookbook 20.1.3): every iteration is a whole job
// that reads the previous one's output from HDFS and writes its own back, links and all.
const build = {
  kind: 'mapreduce',
  name: 'build links',
  input: '/data/graph.txt',
  output: '/pr/iter-0',
  numReduceTasks: 4,
  map(offset, line, ctx) {
    const [src, dst] = line.split(' ');
    ctx.write(src, dst);
  },
  reduce(page, dsts, ctx) {
    ctx.write(page, `1\t${[...dsts].join(',')}`); // dsts is an Iterable (Hadoop's values): spread it to join
  },
};
const iteration = (i) => ({
  kind: 'mapreduce',
  name: `iteration ${i}`,
  input: `/pr/iter-${i - 1}`,
  output: `/pr/iter-${i}`,
  numReduceTasks: 4,
  map(offset, line, ctx) {
    const [page, rank, links] = line.split('\t');
    const urls = links ? links.split(',') : [];
    ctx.write(page, `#${links ?? ''}`);
    for (const u of urls) ctx.write(u, Number(rank) / urls.length);
  },
  reduce(page, values, ctx) {
    let sum = 0;
    let links = null;
    let got = false;
    for (const v of values) {
      if (typeof v === 'string' && v.startsWith('#')) links = v.slice(1);
      else {
        sum += Number(v);
        got = true;
      }
    }
    // Pages without out-links are dropped, as in Spark's join.
    if (links !== null && got)
      ctx.write(page, `${i === 10 ? Math.round((0.15 + 0.85 * sum) * 1e6) / 1e6 : 0.15 + 0.85 * sum}\t${links}`);
  },
});
export default [build, ...Array.from({ length: 10 }, (_, k) => iteration(k + 1))];
