import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_TRANSLATIONS } from './catalogueTranslations';
import { LAB_CATALOGUE } from './catalogue';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import sparkInMemoryLab from './spark-in-memory/lab';
import { isFullyTranslated, localizeCheckResults, localizeLab } from './labLocale';
import { findLab, LABS } from './labRegistry';
import type { Lab } from './labTypes';
import { localizedCatalogue } from './localizedCatalogue';
import { markdownFactsDiffer } from './markdownFacts';
import { LabValidationError, validateLab } from './validateLab';
import { MAX_TRANSLATED_TEXT } from './validateTranslations';

const GERMAN_LABS = [hdfsBlocksLab, iotAveragesLab, sparkInMemoryLab];

/** A copy of a lab a test may break: objects and arrays copied, functions kept. */
function copy<T>(value: T): T {
  const clone = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clone);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
    return v;
  };
  return clone(value) as T;
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The message validateLab gives `lab` after `edit` broke its German. */
function refusal(lab: Lab, edit: (de: Loose, all: Loose) => void): string {
  const broken = copy(lab) as unknown as Loose;
  edit(broken.translations.de as Loose, broken.translations as Loose);
  try {
    validateLab(broken);
  } catch (error) {
    expect(error).toBeInstanceOf(LabValidationError);
    return (error as Error).message;
  }
  throw new Error('validateLab accepted a broken translation');
}

describe('lab translations: validation', () => {
  it('accepts the shipped German as it is', () => {
    for (const lab of GERMAN_LABS) expect(() => validateLab(copy(lab))).not.toThrow();
  });

  it('refuses a missing step, an unknown step and an empty text, naming lab, locale and field', () => {
    expect(refusal(hdfsBlocksLab, (de) => delete de.steps.append)).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append']: is missing: every step of the English needs one",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps['put-1gb'] = de.steps.append))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['put-1gb']: the lab has no step 'put-1gb' (its steps: put-512mb, block-size-replication, kill-datanode, append)",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps['kill-datanode'].title = '  '))).toBe(
      `lab 'hdfs-blocks': translations.de.steps['kill-datanode'].title: must be a non-empty string, got "  "`,
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.summary = undefined))).toBe(
      "lab 'hdfs-blocks': translations.de.summary: must be a non-empty string, got undefined",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.intro = 'x'.repeat(MAX_TRANSLATED_TEXT + 1)))).toMatch(
      /translations\.de\.intro: is 100001 characters long, more than 100000$/,
    );
  });

  it("reads a step's translation only from the translation's own entries (a step may be called 'constructor')", () => {
    const lab = copy(hdfsBlocksLab) as unknown as Loose;
    lab.steps[3].id = 'constructor';
    expect(() => validateLab(lab)).toThrow(
      "lab 'hdfs-blocks': translations.de.steps['constructor']: is missing: every step of the English needs one",
    );
    const de = localizeLab(lab as Lab, 'de');
    expect(de.steps[3]!.title).toBe('Append to a file');
  });

  it('refuses hints whose count differs from the English', () => {
    expect(refusal(hdfsBlocksLab, (de) => de.steps['put-512mb'].hints.pop())).toBe(
      "lab 'hdfs-blocks': translations.de.steps['put-512mb'].hints: must have 2 entries like the English, got 1",
    );
    expect(refusal(hdfsBlocksLab, (de) => de.steps['put-512mb'].hints.push('Noch ein Tipp.'))).toMatch(
      /hints: must have 2 entries like the English, got 3$/,
    );
  });

  it('refuses a check, dataset or extra run that is missing or does not exist', () => {
    expect(refusal(iotAveragesLab, (de) => delete de.steps['daily-average'].checks['three-reducers'])).toBe(
      "lab 'mapreduce-iot-averages': translations.de.steps['daily-average'].checks['three-reducers']: is missing: every check of the English needs one",
    );
    expect(refusal(iotAveragesLab, (de) => (de.steps['minute-average'].checks['four-reducers'] = '4 Reducer'))).toBe(
      "lab 'mapreduce-iot-averages': translations.de.steps['minute-average'].checks['four-reducers']: the lab has no check 'four-reducers' (its checks: exact-minute-averages, mappers-per-split, three-reducers)",
    );
    expect(refusal(iotAveragesLab, (de) => delete de.datasets['sensors-10x'])).toBe(
      "lab 'mapreduce-iot-averages': translations.de.datasets['sensors-10x']: is missing: every dataset of the English needs one",
    );
    expect(refusal(sparkInMemoryLab, (de) => delete de.steps['cache-lineage'].extraRuns['node-lost'])).toBe(
      "lab 'spark-in-memory': translations.de.steps['cache-lineage'].extraRuns['node-lost']: is missing: every extra run of the English needs one",
    );
    expect(refusal(sparkInMemoryLab, (de) => (de.steps['pagerank-mapreduce'].extraRuns = { x: 'y' }))).toBe(
      "lab 'spark-in-memory': translations.de.steps['pagerank-mapreduce'].extraRuns['x']: the lab has no extra run 'x' (its extra runs: none)",
    );
  });

  it('refuses an unknown locale, an unknown field and a catalogue entry that carries more', () => {
    expect(refusal(hdfsBlocksLab, (de, all) => (all.fr = de))).toBe(
      "lab 'hdfs-blocks': translations.fr: is not a locale labs are translated into (locales: de; English is the lab's own text)",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps.append.hint = 'x'))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append'].hint: is not a field of a translation (fields: title, instructions, hints, checks, extraRuns)",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.partial = 'steps'))).toBe(
      "lab 'hdfs-blocks': translations.de.partial: must be 'catalogue' (only the title and summary) or left out, got \"steps\"",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.partial = 'catalogue'))).toMatch(
      /translations\.de\.intro: is not a field of a translation \(fields: partial, title, summary\)$/,
    );
  });

  it("refuses German Markdown that drops or changes the English's code, figures, chapters or links", () => {
    const edited = (find: string | RegExp, replace: string) => (de: Loose) => {
      const text = de.steps['daily-average'].instructions as string;
      expect(text).toMatch(find);
      de.steps['daily-average'].instructions = text.replace(find, replace);
    };
    expect(refusal(iotAveragesLab, edited('`maximum-container-assignments`', 'maximum-container-assignments'))).toBe(
      "lab 'mapreduce-iot-averages': translations.de.steps['daily-average'].instructions: lacks the English's inline code \"maximum-container-assignments\"",
    );
    expect(refusal(iotAveragesLab, edited('Abbildung 20.2', 'Abbildung 20.3'))).toMatch(
      /instructions: lacks the English's figure "20\.2"; has figure "20\.3" the English has not$/,
    );
    expect(refusal(iotAveragesLab, edited('Cookbook 20.1.2', 'Kochbuch 20.1.2'))).toMatch(
      /instructions: lacks the English's cookbook chapter "20\.1\.2"; has number "20" the English has not$/,
    );
    expect(
      refusal(hdfsBlocksLab, (de) => {
        const step = de.steps['kill-datanode'];
        step.instructions = (step.instructions as string).replace('mindestens 13 Minuten', 'mindestens 15 Minuten');
      }),
    ).toMatch(/kill-datanode'\]\.instructions: lacks the English's number "13"; has number "15" the English has not$/);
    expect(refusal(iotAveragesLab, edited(/$/, '\n\n[Sandbox](#/sandbox)\n'))).toMatch(
      /instructions: has link "#\/sandbox" the English has not$/,
    );
    expect(refusal(iotAveragesLab, (de) => (de.steps['scale-out'].hints[1] = 'Gib Paare aus map aus.'))).toMatch(
      /steps\['scale-out'\]\.hints\[1\]: lacks the English's inline code "\[Number\(value\), 1\]"$/,
    );
  });
});

describe('markdownFacts', () => {
  it('compares fenced code blocks verbatim and reads German figure words', () => {
    const en = 'See Figures 20.4 and 20.5.\n\n```js\nconst a = 1;\n```\n';
    expect(markdownFactsDiffer(en, 'Siehe Abbildungen 20.4 und 20.5.\n\n```js\nconst a = 1;\n```\n', 'de')).toBeNull();
    expect(markdownFactsDiffer(en, 'Siehe Abbildungen 20.4 und 20.5.\n\n```js\nconst b = 1;\n```\n', 'de')).toMatch(
      /^lacks the English's code block "```js\\nconst a = 1;\\n```"; has code block "```js\\nconst b = 1;\\n```" the English has not$/,
    );
    expect(markdownFactsDiffer(en, 'Siehe Abbildung 20.4.\n\n```js\nconst a = 1;\n```\n', 'de')).toBe(
      'lacks the English\'s figure "20.5"',
    );
    // Numbers as each locale writes them; code, chapters and figures do not count as numbers.
    const figures = 'Yahoo! sorted 500 GB on 1,406 machines, 2.4× faster (`sort.mb`: 100, Cookbook 20.1.2).';
    expect(
      markdownFactsDiffer(
        figures,
        'Yahoo! sortierte 500 GB auf 1.406 Maschinen, 2,4× schneller (`sort.mb`: 100, Cookbook 20.1.2).',
        'de',
      ),
    ).toBeNull();
    expect(
      markdownFactsDiffer(
        figures,
        'Yahoo! sortierte 500 GB auf 1,406 Maschinen, 2.4× schneller (`sort.mb`: 100, Cookbook 20.1.2).',
        'de',
      ),
    ).toBe('lacks the English\'s number "1406", "2.4"; has number "1.406", "2", "4" the English has not');
    // An unclosed fence runs to the end, as CommonMark has it.
    expect(markdownFactsDiffer('a\n```\nx', 'b\n```\nx', 'de')).toBeNull();
    // Inline code inside a fence is part of the block, not a separate identifier.
    expect(markdownFactsDiffer('```\n`x`\n```', '```\n`x`\n```', 'de')).toBeNull();
  });
});

describe('markdownFacts on hostile text', () => {
  it('reads 100,000 characters of unclosed fences, brackets, backticks and digits at once', () => {
    const hostile = [
      '```\n'.repeat(25_000),
      '](](]('.repeat(16_000),
      '`'.repeat(100_000),
      '1,'.repeat(50_000),
      'Figure 1, '.repeat(10_000),
      'Cookbook 1'.repeat(10_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      markdownFactsDiffer(text, text.split('').reverse().join(''), 'de');
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(2000);
    }
  });

  it("refuses a translation of an English text over the limit, naming the translation's field", () => {
    const lab = copy(hdfsBlocksLab) as unknown as Loose;
    lab.intro = `Cookbook 19.2.2 ${'x'.repeat(MAX_TRANSLATED_TEXT)}`;
    expect(() => validateLab(lab)).toThrow(
      `lab 'hdfs-blocks': translations.de.intro: translates an English text of ${MAX_TRANSLATED_TEXT + 16} characters, more than ${MAX_TRANSLATED_TEXT}`,
    );
  });
});

describe('lab translations: the German', () => {
  it('is complete for hdfs-blocks, mapreduce-iot-averages and spark-in-memory, with a .de.md beside every English text', () => {
    for (const lab of GERMAN_LABS) {
      expect(isFullyTranslated(lab, 'de'), lab.id).toBe(true);
      const folder = new URL(`./${lab.id}/`, import.meta.url);
      expect(existsSync(new URL('intro.de.md', folder)), `${lab.id}/intro.de.md`).toBe(true);
      lab.steps.forEach((step, i) => {
        const file = new URL(`steps/${i + 1}-${step.id}/instructions.de.md`, folder);
        expect(readFileSync(file, 'utf8'), `${lab.id} ${step.id}`).toBe(localizeLab(lab, 'de').steps[i]!.instructions);
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
    expect([step.starter, step.solution]).toEqual([english.starter, english.solution]);
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
