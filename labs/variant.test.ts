import { describe, expect, it } from 'vitest';
import { findLab } from './labRegistry';
import { validateLab } from './validateLab';
import { runStep } from './runStep';
import { labTestRunner } from './__tests__/labTestRunner';
import {
  fillVariantText,
  studentSeed,
  variantInstructions,
  variantPlaceholders,
  variantSolution,
  variantStarter,
  variantValues,
} from './variant';

const runner = labTestRunner();
const basics = findLab('mapreduce-basics')!;
const chaining = findLab('mapreduce-chaining')!;

describe('per-student variants', () => {
  it('seeds: 32-bit FNV-1a of the normal form; names differ, spacing, case and composition do not', () => {
    // FNV-1a("") is the offset basis; "a" is a published test vector (0xe40c292c).
    expect(studentSeed('   ')).toBe(0x811c9dc5);
    expect(studentSeed('a')).toBe(0xe40c292c);
    expect(studentSeed('A')).toBe(0xe40c292c);
    expect(studentSeed('Ana Lima')).toBe(studentSeed('  ana \t LIMA '));
    expect(studentSeed('José')).toBe(studentSeed('Jose\u0301'));
    expect(studentSeed('Ana Lima')).not.toBe(studentSeed('Ana Lime'));
    expect(studentSeed('Ana Lima')).toBe(967_564_802);
  });

  it("texts: placeholders filled with the student's values; the step as written is the lab's own", () => {
    const step = chaining.steps[0]!;
    // As written (checked byte for byte against the text before it had placeholders).
    expect(step.instructions).toContain('Which 10 pages of the link graph');
    expect(step.instructions).toContain('reads the 6,494-byte graph');
    expect(step.instructions).toContain('3 of them for 1,694 bytes');
    expect(basics.steps[0]!.instructions).toContain(
      'is 888,784 bytes stored in blocks of 98,816,\nso it has nine blocks',
    );
    expect(variantPlaceholders(step.kind === 'mapreduce' ? step.variant!.instructions : '')).toEqual([
      'top',
      'graphBytes',
      'countBytes',
    ]);
    const ana = studentSeed('Ana Lima');
    const values = variantValues(step, ana);
    expect(values.top).not.toBe(10);
    const text = variantInstructions(step, ana);
    expect(text).toContain(`Which ${values.top} pages of the link graph`);
    expect(text).not.toContain('{{');
    expect(variantStarter(step, ana)).toContain(`written < ${values.top}`);
    expect(variantInstructions(step, null)).toBe(step.instructions);
    expect(fillVariantText('{{variant.n}} and {{variant.x}}', { n: 1234 }, (n) => n.toLocaleString('de-DE'))).toBe(
      '1.234 and {{variant.x}}',
    );
  });

  it("each student's solution passes under their own variant; a neighbour's answer fails there", async () => {
    const students = ['Ana Lima', 'Bo Chen'];
    for (const lab of [basics, chaining]) {
      const outcomes = [];
      for (const name of students) {
        const seed = studentSeed(name);
        const step = lab.steps[0]!;
        const mine = await runStep({
          lab,
          stepIndex: 0,
          source: variantSolution(step, seed),
          runner,
          variantSeed: seed,
        });
        expect(
          mine.checks.filter((c) => !c.pass),
          `${lab.id} ${name}`,
        ).toEqual([]);
        outcomes.push(mine);
      }
      // Different data: different results (the neighbour's numbers would not pass).
      const [a, b] = outcomes.map((o) => JSON.stringify((o.report as { result: unknown }).result));
      expect(a).not.toBe(b);
    }
    // Bo's chaining solution keeps Bo's number of pages: judged as Ana's, it fails the top-N check.
    const ana = studentSeed('Ana Lima');
    const bo = studentSeed('Bo Chen');
    const step = chaining.steps[0]!;
    if (variantValues(step, ana).top !== variantValues(step, bo).top) {
      const copied = await runStep({
        lab: chaining,
        stepIndex: 0,
        source: variantSolution(step, bo),
        runner,
        variantSeed: ana,
      });
      expect(copied.checks.find((c) => c.id === 'exact-top-10')!.pass).toBe(false);
    }
  }, 120_000);

  it('validateLab refuses a malformed variant, naming the field', () => {
    const broken = (change: (v: Record<string, unknown>) => void) => {
      const lab = { ...chaining, steps: chaining.steps.map((s) => ({ ...s })) };
      const step = lab.steps[0] as unknown as { variant: Record<string, unknown> };
      step.variant = { ...step.variant };
      change(step.variant);
      return () => validateLab(lab);
    };
    expect(broken(() => {})).not.toThrow();
    expect(broken((v) => (v.datasets = ['nope']))).toThrow(
      /steps\[0\]\.variant\.datasets.*'nope', which is not a dataset/,
    );
    expect(broken((v) => (v.instructions = 'Top {{variant.n}}'))).toThrow(
      /\{\{variant\.n\}\} has no value in values\(null\)/,
    );
    expect(broken((v) => (v.instructions = 'Other text'))).toThrow(
      /filled with values\(null\) they must be the step's instructions/,
    );
    expect(broken((v) => (v.values = 3))).toThrow(/variant\.values.*must be a function/);
  });
});
