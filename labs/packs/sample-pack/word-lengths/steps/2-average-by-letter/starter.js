// The average word length by first letter (the lab pack's step 2).
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sentences.txt')
    .flatMap((line) => line.split(' ').filter((w) => w !== ''))
    // TODO: pair each word's first letter with [its length, 1], add them by letter, average and sort
    .collect();
