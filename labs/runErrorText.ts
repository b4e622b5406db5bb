/**
 * A run's error as the learner reads it, in their language: the app's error box
 * (renderer/i18n/runErrorText.ts) and the CLI's `run`, `check` and `grade` with --lang. The
 * messages are the engine's, in English; German shows in German those of ClusterLab's own that a
 * lab's German text promises ("hier bricht sie mit einem Fehler ab, der das sagt": reduce walking
 * its values twice, or using them as an array), the attempts a failed task took, and a MapReduce
 * job's own failure (a task out of attempts, its ApplicationMaster lost) in the words of the
 * attempts' reasons (jobReasonGerman, or the app's own), and the run's time limit running out (the
 * sandbox's JobTimeoutError and RunawayLoopError, a pipeline's run: their seconds written as German
 * writes numbers), the sandbox's memory limit, a thrown value that is not an Error, and a run that
 * never ends in simulated time, and a Spark driver's missing `await` or its session taken for the
 * SparkContext. Everything else stays as it is: the learner's own errors, and Java's, Hadoop's
 * and Spark's exception texts, which the learner will meet in English on a real cluster.
 */
import type { UiLocale } from './labLocale';
import { jobReasonGerman } from './jobReasonGerman';

type Rule = [RegExp, (...groups: string[]) => string];

const SECONDS = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

/** A number of seconds from the engine's English ("2.5") as German writes it ("2,5"). */
const seconds = (n: string) => SECONDS.format(Number(n));

/** Where the time limit is raised, as the English messages say it. */
const RAISE = '(in der App unter Einstellungen, auf der Kommandozeile mit --timeout)';

/** Why a Spark call gives a promise where Spark gives a DataFrame (engine/spark/sql/sparkSession.ts). */
const PROMISE_WHY: Readonly<Record<string, string>> = {
  'DuckDB plans the query first': 'DuckDB plant die Abfrage zuerst',
  'Spark reads its first line in a job first': 'Spark liest ihre erste Zeile zuerst in einem Job',
  'Spark infers its schema in a job first': 'Spark ermittelt ihr Schema zuerst in einem Job',
  'load gives one for every format': 'load gibt für jedes Format eines',
};

const GERMAN: readonly Rule[] = [
  [
    /the values given to (\w+) were walked a second time: as in Hadoop, they can be walked only once \(they stream from the merged, sorted map outputs and are not kept; Hadoop's second loop would silently see no values\) — copy them first with const list = \[\.\.\.values\] to walk them twice/,
    (which) =>
      `die Werte, die ${which} bekam, wurden ein zweites Mal durchlaufen: Wie in Hadoop lassen sie sich nur einmal durchlaufen (sie kommen als Strom aus den zusammengeführten, sortierten Map-Ausgaben und werden nicht aufbewahrt; in Hadoop sähe die zweite Schleife stillschweigend keinen Wert) – kopiere sie zuerst mit const list = [...values], um sie zweimal zu durchlaufen`,
  ],
  [
    /: the values given to (\w+) are an Iterable, as in Hadoop \((\w+)\(key, Iterable<VALUEIN> values, context\)\), not an array — walk them once with for \(const v of values\) \{ \.\.\. \}, or copy them first with const list = \[\.\.\.values\]/,
    (which, signature) =>
      `: die Werte, die ${which} bekommt, sind ein Iterable wie in Hadoop (${signature}(key, Iterable<VALUEIN> values, context)), kein Array – durchlaufe sie einmal mit for (const v of values) { ... } oder kopiere sie zuerst mit const list = [...values]`,
  ],
  [
    /\((\S+) failed (\d+) attempts?, on ([^()]+)\)$/,
    (task, n, nodes) => `(${task} scheiterte in ${n} ${n === '1' ? 'Versuch' : 'Versuchen'}, auf ${nodes})`,
  ],
  // The run's time limit (engine/sandbox JobTimeoutError, RunawayLoopError; labs/pipelineTimeout.ts).
  [
    /^the job ran out of its time budget \(([\d.]+) s of wall time\) and was stopped; if it is only slow, raise the time limit \(Settings in the app, --timeout on the command line\)$/,
    (n) =>
      `Der Job hat sein Zeitbudget (${seconds(n)} s echte Zeit) aufgebraucht und wurde gestoppt; wenn er nur langsam ist, erhöhe das Zeitlimit ${RAISE}`,
  ],
  [
    /^the pipeline's run ran out of its time budget \(([\d.]+) s of wall time\) and was stopped; if it is only slow \(many events, a short refresh, trigger or retry\), raise the time limit \(Settings in the app, --timeout on the command line\)$/,
    (n) =>
      `Der Lauf der Pipeline hat sein Zeitbudget (${seconds(n)} s echte Zeit) aufgebraucht und wurde gestoppt; wenn er nur langsam ist (viele Ereignisse, ein kurzes Refresh-, Trigger- oder Retry-Intervall), erhöhe das Zeitlimit ${RAISE}`,
  ],
  [
    /^the sandbox was still starting when the time limit \(([\d.]+) s\) ran out, so none of your code ran; run again, and if it happens again, raise the time limit \(Settings in the app, --timeout on the command line\) or reload the page$/,
    (n) =>
      `Die Sandbox startete noch, als das Zeitlimit (${seconds(n)} s) ablief, daher lief nichts von deinem Code; starte den Lauf noch einmal, und wenn es wieder passiert, erhöhe das Zeitlimit ${RAISE} oder lade die Seite neu`,
  ],
  [
    /^Your loop at (.+) line (\d+) was still running when the time limit for your code \(([\d.]+) s\) stopped the job — does its condition ever become false\? If it is only slow, raise the time limit \(Settings in the app, --timeout on the command line\)\.$/s,
    (file, line, n) =>
      `Deine Schleife in ${file} Zeile ${line} lief noch, als das Zeitlimit für deinen Code (${seconds(n)} s) den Job stoppte – wird ihre Bedingung jemals falsch? Wenn sie nur langsam ist, erhöhe das Zeitlimit ${RAISE}.`,
  ],
  [
    /^Your loop at (.+) line (\d+) has been running for ([\d.]+) s \(the time limit for your code is ([\d.]+) s\) — does its condition ever become false\?$/s,
    (file, line, elapsed, n) =>
      `Deine Schleife in ${file} Zeile ${line} läuft schon seit ${seconds(elapsed)} s (das Zeitlimit für deinen Code ist ${seconds(n)} s) – wird ihre Bedingung jemals falsch?`,
  ],
  [
    /^Your code was still running at (.+) line (\d+) when the time limit \(([\d.]+) s\) ran out — a loop that never ends, or more work than fits in the time limit\? If it is only slow, raise the time limit \(Settings in the app, --timeout on the command line\)\.$/s,
    (file, line, n) =>
      `Dein Code lief noch in ${file} Zeile ${line}, als das Zeitlimit (${seconds(n)} s) ablief – eine Schleife, die nie endet, oder mehr Arbeit, als ins Zeitlimit passt? Wenn er nur langsam ist, erhöhe das Zeitlimit ${RAISE}.`,
  ],
  // Where the learner's code went wrong in a way ClusterLab itself tells (cli/heapGuard.ts,
  // engine/sandbox/contract/jobCodeError.ts, engine/exec/jobContext.ts).
  [
    /your code holds more than ([\d,]+) MB of data in memory, more than the sandbox allows — does it build ever bigger data \(an array, a string, a map that keeps growing\)\?/,
    (mb) =>
      `dein Code hält mehr als ${SECONDS.format(Number(mb.replace(/,/g, '')))} MB Daten im Speicher, mehr als die Sandbox erlaubt – baut er immer größere Daten auf (ein Array, einen String, eine Map, die immer weiter wächst)?`,
  ],
  [
    /your code threw the string (".*?"); throw an Error, e\.g\. `throw new Error\(\.\.\.\)`, to get its line/s,
    (text) =>
      `dein Code hat den String ${text} geworfen; wirf einen Error, z. B. \`throw new Error(...)\`, um seine Zeile zu erfahren`,
  ],
  [
    /your code threw (-?[\w.+-]+n?) \(throw an Error, e\.g\. `throw new Error\('\.\.\.'\)`, to get its line\)/,
    (value) =>
      `dein Code hat ${value} geworfen (wirf einen Error, z. B. \`throw new Error('...')\`, um seine Zeile zu erfahren)`,
  ],
  [
    /your code threw a Symbol \((.*)\); throw an Error, e\.g\. `throw new Error\('\.\.\.'\)`/s,
    (symbol) => `dein Code hat ein Symbol (${symbol}) geworfen; wirf einen Error, z. B. \`throw new Error('...')\``,
  ],
  [/your code threw something that is not an Error/, () => 'dein Code hat etwas geworfen, das kein Error ist'],
  [
    /your code threw (null|a function|an object that is not an Error); throw an Error, e\.g\. `throw new Error\('\.\.\.'\)`/,
    (what) =>
      `dein Code hat ${what === 'null' ? 'null' : what === 'a function' ? 'eine Funktion' : 'ein Objekt, das kein Error ist,'} geworfen; wirf einen Error, z. B. \`throw new Error('...')\``,
  ],
  // A Spark driver's JavaScript mistakes ClusterLab names (engine/spark/awaitedActions.ts,
  // sparkContext.ts, sql/sparkSession.ts): a missing await, the session taken for the context.
  [
    /(\S+)\(\) was called but never awaited: the driver never used its result, nor waited for its job or saw its errors\. Spark's actions return their result; here they return a Promise: write `await \1\(\.\.\.\)`/,
    (name) =>
      `${name}() wurde aufgerufen, aber nie mit await abgewartet: Der Driver hat ihr Ergebnis nie verwendet, nie auf ihren Job gewartet und ihre Fehler nie gesehen. Sparks Actions geben ihr Ergebnis zurück, hier geben sie ein Promise zurück: schreibe \`await ${name}(...)\``,
  ],
  [
    /the driver's first argument is the SparkContext \(sc\), which has no (\w+): that is the SparkSession's, its second argument\. Write `(export default async \(sc, spark\) => \{ \.\.\. spark\.\w+ \.\.\. \})`/,
    (member, code) =>
      `das erste Argument des Drivers ist der SparkContext (sc), der kein ${member} hat: das gehört zur SparkSession, seinem zweiten Argument. Schreibe \`${code}\``,
  ],
  [
    /(\S+)\(\.\.\.\) gives a promise here \(([^()]+)\): await it, then (call|read) (\w+): (const df = await \S+\(\.\.\.\); df\.\w+(?:\(\.\.\.\))?)/,
    (call, why, verb, member, code) =>
      `${call}(...) gibt hier ein Promise zurück (${PROMISE_WHY[why] ?? why}): warte es mit await ab und ${verb === 'read' ? `lies dann ${member}` : `rufe dann ${member} auf`}: ${code}`,
  ],
  [
    /^the job did not finish within (\d+) simulated hours \(no live node can run its tasks\?\)$/,
    (hours) =>
      `Der Job wurde in ${hours} simulierten Stunden nicht fertig (kann kein lebender Knoten seine Tasks ausführen?)`,
  ],
];

/**
 * A job's own failure, before the attempts' note: MapReduce's "task_..._m_000001 failed 4 attempts;
 * last: ..." (a task that failed every attempt with no exception of its own, e.g. its block gone),
 * Spark's "task s0.t78 failed 4 times; last: ..." and "the ApplicationMaster was lost 2 times (last on n2)".
 */
const JOB_FAILURE =
  /^(\S+ failed \d+ attempts?; last: .*?|task \S+ failed \d+ times; last: .*?|the ApplicationMaster was lost \d+ times? \(last on \S+\))( \(\S+ failed \d+ attempts?, on [^()]+\))?$/s;

/**
 * `message` (a run's error) in `language`: unchanged but in German. `reasonText` words a
 * MapReduce job's own failure in German (the app passes its i18n words; the same by default).
 */
export function runErrorText(
  message: string,
  language: UiLocale,
  reasonText: (reason: string) => string = jobReasonGerman,
): string {
  if (language !== 'de') return message;
  const job = JOB_FAILURE.exec(message);
  return runErrorInGerman(job ? reasonText(job[1]!) + (job[2] ?? '') : message);
}

/** `text` with every message of ClusterLab's own in it (see the top of this file) worded in German. */
export function runErrorInGerman(text: string): string {
  let out = text;
  for (const [pattern, german] of GERMAN) out = out.replace(pattern, (_all, ...groups: string[]) => german(...groups));
  return out;
}
