/** The checks of the spark-in-memory lab: correct results, Spark's measured speed-up, cache hits, lineage. */
import {
  cachedAfterShuffle,
  compareKeyed,
  counterOf,
  extraReport,
  fail,
  groupedOnCluster,
  injectedNote,
  jobReport,
  pass,
  ratio,
  seconds,
  shuffleReadingStages,
} from '../checkKit';
import { plainAverages, plainPageRank } from '../labData';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';
import { anzahl, komma, zahl } from '../germanFormat';
import { plural } from '../plural';

/** The dataset `id` as the run had it: the lab's, or the student's own (run.variant). */
function dataOf(run: StepRun, id: 'sensors' | 'graph'): string {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark')
    throw new Error(`the check reads a job step's run, got a ${run.kind} step's`);
  return run.variant.text(id);
}

/** The truth of the last few files kept: a class graded one after another recomputes nothing twice. */
const truths: { text: string; truth: [string, number][] }[] = [];
function truthOf(text: string, compute: (text: string) => [string, number][]): [string, number][] {
  const hit = truths.find((t) => t.text === text);
  if (hit) return hit.truth;
  const truth = compute(text);
  if (truths.length >= 4) truths.shift();
  truths.push({ text, truth });
  return truth;
}

export function dailyAveragesCheck(id: string): LabCheck {
  return {
    id,
    title: 'exact daily averages',
    evaluate(run) {
      const expected = truthOf(dataOf(run, 'sensors'), (text) => plainAverages(text, 10));
      return compareKeyed(expected, jobReport(run).result, {
        tolerance: 1e-9,
        what: 'day',
        hint: 'key each reading by its day ("2016-05-01"), add [value, 1] pairs with reduceByKey and divide sum by count with mapValues',
        de: {
          what: 'Tag',
          hint: 'gib jedem Messwert seinen Tag als Key ("2016-05-01"), addiere [value, 1]-Paare mit reduceByKey und teile die Summe mit mapValues durch die Anzahl',
        },
      });
    },
  };
}

export function pageRanksCheck(id: string): LabCheck {
  return {
    id,
    title: 'PageRank after 10 iterations is right',
    evaluate(run) {
      const expected = truthOf(dataOf(run, 'graph'), (text) => plainPageRank(text, 10));
      return compareKeyed(expected, jobReport(run).result, {
        tolerance: 2e-6,
        what: 'page',
        hint: "run 10 iterations; in each, every page sends rank / (number of its links) to each link target and a page's new rank is 0.15 + 0.85 * (what it received)",
        de: {
          what: 'Seite',
          hint: 'lass 10 Iterationen laufen; in jeder schickt jede Seite rank / (Zahl ihrer Links) an jedes Linkziel, und der neue Rang einer Seite ist 0.15 + 0.85 * (was sie erhalten hat)',
        },
      });
    },
  };
}

const counter = counterOf;

export function chainedJobsCheck(id: string, jobs: number): LabCheck {
  return {
    id,
    title: `${jobs} chained MapReduce jobs`,
    evaluate(run) {
      const r = jobReport(run);
      if (r.kind !== 'mapreduce')
        return fail('this step is about MapReduce: export an array of MapReduce jobs', {
          de: 'in diesem Schritt geht es um MapReduce: exportiere ein Array von MapReduce-Jobs',
        });
      if (r.metrics.jobs !== jobs)
        return fail(
          `expected ${jobs} jobs (1 to build the link lists + 10 iterations), got ${r.metrics.jobs}: set ITERATIONS to 10`,
          {
            de: `erwartet: ${zahl(jobs)} Jobs (1 zum Aufbau der Linklisten + 10 Iterationen), erhalten: ${zahl(r.metrics.jobs)}: setze ITERATIONS auf 10`,
          },
        );
      return pass(
        `${jobs} jobs ran one after the other, writing ${counter(r, 'HDFS_BYTES_WRITTEN')} bytes of intermediate results to HDFS (3 replicas each) and reading them back`,
        {
          de: `${zahl(jobs)} Jobs liefen nacheinander, schrieben ${zahl(counter(r, 'HDFS_BYTES_WRITTEN'))} Bytes Zwischenergebnisse nach HDFS (je 3 Replikate) und lasen sie wieder ein`,
        },
      );
    },
  };
}

/** PageRank's rounds: each runs a join and a reduceByKey on the cluster, at least one stage that reads a shuffle. */
export const ROUNDS = 10;

/**
 * Before a speed verdict: the result is right (`truth`) and the work ran on the cluster as the step
 * asks (the input grouped there, and with `rounds` that many stages reading a shuffle); null when
 * so, else the failure. A program that computes in the driver, or nothing, has no speed to compare.
 */
export function notReadyForSpeed(run: StepRun, truth: LabCheck, rounds = 0): CheckVerdict | null {
  const right = truth.evaluate(run);
  if (!right.pass)
    return fail(`the speed is compared only once the result is right: ${right.reason}`, {
      de: `die Geschwindigkeit wird erst verglichen, wenn das Ergebnis stimmt: ${right.reasons?.de ?? right.reason}`,
    });
  const r = jobReport(run);
  if (r.kind !== 'spark') return null;
  if (!groupedOnCluster(r))
    return fail(
      'the result is right, but no stage that read the input wrote to a shuffle: the records were collected into the driver and computed there, which is no Spark DAG to time (at scale no driver holds them); group them on the cluster with reduceByKey',
      {
        de: 'das Ergebnis stimmt, aber keine Stage, die die Eingabe las, schrieb in einen Shuffle: Die Datensätze wurden in den Driver geholt und dort berechnet, und das ist kein Spark-DAG, den man messen kann (bei großen Daten fasst sie kein Driver); gruppiere sie auf dem Cluster mit reduceByKey',
      },
    );
  const stages = shuffleReadingStages(r);
  if (stages < rounds)
    return fail(
      `the result is right, but only ${plural(stages, 'stage')} read a shuffle: the ${rounds} rounds did not run on the cluster; in each, join the links with the ranks and add the contributions with reduceByKey on RDDs, not in the driver`,
      {
        de: `das Ergebnis stimmt, aber nur ${anzahl(stages, 'Stage las', 'Stages lasen')} einen Shuffle: Die ${zahl(rounds)} Runden liefen nicht auf dem Cluster; verbinde in jeder die Links mit join mit den Rängen und addiere die Beiträge mit reduceByKey auf RDDs, nicht im Driver`,
      },
    );
  return null;
}

/** Spark (the learner's run) is faster than the reference MapReduce run by at least `atLeast`. */
/** `what` names the work in the reason ("daily averages"); `whatDe` in German (default: `what`). */
export function fasterThanCheck(
  id: string,
  reference: string,
  atLeast: number,
  what: string,
  whatDe: string,
  truth: LabCheck,
  rounds = 0,
): LabCheck {
  return {
    id,
    title: `Spark is faster than MapReduce (at least ${ratio(atLeast)})`,
    evaluate(run) {
      const spark = jobReport(run);
      const mr = extraReport(run, reference);
      if (spark.kind !== 'spark')
        return fail('this step is about Spark: export a function `async (sc) => ...`', {
          de: 'in diesem Schritt geht es um Spark: exportiere eine Funktion `async (sc) => ...`',
        });
      const notReady = notReadyForSpeed(run, truth, rounds);
      if (notReady) return notReady;
      const factor = mr.simulatedMs / spark.simulatedMs;
      const detail = `${what}: MapReduce took ${seconds(mr.simulatedMs)}, your Spark program ${seconds(spark.simulatedMs)}, ${ratio(factor)} faster`;
      const detailDe = komma(
        `${whatDe}: MapReduce brauchte ${seconds(mr.simulatedMs)}, dein Spark-Programm ${seconds(spark.simulatedMs)}, ${ratio(factor)} schneller`,
      );
      return factor >= atLeast
        ? pass(detail, { de: detailDe })
        : fail(
            `${detail} (at least ${ratio(atLeast)} expected): keep the work in one Spark program and its intermediate results in memory${injectedNote(run)}`,
            {
              de: `${detailDe} (mindestens ${komma(ratio(atLeast))} erwartet): halte die Arbeit in einem Spark-Programm und seine Zwischenergebnisse im Arbeitsspeicher${injectedNote(run, 'de')}`,
            },
          );
    },
  };
}

export function cacheHitsCheck(id: string, minimum: number): LabCheck {
  return {
    id,
    title: 'cached partitions are reused',
    evaluate(run) {
      const r = jobReport(run);
      const hits = counter(r, 'CACHE_HITS');
      const local = counter(r, 'PROCESS_LOCAL_TASKS');
      if (hits < minimum)
        return fail(
          `${hits} cache hits (at least ${minimum} expected): without cache() every iteration fetches the shuffled link lists again and regroups them; call .cache() on links`,
          {
            de: `${anzahl(hits, 'Cache-Treffer', 'Cache-Treffer')} (mindestens ${zahl(minimum)} erwartet): Ohne cache() holt jede Iteration die geshuffelten Linklisten erneut und gruppiert sie neu; rufe .cache() auf links auf`,
          },
        );
      // The links are read by every round's join: cached after their shuffle, in a stage of every round.
      if (!cachedAfterShuffle(r).some((c) => c.stagesRun >= ROUNDS))
        return fail(
          `${plural(hits, 'cache hit')}, but not of the links: no cached RDD made by a shuffle was read in each of the ${ROUNDS} rounds (a cache of the lines read from the file or of each round's ranks is no help to the join); call .cache() on links, after groupByKey`,
          {
            de: `${anzahl(hits, 'Cache-Treffer', 'Cache-Treffer')}, aber nicht der Links: Kein gecachtes RDD aus einem Shuffle wurde in jeder der ${zahl(ROUNDS)} Runden gelesen (ein Cache der aus der Datei gelesenen Zeilen oder der Ränge jeder Runde hilft dem join nicht); rufe .cache() auf links auf, nach groupByKey`,
          },
        );
      return pass(
        `${plural(hits, 'cache hit')}; ${plural(local, 'task')} ran PROCESS_LOCAL, next to their cached partition`,
        {
          de: `${anzahl(hits, 'Cache-Treffer', 'Cache-Treffer')}; ${anzahl(local, 'Task lief', 'Tasks liefen')} PROCESS_LOCAL, neben ${local === 1 ? 'seiner' : 'ihrer'} gecachten Partition`,
        },
      );
    },
  };
}

export function fasterThanUncachedCheck(id: string, reference: string, truth: LabCheck): LabCheck {
  return {
    id,
    title: 'caching makes the iterations faster',
    evaluate(run) {
      const notReady = notReadyForSpeed(run, truth, ROUNDS);
      if (notReady) return notReady;
      const cached = jobReport(run);
      const plain = extraReport(run, reference);
      const factor = plain.simulatedMs / cached.simulatedMs;
      const detail = `without cache() ${seconds(plain.simulatedMs)}, yours ${seconds(cached.simulatedMs)} (${ratio(factor)})`;
      const detailDe = komma(
        `ohne cache() ${seconds(plain.simulatedMs)}, deins ${seconds(cached.simulatedMs)} (${ratio(factor)})`,
      );
      // Spark keeps shuffle files, so without cache() only the fetch and regrouping of the links
      // repeats each round: the saving is real but small on this graph, hence "any gain".
      return cached.simulatedMs < plain.simulatedMs
        ? pass(detail, { de: detailDe })
        : fail(
            `${detail}: cache the RDD every iteration reads, the links, so later rounds read it from memory${injectedNote(run)}`,
            {
              de: `${detailDe}: cache das RDD, das jede Iteration liest, die Links, damit spätere Runden es aus dem Arbeitsspeicher lesen${injectedNote(run, 'de')}`,
            },
          );
    },
  };
}

/** The fault of the step's extra run `id` (its planned node kill), if any. */
function plannedKill(run: StepRun, id: string): { atMs: number; node: string } | null {
  if (run.kind !== 'spark' && run.kind !== 'mapreduce') return null;
  const fault = run.step.extraRuns?.find((e) => e.id === id)?.run.faults?.find((f) => f.kind === 'killNode');
  return fault && 'node' in fault ? { atMs: fault.atMs, node: String(fault.node) } : null;
}

/** The same program with a node killed mid-run gives the same ranks: lost partitions are recomputed from lineage. */
export function lineageCheck(id: string, faulty: string, truth: LabCheck): LabCheck {
  return {
    id,
    title: 'a lost node changes the time, not the result (lineage)',
    evaluate(run) {
      const r = jobReport(run);
      const broken = extraReport(run, faulty);
      const right = truth.evaluate(run);
      if (!right.pass)
        return fail(`lineage is judged only once the result is right: ${right.reason}`, {
          de: `die Lineage wird erst beurteilt, wenn das Ergebnis stimmt: ${right.reasons?.de ?? right.reason}`,
        });
      const same = JSON.stringify(broken.result) === JSON.stringify(r.result);
      if (!same)
        return fail(
          'with a node killed mid-run the ranks differ: the program must not depend on where partitions live',
          {
            de: 'mit einem mitten im Lauf abgeschalteten Node weichen die Ränge ab: Das Programm darf nicht davon abhängen, wo Partitionen liegen',
          },
        );
      const kill = plannedKill(run, faulty);
      const node = kill?.node ?? 'the node';
      const at = kill ? ` at ${seconds(kill.atMs)}` : '';
      const atDe = kill ? ` bei ${komma(seconds(kill.atMs))}` : '';
      const lost = broken.metrics.killedAttempts + broken.metrics.failedAttempts;
      const rerun = broken.trace.reduce((n, e) => n + (e.type === 'stageResubmitted' ? e.stages.length : 0), 0);
      if (lost === 0 && rerun === 0)
        return fail(
          `${node} was killed${at}, but your program lost no task attempt and recomputed nothing (it took ${seconds(broken.simulatedMs)}): there was nothing to recover, so this run shows no lineage; run the ${ROUNDS} rounds on the cluster with the links cached, as the step asks`,
          {
            de: `${node} wurde${atDe} abgeschaltet, aber dein Programm verlor keinen Task-Versuch und berechnete nichts neu (es brauchte ${komma(seconds(broken.simulatedMs))}): Es gab nichts wiederherzustellen, also zeigt dieser Lauf keine Lineage; lass die ${zahl(ROUNDS)} Runden mit gecachten Links auf dem Cluster laufen, wie der Schritt es verlangt`,
          },
        );
      const how = `the same ranks, ${plural(lost, 'task attempt')} lost, ${plural(rerun, 'stage')} run again`;
      const howDe = `dieselben Ränge, ${anzahl(lost, 'Task-Versuch', 'Task-Versuche')} verloren, ${anzahl(rerun, 'Stage', 'Stages')} erneut gelaufen`;
      // After the UI's own kill the run on screen had a fault too: its time is no fault-free one.
      const time =
        run.kind === 'spark' && run.injectedFaults.length > 0
          ? `${seconds(broken.simulatedMs)} with ${node} killed${at} (the run on screen, ${seconds(r.simulatedMs)}, had a fault injected from outside, so it is no fault-free time to compare with)`
          : `${seconds(broken.simulatedMs)} instead of ${seconds(r.simulatedMs)}`;
      const timeDe =
        run.kind === 'spark' && run.injectedFaults.length > 0
          ? `${komma(seconds(broken.simulatedMs))} mit abgeschaltetem ${node}${atDe} (der Lauf auf dem Bildschirm, ${komma(seconds(r.simulatedMs))}, hatte einen von außen ausgelösten Ausfall, also ist seine Zeit keine ohne Ausfall)`
          : `${komma(seconds(broken.simulatedMs))} statt ${komma(seconds(r.simulatedMs))}`;
      return pass(`with ${node} killed mid-run: ${how}, ${time}; what the node held was recomputed from lineage`, {
        de: `mit ${node} mitten im Lauf abgeschaltet: ${howDe}, ${timeDe}; was der Node hielt, wurde aus der Lineage neu berechnet`,
      });
    },
  };
}
