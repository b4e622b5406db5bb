import { describe, expect, it } from 'vitest';
import { buildHandIn, handInText } from '../../../labs/handIn/buildHandIn';
import { parseHandIn } from '../../../labs/handIn/parseHandIn';
import { findLab } from '../../../labs/labRegistry';
import { parseProgress, withStep, type Progress } from '../../state/progress';
import { otherNameRuns, ranAsOf } from './otherNameRuns';

const lab = findLab('mapreduce-basics')!;
// count-tags (step 1) varies per student; splits-and-cores (step 2) does not.
const [varying, fixed] = [lab.steps[0]!.id, lab.steps[1]!.id];
const labOf = (id: string) => (id === lab.id ? lab : undefined);

/** The progress after a passing run of `stepIndex` with the name set then (as LabPage saves it). */
function ranAs(progress: Progress, stepIndex: number, name: string | undefined): Progress {
  return withStep(progress, lab.id, lab.steps[stepIndex]!.id, (s) => ({
    ...s,
    code: 'job()',
    passed: true,
    ...ranAsOf(lab, stepIndex, name),
  }));
}

describe('the name a varying step last ran under', () => {
  it('is saved with a varying step’s run ("" without a name), never with a fixed step’s', () => {
    expect(ranAsOf(lab, 0, undefined)).toEqual({ ranAs: '' });
    expect(ranAsOf(lab, 0, 'Ana Lima')).toEqual({ ranAs: 'Ana Lima' });
    expect(ranAsOf(lab, 0, '\u0000')).toEqual({ ranAs: '' });
    expect(ranAsOf(lab, 1, 'Ana Lima')).toEqual({});
  });

  it('survives a save and a reload; a malformed one is dropped, the step kept', () => {
    const saved = JSON.parse(JSON.stringify(ranAs(ranAs({ version: 1, labs: {} }, 0, undefined), 1, 'Bo')));
    const back = parseProgress(saved);
    expect(back.labs[lab.id]!.steps[varying]).toMatchObject({ passed: true, ranAs: '' });
    expect(back.labs[lab.id]!.steps[fixed]).not.toHaveProperty('ranAs');
    for (const bad of [42, null, 'a\u202eb', 'x'.repeat(500), { name: 'Ana' }]) {
      saved.labs[lab.id].steps[varying].ranAs = bad;
      const step = parseProgress(saved).labs[lab.id]!.steps[varying]!;
      expect(step).not.toHaveProperty('ranAs');
      expect(step).toMatchObject({ code: 'job()', passed: true });
    }
  });

  it('stays out of the hand-in, which parses without a warning', () => {
    const text = handInText(buildHandIn(ranAs({ version: 1, labs: {} }, 0, undefined), 'Ana', '0.1.0', new Date(0)));
    expect(text).not.toMatch(/ranAs/);
    expect(parseHandIn(text, 'ana.clusterlab').problems).toEqual([]);
  });
});

describe('steps a hand-in would grade on other data than the student last ran', () => {
  it('lists a varying step passed before the name was set, and one run under another name', () => {
    const beforeName = ranAs({ version: 1, labs: {} }, 0, undefined);
    expect(otherNameRuns(beforeName, 'Ana Lima', labOf)).toEqual([{ labId: lab.id, stepId: varying, ranAs: '' }]);
    const asBo = ranAs(beforeName, 0, 'Bo');
    expect(otherNameRuns(asBo, 'Ana Lima', labOf)).toEqual([{ labId: lab.id, stepId: varying, ranAs: 'Bo' }]);
  });

  it('lists nothing for the same name in another spelling, for fixed steps, unknown runs or no usable name', () => {
    const asAna = ranAs(ranAs({ version: 1, labs: {} }, 0, ' ana  LIMA '), 1, undefined);
    expect(otherNameRuns(asAna, 'Ana Lima', labOf)).toEqual([]);
    const unknown = withStep({ version: 1, labs: {} }, lab.id, varying, () => ({ code: 'job()', passed: true }));
    expect(otherNameRuns(unknown, 'Ana Lima', labOf)).toEqual([]);
    expect(otherNameRuns(ranAs({ version: 1, labs: {} }, 0, undefined), '   ', labOf)).toEqual([]);
  });
});
