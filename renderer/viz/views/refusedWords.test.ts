import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { refusedWords } from './refusedWords';

/** The four reasons the engine gives (engine/pipeline/modelTrainerPart.ts), as it writes them. */
const REASONS = [
  'no readings to train on in its window (a model needs 10 readings from closed files)',
  '1 of its held-out readings belong to keys it has no model for (fewer than 10 readings to train on)',
  '1234 of its held-out readings belong to keys it has no model for (fewer than 10 readings to train on)',
  'no held-out readings to test it on',
  'its error on the held-out readings, 2.345 kW, is above maxHoldoutMae (2 kW)',
  'its error on the held-out readings, 1200.5 kW, is above maxHoldoutMae (0.5 kW)',
];

describe("why a model was refused, in the page's language", () => {
  afterEach(() => changeLanguage('en'));

  it("is the engine's sentence in English, character for character", () => {
    for (const reason of REASONS) expect(refusedWords(reason)).toBe(reason);
  });

  it('is German in German, with the figures the German way; an unknown reason stays as written', () => {
    changeLanguage('de');
    expect(REASONS.map(refusedWords)).toEqual([
      'keine Messwerte zum Trainieren in seinem Fenster (ein Modell braucht 10 Messwerte aus geschlossenen Dateien)',
      '1 seiner zurückgehaltenen Messwerte gehört zu einem Schlüssel, für den es kein Modell hat (weniger als 10 Messwerte zum Trainieren)',
      '1234 seiner zurückgehaltenen Messwerte gehören zu Schlüsseln, für die es kein Modell hat (weniger als 10 Messwerte zum Trainieren)',
      'keine zurückgehaltenen Messwerte, um es zu testen',
      'sein Fehler auf den zurückgehaltenen Messwerten, 2,345 kW, liegt über maxHoldoutMae (2 kW)',
      'sein Fehler auf den zurückgehaltenen Messwerten, 1200,5 kW, liegt über maxHoldoutMae (0,5 kW)',
    ]);
    expect(refusedWords('a reason of another kind')).toBe('a reason of another kind');
  });
});
