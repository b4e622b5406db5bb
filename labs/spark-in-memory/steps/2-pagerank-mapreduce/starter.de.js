// PageRank, 10 Iterationen, als verkettete MapReduce-Jobs (Cookbook 20.1.3, 20.2.1). Jede
// Iteration ist ein ganzer Job: Er liest die vorigen Ränge und die Links aus HDFS und schreibt
// beide zurück, denn ein MapReduce-Job kann sein Ergebnis nur über den Speicher weitergeben.
const ITERATIONS = 1; // TODO: der Algorithmus braucht 10 Iterationen

// Job 0 fasst die Kanten "src dst" zu einer Zeile pro Seite zusammen: "page TAB 1 TAB dst1,dst2,...".
/** @type {MapReduceJob} */
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
  reduce(page, targets, ctx) {
    ctx.write(page, `1\t${[...targets].join(',')}`); // targets ist ein Iterable: zum Verbinden ausbreiten
  },
};

/** @type {(i: number) => MapReduceJob} */
const iteration = (i) => ({
  kind: 'mapreduce',
  name: `iteration ${i}`,
  input: `/pr/iter-${i - 1}`,
  output: `/pr/iter-${i}`,
  numReduceTasks: 4,
  map(offset, line, ctx) {
    const [page, rank, links] = line.split('\t');
    const targets = links ? links.split(',') : [];
    ctx.write(page, `#${links ?? ''}`); // die Links an die nächste Iteration weiterreichen
    for (const t of targets) ctx.write(t, Number(rank) / targets.length);
  },
  reduce(page, values, ctx) {
    let received = 0;
    let links = null;
    let got = false;
    for (const v of values) {
      if (typeof v === 'string' && v.startsWith('#')) links = v.slice(1);
      else {
        received += Number(v);
        got = true;
      }
    }
    if (links === null || !got) return; // wie Sparks join: Seiten brauchen Links und einen Beitrag
    const rank = received; // TODO: Dämpfung: Eine Seite behält 0.15 plus 0.85 von dem, was sie erhalten hat
    ctx.write(page, `${i === ITERATIONS ? Math.round(rank * 1e6) / 1e6 : rank}\t${links}`);
  },
});

export default [build, ...Array.from({ length: ITERATIONS }, (_, k) => iteration(k + 1))];
