import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_TRANSLATIONS } from './catalogueTranslations';
import { LAB_CATALOGUE } from './catalogue';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import sparkInMemoryLab from './spark-in-memory/lab';
import { isFullyTranslated, localizeCheckResults, localizeLab } from './labLocale';
import { findLab, LABS } from './labRegistry';
import { localizedCatalogue } from './localizedCatalogue';
import { markdownFactsDiffer } from './markdownFacts';
import { codeDiffers } from './sameCode';

const GERMAN_LABS = [hdfsBlocksLab, iotAveragesLab, sparkInMemoryLab];

describe('lab translations: the German', () => {
  it('is complete for hdfs-blocks, mapreduce-iot-averages and spark-in-memory, with a .de.md beside every English text', () => {
    for (const lab of GERMAN_LABS) {
      expect(isFullyTranslated(lab, 'de'), lab.id).toBe(true);
      const folder = new URL(`./${lab.id}/`, import.meta.url);
      expect(existsSync(new URL('intro.de.md', folder)), `${lab.id}/intro.de.md`).toBe(true);
      lab.steps.forEach((step, i) => {
        const file = new URL(`steps/${i + 1}-${step.id}/instructions.de.md`, folder);
        // A step with a per-student variant: the file has its placeholders (the variant's text).
        const de = localizeLab(lab, 'de').steps[i]!;
        const text =
          (de.kind === 'mapreduce' || de.kind === 'spark') && de.variant ? de.variant.instructions : de.instructions;
        expect(readFileSync(file, 'utf8'), `${lab.id} ${step.id}`).toBe(text);
      });
    }
  });

  it('says the same things as the English: every Markdown text and hint keeps its code, chapters, figures and links', () => {
    for (const lab of GERMAN_LABS) {
      const de = localizeLab(lab, 'de');
      expect(markdownFactsDiffer(lab.intro, de.intro, 'de'), `${lab.id} intro`).toBeNull();
      lab.steps.forEach((step, i) => {
        expect(
          markdownFactsDiffer(step.instructions, de.steps[i]!.instructions, 'de'),
          `${lab.id} ${step.id}`,
        ).toBeNull();
        step.hints.forEach((h, k) => expect(markdownFactsDiffer(h, de.steps[i]!.hints[k]!, 'de')).toBeNull());
        expect(de.steps[i]!.instructions).not.toBe(step.instructions);
      });
    }
  });

  it('gives every registered lab and every catalogue entry a German title and summary', () => {
    for (const lab of LABS) {
      const t = lab.translations?.de;
      expect(t, lab.id).toBeDefined();
      expect(t!.title, lab.id).not.toBe(lab.title);
    }
    const german = localizedCatalogue('de');
    expect(german.map((e) => e.id)).toEqual(LAB_CATALOGUE.map((e) => e.id));
    for (const e of german) expect(e.titleLocale, e.id).toBe('de');
    // The table lists only labs without a translation of their own, and only labs the course has.
    for (const id of Object.keys(CATALOGUE_TRANSLATIONS.de)) {
      expect(
        LAB_CATALOGUE.some((e) => e.id === id),
        id,
      ).toBe(true);
      expect(
        GERMAN_LABS.some((l) => l.id === id),
        id,
      ).toBe(false);
    }
  });
});

describe('localizeLab', () => {
  it('gives the German texts with the same run settings and checks, memoised', () => {
    const de = localizeLab(sparkInMemoryLab, 'de');
    expect(de).toBe(localizeLab(sparkInMemoryLab, 'de'));
    expect([de.locale, de.textLocale, de.titleLocale]).toEqual(['de', 'de', 'de']);
    expect(de.title).toBe('Sparks In-Memory-DAG');
    expect(de.datasets[1]!.description).toMatch(/^ein Link-Graph aus 300 Seiten/);
    expect(de.datasets[1]!.text()).toBe(sparkInMemoryLab.datasets[1]!.text());
    const step = de.steps[3]!;
    const english = sparkInMemoryLab.steps[3]!;
    expect(step.title).toBe('cache() und Lineage');
    expect(step.checks.map((c) => c.id)).toEqual(english.checks.map((c) => c.id));
    expect(step.checks.map((c) => c.evaluate)).toEqual(english.checks.map((c) => c.evaluate));
    expect(step.run).toBe(english.run);
    // The job files keep their code and say their comments in German.
    expect(step.starter).toMatch(/\/\/ TODO: halte diese Partitionen im Speicher/);
    expect([codeDiffers(english.starter, step.starter), codeDiffers(english.solution, step.solution)]).toEqual([
      null,
      null,
    ]);
    expect(step.kind === 'spark' && step.extraRuns!.map((x) => [x.label, x.code === 'learner'])).toEqual([
      ['dasselbe Programm ohne cache()', false],
      ['dein Programm, mit Node n2 mitten im Lauf abgeschaltet', true],
    ]);
    // The lab itself is untouched.
    expect(sparkInMemoryLab.steps[3]!.title).toBe('cache() and lineage');
  });

  it('keeps English, and says so, where a lab has no translation or only its catalogue entry', () => {
    const en = localizeLab(hdfsBlocksLab, 'en');
    expect([en.title, en.textLocale, en.titleLocale]).toEqual([hdfsBlocksLab.title, 'en', 'en']);
    const basics = findLab('mapreduce-basics')!;
    const de = localizeLab(basics, 'de');
    expect([de.title, de.textLocale, de.titleLocale]).toEqual(['MapReduce-Grundlagen', 'en', 'de']);
    expect(de.intro).toBe(basics.intro);
    expect(de.steps).toBe(basics.steps);
    expect(isFullyTranslated(basics, 'de')).toBe(false);
    const entry = localizedCatalogue('de').find((e) => e.id === 'mapreduce-basics')!;
    expect([entry.title, entry.textLocale]).toEqual(['MapReduce-Grundlagen', 'en']);
  });

  it("gives check results the localized step's titles and the reasons in that locale where the check wrote them", () => {
    const step = localizeLab(hdfsBlocksLab, 'de').steps[0]!;
    const results = [
      { id: 'rack-aware', title: 'replicas are placed rack-aware', pass: true, reason: 'fine', reasons: { de: 'gut' } },
      { id: 'three-replicas', title: 'every block has 3 replicas', pass: false, reason: 'too few' },
    ];
    expect(localizeCheckResults(step, results, 'de').map((r) => [r.title, r.reason])).toEqual([
      ['die Replikate sind rack-aware verteilt', 'gut'],
      ['jeder Block hat 3 Replikate', 'too few'],
    ]);
    expect(localizeCheckResults(step, results, 'en').map((r) => r.reason)).toEqual(['fine', 'too few']);
  });
});
