/**
 * The home page's entry in other locales for the registered labs whose texts are not translated
 * yet: their title and one-line summary. The registry gives each of these labs a catalogue
 * translation (`partial: 'catalogue'`) from here, validated like any other; a lab that carries a
 * translation of its own (labs/<id>/de.ts) is not listed (labLocale.test.ts checks both ways).
 */
import type { LabLocale } from './labTypes';

export const CATALOGUE_TRANSLATIONS: Record<LabLocale, Record<string, { title: string; summary: string }>> = {
  de: {
    'scale-up-vs-out': {
      title: 'Scale-up oder Scale-out',
      summary:
        'Der nächtliche ETL-Lauf eines SQL-Servers, während sich die Daten jeden Monat verdoppeln: rüste ihn möglichst günstig auf, stoß an seine Grenze, verteile die Last auf Server an einem SAN und finde heraus, wann sich Big-Data-Werkzeuge nicht lohnen.',
    },
    'mapreduce-basics': {
      title: 'MapReduce-Grundlagen',
      summary: 'Zähle die HTML-Tags gespeicherter Webseiten mit einem Mapper pro Split, einem Shuffle und Reducern.',
    },
    'mapreduce-chaining': {
      title: 'MapReduce-Jobs verketten',
      summary:
        'Beantworte eine Frage, die zwei MapReduce-Jobs braucht, und miss, was das Zwischenergebnis in HDFS und der zweite Start kosten.',
    },
    'spark-on-yarn': {
      title: 'Spark auf YARN: ein Ressourcenmanager',
      summary:
        'Lass Spark neben den YARN-Jobs des ETL-Teams laufen: sieh, wie zwei Ressourcenmanager die Maschinen überbuchen, und lass dann YARN sie mit Executors und Queues aufteilen.',
    },
    'data-locality': {
      title: 'Datenlokalität: Spark auf den DataNodes',
      summary:
        'Lass Spark neben den Daten laufen oder auf stärkeren Servern abseits davon, und lies die Locality-Level, die Netzwerk-Bytes und die Zeit ab.',
    },
    'rdd-dataframe-sql': {
      title: 'RDD, DataFrame und SQL',
      summary: 'Stelle eine Frage als RDD-Code, als DataFrame und in SQL, und vergleiche ihre Pläne und Shuffles.',
    },
    'streaming-delivery': {
      title: 'Zustellgarantien: at most once, at least once, exactly once',
      summary:
        'Schreib die KafkaJS-Consumer für Fahrzeugpositionen, Zündaussetzer und Kartenzahlungen, lass sie abstürzen und lies im Ledger, was verloren geht und was doppelt ankommt; zähle dann Positionen in Event-Time-Fenstern mit Spark Structured Streaming.',
    },
    'kafka-topics': {
      title: 'Kafka-Topics, Partitionen und Consumer Groups',
      summary:
        'Schick Messwerte einer Fabrik durch ein Kafka-Topic: Keys und Reihenfolge, Consumer Groups, die sich Partitionen teilen, Lag, und das Rebalancing durch den Coordinator, wenn ein Consumer ausfällt.',
    },
    'lambda-architecture': {
      title: 'Die Lambda-Architektur',
      summary:
        'Zähle Seitenaufrufe mit einem Batch Layer, füge einen Speed Layer hinzu, damit das Dashboard aktuell bleibt, ohne doppelt zu zählen, und ersetze dann beide durch Kappa: den Stream und sein Log.',
    },
    'platform-blueprint': {
      title: 'Der Plattform-Bauplan',
      summary:
        'Baue eine Datenplattform aus modularen Teilen (Ingest, Puffer, Verarbeitung, Speicher, Anzeige), bewahre jedes Event im Data Lake auf und tausche ein Teil aus, um zu sehen, was sich ändert.',
    },
    'netflix-trending': {
      title: 'Netflix: Trending Now',
      summary:
        'Baue Netflix’ alte stündliche Batch-Pipeline und daneben das gestreamte „Trending Now“, und miss, wie alt die Titel jeder Zeile sind.',
    },
    'ml-in-production': {
      title: 'Machine Learning in Produktion',
      summary:
        'Trainiere eine Regression im Batch und wende sie im Stream an, sieh zu, wie Verschleiß sie driften lässt, schließe den Kreis aus Neutrainieren und erneutem Ausrollen, und gib jeder Pumpe ein Modell, das vor der Produktion getestet wird.',
    },
  },
};
