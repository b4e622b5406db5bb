/**
 * Numbers and counted nouns as German check reasons print them ("20.000 Blöcke", "3,12 s",
 * "1,5 GB"): `komma` turns a quantity checkKit formatted the English way ("3.12 s", "2.40x") into
 * German, `zahl` and `anzahl` count, `dezimal` prints a raw value. German plurals are irregular,
 * so counted nouns take both forms.
 */

const DE = new Intl.NumberFormat('de-DE');

/** A count with German separators: "9.000", "0,5". */
export function zahl(n: number): string {
  return DE.format(n);
}

/** The count and its agreeing noun: anzahl(1, 'Block', 'Blöcke') is "1 Block", anzahl(4, ...) "4 Blöcke". */
export function anzahl(n: number, singular: string, pluralForm: string): string {
  return `${zahl(n)} ${Math.abs(n) === 1 ? singular : pluralForm}`;
}

/** A raw value with every digit kept, as an English reason prints `${n}`: 20.512345 → "20,512345". */
export function dezimal(n: number): string {
  return String(n).replace('.', ',');
}

/** A formatted English quantity ("3.12 s", "1.5 GB", "2.40x") with the German decimal comma. */
export function komma(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}
