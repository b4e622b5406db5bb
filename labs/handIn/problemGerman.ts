/**
 * The problems of a hand-in in German. The English messages of parseHandIn, parseLastRun,
 * studentName and the app's size check stay the one source (the CLI and the tests read them); each
 * form is read back here with its values and said again in German, numbers the German way. A
 * message of a form not listed comes back as null and is shown in English (problemGerman.test.ts
 * makes every form the modules write German).
 */
import { zahl } from '../germanFormat';
import { describeProblem, type HandInProblem } from './handInFile';

type Form = [RegExp, (m: RegExpMatchArray) => string];
const n = (text: string) => zahl(Number(text.replace(/,/g, '')));

/** What follows a message: what happens to the part named. */
const OUTCOMES: [string, string][] = [
  [': the step is left out', ': Der Schritt wird weggelassen'],
  [': the lab is left out', ': Das Lab wird weggelassen'],
  [': the settings are ignored', ': Die Einstellungen werden ignoriert'],
  [': ignored', ': wird ignoriert'],
];

const FORMS: Form[] = [
  [
    /^the file is larger than the limit of (\d+) bytes \(8 MB\) for a hand-in$/,
    (m) => `die Datei ist größer als die Grenze von ${n(m[1]!)} Bytes (8 MB) für eine Abgabe`,
  ],
  [
    /^not a hand-in: the file is binary \(it holds NUL bytes\), not JSON text$/,
    () => 'keine Abgabe: Die Datei ist binär (sie enthält NUL-Bytes), kein JSON-Text',
  ],
  [
    /^not a hand-in: the JSON nests more than (\d+) levels deep$/,
    (m) => `keine Abgabe: Das JSON ist tiefer als ${n(m[1]!)} Ebenen verschachtelt`,
  ],
  [
    /^not valid JSON \(([^]*)\): the file ends too early, perhaps it was cut off while copying$/,
    (m) => `kein gültiges JSON (${m[1]}): Die Datei endet zu früh, vielleicht wurde sie beim Kopieren abgeschnitten`,
  ],
  [/^not valid JSON \(([^]*)\)$/, (m) => `kein gültiges JSON (${m[1]})`],
  [
    /^not a hand-in: the file must hold one JSON object$/,
    () => 'keine Abgabe: Die Datei muss ein JSON-Objekt enthalten',
  ],
  [
    /^this is a teacher's lab pack, not a student's progress: open it as a pack$/,
    () => 'das ist ein Lab-Paket einer Lehrkraft, kein Fortschritt: Öffne es als Lab-Paket',
  ],
  [
    /^not a ClusterLab hand-in: the file says it is '([^]*)' \(a hand-in says "([^"]+)"\)$/,
    (m) => `keine ClusterLab-Abgabe: Laut der Datei ist sie '${m[1]}' (eine Abgabe sagt "${m[2]}")`,
  ],
  [
    /^this is the app's own saved progress, not a hand-in: make one with the app's Export or `clusterlab export`$/,
    () =>
      'das ist der von der App gespeicherte Fortschritt, keine Abgabe: Erstelle eine mit „Exportieren“ in der App oder mit `clusterlab export`',
  ],
  [
    /^not a ClusterLab hand-in: the file has no "format": "([^"]+)" \(it was made by another program\)$/,
    (m) => `keine ClusterLab-Abgabe: Der Datei fehlt "format": "${m[1]}" (sie stammt von einem anderen Programm)`,
  ],
  [
    /^must be a whole number from 1 \(the format version\)$/,
    () => 'muss eine ganze Zahl ab 1 sein (die Formatversion)',
  ],
  [
    /^made by a newer ClusterLab \(format version (\d+)\): update ClusterLab to open it$/,
    (m) => `von einem neueren ClusterLab erstellt (Formatversion ${m[1]}): Aktualisiere ClusterLab, um sie zu öffnen`,
  ],
  [/^is not a field of a hand-in \(version 1\)$/, () => 'ist kein Feld einer Abgabe (Version 1)'],
  [/^must be an object \{ "name": … \}$/, () => 'muss ein Objekt { "name": … } sein'],
  [/^must be a string \(the student’s name\)$/, () => 'muss eine Zeichenkette sein (der Name der Person)'],
  [
    /^contains the control character (U\+[0-9A-F]{4}) at character (\d+)$/,
    (m) => `enthält das Steuerzeichen ${m[1]} an Stelle ${m[2]}`,
  ],
  [
    /^contains the text-direction control (U\+[0-9A-F]{4}) at character (\d+), which would make the name read as another$/,
    (m) => `enthält die Schreibrichtungsmarke ${m[1]} an Stelle ${m[2]}, durch die sich der Name wie ein anderer liest`,
  ],
  [
    /^contains the invisible character (U\+[0-9A-F]{4}) at character (\d+), which would make the name look like another$/,
    (m) => `enthält das unsichtbare Zeichen ${m[1]} an Stelle ${m[2]}, durch das der Name wie ein anderer aussieht`,
  ],
  [/^is empty$/, () => 'ist leer'],
  [/^must contain a letter or a digit$/, () => 'muss einen Buchstaben oder eine Ziffer enthalten'],
  [
    /^must be \{ "version": "…" \}, the ClusterLab that wrote the file$/,
    () => 'muss { "version": "…" } sein, das ClusterLab, das die Datei geschrieben hat',
  ],
  [/^must be a UTC date and time such as "([^"]+)"$/, (m) => `muss ein Datum mit Uhrzeit in UTC sein, etwa "${m[1]}"`],
  [/^must be an object of labs by id$/, () => 'muss ein Objekt der Labs nach ID sein'],
  [/^must be an object of steps by id$/, () => 'muss ein Objekt der Schritte nach ID sein'],
  [
    /^has (\d+) (labs|steps|checks|characters), more than the limit of (\d+)$/,
    (m) => `hat ${n(m[1]!)} ${NOUNS[m[2]!]}, mehr als die Grenze von ${n(m[3]!)}`,
  ],
  [/^must be an object$/, () => 'muss ein Objekt sein'],
  [/^must be "light" or "dark"$/, () => 'muss "light" oder "dark" sein'],
  [/^must be whole seconds from (\d+) to (\d+)$/, (m) => `muss ganze Sekunden von ${m[1]} bis ${m[2]} sein`],
  [/^must be a language tag such as "en" or "de"$/, () => 'muss ein Sprachkürzel wie "en" oder "de" sein'],
  [
    /^is not a (lab|step) id: longer than (\d+) characters$/,
    (m) => `ist keine ${m[1] === 'lab' ? 'Lab' : 'Schritt'}-ID: länger als ${m[2]} Zeichen`,
  ],
  [
    /^is not a (lab|step) id: ids are lower-case letters, digits and dashes$/,
    (m) =>
      `ist keine ${m[1] === 'lab' ? 'Lab' : 'Schritt'}-ID: IDs bestehen aus Kleinbuchstaben, Ziffern und Bindestrichen`,
  ],
  [/^must be an object \{ "step", "steps" \}$/, () => 'muss ein Objekt { "step", "steps" } sein'],
  [/^must be a whole number from (\d+) to (\d+)$/, (m) => `muss eine ganze Zahl von ${m[1]} bis ${m[2]} sein`],
  [
    /^this ClusterLab has no lab '([^']*)' \(a teacher's pack\?\): it is kept, but cannot be run here$/,
    (m) =>
      `dieses ClusterLab hat kein Lab '${m[1]}' (aus einem Lab-Paket?): Es wird behalten, kann hier aber nicht ausgeführt werden`,
  ],
  [
    /^lab '([^']*)' has no step '([^']*)' in this ClusterLab: it is kept, but cannot be run here$/,
    (m) =>
      `das Lab '${m[1]}' hat in diesem ClusterLab keinen Schritt '${m[2]}': Er wird behalten, kann hier aber nicht ausgeführt werden`,
  ],
  [/^must be an object \{ "code", "passed", … \}$/, () => 'muss ein Objekt { "code", "passed", … } sein'],
  [/^must be a string$/, () => 'muss eine Zeichenkette sein'],
  [/^must be true or false$/, () => 'muss true oder false sein'],
  [/^must be a whole number from 0$/, () => 'muss eine ganze Zahl ab 0 sein'],
  [/^must be an object \{ "at", "checks", … \}$/, () => 'muss ein Objekt { "at", "checks", … } sein'],
  [/^must be a time in ms since 1970$/, () => 'muss eine Zeit in ms seit 1970 sein'],
  [/^must be a list of checks$/, () => 'muss eine Liste von Prüfungen sein'],
  [/^must be an object \{ "id", "state", "message" \}$/, () => 'muss ein Objekt { "id", "state", "message" } sein'],
  [/^must be a check id of 1 to (\d+) characters$/, (m) => `muss eine Prüfungs-ID aus 1 bis ${m[1]} Zeichen sein`],
  [/^must be "pass", "fail" or "not-judged"$/, () => 'muss "pass", "fail" oder "not-judged" sein'],
  [
    /^must be \{ "message": "…", "line": n or null, "column": n or null \}$/,
    () => 'muss { "message": "…", "line": n oder null, "column": n oder null } sein',
  ],
  [
    /^is ([\d,]+) bytes, more than the limit of ([\d,]+) bytes for a progress file$/,
    (m) => `ist ${n(m[1]!)} Bytes groß, mehr als die Grenze von ${n(m[2]!)} Bytes für eine Fortschrittsdatei`,
  ],
];

const NOUNS: Record<string, string> = { labs: 'Labs', steps: 'Schritte', checks: 'Prüfungen', characters: 'Zeichen' };

/** `message` in German, or null when it is of a form this module does not know. */
export function germanProblem(message: string): string | null {
  let core = message;
  let outcome = '';
  for (const [en, de] of OUTCOMES)
    if (core.endsWith(en)) {
      core = core.slice(0, -en.length);
      outcome = de;
      break;
    }
  for (const [form, words] of FORMS) {
    const m = core.match(form);
    if (m) return words(m) + outcome;
  }
  return null;
}

/** describeProblem in `language`: the place (file:line:column, field) as it is, the message in German where it has a German form. */
export function describeProblemIn(problem: HandInProblem, language: 'en' | 'de'): string {
  if (language === 'en') return describeProblem(problem);
  return describeProblem({ ...problem, message: germanProblem(problem.message) ?? problem.message });
}
