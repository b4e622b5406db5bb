/**
 * Why an attempt or a job ended, in German, without the app's i18next: the CLI's words for a
 * job's own failure ("task_..._m_000001 failed 4 attempts; last: ...", "the ApplicationMaster was
 * lost 2 times (last on n2)") and the attempts' reasons inside it. The shapes are those of the
 * app's renderer/viz/run/attemptText.ts, the words those of its German run.json (attempt.why);
 * renderer/i18n/runErrorText.test.ts checks that both word every shape alike. Spark's and
 * Hadoop's own names (FetchFailed(...), an exception's text) and a learner's message stay as they are.
 */

type Words = (groups: Record<string, string>) => string;

/** "Versuch" or "Versuchen" after a count, as German agrees it. */
const versuch = (count: string) => (count === '1' ? 'Versuch' : 'Versuchen');

/** The reason shapes the engine gives an attempt's end, each with its German words (the same shapes, in the same order, as the app's REASON_SHAPES, renderer/viz/run/attemptText.ts: runErrorText.test.ts compares them). */
export const GERMAN_REASON_SHAPES: readonly (readonly [RegExp, Words])[] = [
  [/^failed to connect to (?<node>\S+)$/, (g) => `keine Verbindung zu ${g.node}`],
  [/^missing an output location$/, () => 'kein Ort einer Map-Ausgabe bekannt'],
  [/^job (?<job>\S+) finished$/, (g) => `Job ${g.job} ist fertig`],
  [/^job (?<job>\S+) failed$/, (g) => `Job ${g.job} ist fehlgeschlagen`],
  [/^job failed$/, () => 'der Job ist fehlgeschlagen'],
  [/^node (?<node>\S+) died$/, (g) => `Knoten ${g.node} ist ausgefallen`],
  [/^another attempt finished first$/, () => 'ein anderer Versuch war zuerst fertig'],
  [/^(?<id>\S+) finished first$/, (g) => `${g.id} war zuerst fertig`],
  [/^stage aborted$/, () => 'Stage abgebrochen'],
  [
    /^container (?<container>\S+) lost with node (?<node>\S+)$/,
    (g) => `Container ${g.container} mit Knoten ${g.node} verloren`,
  ],
  [
    /^map outputs of (?<count>\d+) maps are not available$/,
    (g) =>
      g.count === '1'
        ? `die Map-Ausgabe von ${Number(g.count)} Map ist nicht verfügbar`
        : `die Map-Ausgaben von ${Number(g.count)} Maps sind nicht verfügbar`,
  ],
  [/^another attempt is committing the output$/, () => 'ein anderer Versuch schreibt die Ausgabe schon fest'],
  [/^fetch from (?<node>\S+) failed$/, (g) => `Abruf von ${g.node} fehlgeschlagen`],
  [/^fetch failed at shuffle start$/, () => 'Abruf beim Start des Shuffles fehlgeschlagen'],
  [/^fetch failure$/, () => 'Fetch-Fehler'],
  [/^map failed$/, () => 'Map fehlgeschlagen'],
  [/^reduce failed$/, () => 'Reduce fehlgeschlagen'],
  [
    /^the ApplicationMaster was lost (?<count>\d+) times? \(last on (?<node>\S+)\)$/,
    (g) => `der ApplicationMaster ging ${Number(g.count)}-mal verloren (zuletzt auf ${g.node})`,
  ],
  [
    /^a task failed every attempt: the job was aborted$/,
    () => 'ein Task ist in jedem Versuch fehlgeschlagen: Der Job wurde abgebrochen',
  ],
];

/** HDFS's read of a block none of whose replicas is reachable, and the HDFS client's giving up on it. */
const BLOCK_MISSING =
  /^(?<path>\S+): block (?<block>\S+) \(#(?<index>\d+)\) has no live replica it can be read from(?: \(BlockMissingException: the HDFS client asked again (?<tries>\d+) times over (?<seconds>\d+\.\d) s\))?$/;

/** Seconds with one decimal, as German writes them ("1,5"). */
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});

/**
 * `reason` in German: "FetchFailed(BlockManagerId(n2), ...): failed to connect to n2" keeps
 * Spark's FetchFailed(...) and words the rest; "task 3 failed 4 times; last: ..." and
 * "task_..._m_000001 failed 4 attempts; last: ..." word both parts; a reason of no known shape
 * (an exception's message) is kept as it is.
 */
export function jobReasonGerman(reason: string): string {
  const fetch = /^(FetchFailed\([^)]*(?:\)[^)]*)?\)): (.*)$/s.exec(reason);
  if (fetch) return `${fetch[1]}: ${jobReasonGerman(fetch[2]!)}`;
  const times = /^task (\S+) failed (\d+) times; last: (.*)$/s.exec(reason);
  if (times)
    return `Task ${times[1]} ist ${Number(times[2])}-mal fehlgeschlagen; zuletzt: ${jobReasonGerman(times[3]!)}`;
  const attempts = /^(\S+) failed (\d+) attempts?; last: (.*)$/s.exec(reason);
  if (attempts)
    return `${attempts[1]} scheiterte in ${Number(attempts[2])} ${versuch(attempts[2]!)}; zuletzt: ${jobReasonGerman(attempts[3]!)}`;
  const missing = BLOCK_MISSING.exec(reason)?.groups;
  if (missing) {
    const unreadable = `${missing.path}: Block ${missing.block} (#${missing.index}) hat kein erreichbares Replikat, von dem er gelesen werden kann`;
    return missing.seconds === undefined
      ? unreadable
      : `${unreadable} (BlockMissingException: Der HDFS-Client hat in ${ONE_DECIMAL.format(Number(missing.seconds))} s ${missing.tries}-mal erneut nachgefragt)`;
  }
  for (const [shape, words] of GERMAN_REASON_SHAPES) {
    const m = shape.exec(reason);
    if (m) return words(m.groups ?? {});
  }
  return reason;
}
