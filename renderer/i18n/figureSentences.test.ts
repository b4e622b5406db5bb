import { describe, expect, it } from 'vitest';
import { FIGURES, litSentences } from '../viz/figures/figureCatalog';
import { resources } from './resources';
import { i18n } from './i18n';

describe("the figures' lit sentences per language", () => {
  it('English in the locale file is exactly the catalogue, part for part (a part added there needs its texts)', () => {
    const lit = resources.en.figures.lit as Record<string, Record<string, string>>;
    for (const [id, info] of Object.entries(FIGURES)) expect(lit[id.replace('.', '_')], id).toEqual(info.parts);
  });

  it('reads German when German is chosen', async () => {
    const on = new Set(['down', 'map:3']);
    expect(litSentences('20.1', on)).toEqual(['mappers turn records into key/value pairs']);
    await i18n.changeLanguage('de');
    expect(litSentences('19.1', on)).toEqual(['ein DataNode ist ausgefallen']);
    await i18n.changeLanguage('en');
  });
});
