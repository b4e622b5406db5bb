// The average word length by first letter (the lab pack's step 2).
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sentences.txt')
    .flatMap((line) => line.split(' ').filter((w) => w !== ''))
    .map((w) => [w[0], [w.length, 1]])
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])
    .mapValues(([sum, n]) => sum / n)
    .sortByKey()
    .collect();
