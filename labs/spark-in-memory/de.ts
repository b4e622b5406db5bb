/**
 * The spark-in-memory lab in German (du-form, for students): the texts beside the English ones
 * (intro.de.md, steps/<n>-<id>/instructions.de.md) and the titles, hints, check titles, extra runs'
 * labels and dataset descriptions, by id. validateTranslations.ts checks it is complete.
 */
import type { LabTranslation } from '../labTypes';
import intro from './intro.de.md?raw';
import dailyInstructions from './steps/1-daily-dag/instructions.de.md?raw';
import mrInstructions from './steps/2-pagerank-mapreduce/instructions.de.md?raw';
import sparkInstructions from './steps/3-pagerank-spark/instructions.de.md?raw';
import cacheInstructions from './steps/4-cache-lineage/instructions.de.md?raw';
import dailyStarter from './steps/1-daily-dag/starter.de.js?raw';
import dailySolution from './steps/1-daily-dag/solution.de.js?raw';
import mrStarter from './steps/2-pagerank-mapreduce/starter.de.js?raw';
import mrSolution from './steps/2-pagerank-mapreduce/solution.de.js?raw';
import sparkStarter from './steps/3-pagerank-spark/starter.de.js?raw';
import sparkSolution from './steps/3-pagerank-spark/solution.de.js?raw';
import cacheStarter from './steps/4-cache-lineage/starter.de.js?raw';
import cacheSolution from './steps/4-cache-lineage/solution.de.js?raw';

const mapReducePageRank = 'derselbe PageRank als 11 verkettete MapReduce-Jobs';

export const de: LabTranslation = {
  title: 'Sparks In-Memory-DAG',
  summary: 'Führe dieselbe Analyse als einen Spark-DAG aus und einen iterativen Algorithmus mit cache() und Lineage.',
  intro,
  datasets: {
    sensors: '20.000 Messwerte eines Sensors über 10 Tage (Seed 2016)',
    graph: 'ein Link-Graph aus 300 Seiten mit je 1–4 Links, `src dst` pro Zeile (Seed 1998)',
  },
  steps: {
    'daily-dag': {
      title: 'Die Tagesmittelwerte als ein Spark-DAG',
      instructions: dailyInstructions,
      starter: dailyStarter,
      solution: dailySolution,
      hints: [
        'Gib in map `[timestamp.slice(0, 10), [Number(value), 1]]` zurück.',
        'Hänge nach der map `.reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])` an.',
        'Dann `.mapValues(([sum, count]) => sum / count)` vor sortByKey.',
      ],
      checks: {
        'exact-averages': 'exakte Tagesmittelwerte',
        'faster-than-mapreduce': 'Spark ist schneller als MapReduce (mindestens 1,05x)',
      },
      extraRuns: { mapreduce: 'dieselben Mittelwerte als ein MapReduce-Job' },
    },
    'pagerank-mapreduce': {
      title: 'Ein iterativer Algorithmus in MapReduce',
      instructions: mrInstructions,
      starter: mrStarter,
      solution: mrSolution,
      hints: [
        'Zwei TODOs: die Zahl der Iterationen und die Rangformel in reduce.',
        'Setze `ITERATIONS = 10` und `const rank = 0.15 + 0.85 * received;`.',
      ],
      checks: {
        'ranks-correct': 'PageRank nach 10 Iterationen stimmt',
        'eleven-jobs': '11 verkettete MapReduce-Jobs',
      },
    },
    'pagerank-spark': {
      title: 'Derselbe Algorithmus in Spark',
      instructions: sparkInstructions,
      starter: sparkStarter,
      solution: sparkSolution,
      hints: [
        '`links.join(ranks)` liefert Zeilen der Form `[page, [targets, rank]]`.',
        'Mach mit flatMap aus jeder Zeile `targets.map((t) => [t, rank / targets.length])`.',
        'Dann `ranks = contributions.reduceByKey((a, b) => a + b, 4).mapValues((sum) => 0.15 + 0.85 * sum)`.',
      ],
      checks: {
        'ranks-correct': 'PageRank nach 10 Iterationen stimmt',
        'faster-than-mapreduce': 'Spark ist schneller als MapReduce (mindestens 3,00x)',
      },
      extraRuns: { mapreduce: mapReducePageRank },
    },
    'cache-lineage': {
      title: 'cache() und Lineage',
      instructions: cacheInstructions,
      starter: cacheStarter,
      solution: cacheSolution,
      hints: ['Nur eine Zeile ändert sich: die Definition von links.', 'Hänge `.cache()` hinter `.groupByKey(4)` an.'],
      checks: {
        'ranks-correct': 'PageRank nach 10 Iterationen stimmt',
        'cache-hits': 'gecachte Partitionen werden wiederverwendet',
        'cache-pays': 'Caching macht die Iterationen schneller',
        'lineage-recovers': 'ein verlorener Node ändert die Zeit, nicht das Ergebnis (Lineage)',
      },
      extraRuns: {
        uncached: 'dasselbe Programm ohne cache()',
        'node-lost': 'dein Programm, mit Node n2 mitten im Lauf abgeschaltet',
      },
    },
  },
};
