// The lab's own checks: each gets a plain view of the run (result, simulatedMs, metrics, seed,
// and the reference solution's result and time) and returns { pass, reason }. They run in the
// sandbox, like a learner's job.

/** The counts add up to the number of words the reference solution counted. */
export function everyWordCounted(run) {
  const total = (pairs) => (Array.isArray(pairs) ? pairs.reduce((sum, [, n]) => sum + Number(n), 0) : 0);
  const mine = total(run.result);
  const expected = total(run.solution.result);
  if (mine === expected) return { pass: true, reason: `Your counts add up to all ${expected} words.` };
  return {
    pass: false,
    reason: `Your counts add up to ${mine} words, but the text has ${expected}: ${mine > expected ? 'some words are counted twice' : 'some words are missed'}.`,
  };
}
