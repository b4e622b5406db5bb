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

/**
 * A raw value with every digit kept, as an English reason prints `${n}`: 20.512345 → "20,512345";
 * written out where JavaScript would use an exponent: 1e-7 → "0,0000001", 2.5e21 → "2500000000000000000000".
 */
export function dezimal(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text.replace('.', ',');
  const digits = m[2]! + (m[3] ?? '');
  const point = m[2]!.length + Number(m[4]);
  const whole = point <= 0 ? `0,${'0'.repeat(-point)}${digits}` : digits.padEnd(point, '0');
  const split = point > 0 && point < digits.length ? `${digits.slice(0, point)},${digits.slice(point)}` : whole;
  return m[1]! + split;
}

/** A formatted English quantity ("3.12 s", "1.5 GB", "2.40x") with the German decimal comma. */
export function komma(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}
