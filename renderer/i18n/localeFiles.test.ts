/**
 * Every namespace's German is complete: the same keys as English, no empty text, the same
 * {{variables}} in both, and every locale file on disk bundled (resources.ts).
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './language';
import { NAMESPACES, resources } from './resources';
import { i18n } from './i18n';

// Every locale file on disk (Vite's glob: the renderer's tests use no Node), by its path.
const ON_DISK = import.meta.glob<unknown>('./locales/*/*.json', { import: 'default', eager: true });

type Texts = { [key: string]: string | Texts };

/** Every key path of `texts` with its text ("header.labs" → "Labs"); a value that is not text is reported as such. */
function flatten(texts: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof texts !== 'object' || texts === null || Array.isArray(texts)) {
    out.set(prefix, texts);
    return out;
  }
  for (const [key, value] of Object.entries(texts as Texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** What is wrong with `de` against the English `en` of one namespace, one line per problem. */
export function localeProblems(namespace: string, en: unknown, de: unknown): string[] {
  const problems: string[] = [];
  const english = flatten(en);
  const german = flatten(de);
  for (const [key, text] of english) {
    const where = `${namespace}:${key}`;
    if (typeof text !== 'string' || text.trim() === '') problems.push(`en ${where} is not a non-empty text`);
    const other = german.get(key);
    if (other === undefined) problems.push(`de ${where} is missing`);
    else if (typeof other !== 'string' || other.trim() === '') problems.push(`de ${where} is not a non-empty text`);
    else if (typeof text === 'string' && variables(text).join() !== variables(other).join())
      problems.push(
        `de ${where} has the variables {{${variables(other).join(', ')}}}, en {{${variables(text).join(', ')}}}`,
      );
  }
  for (const key of german.keys()) if (!english.has(key)) problems.push(`de ${namespace}:${key} is not in English`);
  return problems;
}

describe('locale files', () => {
  it('bundles exactly the files on disk, one per namespace and language', () => {
    const bundled = LANGUAGES.flatMap((language) => NAMESPACES.map((ns) => `./locales/${language}/${ns}.json`));
    expect(Object.keys(ON_DISK).sort()).toEqual(bundled.sort());
    for (const language of LANGUAGES)
      for (const ns of NAMESPACES)
        expect(resources[language][ns], `${language}/${ns}.json`).toEqual(ON_DISK[`./locales/${language}/${ns}.json`]);
  });

  it('German has every English key, none empty, with the same variables', () => {
    const problems = NAMESPACES.flatMap((ns) => localeProblems(ns, resources.en[ns], resources.de[ns]));
    expect(problems).toEqual([]);
  });

  it('the check bites: a missing key, an empty text, other variables and an extra key are reported', () => {
    const en = { a: 'One', b: { c: 'Step {{step}} of {{count}}' }, d: 'Dismiss', e: 'Save' };
    const de = { b: { c: 'Schritt {{schritt}} von {{count}}' }, d: ' ', e: 'Speichern', f: 'Extra' };
    expect(localeProblems('x', en, de)).toEqual([
      'de x:a is missing',
      'de x:b.c has the variables {{count, schritt}}, en {{count, step}}',
      'de x:d is not a non-empty text',
      'de x:f is not in English',
    ]);
  });

  it('the app shows German when German is chosen, English otherwise', async () => {
    expect(i18n.t('header.settings', { ns: 'app' })).toBe('⚙ Settings');
    await i18n.changeLanguage('de');
    expect(i18n.t('header.settings', { ns: 'app' })).toBe('⚙ Einstellungen');
    expect(i18n.t('home.where', { ns: 'app', title: 'T', step: 2, chapters: '19.2' })).toBe(
      'T – Schritt 2 · Cookbook 19.2',
    );
    await i18n.changeLanguage('en');
  });
});
