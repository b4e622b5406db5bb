/**
 * The hdfs-blocks lab in German (du-form, for students): the texts beside the English ones
 * (intro.de.md, steps/<n>-<id>/instructions.de.md) and the titles, hints and check titles, by id.
 * validateTranslations.ts checks it is complete and keeps the English's code, chapters and figures.
 */
import type { LabTranslation } from '../labTypes';
import intro from './intro.de.md?raw';
import putInstructions from './steps/1-put-512mb/instructions.de.md?raw';
import sizesInstructions from './steps/2-block-size-replication/instructions.de.md?raw';
import killInstructions from './steps/3-kill-datanode/instructions.de.md?raw';
import appendInstructions from './steps/4-append/instructions.de.md?raw';

export const de: LabTranslation = {
  title: 'HDFS-Blöcke und Replikate',
  summary:
    'Lege eine 512-MB-Datei in HDFS ab, sieh ihre Blöcke rack-aware verteilt, schalte einen DataNode ab und beobachte die Re-Replikation.',
  intro,
  datasets: {},
  steps: {
    'put-512mb': {
      title: 'Eine 512-MB-Datei in 128-MB-Blöcken',
      instructions: putInstructions,
      hints: [
        'Die Zahl der Blöcke ist die Dateigröße geteilt durch die Blockgröße, aufgerundet.',
        'Setze "blockSize": "128m".',
      ],
      checks: {
        'four-blocks': '/data/big.bin ist als 4 Blöcke gespeichert (128 MB + 128 MB + 128 MB + 128 MB)',
        'three-replicas': 'jeder Block hat 3 Replikate',
        'rack-aware': 'die Replikate sind rack-aware verteilt',
      },
    },
    'block-size-replication': {
      title: 'Andere Blockgrößen, weniger Replikate',
      instructions: sizesInstructions,
      hints: [
        'Zwei Blöcke für 512 MB heißt: Jeder Block enthält die Hälfte der Datei.',
        'Setze "blockSize": "256m" und "replication": 2.',
      ],
      checks: {
        'two-blocks': '/data/big.bin ist als 2 Blöcke gespeichert (256 MB + 256 MB)',
        'two-replicas': 'jeder Block hat 2 Replikate',
        'rack-aware': 'die Replikate sind rack-aware verteilt',
      },
    },
    'kill-datanode': {
      title: 'Einen DataNode abschalten, die Re-Replikation beobachten',
      instructions: killInstructions,
      hints: [
        'Wähle einen Node, der Blöcke hält: In Schritt 1 hielt n5 drei davon.',
        'Füge { "atMs": 60000, "kind": "killNode", "node": "n5" } zu "faults" hinzu.',
        'Lösche die Zeile mit "runForMs": Dann dauert der Lauf, bis der NameNode den Node für tot erklärt hat und die Re-Replikation fertig ist.',
      ],
      practiceHints: [
        "Wähle einen Node, der Blöcke hält: Lass den Starter laufen; die Prüfung 'die Replikate liegen auch nach der Reparatur in beiden Racks' nennt die Nodes, auf denen die Replikate jedes Blocks liegen.",
        'Füge { "atMs": 60000, "kind": "killNode", "node": "n2" } zu "faults" hinzu, mit einem dieser Nodes statt n2.',
        'Lösche die Zeile mit "runForMs": Dann dauert der Lauf, bis der NameNode den Node für tot erklärt hat und die Re-Replikation fertig ist.',
      ],
      checks: {
        'one-kill-one-minute-in': 'die Datei aus Schritt 1, ein DataNode nach einer Minute abgeschaltet',
        'node-declared-dead': 'ein DataNode mit Replikaten ist ausgefallen und wurde für tot erklärt',
        'replicas-restored': 'die Zahl der Replikate ist wiederhergestellt',
        'no-block-lost': 'kein Block geht verloren',
        'still-rack-aware': 'die Replikate liegen auch nach der Reparatur in beiden Racks',
      },
    },
    append: {
      title: 'An eine Datei anhängen',
      instructions: appendInstructions,
      hints: ['Füge neben "file" ein Feld "append" hinzu.', 'Schreibe "append": { "size": "100m" }.'],
      checks: {
        'blocks-after-append': '/logs/clicks.log ist als 3 Blöcke gespeichert (128 MB + 128 MB + 44 MB)',
        'last-block-filled': 'das Append hat den letzten Block aufgefüllt, bevor es einen neuen begann',
        'append-100mb-to-200mb': '100 MB an die 200-MB-Datei angehängt',
        'three-replicas': 'jeder Block hat 3 Replikate',
      },
    },
  },
};
