import { describe, expect, it } from 'vitest';
import { mergeProgress, stampChanges } from '../state/mergeProgress';
import { EMPTY_PROGRESS, parseProgress } from '../state/progress';
import { parseLanguage, systemLanguage } from './language';

describe('the language', () => {
  it('on a first start follows the system when it prefers German, else English', () => {
    expect(systemLanguage(['de-DE', 'en-US'])).toBe('de');
    expect(systemLanguage(['de-AT'])).toBe('de');
    expect(systemLanguage(['DE'])).toBe('de');
    expect(systemLanguage(['en-US', 'de-DE'])).toBe('en');
    expect(systemLanguage(['fr-FR', 'de-DE'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
    expect(systemLanguage(undefined)).toBe('en');
  });

  it('is read defensively from saved progress', () => {
    expect(parseLanguage('de')).toBe('de');
    expect(parseLanguage('DE')).toBeNull();
    expect(parseLanguage({})).toBeNull();
    expect(parseProgress({ labs: {}, language: 'de' }).language).toBe('de');
    expect(parseProgress({ labs: {}, language: 'fr' })).toEqual(EMPTY_PROGRESS);
    expect(parseProgress({ labs: {}, language: ['de'] })).toEqual(EMPTY_PROGRESS);
  });

  it('is a setting: stamped when it changes and merged between tabs, the newest choice winning', () => {
    const chosen = stampChanges(EMPTY_PROGRESS, { ...EMPTY_PROGRESS, language: 'de' }, 1000);
    expect(chosen.settingsUpdatedAt).toBe(1000);
    const other = { ...EMPTY_PROGRESS, language: 'en' as const, settingsUpdatedAt: 500 };
    expect(mergeProgress(other, chosen).language).toBe('de');
    expect(mergeProgress(chosen, other).language).toBe('de');
  });
});
