/** The checks of the spark-in-memory lab: correct results, Spark's measured speed-up, cache hits, lineage. */
import { compareKeyed, counterOf, extraReport, fail, injectedNote, jobReport, pass, ratio, seconds } from '../checkKit';
import { plainAverages, plainPageRank } from '../labData';
import type { LabCheck, StepRun } from '../labTypes';
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

/** Spark (the learner's run) is faster than the reference MapReduce run by at least `atLeast`. */
/** `what` names the work in the reason ("daily averages"); `whatDe` in German (default: `what`). */
export function fasterThanCheck(
  id: string,
  reference: string,
  atLeast: number,
  what: string,
  whatDe: string = what,
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
      return pass(
        `${plural(hits, 'cache hit')}; ${plural(local, 'task')} ran PROCESS_LOCAL, next to their cached partition`,
        {
          de: `${anzahl(hits, 'Cache-Treffer', 'Cache-Treffer')}; ${anzahl(local, 'Task lief', 'Tasks liefen')} PROCESS_LOCAL, neben ${local === 1 ? 'seiner' : 'ihrer'} gecachten Partition`,
        },
      );
    },
  };
}

export function fasterThanUncachedCheck(id: string, reference: string): LabCheck {
  return {
    id,
    title: 'caching makes the iterations faster',
    evaluate(run) {
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

/** The same program with a node killed mid-run gives the same ranks: lost partitions are recomputed from lineage. */
export function lineageCheck(id: string, faulty: string): LabCheck {
  return {
    id,
    title: 'a lost node changes the time, not the result (lineage)',
    evaluate(run) {
      const r = jobReport(run);
      const broken = extraReport(run, faulty);
      const same = JSON.stringify(broken.result) === JSON.stringify(r.result);
      if (!same)
        return fail(
          'with a node killed mid-run the ranks differ: the program must not depend on where partitions live',
          {
            de: 'mit einem mitten im Lauf abgeschalteten Node weichen die Ränge ab: Das Programm darf nicht davon abhängen, wo Partitionen liegen',
          },
        );
      const lost = broken.metrics.killedAttempts;
      return pass(
        `with a node killed mid-run: the same ranks, ${plural(lost, 'task attempt')} lost, ${seconds(broken.simulatedMs)} instead of ${seconds(r.simulatedMs)}; what the node held was recomputed from lineage`,
        {
          de: `mit einem mitten im Lauf abgeschalteten Node: dieselben Ränge, ${anzahl(lost, 'Task-Versuch', 'Task-Versuche')} verloren, ${komma(seconds(broken.simulatedMs))} statt ${komma(seconds(r.simulatedMs))}; was der Node hielt, wurde aus der Lineage neu berechnet`,
        },
      );
    },
  };
}
