/**
 * The mapreduce-iot-averages lab in German (du-form, for students): the texts beside the English
 * ones (intro.de.md, steps/<n>-<id>/instructions.de.md) and the titles, hints, check titles, extra
 * runs' labels and dataset descriptions, by id. validateTranslations.ts checks it is complete.
 */
import { SENSOR_DAYS, SENSOR_LINES } from '../labData';
import type { LabTranslation } from '../labTypes';
import { zahl } from '../germanFormat';
import { fillVariantText } from '../variant';
import { sensorVariantValues } from './sensorVariant';
import intro from './intro.de.md?raw';
import dailyInstructions from './steps/1-daily-average/instructions.de.md?raw';
import minuteInstructions from './steps/2-minute-average/instructions.de.md?raw';
import scaleInstructions from './steps/3-scale-out/instructions.de.md?raw';
import dailyStarter from './steps/1-daily-average/starter.de.js?raw';
import dailySolution from './steps/1-daily-average/solution.de.js?raw';
import minuteStarter from './steps/2-minute-average/starter.de.js?raw';
import minuteSolution from './steps/2-minute-average/solution.de.js?raw';
import scaleStarter from './steps/3-scale-out/starter.de.js?raw';
import scaleSolution from './steps/3-scale-out/solution.de.js?raw';

export const de: LabTranslation = {
  title: 'IoT-Tagesmittelwerte mit MapReduce',
  summary: 'Mittle Sensormesswerte pro Tag mit 9 Mappern und 3 Reducern, dann pro Minute, dann in zehnfacher Größe.',
  intro,
  datasets: {
    sensors: `${SENSOR_LINES} Messwerte eines Sensors über ${SENSOR_DAYS} Tage (Seed 2016)`,
    'sensors-10x': `${SENSOR_LINES * 10} Messwerte eines Sensors über ${SENSOR_DAYS} Tage (Seed 2016)`,
  },
  steps: {
    'daily-average': {
      title: 'Mittelwert pro Tag',
      instructions: dailyInstructions,
      starter: dailyStarter,
      solution: dailySolution,
      hints: [
        'Der Zeitstempel sieht aus wie "2016-05-01 01:02:03": Der Tag sind seine ersten 10 Zeichen.',
        'In reduce ist `values` wie in Hadoop ein Iterable, kein Array: Es hat keine Länge. Lauf einmal mit `for (const v of values)` darüber, addiere die Werte, zähle sie mit und teile dann.',
        'Schreibe `ctx.write(timestamp.slice(0, 10), Number(value))` in map und setze `numReduceTasks: 3`.',
      ],
      checks: {
        'exact-averages': 'exakte Tagesmittelwerte',
        'mappers-per-split': 'ein Mapper pro Split',
        'three-reducers': '3 Reducer',
        'parallel-mappers': 'die Mapper laufen parallel',
      },
    },
    'minute-average': {
      title: 'Mittelwert pro Minute',
      instructions: fillVariantText(minuteInstructions, sensorVariantValues(null), zahl),
      variantInstructions: minuteInstructions,
      starter: minuteStarter,
      solution: minuteSolution,
      hints: [
        'Nur die Map ändert sich: Schneide den Zeitstempel später ab.',
        'Behalte die ersten 16 Zeichen: `timestamp.slice(0, 16)`.',
      ],
      checks: {
        'exact-minute-averages': 'exakte Minutenmittelwerte',
        'mappers-per-split': 'ein Mapper pro Split',
        'three-reducers': '3 Reducer',
      },
    },
    'scale-out': {
      title: '10x die Daten auf 10x den Maschinen',
      instructions: scaleInstructions,
      starter: scaleStarter,
      solution: scaleSolution,
      hints: [
        'Ein Combiner läuft auf der Map-Seite mit derselben Signatur wie reduce (auch seine Werte sind ein Iterable); seine Ausgabe geht an die Reducer. Hadoop kann ihn auf einen Datensatz null-, ein- oder mehrmals anwenden.',
        'Gib aus map `[Number(value), 1]` aus; combine und reduce addieren die Paare elementweise.',
        'Nur der Reducer teilt: `ctx.write(day, sum / count)`. Der Combiner schreibt `[sum, count]`.',
      ],
      checks: {
        'exact-averages': 'exakte Tagesmittelwerte',
        'exact-averages-10x': 'exakte Tagesmittelwerte auf 10x den Daten',
        'mappers-per-split-10x': 'ein Mapper pro Split auf 10x den Daten',
        'three-reducers': '3 Reducer',
        combiner: 'ein Combiner verkleinert, was bei den Reducern ankommt',
        'same-time': '10x Daten auf 10x Maschinen brauchen etwa gleich lange',
      },
      extraRuns: {
        scaled: '10x Daten auf 90 Maschinen',
        'same-machines': '10x Daten auf denselben 9 Maschinen',
      },
    },
  },
};
