/**
 * Why model serving's trainer refused a model, in the page's language. The engine records the
 * reason as an English sentence (engine/pipeline/modelTrainerPart.ts); its four forms are read
 * back here with their figures and told again through the `views` texts (English word for word
 * as the engine wrote it). A reason of another form is shown as the engine wrote it.
 */
import { numberFormat } from '../../i18n/numberFormat';
import { viewsText as say } from './viewsText';

const FORMS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^no readings to train on in its window \(a model needs (\d+) readings from closed files\)$/,
    (m) => say('refused.noReadings', { min: count(m[1]!) }),
  ],
  [
    /^(\d+) of its held-out readings belong to keys it has no model for \(fewer than (\d+) readings to train on\)$/,
    (m) => say('refused.unknownKeys', { count: Number(m[1]), n: count(m[1]!), min: count(m[2]!) }),
  ],
  [/^no held-out readings to test it on$/, () => say('refused.noHeldOut')],
  [
    /^its error on the held-out readings, (\d+(?:\.\d+)?) kW, is above maxHoldoutMae \((\d+(?:\.\d+)?) kW\)$/,
    (m) => say('refused.tooHigh', { error: kwNumber(m[1]!), max: kwNumber(m[2]!) }),
  ],
];

/**
 * A figure as the engine wrote it ("2.345", "1200"), with the page's decimal separator and as many
 * decimals, ungrouped as the engine writes it (so the English is the engine's, character for character).
 */
function kwNumber(text: string): string {
  const decimals = text.split('.')[1]?.length ?? 0;
  return numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false }).format(
    Number(text),
  );
}

const count = kwNumber;

export function refusedWords(reason: string): string {
  for (const [form, words] of FORMS) {
    const m = reason.match(form);
    if (m) return words(m);
  }
  return reason;
}
