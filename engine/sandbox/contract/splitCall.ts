/**
 * The name compiled jobs call for `x.split(/re/)` (engine/sandbox/compile/fastSplits.ts), bound by
 * the sandbox like the loop guard (engine/sandbox/regexpSplit.ts). Here, below Spark, because
 * Spark's pipelining reads it as a pure global (engine/spark/fusedMapSide.ts).
 */
export const SPLIT_CALL = '__clusterlabSplit';
