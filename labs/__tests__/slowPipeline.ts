/**
 * A hostile hand-in of netflix-trending step 3 that takes seconds of wall time to simulate (the
 * budget tests' case): the members send the most events a pipeline allows (200,000) to 100,000
 * titles at 3 a second, about 18.5 simulated hours, and the recommender refreshes every 100 ms,
 * some 666,000 refreshes. Its whole run takes about 10 s on the CI machine; a budget of 2 s ends it.
 */
import { findLab } from '../labRegistry';

export function slowNetflixPipeline(): string {
  const step = findLab('netflix-trending')!.steps[2]!;
  const p = JSON.parse(step.solution) as { parts: { id: string; settings?: object }[] };
  const part = (id: string) => p.parts.find((x) => x.id === id)!;
  part('members').settings = { ...part('members').settings, events: 200_000, ratePerSec: 3, keys: 100_000 };
  part('recommender').settings = { ...part('recommender').settings, refreshMs: 100 };
  return JSON.stringify(p);
}
