// Word count in Spark: flatMap, map to pairs, reduceByKey.
export default async (sc) =>
  sc
    .textFile('/data/corpus.txt')
    .flatMap((line) => line.split(/\s+/))
    .filter((w) => w.length > 0)
    .map((w) => [w, 1])
    .reduceByKey((a, b) => a + b)
    .sortByKey()
    .collect();
