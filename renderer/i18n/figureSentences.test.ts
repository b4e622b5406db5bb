import { describe, expect, it } from 'vitest';
import { FIGURES, figureCaption, litSentences } from '../viz/figures/figureCatalog';
import { resources } from './resources';
import { i18n } from './i18n';

describe("the figures' lit sentences per language", () => {
  it("has a sentence for exactly the catalogue's parts, in order, and a caption for every figure", () => {
    const lit = resources.en.figures.lit as Record<string, Record<string, string>>;
    const captions = resources.en.figures.figureCaption as Record<string, string>;
    for (const [id, info] of Object.entries(FIGURES)) {
      expect(Object.keys(lit[id.replace('.', '_')] ?? {}), id).toEqual(info.parts);
      expect(captions[id.replace('.', '_')], id).toMatch(/\p{L}/u);
    }
    expect(Object.keys(lit).sort()).toEqual(
      Object.keys(FIGURES)
        .map((id) => id.replace('.', '_'))
        .sort(),
    );
    expect(Object.keys(captions).sort()).toEqual(Object.keys(lit).sort());
  });

  it("keeps the cookbook's English caption and reads the German one when German is chosen", async () => {
    expect(figureCaption('24.1')).toBe('Platfrom Blueprint');
    await i18n.changeLanguage('de');
    expect(figureCaption('19.2')).toBe('Verteilung der Blöcke einer 512-MB-Datei');
    await i18n.changeLanguage('en');
  });

  it('reads German when German is chosen', async () => {
    const on = new Set(['down', 'map:3']);
    expect(litSentences('20.1', on)).toEqual(['mappers turn records into key/value pairs']);
    await i18n.changeLanguage('de');
    expect(litSentences('19.1', on)).toEqual(['ein DataNode ist ausgefallen']);
    await i18n.changeLanguage('en');
  });
});
