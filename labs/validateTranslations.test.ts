import { describe, expect, it } from 'vitest';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import sparkInMemoryLab from './spark-in-memory/lab';
import { localizeLab } from './labLocale';
import type { Lab } from './labTypes';
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

  it('refuses a starter or solution whose code differs from the English, and one for a settings step', () => {
    expect(
      refusal(sparkInMemoryLab, (de) => {
        const step = de.steps['pagerank-mapreduce'];
        step.starter = (step.starter as string).replace('const ITERATIONS = 1;', 'const ITERATIONS = 10;');
      }),
    ).toBe(
      "lab 'spark-in-memory': translations.de.steps['pagerank-mapreduce'].starter: has `10` at line 4 where the English has `1`: translate only the comments, keep the code as it is",
    );
    expect(
      refusal(iotAveragesLab, (de) => {
        const step = de.steps['scale-out'];
        step.solution = `${step.solution as string}\nexport const extra = 1;\n`;
      }),
    ).toMatch(/steps\['scale-out'\]\.solution: has `export` at line \d+ where the English has the end of the file: /);
    expect(refusal(iotAveragesLab, (de) => (de.steps['minute-average'].starter = 'export default "open'))).toMatch(
      /steps\['minute-average'\]\.starter: is not valid JavaScript \(Unterminated string constant \(1:15\)\): translate only the comments$/,
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps.append.starter = '{}'))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append'].starter: a hdfs step's starter is settings, not code with comments: leave it out",
    );
  });

  it('refuses hints whose count differs from the English', () => {
    expect(refusal(hdfsBlocksLab, (de) => de.steps['put-512mb'].hints.pop())).toBe(
      "lab 'hdfs-blocks': translations.de.steps['put-512mb'].hints: must have 2 entries like the English, got 1",
    );
    expect(refusal(hdfsBlocksLab, (de) => de.steps['put-512mb'].hints.push('Noch ein Tipp.'))).toMatch(
      /hints: must have 2 entries like the English, got 3$/,
    );
  });

  it('refuses practice hints that are missing, miscounted, drop a fact, or belong to a step without them', () => {
    expect(refusal(hdfsBlocksLab, (de) => delete de.steps['kill-datanode'].practiceHints)).toBe(
      "lab 'hdfs-blocks': translations.de.steps['kill-datanode'].practiceHints: must have 3 entries like the English practice.hints",
    );
    expect(refusal(hdfsBlocksLab, (de) => de.steps['kill-datanode'].practiceHints!.pop())).toMatch(
      /practiceHints: must have 3 entries like the English practice\.hints$/,
    );
    expect(
      refusal(
        hdfsBlocksLab,
        (de) => (de.steps['kill-datanode'].practiceHints![1] = 'Füge einen killNode-Ausfall hinzu.'),
      ),
    ).toMatch(/translations\.de\.steps\['kill-datanode'\]\.practiceHints\[1\]: /);
    expect(refusal(hdfsBlocksLab, (de) => (de.steps['append'].practiceHints = ['Ein Tipp.']))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append'].practiceHints: the step has no practice hints to translate",
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

  it("refuses a variant's translated text that is missing, drops a placeholder or does not fill to the instructions", () => {
    const at = "lab 'mapreduce-iot-averages': translations.de.steps['minute-average'].variantInstructions: ";
    expect(refusal(iotAveragesLab, (de) => delete de.steps['minute-average'].variantInstructions)).toBe(
      `${at}is missing: the step's variant writes {{variant.days}} in its text; translate variant.instructions with the same placeholders`,
    );
    const swap = (from: string, to: string) => (de: Loose) =>
      (de.steps['minute-average'].variantInstructions = de.steps['minute-average'].variantInstructions.replace(
        from,
        to,
      ));
    expect(refusal(iotAveragesLab, swap('{{variant.days}}', '10'))).toBe(
      `${at}lacks {{variant.days}}, which the English has`,
    );
    expect(refusal(iotAveragesLab, swap('{{variant.days}}', '{{variant.tage}}'))).toBe(
      `${at}lacks {{variant.days}}, which the English has`,
    );
    expect(refusal(iotAveragesLab, swap('wächst von', 'wächst kaum von'))).toBe(
      `${at}filled with the lab's own values (values(null)) it must be the translated instructions`,
    );
    expect(refusal(iotAveragesLab, (de) => (de.steps['daily-average'].variantInstructions = 7))).toBe(
      "lab 'mapreduce-iot-averages': translations.de.steps['daily-average'].variantInstructions: must be a text",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps.append.variantInstructions = 'x'))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append'].variantInstructions: the step has no per-student variant: leave it out",
    );
  });

  it('refuses an unknown locale, an unknown field and a catalogue entry that carries more', () => {
    expect(refusal(hdfsBlocksLab, (de, all) => (all.fr = de))).toBe(
      "lab 'hdfs-blocks': translations.fr: is not a locale labs are translated into (locales: de; English is the lab's own text)",
    );
    expect(refusal(hdfsBlocksLab, (de) => (de.steps.append.hint = 'x'))).toBe(
      "lab 'hdfs-blocks': translations.de.steps['append'].hint: is not a field of a translation (fields: title, instructions, variantInstructions, hints, practiceHints, checks, extraRuns, starter, solution)",
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

  it("refuses a translation of an English text over the limit, naming the translation's field", () => {
    const lab = copy(hdfsBlocksLab) as unknown as Loose;
    lab.intro = `Cookbook 19.2.2 ${'x'.repeat(MAX_TRANSLATED_TEXT)}`;
    expect(() => validateLab(lab)).toThrow(
      `lab 'hdfs-blocks': translations.de.intro: translates an English text of ${MAX_TRANSLATED_TEXT + 16} characters, more than ${MAX_TRANSLATED_TEXT}`,
    );
  });
});
